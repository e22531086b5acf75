/**
 * Mistakes writers make, run through `npm run build` as a writer runs it: each is
 * one line naming the file, the line and the field, with what to write instead,
 * and no stack trace is printed.
 */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { runScript } from "../tools/helpers.ts";

const base = "test/fixtures/writer-mistakes/content";

test("npm run build lists every mistake of the writer-mistakes fixture, one line each, without a stack trace", () => {
  const output = mkdtempSync(path.join(tmpdir(), "writer-mistakes-"));
  const run = runScript("build.ts", [`--input=${base}`, `--output=${output}`, "--quiet"]);
  assert.equal(run.status, 1);
  const lines = run.stderr.split("\n").map((l) => l.trim());
  const expected = [
    // 6. An unquoted title with a spaced colon, the most common French case.
    `${base}/blog/2025/deux-points/index.fr.md:2 · title · a value containing ": " must be put in quotes; write the line as: title: "Atelier : chiffrer ses courriels"`,
    // 6. Two letters swapped.
    `${base}/blog/2025/faute-de-frappe/index.fr.md:4 · tgas · unknown field: did you mean "tags"?`,
    // 3. A title of spaces only.
    `${base}/blog/2025/titre-vide/index.fr.md:2 · title · expected a title, found an empty text (or only spaces)`,
    // 2. Two different tags that would share /blog/tags/c/.
    `${base}/blog/2025/cplusplus/index.fr.md:4 · tags · "C++" and "C#" in ${base}/blog/2025/csharp/index.fr.md:6 would share one tag page, /blog/tags/c/: rename one so that their letters or digits differ`,
    `${base}/blog/2025/csharp/index.fr.md:6 · tags · "C#" and "C++" in ${base}/blog/2025/cplusplus/index.fr.md:4 would share one tag page, /blog/tags/c/: rename one so that their letters or digits differ`,
  ];
  for (const line of expected) assert.ok(lines.includes(line), `expected the line\n  ${line}\nin:\n${run.stderr}`);
  assert.match(run.stderr, /^\d+ content problems stopped the build:$/m);
  assert.doesNotMatch(run.stderr, /^\s+at .*:\d+:\d+\)?$/m, "no stack trace");
});
