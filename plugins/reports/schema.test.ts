import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { reportValidator, type ReportPaths } from "./schema.ts";

let paths: ReportPaths;
const file = (rel: string) => path.relative(paths.root, path.join(paths.input, rel));

before(() => {
  const root = mkdtempSync(path.join(tmpdir(), "report-schema-"));
  paths = { zone: "Europe/Paris", root, input: path.join(root, "content"), financesDir: path.join(root, "data", "finances") };
  mkdirSync(path.join(paths.input, "reports/2024-2025/rapport-moral"), { recursive: true });
  mkdirSync(paths.financesDir, { recursive: true });
  writeFileSync(path.join(paths.input, "reports/2024-2025/rapport-moral/rapport.pdf"), "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
  writeFileSync(path.join(paths.financesDir, "2024-2025.yaml"), "exercice: 2024-2025\n");
});

const valid = { title: "Rapport moral 2024-2025", exercice: "2024-2025", kind: "moral", date: "2025-11-15", pdf: "rapport.pdf" };

describe("report front matter", () => {
  it("accepts a complete report in its exercice's folder", () => {
    assert.deepEqual(reportValidator(paths)(valid, file("reports/2024-2025/rapport-moral/index.fr.md")), []);
  });

  it("accepts a period that is not a year (a season) with its label and dates, and says what such a folder needs without them", () => {
    const rel = file("reports/2018-automne/rapport-moral/index.fr.md");
    const autumn = { title: "Rapport moral de l'automne 2018", exercice: "2018-automne", kind: "moral", date: "2019-01-26" };
    const period = { label: "automne 2018", start: "2018-09-01", end: "2018-12-31" };
    assert.deepEqual(reportValidator(paths)({ ...autumn, period }, rel), []);
    const [bare] = reportValidator(paths)(autumn, rel);
    assert.equal(bare!.field, "exercice");
    assert.match(bare!.message, /found 2018-automne; for another period .* add period: \{ label, start, end \}/);
    const [financial] = reportValidator(paths)({ ...autumn, period, kind: "financial" }, rel);
    assert.match(financial!.message, /expected moral or assembly for the period 2018-automne/);
    const backwards = reportValidator(paths)({ ...autumn, period: { ...period, end: "2018-08-31" } }, rel);
    assert.deepEqual(backwards.map((p) => p.field), ["period.end"]);
  });

  it("names the field of every mistake", () => {
    const problems = reportValidator(paths)(
      { title: "R", exercice: "2024/2025", kind: "annual", date: "15/11/2025", exemple: true },
      file("reports/2024-2025/rapport-moral/index.fr.md"),
    );
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    assert.match(byField.exercice!, /expected an exercice such as 2024-2025/);
    assert.match(byField.kind!, /expected moral, financial or assembly, found "annual"/);
    assert.match(byField.date!, /expected a date like 2025-03-12/);
    assert.match(byField.exemple!, /unknown field: did you mean "example"\?/);
  });

  it("wants the exercice to be the folder's name", () => {
    const [problem] = reportValidator(paths)({ ...valid, exercice: "2023-2024" }, file("reports/2024-2025/rapport-moral/index.fr.md"));
    assert.equal(problem?.field, "exercice");
    assert.match(problem!.message, /expected 2024-2025, the name of the folder the report is in, found 2023-2024/);
  });

  it("wants a report inside an exercice folder", () => {
    const [problem] = reportValidator(paths)(valid, file("reports/rapport-moral.fr.md"));
    assert.match(problem!.message, /content\/reports\/<exercice>\//);
  });

  it("wants figures for a financial report", () => {
    const validate = reportValidator(paths);
    const ok = { ...valid, kind: "financial", pdf: undefined };
    assert.deepEqual(validate(ok, file("reports/2024-2025/rapport-moral/index.fr.md")), []);
    mkdirSync(path.join(paths.input, "reports/2022-2023/rapport-financier"), { recursive: true });
    const [problem] = validate({ ...ok, exercice: "2022-2023" }, file("reports/2022-2023/rapport-financier/index.fr.md"));
    assert.equal(problem?.field, "exercice");
    assert.match(problem!.message, /data\/finances\/2022-2023\.yaml, which does not exist/);
  });

  it("names a missing PDF and the folder it should be in", () => {
    const [problem] = reportValidator(paths)({ ...valid, pdf: "absent.pdf" }, file("reports/2024-2025/rapport-moral/index.fr.md"));
    assert.equal(problem?.field, "pdf");
    assert.match(problem!.message, /the file absent\.pdf is not in content\/reports\/2024-2025\/rapport-moral/);
  });

  it("names a PDF written in other capitals than the file's, which a Mac's disk finds and the published site does not", () => {
    const folder = path.join(paths.input, "reports/2024-2025/rapport-moral");
    writeFileSync(path.join(folder, "bilan-2025.pdf"), "%PDF-1.7\n%%EOF\n");
    const [problem] = reportValidator(paths)({ ...valid, pdf: "Bilan-2025.pdf" }, file("reports/2024-2025/rapport-moral/index.fr.md"));
    assert.equal(problem?.field, "pdf");
    assert.equal(
      problem!.message,
      "the file Bilan-2025.pdf is not in content/reports/2024-2025/rapport-moral, which has bilan-2025.pdf (names are case-sensitive once published): write pdf: bilan-2025.pdf, or rename the file",
    );
  });

  it("names a PDF that would not open: empty, a Git LFS pointer, a Word document, cut off", () => {
    const folder = path.join(paths.input, "reports/2024-2025/rapport-moral");
    const cases: [string, string | Buffer, RegExp][] = [
      ["vide.pdf", "", /^the file vide\.pdf is empty \(0 bytes\)/],
      ["lfs.pdf", "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 48213\n", /^the file lfs\.pdf is a Git LFS pointer .*: run git lfs pull/],
      ["texte.pdf", Buffer.from("PK\x03\x04word/document.xml", "latin1"), /^the file texte\.pdf is not a PDF \(it is a ZIP archive, or a Word or LibreOffice document\): export the report as PDF/],
      ["coupe.pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Cat", /^the file coupe\.pdf is cut off \(its end is missing, as after an interrupted copy\)/],
    ];
    for (const [name, bytes, message] of cases) {
      writeFileSync(path.join(folder, name), bytes);
      const [problem, ...more] = reportValidator(paths)({ ...valid, pdf: name }, file("reports/2024-2025/rapport-moral/index.fr.md"));
      assert.equal(problem?.field, "pdf");
      assert.match(problem!.message, message);
      assert.deepEqual(more, []);
    }
  });

  it("keeps the PDF inside the report's folder", () => {
    const [problem] = reportValidator(paths)({ ...valid, pdf: "../autre/rapport.pdf" }, file("reports/2024-2025/rapport-moral/index.fr.md"));
    assert.equal(problem?.field, "pdf");
    assert.match(problem!.message, /expected a file of the report's folder/);
  });
});
