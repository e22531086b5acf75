import assert from "node:assert/strict";
import { test } from "node:test";
import { absoluteSrcset, absoluteUrl, feedHtml, widestCandidate } from "./absolutize.ts";

const PAGE = "https://www.example.org/en/blog/2025/post/";

test("relative, root-relative, parent and anchor URLs resolve against the page", () => {
  assert.equal(absoluteUrl("photo.jpg", PAGE), "https://www.example.org/en/blog/2025/post/photo.jpg");
  assert.equal(absoluteUrl("/img/a.avif", PAGE), "https://www.example.org/img/a.avif");
  assert.equal(absoluteUrl("../other/", PAGE), "https://www.example.org/en/blog/2025/other/");
  assert.equal(absoluteUrl("#section", PAGE), "https://www.example.org/en/blog/2025/post/#section");
  assert.equal(absoluteUrl("?page=2", PAGE), "https://www.example.org/en/blog/2025/post/?page=2");
});

test("absolute URLs and other schemes are kept; javascript: is dropped", () => {
  assert.equal(absoluteUrl("https://other.example/x", PAGE), "https://other.example/x");
  assert.equal(absoluteUrl("mailto:contact@example.org", PAGE), "mailto:contact@example.org");
  assert.equal(absoluteUrl("//cdn.example/x.png", PAGE), "https://cdn.example/x.png");
  assert.equal(absoluteUrl("javascript:alert(1)", PAGE), undefined);
});

test("every candidate of a srcset is made absolute, descriptors kept", () => {
  assert.equal(
    absoluteSrcset("/img/a-480.avif 480w, /img/a-960.avif 960w", PAGE),
    "https://www.example.org/img/a-480.avif 480w, https://www.example.org/img/a-960.avif 960w",
  );
  assert.equal(absoluteSrcset("small.jpg, big.jpg 2x", PAGE), `${PAGE}small.jpg, ${PAGE}big.jpg 2x`);
  assert.equal(absoluteSrcset("a,b.jpg 1x", PAGE), `${PAGE}a,b.jpg 1x`);
});

test("href, src, srcset, poster and cite in content all become absolute", () => {
  const html = feedHtml(
    `<p><a href="../x/">x</a> <a href="#top">top</a></p><picture><source srcset="/img/a.avif 1x, /img/b.avif 2x"><img src="photo.jpg" alt="A"></picture><video poster="p.jpg" src="v.webm"></video><blockquote cite="/source/">q</blockquote>`,
    PAGE,
  );
  assert.ok(!/(href|src|poster|cite)="(?!https:)/.test(html), html);
  assert.match(html, /href="https:\/\/www\.example\.org\/en\/blog\/2025\/x\/"/);
  assert.match(html, /href="https:\/\/www\.example\.org\/en\/blog\/2025\/post\/#top"/);
  assert.match(html, /srcset="https:\/\/www\.example\.org\/img\/a\.avif 1x, https:\/\/www\.example\.org\/img\/b\.avif 2x"/);
  assert.match(html, /poster="https:\/\/www\.example\.org\/en\/blog\/2025\/post\/p\.jpg"/);
});

test("ampersands in query strings stay escaped", () => {
  assert.match(feedHtml(`<a href="?a=1&amp;b=2">x</a>`, PAGE), /href="https:\/\/www\.example\.org\/en\/blog\/2025\/post\/\?a=1&amp;b=2"/);
});

test("heading self-links, scripts and event handlers are taken out; code stays as written", () => {
  const html = feedHtml(
    `<div class="heading"><h2 id="a">A</h2><a class="heading-anchor" href="#a"><span class="visually-hidden">Link to A</span></a></div><script>alert(1)</script><p onclick="x()">t</p><pre><code>&lt;a href="y"&gt;</code></pre>`,
    PAGE,
  );
  assert.ok(!html.includes("heading-anchor") && !html.includes("Link to A"), html);
  assert.ok(!html.includes("<script") && !html.includes("onclick"), html);
  assert.ok(html.includes(`<pre><code>&lt;a href="y"&gt;</code></pre>`), html);
});

test("in-drawing references of inline SVG are left alone", () => {
  const html = feedHtml(`<svg><use href="#icon"></use></svg>`, PAGE);
  assert.match(html, /<use href="#icon">/);
});

test("an image's src is its widest file in a feed, not the phone-sized one (issue 14)", () => {
  const html = `<picture><source type="image/webp" srcset="/img/a-480.webp 480w, /img/a-1600.webp 1600w"><img src="/img/a-480.jpeg" srcset="/img/a-480.jpeg 480w, /img/a-1600.jpeg 1600w" width="1600" height="900" alt="Salle"></picture>`;
  const out = feedHtml(html, "https://www.chatons-loire.example/blog/2025/x/");
  assert.match(out, /<img src="https:\/\/www\.chatons-loire\.example\/img\/a-1600\.jpeg"/);
  assert.equal(widestCandidate("a.jpg 480w, b.jpg 1600w, c.jpg 800w"), "b.jpg");
  assert.equal(widestCandidate("a.jpg 1x, b.jpg 2x"), undefined);
});

test("attributes written in capitals are read as the same attributes", () => {
  const out = feedHtml(`<IMG SRC="a-480.jpg" SRCSET="a-480.jpg 480w, a-1600.jpg 1600w" ALT="A" ONLOAD="x()">`, PAGE);
  assert.match(out, /SRC="https:\/\/www\.example\.org\/en\/blog\/2025\/post\/a-1600\.jpg"/);
  assert.ok(!/onload/i.test(out), out);
});
