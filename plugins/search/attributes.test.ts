import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isSearchable, searchAttributes, sectionLabel, type SearchableData } from "./attributes.ts";

const strings = {
  fr: { search: { sections: { docs: "Documentation", blog: "Actualités", reports: "Rapports, bilans", pages: "L’association" } } },
  en: { search: { sections: { docs: "Documentation", blog: "News" } } },
};
const page = (over: Partial<SearchableData> = {}): SearchableData => ({
  page: { url: "/blog/2025/ag/" },
  lang: "fr",
  section: "blog",
  bundle: "blog/2025/ag",
  strings,
  ...over,
});

describe("what the search index holds", () => {
  test("a page's main content, filtered by its section named in its language", () => {
    assert.deepEqual(searchAttributes(page()), { "data-pagefind-body": "", "data-pagefind-filter": "section:Actualités" });
    assert.deepEqual(searchAttributes(page({ lang: "en", page: { url: "/en/blog/2025/ag/" } })), {
      "data-pagefind-body": "",
      "data-pagefind-filter": "section:News",
    });
  });

  test("the section comes from the bundle when the computed one is empty", () => {
    assert.equal(searchAttributes(page({ section: "", bundle: "docs/ecrire/images" }))["data-pagefind-filter"], "section:Documentation");
  });

  test("a section without a name goes with the association's pages; a comma cannot split the filter", () => {
    assert.equal(searchAttributes(page({ section: "projets", bundle: "projets/jardin" }))["data-pagefind-filter"], "section:L’association");
    // Without even that name (English here), the page is indexed without a filter rather than left out.
    assert.deepEqual(searchAttributes(page({ lang: "en", section: "projets", bundle: "projets/jardin" })), { "data-pagefind-body": "" });
    assert.equal(searchAttributes(page({ section: "reports" }))["data-pagefind-filter"], "section:Rapports bilans");
    assert.equal(sectionLabel(strings, "de", "docs"), undefined);
  });

  test("leaves out the home page, untranslated copies, noindex pages, lists, opted-out pages and files that are not pages", () => {
    assert.equal(isSearchable(page()), true);
    for (const over of [
      { section: "", bundle: "", page: { url: "/" } },
      { untranslated: true },
      { noindex: true },
      { type: "list" },
      { type: "agenda" },
      { search: false },
      { page: { url: "/404.html" } },
      { page: { url: false as const } },
    ]) {
      assert.equal(isSearchable(page(over)), false, JSON.stringify(over));
      assert.deepEqual(searchAttributes(page(over)), {});
    }
    assert.deepEqual(searchAttributes(page(), false), {});
  });
});
