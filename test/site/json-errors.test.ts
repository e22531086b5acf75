/**
 * A slip in a JSON file a person edits: the UI strings (data/i18n/<lang>.json), a page's
 * data file. The build stops with one problem at its line, not a parser's position
 * followed by every string of the file reported missing, nor Eleventy's stack trace.
 */
import assert from "node:assert/strict";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { jsonMistake } from "../../plugins/core/json-errors.ts";
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

test("a comma missing in a post's data file stops the build at its line, before Eleventy reads it", async () => {
  const work = contentWorkFolder("broken-data-file");
  try {
    const content = copyStarter(work);
    const file = path.join(content, "blog", "2025", "install-party-printemps", "install-party-printemps.11tydata.json");
    writeFileSync(file, '{\n  "updated": "2025-04-20T09:00"\n  "authors": ["Camille Martin"]\n}\n');
    const failure = await buildFailure({ input: content });
    assert.equal(failure.problems.length, 1, failure.message);
    assert.deepEqual(
      { ...failure.problems[0] },
      {
        file: path.relative(process.cwd(), file),
        line: 3,
        message: "this data file is not valid JSON (Expected ',' or '}' after property value): look for a comma missing at the end of the line above, one too many before a }, or a quote left open",
      },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test("the line is read from either form of the parser's message", () => {
  const text = '{\n  "a": "x"\n  "b": "y"\n}\n';
  const newer = jsonMistake(text, new Error("Expected ',' or '}' after property value in JSON at position 14 (line 3 column 3)"));
  const older = jsonMistake(text, new Error("Expected ',' or '}' after property value in JSON at position 14"));
  assert.equal(newer.line, 3);
  assert.equal(older.line, 3);
  assert.equal(older.message, newer.message);
});
