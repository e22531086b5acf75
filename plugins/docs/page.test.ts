import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseSite } from "../core/site.ts";
import { docPage, type DocPageData } from "./page.ts";

const site = parseSite({
  name: "Test",
  url: "https://example.org",
  description: { fr: "d", en: "d" },
  languages: [
    { code: "fr", label: "Français", locale: "fr-FR" },
    { code: "en", label: "English", locale: "en-GB" },
  ],
  defaultLanguage: "fr",
  forge: { url: "https://forge.example/site", editUrl: "https://forge.example/site/_edit/main/{path}" },
  donateUrl: "/don/",
  email: "a@example.org",
  licence: { name: "CC BY-SA 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/" },
});

const ROOT = "/repo";
function data(over: Partial<DocPageData> & { commits?: Record<string, string> } = {}): DocPageData {
  const { commits = {}, ...rest } = over;
  return {
    page: { url: "/docs/a/", inputPath: `${ROOT}/content/docs/a.fr.md`, outputPath: false, fileSlug: "a", filePathStem: "/docs/a", date: new Date() },
    collections: { all: [] },
    eleventy: { env: { runMode: "build", source: "cli" } },
    site,
    lang: "fr",
    bundle: "docs/a",
    docsInfo: { root: "docs", repositoryRoot: ROOT, lastCommit: (file) => commits[file] },
    ...rest,
  };
}

describe("a doc page's date and edit link", () => {
  test("the last commit's date wins, read in the site's zone", () => {
    const page = docPage(data({ updated: "2024-01-01", commits: { [`${ROOT}/content/docs/a.fr.md`]: "2025-03-30T23:30:00Z" } }));
    assert.equal(page.updated?.from, "git");
    // 23:30 UTC on 30 March is already 31 March in Paris (summer time).
    assert.equal(page.updated?.date.toISODate(), "2025-03-31");
  });

  test("without git history, the front matter's `updated`; without it, no date at all", () => {
    const fallback = docPage(data({ updated: "2024-05-02" }));
    assert.equal(fallback.updated?.from, "front matter");
    assert.equal(fallback.updated?.date.toISODate(), "2024-05-02");
    assert.equal(docPage(data()).updated, undefined);
  });

  test("an untranslated copy is edited, and dated, through its original's file", () => {
    const page = docPage(
      data({
        lang: "en",
        untranslated: true,
        page: { url: "/en/docs/a/", inputPath: `${ROOT}/content/docs/a.en.md`, outputPath: false, fileSlug: "a", filePathStem: "/docs/a", date: new Date() },
        commits: { [`${ROOT}/content/docs/a.fr.md`]: "2025-01-10T10:00:00+01:00" },
      }),
    );
    assert.equal(page.sourcePath, "content/docs/a.fr.md");
    assert.equal(page.editUrl, "https://forge.example/site/_edit/main/content/docs/a.fr.md");
    assert.equal(page.updated?.date.toISODate(), "2025-01-10");
  });

  test("file names are escaped in the edit URL", () => {
    const page = docPage(data({ page: { url: "/docs/é t/", inputPath: `${ROOT}/content/docs/é t.fr.md`, outputPath: false, fileSlug: "é t", filePathStem: "", date: new Date() } }));
    assert.equal(page.editUrl, "https://forge.example/site/_edit/main/content/docs/%C3%A9%20t.fr.md");
  });
});
