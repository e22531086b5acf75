/** The starter site's feeds: every file valid, every post of each language in its feed. */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { checkAtom, checkJsonFeed, checkRss, relativeUrls } from "./feed-checks.ts";

/** The plugin's default number of entries per feed. */
const LIMIT = 20;

let site: BuiltSite;
before(async () => {
  site = await buildSite();
});

const feedFiles = () => site.files.filter((f) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(f));
/** Post pages of a language: `blog/<year>/<slug>/index.html` (and under `en/`). */
const postPages = (prefix: string) => site.files.filter((f) => new RegExp(`^${prefix}blog/\\d{4}/[^/]+/index\\.html$`).test(f));

describe("feeds of the starter site", () => {
  it("are all valid RSS 2.0, Atom 1.0 and JSON Feed 1.1", () => {
    const files = feedFiles();
    assert.ok(files.length >= 12, `only ${files.length} feed files`);
    for (const file of files) {
      const check = file.endsWith(".json") ? checkJsonFeed : file.endsWith("atom.xml") ? checkAtom : checkRss;
      assert.deepEqual(check(site.read(file)), [], file);
    }
  });

  it("hold every post of the language (up to the limit), in all three formats", () => {
    for (const prefix of ["", "en/"]) {
      const expected = Math.min(postPages(prefix).length, LIMIT);
      assert.ok(expected > 0, `no post page under ${prefix || "/"}`);
      assert.equal(parseFeed(site.read(`${prefix}feed.xml`)).items.length, expected, `${prefix}feed.xml`);
      assert.equal(parseFeed(site.read(`${prefix}atom.xml`)).items.length, expected, `${prefix}atom.xml`);
      assert.equal(JSON.parse(site.read(`${prefix}feed.json`)).items.length, expected, `${prefix}feed.json`);
    }
  });

  it("link each entry to a page of the build, with only absolute URLs in the content", () => {
    for (const file of feedFiles().filter((f) => f.endsWith(".xml"))) {
      for (const item of parseFeed(site.read(file)).items) {
        const path = new URL(item.url!).pathname;
        assert.ok(site.exists(`${path.replace(/^\//, "")}index.html`), `${file}: ${item.url} is not a page of the build`);
        assert.deepEqual(relativeUrls(item.content ?? ""), [], `${file}: ${item.url}`);
      }
    }
  });

  it("are announced in page heads and listed on the feeds page of each language", () => {
    for (const [home, feeds, prefix] of [["index.html", "feeds/index.html", "/"], ["en/index.html", "en/feeds/index.html", "/en/"]] as const) {
      assert.match(site.read(home), new RegExp(`<link rel="alternate" type="application/rss\\+xml" title="[^"]+" href="${prefix}feed.xml">`));
      const listed = new Set([...site.read(feeds).matchAll(/href="([^"]+\.(?:xml|json))"/g)].map((m) => m[1]!.slice(1)));
      const own = feedFiles().filter((f) => (prefix === "/en/" ? f.startsWith("en/") : !f.startsWith("en/")));
      assert.deepEqual([...listed].sort(), own.sort(), feeds);
    }
  });
});

describe("tag pages of the starter site", () => {
  it("announce their own feeds, in their language, and each one lists the tag's posts", () => {
    const tagPages = site.files.filter((f) => /^(en\/)?blog\/tags\/[^/]+\/index\.html$/.test(f));
    assert.ok(tagPages.length >= 4, `only ${tagPages.length} tag pages`);
    for (const file of tagPages) {
      const folder = `/${file.replace(/index\.html$/, "")}`;
      const links = [...site.read(file).matchAll(/<link rel="alternate" type="([^"]+)"[^>]*href="([^"]+)"/g)].map((m) => [m[1], m[2]]);
      const own = links.filter(([, href]) => href!.startsWith(folder));
      assert.deepEqual(own.map(([type]) => type).sort(), ["application/atom+xml", "application/feed+json", "application/rss+xml"], file);
      const posts = (site.read(file).match(/class="post-card"/g) ?? []).length;
      const rss = own.find(([type]) => type === "application/rss+xml")![1]!;
      assert.equal(parseFeed(site.read(rss.slice(1))).items.length, Math.min(posts, LIMIT), rss);
    }
  });
});
