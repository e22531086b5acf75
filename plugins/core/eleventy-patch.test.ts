import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";

// patches/@11ty+eleventy+3.1.7.patch, applied by `npm ci` (postinstall: patch-package),
// backports 11ty/eleventy#3939: without it a build's time grows with the square of its pages.
test("the installed Eleventy finds a template by its input path in a Map, not by a search through all of them", () => {
  // `exports` hides the package's files: find its folder from its main module (src/Eleventy.js).
  const eleventy = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  const source = readFileSync(path.join(eleventy, "TemplateMap.js"), "utf8");
  assert.match(source, /#entriesByInputPath\.get\(inputPath\)/);
  assert.doesNotMatch(source, /return this\.map\.find\(\(entry\) => \{\s*if \(entry\.inputPath === inputPath/);
});
