import assert from "node:assert/strict";
import { test } from "node:test";
import { formatReport, type ImportReport } from "./report.ts";

const empty: ImportReport = { dryRun: false, site: undefined, pages: [], paired: [], untranslated: [], skipped: [], fetched: [], present: [], missing: [], aliases: [], events: [], notes: [] };

test("a dry run says nothing was written and lists the files it would fetch", () => {
  const text = formatReport({
    ...empty,
    dryRun: true,
    pages: [{ file: "content/blog/2025/a/index.fr.md", state: "new", from: "https://o.example/a/" }],
    missing: [{ url: "https://o.example/a.png", file: "content/blog/2025/a/a.png", error: "to fetch (dry run)" }],
  });
  assert.match(text, /^Import of 1 pages: 1 to write, 0 unchanged, 0 kept — dry run, nothing written\n/);
  assert.match(text, /\nFiles to fetch \(1\)\n {2}content\/blog\/2025\/a\/a\.png {2}← https:\/\/o\.example\/a\.png\n/);
  assert.doesNotMatch(text, /Files missing/);
});

test("every section is shown, 'none' when empty, so a reader sees what was checked", () => {
  const text = formatReport(empty);
  for (const title of ["Pages", "Paired translations", "Skipped", "Files fetched", "Files missing", "Aliases", "To check by hand"]) {
    assert.match(text, new RegExp(`\\n${title}[^\\n]*\\(0\\)\\n {2}none\\n`));
  }
});
