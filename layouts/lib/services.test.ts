import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { servicesOf } from "./services.ts";

describe("servicesOf", () => {
  it("reads the starter site's services in both languages", () => {
    const services = servicesOf(JSON.parse(readFileSync("data/services.json", "utf8")), ["fr", "en"]);
    assert.ok(services.length >= 3);
    for (const s of services) assert.ok(s.name.fr && s.name.en && s.summary.fr && s.summary.en);
  });

  it("names the entry and field of a mistake", () => {
    assert.throws(
      () => servicesOf([{ id: "mail", name: { fr: "Courriel" }, summary: { fr: "…", en: "…" }, path: "/docs/" }], ["fr", "en"]),
      /data\/services\.json · \[0\]\.path · a path inside the language/,
    );
    assert.throws(
      () => servicesOf([{ id: "mail", name: { fr: "Courriel" }, summary: { fr: "…", en: "…" }, path: "docs/" }], ["fr", "en"]),
      /data\/services\.json · \[0\]\.name\.en · missing/,
    );
  });

  it("is empty for a site without services", () => {
    assert.deepEqual(servicesOf(undefined, ["fr"]), []);
  });
});
