import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkPages, reasonOf, scanPage, type OutputFolder } from "./links.ts";

const SITE = "https://asso.example";

/** An output folder holding these files (HTML ones with their text). */
function folder(files: Record<string, string>): OutputFolder {
  return { exists: (f) => f in files, ids: (f) => (f.endsWith(".html") && f in files ? scanPage(files[f]!).ids : undefined) };
}

const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

describe("checkPages", () => {
  const output = folder({
    "index.html": page('<h1 id="top-title">Accueil</h1>'),
    "blog/index.html": page('<h2 id="derniers">Derniers</h2><a name="ancien">x</a>'),
    "img/photo-480.webp": "",
    "img/photo-960.webp": "",
    "assets/site.css": "",
    "feed.xml": "<rss/>",
    "calendrier.ics": "BEGIN:VCALENDAR",
  });

  it("accepts links that resolve, whatever their form", async () => {
    const html = page(`
      <link rel="stylesheet" href="/assets/site.css"><link rel="alternate" type="application/rss+xml" href="/feed.xml">
      <a href="/">home</a> <a href="../">relative</a> <a href="/blog/#derniers">anchor</a> <a href="/blog/#ancien">named anchor</a>
      <a href="${SITE}/blog/">absolute on the site</a> <a href="/calendrier.ics">ics</a> <a href="/blog">no slash</a>
      <picture><source srcset="/img/photo-480.webp 480w, /img/photo-960.webp 960w"><img src="/img/photo-480.webp" alt="p"></picture>
      <a href="mailto:a@asso.example">mail</a> <a href="#">top</a> <a href="/pagefind/pagefind-ui.js">later</a>`);
    const report = await checkPages([{ url: "/blog/2025/", html }], output, { siteUrl: SITE, skip: ["/pagefind/"] });
    assert.deepEqual(report.broken, []);
  });

  it("reports a missing page, a missing image in a srcset and a missing anchor, with what was written", async () => {
    const html = page(`<a href="/absent/">a</a> <img srcset="/img/photo-480.webp 1x, /img/absente.webp 2x" alt="p"> <a href="/blog/#nulle-part">b</a>`);
    const { broken } = await checkPages([{ url: "/", html }], output, { siteUrl: SITE });
    assert.deepEqual(
      broken.map((b) => [b.ref.raw, b.ref.via, reasonOf(b)]),
      [
        ["/absent/", "a href", "leads nowhere: the build wrote nothing at /absent/"],
        ["/img/absente.webp", "img srcset", "leads nowhere: the build wrote nothing at /img/absente.webp"],
        ["/blog/#nulle-part", "a href", 'no element with id "nulle-part" in /blog/'],
      ],
    );
  });

  it("reports a link to a preview on this computer (copied from the address bar), with the address to write", async () => {
    const html = page(
      `<a href="http://localhost:8080/blog/#derniers">a</a> <img src="http://127.0.0.1:8080/img/photo-480.webp" alt="p">` +
        ` <a href="http://localhost.example.org/">not local</a> <a href="http://127.0.0.1:4000/a-propos/">another site served here</a>`,
    );
    const report = await checkPages([{ url: "/", html }], output, { siteUrl: SITE });
    assert.deepEqual(
      report.broken.map((b) => [b.ref.raw, reasonOf(b)]),
      [
        ["http://localhost:8080/blog/#derniers", "leads to a preview on the computer that built it (copied from the browser's address bar?), which no visitor can reach: write the address from the site's root, /blog/#derniers"],
        ["http://127.0.0.1:8080/img/photo-480.webp", "leads to a preview on the computer that built it (copied from the browser's address bar?), which no visitor can reach: write the address from the site's root, /img/photo-480.webp"],
      ],
    );
    assert.deepEqual(report.external.map((e) => e.url), ["http://localhost.example.org/", "http://127.0.0.1:4000/a-propos/"]);
  });

  it("reads a srcset URL that holds a comma as one URL", async () => {
    const files = { "img/a,b.webp": "", "img/c.webp": "" };
    const html = page(`<img srcset="/img/a,b.webp 1x, /img/c.webp 2x" alt="p">`);
    assert.deepEqual((await checkPages([{ url: "/", html }], folder(files), { siteUrl: SITE })).broken, []);
  });

  it("checks an anchor of the page itself against its own ids", async () => {
    const html = page('<h2 id="ici">Ici</h2><h2 id="été">Été</h2><a href="#ici">ok</a> <a href="#%C3%A9t%C3%A9">ok</a> <a href="#été">ok</a> <a href="#la-bas">ko</a>');
    const { broken } = await checkPages([{ url: "/", html }], folder({ "index.html": html }), { siteUrl: SITE });
    assert.deepEqual(broken.map((b) => b.ref.raw), ["#la-bas"]);
  });

  it("reads attribute values as the browser does, and text as text", async () => {
    const html = page('<h2 id="a&amp;b">A</h2><a href="#a&amp;b">ok</a> <a href="/absent/?x=1&amp;y=2">ko</a> <p>&lt;a href="/absent-too/"&gt;</p>');
    const { broken } = await checkPages([{ url: "/", html }], folder({ "index.html": html }), { siteUrl: SITE });
    assert.deepEqual(broken.map((b) => [b.ref.raw, b.target]), [["/absent/?x=1&y=2", "/absent/"]]);
  });

  it("ignores links shown as code", async () => {
    const html = page('<pre><code><a href="/absent/">x</a></code></pre><p><code><a href="/absent-aussi/">y</a></code></p>');
    assert.deepEqual((await checkPages([{ url: "/", html }], output, { siteUrl: SITE })).broken, []);
  });

  it("lists links to other hosts as external, without checking them", async () => {
    const html = page('<a href="https://chatons.org/">c</a> <a href="//cdn.example/x.js">d</a> <a href="/blog/">e</a>');
    const report = await checkPages([{ url: "/", html }], output, { siteUrl: SITE });
    assert.deepEqual(report.broken, []);
    assert.deepEqual(report.external.map((e) => e.url), ["https://chatons.org/", "https://cdn.example/x.js"]);
  });
});
