import assert from "node:assert/strict";
import { test } from "node:test";
import { distinctUrls, urlOf } from "./pagefind.ts";
import type { PdfRecord } from "./pdf-records.ts";

const record = (url: string, language: string): PdfRecord => ({ url, language, content: "", meta: { title: url }, filters: {} });

test("a PDF linked from both languages keeps its address in the default language, the other gets a fragment", () => {
  const out = distinctUrls([record("/r/rapport.pdf", "en"), record("/r/rapport.pdf", "fr"), record("/r/report.pdf", "en")], "fr");
  assert.deepEqual(
    out.map((r) => `${r.language} ${r.url}`),
    ["en /r/rapport.pdf#en", "fr /r/rapport.pdf", "en /r/report.pdf"],
  );
});

test("output files map to the URLs pages are served at", () => {
  assert.equal(urlOf("index.html"), "/");
  assert.equal(urlOf("en/docs/ecrire/index.html"), "/en/docs/ecrire/");
  assert.equal(urlOf("404.html"), "/404.html");
});
