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
    assert.deepEqual(readLogo([dir], "a.svg", dir), { svg: '<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>' });
  });

  it("says what is wrong when the file is missing or is not an SVG, naming each folder once", () => {
    assert.deepEqual(readLogo([path.join(dir, "data"), path.join(dir, "data")], "none.svg", dir), { problem: '"none.svg" was not found in data/: put the SVG there or remove the setting' });
    writeFileSync(path.join(dir, "b.svg"), "<png/>");
    assert.deepEqual(readLogo([dir], "b.svg", dir), { problem: "b.svg is not an SVG file (no <svg> element in it)" });
  });

  it("falls back to the next folder (a fixture site without its own logo uses the project's)", () => {
    const read = readLogo([dir, path.resolve("data")], "logo.svg", dir);
    assert.match("svg" in read ? read.svg : read.problem, /^<svg/);
  });

  it("reads the starter site's logo", () => {
    const read = readLogo([path.resolve("data")], "logo.svg", path.resolve("."));
    assert.ok("svg" in read);
    assert.match(read.svg, /^<svg[^>]*viewBox[\s\S]*class="logo-head"[\s\S]*<\/svg>$/);
  });
});
