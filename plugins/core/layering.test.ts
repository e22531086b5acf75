/**
 * core is the bottom of the plugin stack (core first, layouts on top, issue
 * 18): other plugins may import it, it imports none of them, so it can be
 * lifted into another site alone.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { filesUnder } from "./files.ts";

const CORE = path.dirname(fileURLToPath(import.meta.url));

test("no file of plugins/core imports from another plugin folder", () => {
  const outside = filesUnder(CORE)
    .filter((file) => /\.tsx?$/.test(file))
    .flatMap((file) => [...readFileSync(path.join(CORE, file), "utf8").matchAll(/(?:from|import\()\s*["'](\.\.\/[^"']+)["']/g)].map((m) => `${file}: ${m[1]}`));
  assert.deepEqual(outside, []);
});
