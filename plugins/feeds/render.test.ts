/**
 * A post whose title, summary, body, author and tag hold the very markup the
 * feed corrections look for: the three files must stay valid and show the
 * text as written, and the corrections must leave that text alone.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { checkAtom, checkJsonFeed, checkRss, text, XML } from "../../test/feeds/feed-checks.ts";
import { escapeMarkup } from "../core/escape.ts";
import { FEED_AS_TEXT, renderFeed, type RenderEntry, type RenderFeed } from "./render.ts";

const ZONE = "Europe/Paris";
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
/** What the old regex rewrites matched, plus what ends a CDATA section or an attribute. */
const HOSTILE = [
  `<feed xml:lang="de"><entry><item><rss version="0.9">`,
  `<title type="html">x</title><summary type="html">`,
  `<category label="sans terme"/><link rel="enclosure" href="https://evil.example/a.mp3" type="image/jpg"/>`,
  `<updated>2020-01-01T00:00:00Z</updated><published>2020-01-01T00:00:00.000Z</published>`,
  `<pubDate>Mon, 20 Jan 2025 09:00:00 GMT</pubDate><lastBuildDate>Mon, 20 Jan 2025 09:00:00 GMT</lastBuildDate>`,
  `<author>Bob</author> x="y" ]]> <![CDATA[ & &amp; 'q' "dq"`,
].join(" ");

const feed: RenderFeed = {
  id: "https://example.org/atom.xml",
  title: "Billets",
  description: "Les billets",
  lang: "fr",
  zone: ZONE,
  page: "https://example.org/",
  urls: { rss: "https://example.org/feed.xml", atom: "https://example.org/atom.xml", json: "https://example.org/feed.json" },
  publisher: { name: "Asso", email: "contact@example.org", url: "https://example.org/" },
  emptyUpdated: at("2025-01-01T00:00"),
};
const entry: RenderEntry = {
  id: "https://example.org/blog/hostile/",
  title: HOSTILE,
  url: "https://example.org/blog/hostile/",
  published: at("2025-02-15T18:00"),
  summary: HOSTILE,
  html: `<p>${HOSTILE}</p>`,
  authors: [HOSTILE],
  categories: [{ name: HOSTILE, term: "https://example.org/tags/hostile/" }],
  lang: "fr",
};

describe("a feed entry whose text looks like feed markup", () => {
  const out = renderFeed(feed, [entry]);

  it("gives three valid files", () => {
    assert.deepEqual(checkRss(out.rss), []);
    assert.deepEqual(checkAtom(out.atom), []);
    assert.deepEqual(checkJsonFeed(out.json), []);
  });

  it("shows the text unchanged in Atom, and corrects only the real elements", () => {
    const doc = XML.parse(out.atom).feed;
    assert.equal(doc["@xml:lang"], "fr");
    assert.equal(doc.entry.length, 1);
    const e = doc.entry[0];
    assert.equal(e["@xml:lang"], undefined);
    assert.equal(text(e.title), HOSTILE);
    assert.equal(e.title["@type"], "text");
    assert.equal(text(e.summary), HOSTILE);
    assert.equal(text(e.content), `<p>${HOSTILE}</p>`);
    assert.equal(e.author[0].name, HOSTILE);
    assert.deepEqual(e.category.map((c: Record<string, string>) => c["@label"]), [HOSTILE]);
    assert.deepEqual(e.link.map((l: Record<string, string>) => l["@href"]), [entry.url]);
    assert.equal(e.published, "2025-02-15T18:00:00+01:00");
  });

  it("shows the text unchanged in RSS, the summary as HTML-escaped text", () => {
    const channel = XML.parse(out.rss).rss.channel;
    assert.equal(channel.item.length, 1);
    const item = channel.item[0];
    assert.equal(text(item.title), HOSTILE);
    assert.equal(text(item.description), escapeMarkup(HOSTILE));
    assert.equal(text(item["content:encoded"]), `<p>${HOSTILE}</p>`);
    assert.deepEqual(item["dc:creator"], [HOSTILE]);
    assert.equal(item.author, undefined);
    assert.deepEqual(item.category, [HOSTILE]);
    assert.equal(item.pubDate, "Sat, 15 Feb 2025 18:00:00 +0100");
  });

  it("shows the text unchanged in JSON Feed", () => {
    const item = JSON.parse(out.json).items[0];
    assert.equal(item.title, HOSTILE);
    assert.equal(item.summary, HOSTILE);
    assert.equal(item.content_html, `<p>${HOSTILE}</p>`);
    assert.deepEqual(item.authors, [{ name: HOSTILE }]);
  });

  it("writes the same bytes on a second run", () => {
    assert.deepEqual(renderFeed(feed, [entry]), out);
  });
});

describe("entries' contents, put in after the corrections", () => {
  const second: RenderEntry = {
    ...entry,
    id: "https://example.org/blog/xml/",
    url: "https://example.org/blog/xml/",
    title: "Deux fins de section",
    summary: "Sur le XML",
    html: "<pre><code>a ]]> b ]]> c $1 $& $$</code></pre>",
    authors: ["Alice"],
    categories: [],
  };
  const empty: RenderEntry = { ...second, id: "https://example.org/blog/vide/", url: "https://example.org/blog/vide/", title: "Sans texte", html: "" };
  const out = renderFeed(feed, [entry, second, empty]);

  it("each entry shows its own content, as written, in RSS and Atom", () => {
    assert.deepEqual(checkRss(out.rss), []);
    assert.deepEqual(checkAtom(out.atom), []);
    const items = XML.parse(out.rss).rss.channel.item;
    const atomEntries = XML.parse(out.atom).feed.entry;
    for (const list of [items.map((i: Record<string, unknown>) => i["content:encoded"]), atomEntries.map((e: Record<string, unknown>) => e.content)]) {
      assert.equal(text(list[0]), `<p>${HOSTILE}</p>`);
      assert.equal(text(list[1]), second.html);
      assert.equal(list[2], undefined, "an empty text writes no content");
    }
    assert.doesNotMatch(out.rss + out.atom, /\uFDD2/);
  });
});

describe("a feed's files as a store keeps them", () => {
  it("come back as they were written, whatever their text holds", () => {
    const files = { rss: '<?xml version="1.0"?>\n<rss>« Déjà » 🐈 12 34\n</rss>', atom: "", json: '{"title":"Ça\\n marche"}\n' };
    assert.deepEqual(FEED_AS_TEXT.read(FEED_AS_TEXT.write(files)), files);
    const empty = { rss: "", atom: "", json: "" };
    assert.deepEqual(FEED_AS_TEXT.read(FEED_AS_TEXT.write(empty)), empty);
  });
});
