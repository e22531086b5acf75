/**
 * The feeds of a small site made to trip them: posts in winter and summer, a
 * hostile title, a French-only post, relative links, images and srcsets,
 * control characters; and the same site with one post retitled and edited.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { checkAtom, checkJsonFeed, checkRss, FORBIDDEN_CHARS, relativeUrls, text, XML } from "./feed-checks.ts";

const SITE = "https://www.chatons-loire.example";
const HOSTILE = `</script><b>&"'`;
const ALL_POSTS = ["hiver", "ete", "hostile", "francais-seulement", "liens"];

let site: BuiltSite;
let retitled: BuiltSite;
before(async () => {
  site = await buildSite({ fixture: "feeds-site" });
  retitled = await buildSite({ fixture: "feeds-retitled" });
});

const feedFiles = (s: BuiltSite) => s.files.filter((f) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(f));
const atomEntries = (s: BuiltSite, file: string) => (XML.parse(s.read(file)).feed.entry ?? []) as Record<string, any>[];
const rssItems = (s: BuiltSite, file: string) => (XML.parse(s.read(file)).rss.channel.item ?? []) as Record<string, any>[];
const jsonItems = (s: BuiltSite, file: string) => JSON.parse(s.read(file)).items as Record<string, any>[];
const bySlug = <T extends Record<string, any>>(items: T[], slug: string, urlOf: (i: T) => string) => items.find((i) => urlOf(i).endsWith(`/blog/2025/${slug}/`))!;
const atomLink = (e: Record<string, any>) => (e.link as Record<string, string>[]).find((l) => !l["@rel"] || l["@rel"] === "alternate")!["@href"]!;

describe("feeds of the fixture site", () => {
  it("writes the three formats for the blog and each tag, in both languages", () => {
    const files = feedFiles(site);
    for (const folder of ["", "en/", "blog/tags/permanence/", "en/blog/tags/permanence/", "blog/tags/hebergement-sobriete/", "en/blog/tags/technique/"]) {
      for (const name of ["feed.xml", "atom.xml", "feed.json"]) assert.ok(files.includes(`${folder}${name}`), `${folder}${name} missing`);
    }
  });

  it("every file is valid RSS 2.0, Atom 1.0 or JSON Feed 1.1, read by two parsers", () => {
    const files = feedFiles(site);
    assert.ok(files.length >= 24, `only ${files.length} feed files`);
    for (const file of files) {
      const check = file.endsWith(".json") ? checkJsonFeed : file.endsWith("atom.xml") ? checkAtom : checkRss;
      assert.deepEqual(check(site.read(file)), [], file);
    }
  });

  it("counts every post of the language, and the tagged ones in tag feeds", () => {
    for (const lang of ["", "en/"]) {
      assert.equal(parseFeed(site.read(`${lang}feed.xml`)).items.length, ALL_POSTS.length);
      assert.equal(parseFeed(site.read(`${lang}atom.xml`)).items.length, ALL_POSTS.length);
      assert.equal(jsonItems(site, `${lang}feed.json`).length, ALL_POSTS.length);
      assert.equal(parseFeed(site.read(`${lang}blog/tags/permanence/atom.xml`)).items.length, 2);
      assert.equal(rssItems(site, `${lang}blog/tags/association/feed.xml`).length, 1);
    }
  });

  it("writes winter dates at +01:00 and summer dates at +02:00, in every format", () => {
    const atom = atomEntries(site, "atom.xml");
    const winter = bySlug(atom, "hiver", atomLink);
    const summer = bySlug(atom, "ete", atomLink);
    assert.equal(text(winter.published), "2025-01-20T10:00:00+01:00");
    assert.equal(text(summer.published), "2025-07-14T18:30:00+02:00");
    assert.equal(text(summer.updated), "2025-08-02T09:15:00+02:00");
    const rss = rssItems(site, "en/feed.xml");
    assert.equal(text(bySlug(rss, "hiver", (i) => text(i.link)).pubDate), "Mon, 20 Jan 2025 10:00:00 +0100");
    assert.equal(text(bySlug(rss, "ete", (i) => text(i.link)).pubDate), "Mon, 14 Jul 2025 18:30:00 +0200");
    const json = jsonItems(site, "feed.json");
    assert.equal(bySlug(json, "hiver", (i) => i.url).date_published, "2025-01-20T10:00:00+01:00");
    assert.equal(bySlug(json, "ete", (i) => i.url).date_modified, "2025-08-02T09:15:00+02:00");
    // And a reader gets the right instants out of them.
    const parsed = parseFeed(site.read("feed.xml")).items.find((i) => i.url?.endsWith("/hiver/"))!;
    assert.equal(parsed.published?.toISOString(), "2025-01-20T09:00:00.000Z");
  });

  it("keeps a hostile title as text in RSS, Atom and JSON Feed", () => {
    for (const lang of ["", "en/"]) {
      for (const file of [`${lang}feed.xml`, `${lang}atom.xml`]) {
        const titles = parseFeed(site.read(file)).items.map((i) => i.title);
        assert.ok(titles.includes(HOSTILE), `${file}: ${JSON.stringify(titles)}`);
      }
      const fxpTitles = [...rssItems(site, `${lang}feed.xml`).map((i) => text(i.title)), ...atomEntries(site, `${lang}atom.xml`).map((e) => text(e.title))];
      assert.equal(fxpTitles.filter((t) => t === HOSTILE).length, 2);
      assert.ok(jsonItems(site, `${lang}feed.json`).some((i) => i.title === HOSTILE));
    }
    const hostile = bySlug(atomEntries(site, "atom.xml"), "hostile", atomLink);
    assert.equal(hostile.title["@type"], "text");
  });

  it("makes every URL of the content absolute: links, anchors, images, srcset, poster", () => {
    for (const file of feedFiles(site).filter((f) => !f.endsWith(".json"))) {
      for (const item of parseFeed(site.read(file)).items) assert.deepEqual(relativeUrls(item.content ?? ""), [], `${file}: ${item.url}`);
    }
    for (const item of jsonItems(site, "en/feed.json")) assert.deepEqual(relativeUrls(item.content_html), [], item.url);
    const links = parseFeed(site.read("atom.xml")).items.find((i) => i.url?.endsWith("/liens/"))!.content!;
    assert.match(links, new RegExp(`href="${SITE}/blog/2025/liens/#suite"`));
    assert.match(links, new RegExp(`href="${SITE}/blog/2025/ete/"`));
    assert.match(links, new RegExp(`href="${SITE}/blog/2025/liens/\\?page=2&(amp;)?tri=date"`));
    assert.match(links, new RegExp(`poster="${SITE}/assets/favicon.svg"`));
    assert.match(links, new RegExp(`srcset="${SITE}/assets/favicon.svg 2x, ${SITE}/assets/favicon.svg 1x"`));
    // The photo went through the images plugin as on the page: its files exist at those URLs.
    const images = [...links.matchAll(new RegExp(`${SITE}/(img/[^" ,]+)`, "g"))].map((m) => m[1]!);
    assert.ok(images.length >= 2, links);
    for (const image of images) assert.ok(site.exists(image), `${image} is not in the build`);
  });

  it("lists the French-only post in English feeds, marked as French", () => {
    const entry = bySlug(atomEntries(site, "en/atom.xml"), "francais-seulement", atomLink);
    assert.equal(entry["@xml:lang"], "fr");
    assert.equal(XML.parse(site.read("en/atom.xml")).feed["@xml:lang"], "en");
    assert.equal(bySlug(rssItems(site, "en/feed.xml"), "francais-seulement", (i) => text(i.link))["@xml:lang"], "fr");
    assert.equal(bySlug(jsonItems(site, "en/feed.json"), "francais-seulement", (i) => i.url).language, "fr");
    const content = parseFeed(site.read("en/atom.xml")).items.find((i) => i.url?.endsWith("/francais-seulement/"))!.content!;
    assert.match(content, /^<p lang="en"><em>This post has not been translated yet: here it is in French\.<\/em><\/p>/);
    // Translated posts and the French feeds carry no such mark.
    assert.equal(atomEntries(site, "en/atom.xml").filter((e) => e["@xml:lang"]).length, 1);
    assert.equal(atomEntries(site, "atom.xml").filter((e) => e["@xml:lang"]).length, 0);
    assert.equal(XML.parse(site.read("feed.xml")).rss.channel.language, "fr");
  });

  it("drops control characters from titles, summaries and content", () => {
    for (const file of feedFiles(site)) assert.ok(!FORBIDDEN_CHARS.test(site.read(file)), file);
    const item = parseFeed(site.read("feed.xml")).items.find((i) => i.url?.endsWith("/francais-seulement/"))!;
    assert.equal(item.title, "Seulement en français avec des caractères de contrôle");
    assert.match(item.content ?? "", /Un texte en français avec un caractère/);
  });

  it("names people as dc:creator in RSS and the association with its e-mail as the feed's author", () => {
    const winter = bySlug(rssItems(site, "feed.xml"), "hiver", (i) => text(i.link));
    assert.deepEqual(winter["dc:creator"], ["Camille Martin", "Léa Dubois"]);
    assert.equal(winter.author, undefined);
    const feed = XML.parse(site.read("atom.xml")).feed;
    assert.equal(text(feed.author[0].email), "contact@chatons-loire.example");
    assert.deepEqual(parseFeed(site.read("atom.xml")).items.find((i) => i.url?.endsWith("/hiver/"))!.authors.map((a) => a.name), ["Camille Martin", "Léa Dubois"]);
  });

  it("gives categories a term in Atom (the tag's slug) and keeps the tag as label", () => {
    const winter = bySlug(atomEntries(site, "atom.xml"), "hiver", atomLink);
    assert.deepEqual(
      (winter.category as Record<string, string>[]).map((c) => [c["@term"], c["@label"]]),
      [["permanence", "permanence"], ["hebergement-sobriete", "Hébergement & sobriété"]],
    );
  });

  it("keeps each post's id when it is retitled and edited", () => {
    for (const lang of ["", "en/"]) {
      const before = bySlug(atomEntries(site, `${lang}atom.xml`), "hiver", atomLink);
      const after = bySlug(atomEntries(retitled, `${lang}atom.xml`), "hiver", atomLink);
      assert.notEqual(text(before.title), text(after.title));
      assert.equal(text(after.id), text(before.id));
      const rssBefore = bySlug(rssItems(site, `${lang}feed.xml`), "hiver", (i) => text(i.link));
      const rssAfter = bySlug(rssItems(retitled, `${lang}feed.xml`), "hiver", (i) => text(i.link));
      assert.equal(text(rssAfter.guid), text(rssBefore.guid));
      assert.equal(bySlug(jsonItems(retitled, `${lang}feed.json`), "hiver", (i) => i.url).id, bySlug(jsonItems(site, `${lang}feed.json`), "hiver", (i) => i.url).id);
    }
    // French and English entries are distinct entries.
    assert.notEqual(text(bySlug(atomEntries(site, "atom.xml"), "hiver", atomLink).id), text(bySlug(atomEntries(site, "en/atom.xml"), "hiver", atomLink).id));
  });

  it("announces the feeds of the page's language in every page head", () => {
    const pages = site.files.filter((f) => f.endsWith(".html") && !f.startsWith("404"));
    assert.ok(pages.length > 10);
    for (const page of pages) {
      const en = page.startsWith("en/");
      const links = [...site.read(page).matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)"/g)].map((m) => [m[1], m[2]]);
      const prefix = en ? "/en/" : "/";
      // The blog comes first; other sources (the agenda) may follow.
      assert.deepEqual(links.slice(0, 3), [
        ["application/rss+xml", `${prefix}feed.xml`],
        ["application/atom+xml", `${prefix}atom.xml`],
        ["application/feed+json", `${prefix}feed.json`],
      ], page);
      for (const [, href] of links) assert.ok(site.exists(href!), `${page} announces ${href}, which is not built`);
    }
  });

  it("lists every feed of its language on the feeds page, each link leading to a built file", () => {
    for (const [page, prefix] of [["feeds/index.html", ""], ["en/feeds/index.html", "en/"]] as const) {
      const html = site.read(page);
      const hrefs = new Set([...html.matchAll(/href="([^"]+\.(?:xml|json))"/g)].map((m) => m[1]!));
      const expected = feedFiles(site).filter((f) => (prefix ? f.startsWith(prefix) : !f.startsWith("en/")));
      assert.deepEqual([...hrefs].map((h) => h.slice(1)).sort(), expected.sort(), page);
      assert.match(html, prefix ? /What is a feed\?/ : /Qu’est-ce qu’un flux\u00A0?\s?\?/);
    }
  });
});
