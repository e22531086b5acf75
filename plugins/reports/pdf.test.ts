import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readPdf } from "../../test/helpers/pdf.ts";
import { buildPdf } from "./pdf.ts";

const paragraph = (n: number) => ({ kind: "paragraph" as const, text: `Paragraphe ${n} : l’assemblée a voté le budget, « à l’unanimité », pour 1\u202f234,56 €.` });

describe("example report PDF", () => {
  it("is read by a PDF viewer with its title, language, author and French text", async () => {
    const pdf = await readPdf(await buildPdf({ title: "Rapport moral 2024-2025", lang: "fr", author: "Les Chatons", blocks: [{ kind: "title", text: "Rapport moral" }, paragraph(1)] }));
    assert.equal(pdf.title, "Rapport moral 2024-2025");
    assert.equal(pdf.lang, "fr");
    assert.equal(pdf.author, "Les Chatons");
    assert.equal(pdf.pages.length, 1);
    // The narrow no-break space of French amounts has no glyph in the standard fonts: a no-break space stands in (pdf.js reads it as a space).
    assert.match(pdf.pages[0]!, /Rapport moral .*l’assemblée a voté le budget, « à l’unanimité », pour 1[\u00a0 ]234,56 €\./);
  });

  it("is tagged: a heading, paragraphs and list items in reading order", async () => {
    const bytes = await buildPdf({
      title: "T",
      lang: "en",
      blocks: [{ kind: "title", text: "Report" }, { kind: "heading", text: "Figures" }, { kind: "item", text: "one" }, { kind: "item", text: "two" }, { kind: "paragraph", text: "End." }],
    });
    const pdf = await readPdf(bytes);
    assert.deepEqual(pdf.roles, ["Document", "H1", "H2", "L", "LI", "LBody", "LI", "LBody", "P"]);
    // Bullets are artifacts, outside the tags, but still on the page.
    assert.equal(pdf.pages[0], "Report Figures • one • two End.");
  });

  it("breaks long texts onto as many A4 pages as needed, numbered", async () => {
    const pdf = await readPdf(await buildPdf({ title: "Long", lang: "fr", blocks: Array.from({ length: 80 }, (_, i) => paragraph(i)) }));
    assert.ok(pdf.pages.length >= 3, `${pdf.pages.length} pages`);
    const count = pdf.pages.length;
    pdf.pages.forEach((text, i) => assert.ok(text.endsWith(`${i + 1} / ${count}`), text.slice(-20)));
    assert.ok(pdf.pages.join(" ").includes("Paragraphe 79 :"), "no paragraph is lost");
  });

  it("is the same file for the same text, so a rebuild uploads nothing", async () => {
    const doc = { title: "T", lang: "en", blocks: [paragraph(1)] };
    assert.ok((await buildPdf(doc)).equals(await buildPdf(doc)));
  });
});
