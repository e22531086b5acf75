import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { parsePluginOptions } from "./options.ts";

const Schema = z.strictObject({
  width: z.number().int().positive().default(480),
  hosts: z.array(z.string().regex(/^[a-z.]+$/, "a host name")).default([]),
});

describe("plugin options", () => {
  it("fills in the defaults, also when no options are given", () => {
    assert.deepEqual(parsePluginOptions("images", Schema, undefined), { width: 480, hosts: [] });
    assert.deepEqual(parsePluginOptions("images", Schema, { width: 960 }), { width: 960, hosts: [] });
  });

  it("names the plugin, then each bad option with what was expected and received", () => {
    assert.throws(
      () => parsePluginOptions("images", Schema, { width: -1, hosts: ["ok.org", "Not A Host"] }),
      (error: Error) => {
        const [head, ...lines] = error.message.split("\n");
        assert.equal(head, "[images plugin] invalid options:");
        assert.equal(lines.length, 2);
        assert.match(lines[0]!, /^ {2}width: .* \(received -1\)$/);
        assert.match(lines[1]!, /^ {2}hosts\.1: a host name \(received "Not A Host"\)$/);
        return true;
      },
    );
  });

  it("reports unknown options at the top, without dumping the values (a project, functions…)", () => {
    const circular: Record<string, unknown> = { site: {} };
    circular.self = circular;
    assert.throws(
      () => parsePluginOptions("blog", Schema, { widht: 1, project: circular }),
      /^Error: \[blog plugin\] invalid options:\n {2}\(options\): .*widht.*\(received a group of fields \(widht, project\)\)$/,
    );
  });
});
