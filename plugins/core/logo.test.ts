import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { readLogo } from "./logo.ts";

describe("readLogo", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "logo-"));

  it("keeps the svg element alone, without prolog or comments", () => {
    writeFileSync(path.join(dir, "a.svg"), '<?xml version="1.0"?>\n<!-- made with Inkscape --><svg viewBox="0 0 1 1"><!-- ear --><path d="M0 0"/></svg>\n');
    assert.equal(readLogo([dir], "a.svg"), '<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>');
  });

  it("names the setting when the file is missing or is not an SVG", () => {
    assert.throws(() => readLogo([dir], "none.svg"), /data\/site\.ts · logo · "none\.svg" was not found/);
    writeFileSync(path.join(dir, "b.svg"), "<png/>");
    assert.throws(() => readLogo([dir], "b.svg"), /data\/site\.ts · logo · .*b\.svg is not an SVG file/);
  });

  it("falls back to the next folder (a fixture site without its own logo uses the project's)", () => {
    assert.match(readLogo([dir, path.resolve("data")], "logo.svg"), /^<svg/);
  });

  it("reads the starter site's logo", () => {
    assert.match(readLogo([path.resolve("data")], "logo.svg"), /^<svg[^>]*viewBox[\s\S]*class="logo-head"[\s\S]*<\/svg>$/);
  });
});
