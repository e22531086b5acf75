/**
 * Each test gives `feed` 6.0.0 the input that shows one of its flaws and checks
 * the corrected output, so an upgrade of the package that changes what it
 * writes is caught here before it reaches subscribers.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Feed, type Item } from "feed";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { completeEscaping, fixAtom, fixJson, fixRss, isoInZone, mediaType, rfc822InZone } from "./fixups.ts";

const ZONE = "Europe/Paris";
const winter = new Date("2025-02-15T17:00:00Z"); // 18:00 in Paris
const summer = new Date("2025-07-03T07:30:00Z"); // 09:30 in Paris

function feedWith(items: Partial<Item>[]): Feed {
  const feed = new Feed({ id: "https://example.org/atom.xml", title: "T", link: "https://example.org/", updated: summer, generator: false, feedLinks: { atom: "https://example.org/atom.xml" } });
  items.forEach((item, i) => feed.addItem({ title: `Item ${i}`, id: `tag:example.org,2025:${i}`, link: `https://example.org/${i}/`, date: winter, ...item }));
  return feed;
}
const ctx = (entryLangs: (string | undefined)[] = []) => ({ lang: "en", zone: ZONE, entryLangs });
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["entry", "item", "category", "link"].includes(name) });
const wellFormed = (xml: string) => assert.equal(XMLValidator.validate(xml), true);

describe("Atom output of feed", () => {
  it("gets xml:lang on <feed> and on entries in another language", () => {
    const xml = fixAtom(feedWith([{}, {}]).atom1(), ctx([undefined, "fr"]));
    wellFormed(xml);
    const doc = parser.parse(xml);
    assert.equal(doc.feed["xml:lang"], "en");
    assert.equal(doc.feed.entry[0]["xml:lang"], undefined);
    assert.equal(doc.feed.entry[1]["xml:lang"], "fr");
  });

  it("always has a term on categories (a category without term is invalid Atom)", () => {
    const xml = fixAtom(feedWith([{ category: [{ name: "Sans terme" }, { name: "Avec", term: "avec" }, {}] }]).atom1(), ctx());
    const categories = parser.parse(xml).feed.entry[0].category as Record<string, string>[];
    assert.deepEqual(categories.map((c) => c.term), ["Sans terme", "avec"]);
  });

  it("gives enclosures their real media type (not image/jpg, image/mp3)", () => {
    const xml = fixAtom(feedWith([{ image: "https://example.org/a.jpg" }, { audio: "https://example.org/b.mp3" }, { image: "https://example.org/c" }]).atom1(), ctx());
    const enclosures = (parser.parse(xml).feed.entry as { link: Record<string, string>[] }[]).map((e) => e.link.find((l) => l.rel === "enclosure")!);
    assert.deepEqual(enclosures.map((l) => l.type), ["image/jpeg", "audio/mpeg", undefined]);
  });

  it("writes dates with the offset of that date in the site's zone", () => {
    const xml = fixAtom(feedWith([{ date: summer, published: winter }]).atom1(), ctx());
    const entry = parser.parse(xml).feed.entry[0];
    assert.equal(entry.updated, "2025-07-03T09:30:00+02:00");
    assert.equal(entry.published, "2025-02-15T18:00:00+01:00");
    assert.equal(parser.parse(xml).feed.updated, "2025-07-03T09:30:00+02:00");
  });

  it("declares titles and summaries as text, so markup characters stay characters", () => {
    const hostile = `</script><b>&"'`;
    const xml = fixAtom(feedWith([{ title: hostile, description: hostile }]).atom1(), ctx());
    wellFormed(xml);
    const entry = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", textNodeName: "text" }).parse(xml).feed.entry;
    assert.deepEqual(entry.title, { type: "text", text: hostile });
    assert.deepEqual(entry.summary, { type: "text", text: hostile });
  });

  it("escapes < in attribute values (a tag name with < broke the XML)", () => {
    const xml = fixAtom(feedWith([{ category: [{ name: "a<b>c", term: "a<b" }] }]).atom1(), ctx());
    wellFormed(xml);
    assert.equal(parser.parse(xml).feed.entry[0].category[0].label, "a<b>c");
  });

  it("changes nothing inside CDATA and nothing on a second pass", () => {
    const content = `<p>An <updated>2020-01-01T00:00:00Z</updated> and an <entry> in a post.</p>`;
    const once = fixAtom(feedWith([{ content }]).atom1(), ctx(["fr"]));
    assert.ok(once.includes(`<![CDATA[${content}]]>`));
    assert.equal(fixAtom(once, ctx(["fr"])), once);
  });
});

describe("RSS output of feed", () => {
  it("writes dates as RFC 822 with the offset of that date, not GMT", () => {
    const xml = fixRss(feedWith([{ published: winter }, { published: summer }]).rss2(), ctx());
    const channel = parser.parse(xml).rss.channel;
    assert.deepEqual(channel.item.map((i: { pubDate: string }) => i.pubDate), ["Sat, 15 Feb 2025 18:00:00 +0100", "Thu, 03 Jul 2025 09:30:00 +0200"]);
    assert.equal(channel.lastBuildDate, "Thu, 03 Jul 2025 09:30:00 +0200");
  });

  it("turns authors without e-mail into dc:creator (RSS <author> must be an e-mail)", () => {
    const xml = fixRss(feedWith([{ author: [{ name: "Camille Martin" }, { name: "Léa", email: "lea@example.org" }] }]).rss2(), ctx());
    wellFormed(xml);
    const item = parser.parse(xml).rss.channel.item[0];
    assert.equal(item["dc:creator"], "Camille Martin");
    assert.equal(item.author, "lea@example.org (Léa)");
    assert.match(xml, /<rss[^>]*xmlns:dc="http:\/\/purl\.org\/dc\/elements\/1\.1\/"/);
  });

  it("declares the Dublin Core namespace even for a feed without content", () => {
    const xml = fixRss(feedWith([{ author: [{ name: "Camille" }], content: undefined }]).rss2(), ctx());
    assert.equal((xml.match(/xmlns:dc=/g) ?? []).length, 1);
  });

  it("marks items in another language with xml:lang", () => {
    const xml = fixRss(feedWith([{}, {}]).rss2(), ctx(["fr", "en"]));
    const items = parser.parse(xml).rss.channel.item;
    assert.deepEqual(items.map((i: Record<string, string>) => i["xml:lang"]), ["fr", undefined]);
  });
});

describe("JSON Feed output of feed", () => {
  it("is version 1.1, with authors arrays, languages and offsets", () => {
    const raw = feedWith([{ author: [{ name: "A" }, { name: "B" }], published: winter, date: summer }]).json1();
    assert.equal(JSON.parse(raw).version, "https://jsonfeed.org/version/1");
    const json = JSON.parse(fixJson(raw, { ...ctx(["fr"]), extras: [{ authors: [{ name: "A" }, { name: "B" }] }] }));
    assert.equal(json.version, "https://jsonfeed.org/version/1.1");
    assert.equal(json.language, "en");
    const item = json.items[0];
    assert.equal(item.author, undefined);
    assert.deepEqual(item.authors, [{ name: "A" }, { name: "B" }]);
    assert.equal(item.language, "fr");
    assert.equal(item.date_published, "2025-02-15T18:00:00+01:00");
    assert.equal(item.date_modified, "2025-07-03T09:30:00+02:00");
  });
});

describe("helpers", () => {
  it("completeEscaping keeps entities and escapes bare &, < and >", () => {
    assert.equal(completeEscaping(`a &amp; b & <c> &#39; &#x27;`), `a &amp; b &amp; &lt;c&gt; &#39; &#x27;`);
  });
  it("converts instants to the zone's offset, winter and summer", () => {
    assert.equal(isoInZone("2025-01-20T09:00:00.000Z", ZONE), "2025-01-20T10:00:00+01:00");
    assert.equal(isoInZone("2025-08-02T07:15:00.000Z", ZONE), "2025-08-02T09:15:00+02:00");
    assert.equal(rfc822InZone("Mon, 20 Jan 2025 09:00:00 GMT", ZONE), "Mon, 20 Jan 2025 10:00:00 +0100");
  });
  it("knows the media types of common enclosures", () => {
    assert.equal(mediaType("https://example.org/img/a-1200.jpeg"), "image/jpeg");
    assert.equal(mediaType("https://example.org/a.svg?x=1"), "image/svg+xml");
    assert.equal(mediaType("https://example.org/a"), undefined);
  });
});
