import assert from "node:assert/strict";
import { test } from "node:test";
import { DateTime } from "luxon";
import type { CollectionItem } from "../core/eleventy.ts";
import type { Site } from "../core/site.ts";
import { catalog, entriesFor, entryId, feedUrls, tagsOf, type SourceEntry } from "./catalog.ts";
import type { FeedEntry, FeedSource } from "./types.ts";

const site = {
  name: "Site",
  url: "https://www.example.org",
  description: { fr: "Description", en: "Description" },
  languages: [{ code: "fr", label: "Français", locale: "fr-FR" }, { code: "en", label: "English", locale: "en-GB" }],
  defaultLanguage: "fr",
  timezone: "Europe/Paris",
} as unknown as Site;

const published = DateTime.fromISO("2025-02-15T18:00", { zone: "Europe/Paris" });
const entry = (over: Partial<FeedEntry>): FeedEntry => ({ key: "blog/2025/a", title: "A", url: "/blog/2025/a/", published, content: () => "", lang: "fr", ...over });

test("an entry's id comes from its key, language and year, never from its title", () => {
  const id = entryId(entry({ title: "First title" }), "fr", site.url);
  assert.equal(id, "tag:www.example.org,2025:fr/blog/2025/a");
  assert.equal(entryId(entry({ title: "New title", updated: published.plus({ days: 3 }) }), "fr", site.url), id);
  assert.notEqual(entryId(entry({}), "en", site.url), id);
  assert.equal(entryId(entry({ id: "urn:x" }), "fr", site.url), "urn:x");
});

test("tags group by slug, named as the newest entry writes them", () => {
  const list = [entry({ tags: ["Hébergement", "libre"] }), entry({ tags: ["hebergement"] })].map((e) => ({ entry: e }) as SourceEntry);
  assert.deepEqual(tagsOf(list), [{ slug: "hebergement", name: "Hébergement" }, { slug: "libre", name: "libre" }]);
});

test("a tag feed lists each entry with the tag once, in the source's order, whatever its spelling", () => {
  const list = [
    entry({ key: "c", tags: ["Hébergement", "hebergement"] }),
    entry({ key: "b", tags: ["libre"] }),
    entry({ key: "a", tags: ["HEBERGEMENT"] }),
  ].map((e) => ({ entry: e }) as SourceEntry);
  const keys = (slug?: string) => entriesFor(slug ? { tag: { slug, name: slug } } : {}, list).map((e) => e.entry.key);
  assert.deepEqual(keys("hebergement"), ["c", "a"]);
  assert.deepEqual(keys("libre"), ["b"]);
  assert.deepEqual(keys("absent"), []);
  assert.deepEqual(keys(), ["c", "b", "a"]);
  const chosen = entriesFor({ tag: { slug: "libre", name: "libre" } }, list);
  chosen.pop();
  assert.deepEqual(keys("libre"), ["b"], "a caller's list is its own");
});

test("feed files sit in the source's folder of each language", () => {
  assert.deepEqual(feedUrls("", "fr", site), { rss: "/feed.xml", atom: "/atom.xml", json: "/feed.json" });
  assert.deepEqual(feedUrls("events/", "en", site), { rss: "/en/events/feed.xml", atom: "/en/events/atom.xml", json: "/en/events/feed.json" });
});

test("the catalog has each source whole and per tag in every language", () => {
  const item = (lang: string, tags: string[]) => ({ url: `/${lang}/x/`, data: { lang, tags } }) as unknown as CollectionItem;
  const source: FeedSource = {
    key: "blog",
    title: { fr: "Actualités", en: "News" },
    collection: (lang) => `posts_${lang}`,
    toEntry: (i) => entry({ tags: i.data.tags as string[], url: i.url }),
    path: "",
    page: "blog/",
    tagPath: (slug) => `blog/tags/${slug}/`,
  };
  const specs = catalog([source], { posts_fr: [item("fr", ["a", "b"]), item("fr", ["a"])], posts_en: [item("en", ["a"])] }, site, {
    tagFeedTitle: (_lang, { feed, tag }) => `${feed} · ${tag}`,
  });
  assert.deepEqual(
    specs.map((s) => [s.lang, s.tag?.slug ?? "", s.count, s.urls.rss, s.title]),
    [
      ["fr", "", 2, "/feed.xml", "Site · Actualités"],
      ["fr", "a", 2, "/blog/tags/a/feed.xml", "Site · Actualités · a"],
      ["fr", "b", 1, "/blog/tags/b/feed.xml", "Site · Actualités · b"],
      ["en", "", 1, "/en/feed.xml", "Site · News"],
      ["en", "a", 1, "/en/blog/tags/a/feed.xml", "Site · News · a"],
    ],
  );
});
