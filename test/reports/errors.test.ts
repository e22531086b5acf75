/**
 * A site whose finances and reports are wrong (test/fixtures/reports-broken)
 * does not build, and names every file and line to fix at once.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ContentProblem } from "../../plugins/core/problems.ts";
import { buildFailure } from "../helpers/build.ts";

const BASE = "test/fixtures/reports-broken";


test("a wrong total, an unknown category and wrong report fields stop the build, each with its file and line", async () => {
  const content = await buildFailure({ fixture: "reports-broken" });
  const find = (file: string, field?: string): ContentProblem => {
    const found = content.problems.find((p) => p.file === `${BASE}/${file}` && (field === undefined || p.field === field));
    assert.ok(found, `a problem for ${file}${field ? ` · ${field}` : ""} in:\n${content.message}`);
    return found;
  };

  // The lines add up to 1050 + 200 = 1250.00; the treasurer declared 1520.00 on line 15.
  const mismatch = find("data/finances/2024-2025.yaml");
  assert.equal(mismatch.line, 15);
  assert.match(mismatch.message, /declared 1520\.00 but the income lines add up to 1250\.00 \(off by 270\.00\)/);

  const unknown = find("data/finances/2023-2024.yaml");
  assert.equal(unknown.line, 10);
  assert.match(unknown.message, /unknown income category "subventions": expected one of cotisations, dons/);

  const pdf = find("content/reports/2024-2025/rapport-financier/index.fr.md", "pdf");
  assert.equal(pdf.line, 6);
  assert.match(pdf.message, /rapport-financier-2024-2025\.pdf is not in test\/fixtures\/reports-broken\/content\/reports\/2024-2025\/rapport-financier/);

  // A PDF whose copy stopped half-way: published, it would not open.
  const cut = find("content/reports/2022-2023/rapport-moral/index.fr.md", "pdf");
  assert.equal(cut.line, 6);
  assert.equal(cut.message, "the file rapport-moral-2022-2023.pdf is cut off (its end is missing, as after an interrupted copy): copy the document into the folder again");

  const folder = find("content/reports/2024-2025/rapport-moral/index.fr.md", "exercice");
  assert.equal(folder.line, 3);
  assert.match(folder.message, /expected 2024-2025, the name of the folder the report is in, found 2023-2024/);

  const figures = find("content/reports/2022-2023/rapport-financier/index.fr.md", "exercice");
  assert.match(figures.message, /data\/finances\/2022-2023\.yaml, which does not exist/);

  // The English report gives another date for the assembly than the French original.
  const date = find("content/reports/2023-2024/rapport-moral/index.en.md", "date");
  assert.equal(date.line, 5);
  assert.match(date.message, /^expected the original's date \(index\.fr\.md:5: 2024-11-16\), found 2024-11-23: /);

  // One message for the writer lists them all, with file:line.
  assert.match(content.message, /test\/fixtures\/reports-broken\/data\/finances\/2024-2025\.yaml:15 · declared\.income · /);
  assert.match(content.message, /test\/fixtures\/reports-broken\/data\/finances\/2023-2024\.yaml:10 · income\.2\.category · /);
});
