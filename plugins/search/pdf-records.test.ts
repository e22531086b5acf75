import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseFilters, pdfRecords } from "./pdf-records.ts";

const SITE = "https://www.example.org";
const html = (main: string, lang = "fr", attributes = 'data-pagefind-body data-pagefind-filter="section:Rapports"') =>
  `<!doctype html><html lang="${lang}"><head><title>Rapports · Site</title></head><body><nav><a href="/x.pdf">Menu</a></nav><main ${attributes}>${main}</main></body></html>`;

describe("PDF links as search records", () => {
  test("a PDF linked from the indexed content becomes a record of the page's language and section", () => {
    const records = pdfRecords(html('<h1>Rapport moral 2024-2025</h1><p><a href="rapport-moral.pdf">Rapport moral 2024-2025</a></p>'), "/reports/2024-2025/rapport-moral/", SITE);
    assert.deepEqual(records, [
      {
        url: "/reports/2024-2025/rapport-moral/rapport-moral.pdf",
        language: "fr",
        content: "Rapport moral 2024-2025 (PDF). Rapport moral 2024-2025.",
        meta: { title: "Rapport moral 2024-2025 (PDF)" },
        filters: { section: ["Rapports"] },
      },
    ]);
  });

  test("data-search-title names a link whose text is generic; a title saying PDF is kept as it is", () => {
    const records = pdfRecords(
      html('<a href="/docs/bilan.PDF" data-search-title="Bilan comptable 2024">Télécharger</a> <a href="/docs/guide.pdf">Guide (PDF, 2 Mo)</a>', "en"),
      "/en/reports/",
      SITE,
    );
    assert.deepEqual(
      records.map((r) => [r.url, r.meta.title, r.language]),
      [
        ["/docs/bilan.PDF", "Bilan comptable 2024 (PDF)", "en"],
        ["/docs/guide.pdf", "Guide (PDF, 2 Mo)", "en"],
      ],
    );
  });

  test("leaves out navigation, ignored parts, other hosts, other files and repeated links", () => {
    const main = [
      '<div data-pagefind-ignore><a href="ignored.pdf">Ignoré</a></div>',
      '<a href="https://other.example/loi.pdf">Une loi</a>',
      '<a href="image.png">Image</a>',
      '<a href="a.pdf">Premier</a><a href="./a.pdf">Encore lui</a>',
      `<a href="${SITE}/b.pdf">Absolu</a>`,
    ].join("");
    const records = pdfRecords(html(main), "/p/", SITE);
    assert.deepEqual(records.map((r) => r.url), ["/p/a.pdf", "/b.pdf"]);
    assert.deepEqual(records.map((r) => r.meta.title), ["Premier (PDF)", "Absolu (PDF)"]);
  });

  test("a page outside the index (an untranslated copy, the search page) gives no record", () => {
    assert.deepEqual(pdfRecords(html('<a href="a.pdf">A</a>', "en", ""), "/en/p/", SITE), []);
  });

  test("parseFilters reads Pagefind's name:value list", () => {
    assert.deepEqual(parseFilters("section:Rapports, year:2024"), { section: ["Rapports"], year: ["2024"] });
    assert.deepEqual(parseFilters(undefined), {});
  });
});
