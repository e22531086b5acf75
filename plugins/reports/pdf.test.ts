import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildPdf, pdfProblems, pdfString, pdfUnicodeString, textWidth, wrapText } from "./pdf.ts";

const paragraph = (n: number) => ({ kind: "paragraph" as const, text: `Paragraphe ${n} : l’assemblée a voté le budget, « à l’unanimité », pour 1 234,56 €.` });

describe("minimal PDF", () => {
  it("writes a file whose cross-reference table points at every object", () => {
    const pdf = buildPdf({ title: "Rapport moral 2024-2025", lang: "fr", blocks: [{ kind: "title", text: "Rapport moral" }, paragraph(1)] });
    assert.deepEqual(pdfProblems(pdf), []);
    const text = pdf.toString("latin1");
    assert.match(text, /^%PDF-1\.7\n/);
    assert.match(text, /\/Lang \(fr\)/);
    assert.ok(text.includes(`/Title ${pdfUnicodeString("Rapport moral 2024-2025")}`));
  });

  it("breaks long texts onto as many A4 pages as needed, numbered", () => {
    const pdf = buildPdf({ title: "Long", lang: "fr", blocks: Array.from({ length: 80 }, (_, i) => paragraph(i)) });
    assert.deepEqual(pdfProblems(pdf), []);
    const pages = Number(/\/Count (\d+)/.exec(pdf.toString("latin1"))![1]);
    assert.ok(pages >= 3, `${pages} pages`);
    assert.ok(pdf.toString("latin1").includes(`(${pages} / ${pages})`));
  });

  it("is the same file for the same text, so a rebuild uploads nothing", () => {
    const doc = { title: "T", lang: "en", blocks: [paragraph(1)] };
    assert.ok(buildPdf(doc).equals(buildPdf(doc)));
  });

  it("encodes French text in WinAnsi, escaping what would end the string", () => {
    assert.equal(pdfString("é (a) \\"), "(\\351 \\(a\\) \\\\)");
    assert.equal(pdfString("l’été 2 €"), "(l\\222\\351t\\351 2 \\200)");
    // The narrow no-break space of French amounts has no WinAnsi glyph: a no-break space stands in.
    assert.equal(pdfString("1\u202f234"), "(1\\240234)");
  });

  it("wraps lines within the width it is given", () => {
    const text = "Les bénévoles ont donné environ quatre cent vingt heures à l’association cette année, quarante de plus.";
    const lines = wrapText(text, 200, 10.5);
    assert.ok(lines.length > 1);
    for (const line of lines) assert.ok(textWidth(line, 10.5) <= 200, line);
    assert.equal(lines.join(" "), text);
  });

  it("finds what is broken in a damaged file", () => {
    const pdf = buildPdf({ title: "T", lang: "fr", blocks: [paragraph(1)] }).toString("latin1");
    const renamed = Buffer.from(pdf.replace("\n3 0 obj", "\n9 0 obj"), "latin1");
    assert.ok(pdfProblems(renamed).some((p) => /object 3 is not at byte/.test(p)));
    const shifted = Buffer.from(pdf.replace("%PDF-1.7\n", "%PDF-1.7\n\n"), "latin1");
    assert.ok(pdfProblems(shifted).some((p) => /startxref points at byte/.test(p)));
    assert.ok(pdfProblems(Buffer.from(pdf.replace(/%%EOF\n$/, ""), "latin1")).length > 0);
  });
});
