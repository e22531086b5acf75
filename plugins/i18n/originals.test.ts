import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ContentFile } from "./content-files.ts";
import { chooseOriginal, isUnpublished } from "./originals.ts";

const SETTINGS = { languages: ["fr", "en"], defaultLanguage: "fr", timezone: "Europe/Paris" };
const file = (lang: string): ContentFile => ({
  file: `blog/2025/guide/index.${lang}.md`,
  absolute: `/site/content/blog/2025/guide/index.${lang}.md`,
  bundle: "blog/2025/guide",
  lang,
  section: "blog",
  urlPath: "blog/2025/guide/",
});
const bundle = (...langs: string[]) => new Map(langs.map((l) => [l, file(l)]));
const fronts = (byLang: Record<string, Record<string, unknown>>) => (f: ContentFile) => byLang[f.lang!] ?? {};

describe("which file of a bundle is the original", () => {
  it("the default language's when it exists and nobody says otherwise", () => {
    assert.equal(chooseOriginal(bundle("fr", "en"), SETTINGS, fronts({})).lang, "fr");
  });

  it("the only file of an English-only bundle", () => {
    const chosen = chooseOriginal(bundle("en"), SETTINGS, fronts({}));
    assert.deepEqual([chosen.lang, chosen.file.file, chosen.problems], ["en", "blog/2025/guide/index.en.md", []]);
  });

  it("the one `original:` names, written in either file", () => {
    assert.equal(chooseOriginal(bundle("fr", "en"), SETTINGS, fronts({ fr: { original: "en" } })).lang, "en");
    assert.equal(chooseOriginal(bundle("fr", "en"), SETTINGS, fronts({ en: { original: "en" }, fr: { original: "en" } })).lang, "en");
  });

  it("names the field when files disagree, or when the named file does not exist", () => {
    const disagree = chooseOriginal(bundle("fr", "en"), SETTINGS, fronts({ fr: { original: "fr" }, en: { original: "en" } }));
    assert.equal(disagree.problems.length, 2);
    assert.match(disagree.problems[0]!.message, /disagree on which is the original \(fr in .*index\.fr\.md, en in .*index\.en\.md\)/);
    const missing = chooseOriginal(bundle("en"), SETTINGS, fronts({ en: { original: "fr" } }));
    assert.deepEqual(missing.problems.map((p) => [p.file, p.field]), [["blog/2025/guide/index.en.md", "original"]]);
    assert.match(missing.problems[0]!.message, /found fr, which has no blog\/2025\/guide\/index\.fr\.md/);
    assert.match(chooseOriginal(bundle("fr"), SETTINGS, fronts({ fr: { original: "de" } })).problems[0]!.message, /one of the site's languages \(fr, en\), found "de"/);
  });
});

describe("an original that holds back its translations", () => {
  const now = new Date("2025-09-01T12:00:00+02:00");
  it("a draft, or a date after now (read in the site's zone, offsets included)", () => {
    assert.equal(isUnpublished({ draft: true, date: "2025-01-01" }, "Europe/Paris", now), true);
    assert.equal(isUnpublished({ date: "2025-09-02" }, "Europe/Paris", now), true);
    assert.equal(isUnpublished({ date: "2025-09-01T10:30:00Z" }, "Europe/Paris", now), true);
    assert.equal(isUnpublished({ date: "2025-09-01T09:30:00Z" }, "Europe/Paris", now), false);
    assert.equal(isUnpublished({ title: "A page without date" }, "Europe/Paris", now), false);
  });
});
