import assert from "node:assert/strict";
import { test } from "node:test";
import { FeedError, parseFeed, readFeedDate } from "./feed.ts";

const RSS = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Le blog</title><link>https://old.example/</link><language>fr-BE</language>
<item><title>Caf&eacute; &amp; serveurs</title><link>https://old.example/a/</link><guid isPermaLink="false">post-12</guid>
<pubDate>Sun, 30 Mar 2025 09:00:00 +0200</pubDate><author>jo@old.example (Jo Roux)</author><dc:creator>Lou</dc:creator>
<category>Réseau</category><category>Vie privée</category>
<description>Court résumé</description><content:encoded><![CDATA[<p>Le <b>texte</b> &eacute;crit</p>]]></content:encoded></item>
<item><title>Sans corps</title><link>https://old.example/b/</link><pubDate>Mon, 6 Jan 2025 08:05:00 GMT</pubDate>
<description>&lt;p&gt;Seulement la description&lt;/p&gt;</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Blog</title><link href="https://old.example/en/"/><link rel="self" href="https://old.example/en/atom.xml"/>
<entry xml:lang="fr"><title>Un billet</title><id>urn:x:1</id><link rel="alternate" href="https://old.example/fr/x/"/><link rel="enclosure" href="https://old.example/x.mp3"/>
<published>2024-12-01T10:00:00Z</published><updated>2024-12-02T10:00:00+01:00</updated>
<author><name>Sam</name></author><category term="net" label="Networks"/><category term="privacy"/>
<summary>Short</summary><content type="html">&lt;p&gt;Full&lt;/p&gt;</content></entry>
</feed>`;

test("RSS 2.0: language, guid, the date's own offset, named authors, categories, summary apart from the CDATA body", () => {
  const feed = parseFeed(RSS, "rss.xml");
  assert.equal(feed.format, "rss");
  assert.equal(feed.lang, "fr-BE");
  const [a, b] = feed.entries;
  assert.equal(a!.title, "Café & serveurs");
  assert.equal(a!.id, "post-12");
  assert.equal(a!.published!.toISO(), "2025-03-30T09:00:00.000+02:00");
  assert.deepEqual(a!.authors, ["Jo Roux", "Lou"]);
  assert.deepEqual(a!.categories, ["Réseau", "Vie privée"]);
  assert.equal(a!.summary, "Court résumé");
  assert.equal(a!.content, "<p>Le <b>texte</b> &eacute;crit</p>", "CDATA is the HTML as written");
  assert.equal(b!.id, "https://old.example/b/", "no guid: the link identifies the entry");
  assert.equal(b!.summary, undefined, "a description alone is the body, not a summary");
  assert.equal(b!.content, "<p>Seulement la description</p>");
  assert.equal(b!.published!.toISO(), "2025-01-06T08:05:00.000Z");
});

test("Atom: xml:lang of the feed and of the entry, alternate link, category labels, updated apart from published", () => {
  const feed = parseFeed(ATOM, "atom.xml");
  assert.equal(feed.lang, "en");
  assert.equal(feed.link, "https://old.example/en/");
  const [e] = feed.entries;
  assert.equal(e!.lang, "fr");
  assert.equal(e!.link, "https://old.example/fr/x/");
  assert.deepEqual(e!.categories, ["Networks", "privacy"]);
  assert.equal(e!.published!.toISO(), "2024-12-01T10:00:00.000Z");
  assert.equal(e!.updated!.toISO(), "2024-12-02T10:00:00.000+01:00");
  assert.equal(e!.summary, "Short");
  assert.equal(e!.content, "<p>Full</p>");
});

test("what is not a feed is refused with the file's name", () => {
  assert.throws(() => parseFeed("<html><body>hello</body></html>", "page.html"), (e: unknown) => e instanceof FeedError && /^page\.html: neither an RSS 2\.0/.test(e.message));
  assert.throws(() => parseFeed("<rss><channel>", "broken.xml"), (e: unknown) => e instanceof FeedError && /^broken\.xml: not a valid XML feed/.test(e.message));
});

test("feed dates: ISO and RFC 822 keep their offset; nonsense is undefined", () => {
  assert.equal(readFeedDate("2024-08-31T10:45:00+02:00")!.offset, 120);
  assert.equal(readFeedDate("Tue, 16 Jan 2024 09:30:00 +0100")!.offset, 60);
  assert.equal(readFeedDate("yesterday"), undefined);
  assert.equal(readFeedDate(""), undefined);
});
