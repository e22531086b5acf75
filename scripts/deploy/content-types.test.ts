import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CACHE_DAY,
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  cacheClassOf,
  contentTypeOf,
  headerHash,
  headersFor,
} from "./content-types.ts";

test("pages, feeds and calendars get their own type with a charset", () => {
  assert.equal(contentTypeOf("index.html").type, "text/html; charset=utf-8");
  assert.equal(contentTypeOf("en/blog/2025/ag/index.html").type, "text/html; charset=utf-8");
  assert.equal(contentTypeOf("agenda.ics").type, "text/calendar; charset=utf-8");
  assert.equal(contentTypeOf("robots.txt").type, "text/plain; charset=utf-8");
  assert.equal(contentTypeOf("feed.rss").type, "application/rss+xml; charset=utf-8");
  assert.equal(contentTypeOf("feed.atom").type, "application/atom+xml; charset=utf-8");
  assert.equal(contentTypeOf("blog/feed.json").type, "application/feed+json; charset=utf-8");
  assert.equal(contentTypeOf("site.webmanifest").type, "application/manifest+json; charset=utf-8");
  assert.equal(contentTypeOf("data.json").type, "application/json; charset=utf-8");
});

test("XML feeds are recognised by their root element, whatever their name", () => {
  const rss = '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>';
  const atom = '<?xml version="1.0" encoding="utf-8"?>\n<!-- Atom --><feed xmlns="http://www.w3.org/2005/Atom">';
  const sitemap = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">';
  assert.equal(contentTypeOf("feed.xml", rss).type, "application/rss+xml; charset=utf-8");
  assert.equal(contentTypeOf("en/feed.xml", atom).type, "application/atom+xml; charset=utf-8");
  assert.equal(contentTypeOf("sitemap.xml", sitemap).type, "application/xml; charset=utf-8");
  assert.equal(contentTypeOf("blog/index.json", '{"version": "https://jsonfeed.org/version/1.1"}').type, "application/feed+json; charset=utf-8");
});

test("media, fonts and Pagefind files have explicit types", () => {
  assert.equal(contentTypeOf("img/AbCdEfGh12-600.avif").type, "image/avif");
  assert.equal(contentTypeOf("img/x.webp").type, "image/webp");
  assert.equal(contentTypeOf("logo.svg").type, "image/svg+xml");
  assert.equal(contentTypeOf("fonts/inter.woff2").type, "font/woff2");
  assert.equal(contentTypeOf("reports/2024-2025/moral.pdf").type, "application/pdf");
  assert.equal(contentTypeOf("pagefind/pagefind.js").type, "text/javascript; charset=utf-8");
  assert.equal(contentTypeOf("pagefind/pagefind-ui.css").type, "text/css; charset=utf-8");
  assert.equal(contentTypeOf("pagefind/fragment/en_8e0b92a.pf_fragment").type, "application/octet-stream");
  assert.equal(contentTypeOf("pagefind/wasm.fr.pagefind").type, "application/octet-stream");
  assert.equal(contentTypeOf("pagefind/x.wasm").type, "application/wasm");
});

test("an unknown extension is sent as octet-stream with a warning", () => {
  const h = headersFor("downloads/thing.chatons-unknown");
  assert.equal(h.contentType, "application/octet-stream");
  assert.match(h.warning ?? "", /downloads\/thing\.chatons-unknown.*unknown extension/);
  assert.equal(headersFor("CNAME").contentType, "application/octet-stream");
  assert.equal(headersFor("index.html").warning, undefined);
});

test("fingerprinted files are immutable for a year", () => {
  assert.equal(cacheClassOf("img/AbCd-fGh12-600.avif"), "immutable");
  assert.equal(cacheClassOf("img/Zx_9aB3kLm-1200.jpeg"), "immutable");
  assert.equal(cacheClassOf("pagefind/fragment/en_8e0b92a.pf_fragment"), "immutable");
  assert.equal(cacheClassOf("pagefind/index/fr_1cc69c9.pf_index"), "immutable");
  assert.equal(cacheClassOf("pagefind/pagefind.en_f6a51b44ce.pf_meta"), "immutable");
  assert.equal(cacheClassOf("assets/site.3f9a8b2c.css"), "immutable");
  assert.equal(headersFor("img/AbCdEfGh12-600.avif").cacheControl, CACHE_IMMUTABLE);
});

test("names that merely look like hashes are not fingerprints", () => {
  assert.equal(cacheClassOf("img/logo.svg"), "day", "hand-made file in img/");
  assert.equal(cacheClassOf("img/assemblee-2024.png"), "day");
  assert.equal(cacheClassOf("reports/rapport.20250312.pdf"), "day", "a date is digits only");
  assert.equal(cacheClassOf("blog/2025/ag/salle.jpg"), "day");
});

test("documents and unfingerprinted code revalidate on every visit", () => {
  for (const key of ["index.html", "404.html", "en/index.html", "feed.xml", "agenda.ics", "sitemap.xml", "robots.txt", "css/site.css", "js/menu.js", "pagefind/pagefind.js", "pagefind/pagefind-entry.json", "pagefind/wasm.en.pagefind"]) {
    assert.equal(headersFor(key).cacheControl, CACHE_REVALIDATE, key);
  }
  assert.equal(headersFor("fonts/inter.woff2").cacheControl, CACHE_DAY);
  assert.equal(headersFor("reports/moral.pdf").cacheControl, CACHE_DAY);
});

test("the header hash changes when either header does", () => {
  const a = headerHash("text/html; charset=utf-8", CACHE_REVALIDATE);
  assert.match(a, /^[0-9a-f]{16}$/);
  assert.equal(a, headerHash("text/html; charset=utf-8", CACHE_REVALIDATE));
  assert.notEqual(a, headerHash("text/html", CACHE_REVALIDATE));
  assert.notEqual(a, headerHash("text/html; charset=utf-8", CACHE_DAY));
});
