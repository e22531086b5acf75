/**
 * A translator's slip in the UI strings (data/i18n/<lang>.json): the build stops with
 * one problem at its line, not a parser's position followed by every string of the
 * file reported missing.
 */
import assert from "node:assert/strict";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { unreadableStrings } from "../../plugins/i18n/strings.ts";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { buildFailure, contentWorkFolder, copyStarter } from "../helpers/build.ts";

test("a comma missing in the French UI strings stops the build at the line after it, with nothing else reported", async () => {
  const work = contentWorkFolder("broken-strings");
  try {
    const content = copyStarter(work);
    cpSync(path.join(PROJECT_ROOT, "data"), path.join(work, "data"), { recursive: true });
    const file = path.join(work, "data", "i18n", "fr.json");
    const lines = readFileSync(file, "utf8").split("\n");
    const at = lines.findIndex((l) => l.includes('"legal": "Mentions légales",'));
    lines[at] = lines[at]!.replace(/,$/, "");
    writeFileSync(file, lines.join("\n"));

    const failure = await buildFailure({ input: content });
    assert.equal(failure.problems.length, 1, failure.message);
    const [problem] = failure.problems;
    assert.equal(problem!.file, path.relative(process.cwd(), file));
    // The parser stops at the next string, on the line after the missing comma.
    assert.equal(problem!.line, at + 2);
    assert.match(problem!.message, /^the UI strings are not valid JSON \(Expected ',' or '\}' after property value\): look for a comma missing at the end of the line above/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test("the line is read from either form of the parser's message", () => {
  const text = '{\n  "a": "x"\n  "b": "y"\n}\n';
  const newer = unreadableStrings("fr.json", text, new Error("Expected ',' or '}' after property value in JSON at position 14 (line 3 column 3)"));
  const older = unreadableStrings("fr.json", text, new Error("Expected ',' or '}' after property value in JSON at position 14"));
  assert.equal(newer.line, 3);
  assert.equal(older.line, 3);
  assert.equal(older.message, newer.message);
});
