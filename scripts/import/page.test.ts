import assert from "node:assert/strict";
import { test } from "node:test";
import YAML from "yaml";
import { readFeedDate, type FeedEntry } from "./feed.ts";
import { frontMatterDate, renderPage } from "./page.ts";
import type { Bundle, Item, Section } from "./plan.ts";

const ctx = { zone: "Europe/Paris", defaultLanguage: "fr", resolver: { rewrite: () => undefined, source: () => undefined } };

function bundleOf(section: Section, entry: Partial<FeedEntry>): Bundle {
  const item: Item = {
    lang: "fr",
    section,
    feed: "f.xml",
    untranslated: false,
    entry: { id: "x", link: "https://o.example/x/", title: "Titre", published: readFeedDate("2025-11-02T08:00:00Z"), updated: undefined, authors: [], categories: [], summary: undefined, content: "<p>Un.</p><p>Deux.</p>", lang: undefined, ...entry },
  };
  return { section, dir: `${section}/2025/x`, urlPath: `/${section}/2025/x/`, pages: [{ item, lang: "fr", url: `/${section}/2025/x/`, aliases: ["/x/"] }], untranslated: [], pairedBy: undefined, original: undefined };
}

const render = (bundle: Bundle) => {
  const out = renderPage(bundle, bundle.pages[0]!, ctx);
  const [, yaml, body] = /^---\n([\s\S]*?)---\n\n([\s\S]*)$/.exec(out.text)!;
  return { front: YAML.parse(yaml!) as Record<string, unknown>, body: body!, out };
};

test("dates are written in the site's zone with the offset of that day", () => {
  assert.equal(frontMatterDate(readFeedDate("2025-11-02T08:00:00Z")!, "Europe/Paris"), "2025-11-02T09:00:00+01:00");
  assert.equal(frontMatterDate(readFeedDate("Sat, 05 Jul 2025 06:00:00 -0400")!, "Europe/Paris"), "2025-07-05T12:00:00+02:00");
});

test("a post: placeholder authors dropped, tags lowercased once each, the summary as text and the excerpt marker", () => {
  const { front, body } = render(bundleOf("blog", { authors: ["Unknown", "", "Ana"], categories: ["Réseau", "réseau", "Vie Privée"], summary: "<p>Le <em>résumé</em>.</p>" }));
  assert.deepEqual(front, { title: "Titre", date: "2025-11-02T09:00:00+01:00", summary: "Le résumé.", authors: ["Ana"], tags: ["réseau", "vie privée"], aliases: ["/x/"] });
  assert.equal(body, "Un.\n\n<!-- more -->\n\nDeux.\n");
});

test("an event without marked-up date or place waits as a draft, with what is missing", () => {
  const { front, out } = render(bundleOf("events", { title: "[REPORTÉ] Apéro" }));
  assert.equal(front.title, "Apéro");
  assert.equal(front.status, "postponed");
  assert.equal(front.start, "2025-11-02");
  assert.deepEqual(front.venue, { name: "Lieu à préciser" });
  assert.equal(front.draft, true);
  assert.deepEqual(out.event!.missing, ["start (no dt-start or startDate in the text)", "place (no p-location or location in the text)"]);
});
