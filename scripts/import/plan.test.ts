import assert from "node:assert/strict";
import { test } from "node:test";
import { readFeedDate, type FeedEntry } from "./feed.ts";
import { pathKey, planBundles, titleStatus, type Item } from "./plan.ts";

const OPTIONS = { languages: ["fr", "en"], defaultLanguage: "fr", zone: "Europe/Paris", pairs: [] as [string, string][] };

function item(lang: string, link: string, extra: Partial<FeedEntry> & { untranslated?: boolean } = {}): Item {
  const { untranslated = false, ...entry } = extra;
  return {
    lang,
    section: "blog",
    feed: `${lang}.xml`,
    untranslated,
    entry: { id: link, link, title: "T", published: readFeedDate("2024-12-31T23:30:00Z"), updated: undefined, authors: [], categories: [], summary: undefined, content: "", lang: undefined, ...entry },
  };
}

test("pathKey drops a leading language segment and normalises the trailing slash", () => {
  assert.equal(pathKey("https://o.example/en/blog/x", ["fr", "en"]), "/blog/x/");
  assert.equal(pathKey("https://o.example/fr-fr/blog/x/index.html", ["fr", "en"]), "/blog/x/");
  assert.equal(pathKey("https://o.example/entretien/", ["fr", "en"]), "/entretien/", "a word that starts like a language stays");
});

test("same path under /en/ pairs; the year is the date's in the site's zone; the default language names the folder", () => {
  const { bundles } = planBundles([item("en", "https://o.example/en/blog/voeux/"), item("fr", "https://o.example/blog/voeux/")], OPTIONS);
  assert.equal(bundles.length, 1);
  // 23:30 UTC on 31 December is already 2025 in Paris.
  assert.equal(bundles[0]!.dir, "blog/2025/voeux");
  assert.deepEqual(bundles[0]!.pages.map((p) => [p.lang, p.url, p.aliases]), [
    ["fr", "/blog/2025/voeux/", ["/blog/voeux/"]],
    ["en", "/en/blog/2025/voeux/", ["/en/blog/voeux/"]],
  ]);
  assert.equal(bundles[0]!.pairedBy, "same path under /<lang>/");
});

test("a mapping file pairs what neither path nor guid reveals", () => {
  const items = [item("fr", "https://o.example/blog/ete/"), item("en", "https://o.example/en/blog/summer/")];
  assert.equal(planBundles(items, OPTIONS).bundles.length, 2);
  const paired = planBundles(items, { ...OPTIONS, pairs: [["https://o.example/en/blog/summer", "https://o.example/blog/ete/"]] });
  assert.equal(paired.bundles.length, 1);
  assert.equal(paired.bundles[0]!.pairedBy, "mapping file");
  assert.equal(paired.bundles[0]!.dir, "blog/2025/ete");
});

test("an untranslated entry is left to the site's copy; alone, its text is imported in the other language", () => {
  const paired = planBundles([item("fr", "https://o.example/blog/a/"), item("en", "https://o.example/en/blog/a/", { untranslated: true })], OPTIONS);
  assert.deepEqual(paired.bundles[0]!.pages.map((p) => p.lang), ["fr"]);
  assert.equal(paired.bundles[0]!.untranslated.length, 1);
  // Its old URL differs from the new one: it leads to the original.
  assert.deepEqual(paired.bundles[0]!.pages[0]!.aliases, ["/blog/a/", "/en/blog/a/"]);
  const alone = planBundles([item("en", "https://o.example/en/blog/b/", { untranslated: true })], OPTIONS);
  assert.deepEqual(alone.bundles[0]!.pages.map((p) => p.lang), ["fr"]);
});

test("two entries of one language for one page: the second is skipped, with why", () => {
  const { bundles, skipped } = planBundles([item("fr", "https://o.example/a/", { id: "g" }), item("fr", "https://o.example/b/", { id: "g" })], OPTIONS);
  assert.equal(bundles.length, 2, "same language entries are never paired");
  assert.deepEqual(skipped, []);
  const dup = planBundles([item("fr", "https://o.example/a/", { id: "g" }), item("en", "https://o.example/en/a/"), item("en", "https://o.example/en/z/", { id: "g" })], OPTIONS);
  assert.equal(dup.skipped.length, 1);
  assert.match(dup.skipped[0]!.reason, /a second en entry for the same page/);
});

test("folders never collide, and an English-only entry is its own bundle", () => {
  const { bundles } = planBundles([item("fr", "https://o.example/blog/a/x/"), item("fr", "https://o.example/blog/b/x/"), item("en", "https://o.example/en/only/")], OPTIONS);
  assert.deepEqual(bundles.map((b) => b.dir), ["blog/2025/x", "blog/2025/x-2", "blog/2025/only"]);
  assert.deepEqual(bundles[2]!.pages.map((p) => p.url), ["/en/blog/2025/only/"]);
});

test("the original is the language published first, when it is not the default one", () => {
  const { bundles } = planBundles(
    [item("fr", "https://o.example/a/", { published: readFeedDate("2024-05-02T10:00:00+02:00") }), item("en", "https://o.example/en/a/", { published: readFeedDate("2024-05-01T10:00:00+02:00") })],
    OPTIONS,
  );
  assert.equal(bundles[0]!.original, "en");
});

test("title prefixes give the event status", () => {
  assert.deepEqual(titleStatus("[CANCELLED] Install party"), { title: "Install party", status: "cancelled" });
  assert.deepEqual(titleStatus("[ANNULÉ] Atelier"), { title: "Atelier", status: "cancelled" });
  assert.deepEqual(titleStatus("(Reporté) – Apéro"), { title: "Apéro", status: "postponed" });
  assert.deepEqual(titleStatus("Annulé ou pas ?"), { title: "Annulé ou pas ?", status: "scheduled" });
});
