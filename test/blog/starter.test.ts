/**
 * The starter posts show each feature of the blog in both languages: a
 * technical post whose code keeps {{ }} and {% %}, photos with captions, a
 * table and a FAQ, callouts and a donation block, a PeerTube card, footnotes,
 * a table of contents, an og:image, tags; drafts and scheduled posts stay out.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { HTMLElement } from "node-html-parser";
import site$ from "../../data/site.ts";
import { parseSite } from "../../plugins/core/site.ts";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { page } from "./helpers.ts";

// A fixed day after every dated starter post but the scheduled one (January 2027).
const NOW = "2026-11-21T12:00:00+01:00";
const settings = parseSite(site$);
let site: BuiltSite;
/** Published posts: French URL → its French page and its English page (translation or untranslated copy). */
let posts: Map<string, { fr: HTMLElement; en: HTMLElement; translated: boolean }>;

before(async () => {
  site = await buildSite({ now: NOW });
  posts = new Map();
  for (const file of site.files.filter((f) => /^blog\/\d{4}\/[^/]+\/index\.html$/.test(f))) {
    const url = `/${file.replace(/index\.html$/, "")}`;
    const fr = page(site, url);
    const en = page(site, `/en${url}`);
    posts.set(url, { fr, en, translated: !en.querySelector(".notice-untranslated") });
  }
});

/** Posts whose page, in both languages when translated, has what `has` looks for. */
function postsWith(has: (root: HTMLElement) => boolean): string[] {
  return [...posts].filter(([, p]) => has(p.fr) && (!p.translated || has(p.en))).map(([url]) => url);
}

describe("the starter posts", () => {
  test("at least six, four of them translated and one in French only, from 2024 and 2025", () => {
    const all = [...posts.values()];
    assert.ok(all.length >= 6, `${all.length} posts`);
    assert.ok(all.filter((p) => p.translated).length >= 4);
    assert.ok(all.some((p) => !p.translated));
    const years = new Set(all.map((p) => p.fr.querySelector(".post-header time")!.getAttribute("datetime")!.slice(0, 4)));
    assert.ok(years.has("2024") && years.has("2025"), [...years].join(", "));
  });

  test("the blog index lists them all, newest first, over as many pages as the setting asks", () => {
    const pages = Math.ceil(posts.size / settings.postsPerPage);
    const dates: string[] = [];
    for (let n = 1; n <= pages; n++) {
      const root = page(site, n === 1 ? "/blog/" : `/blog/page/${n}/`);
      dates.push(...root.querySelectorAll(".post-card time").map((t) => t.getAttribute("datetime")!));
    }
    assert.equal(dates.length, posts.size);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.ok(!site.exists(`blog/page/${pages + 1}/index.html`));
  });

  test("a technical post's code blocks keep {{ }} and {% %} as text, highlighted", () => {
    const found = postsWith((root) => {
      const code = root.querySelectorAll(".prose pre code").map((c) => c.text);
      return code.some((c) => /\{\{ ?\.[A-Z]/.test(c)) && code.some((c) => c.includes("{% for ")) && Boolean(root.querySelector(".prose pre code span[class^=hljs]"));
    });
    assert.ok(found.length >= 1);
  });

  test("a post has several photos with captions, as responsive pictures", () => {
    const found = postsWith((root) => root.querySelectorAll(".prose figure").filter((f) => f.querySelector("picture img[alt]") && f.querySelector("figcaption")?.text.trim()).length >= 2);
    assert.ok(found.length >= 1);
  });

  test("a post has a table and a FAQ", () => {
    assert.ok(postsWith((root) => Boolean(root.querySelector(".prose table th")) && root.querySelectorAll(".prose details summary").length >= 2).length >= 1);
  });

  test("callouts, a donation block, a PeerTube card and footnotes each appear", () => {
    assert.ok(postsWith((root) => root.querySelectorAll(".prose .callout, .prose [class*=callout]").length >= 2 && Boolean(root.querySelector(".prose .donate a"))).length >= 1);
    assert.ok(postsWith((root) => Boolean(root.querySelector('.prose .peertube a[href^="https://"]'))).length >= 1);
    assert.ok(postsWith((root) => root.querySelectorAll(".prose sup.footnote-ref").length >= 2 && Boolean(root.querySelector(".footnotes"))).length >= 1);
  });

  test("long posts have a table of contents; a post has an og:image with its alt text", () => {
    assert.ok(postsWith((root) => root.querySelectorAll("nav.toc a").length >= 3).length >= 1);
    assert.ok(postsWith((root) => Boolean(root.querySelector('meta[property="og:image"]') && root.querySelector('meta[property="og:image:alt"]'))).length >= 1);
  });

  test("every post has tags, each a link to a built tag page; lists show excerpts and reading times", () => {
    for (const [url, p] of posts) {
      const tags = p.fr.querySelectorAll(".post-footer a.tag");
      assert.ok(tags.length >= 1, `${url} has tags`);
      for (const a of [...tags, ...p.en.querySelectorAll(".post-footer a.tag")]) assert.ok(site.exists(`${a.getAttribute("href")!.slice(1)}index.html`));
    }
    const home = page(site, "/blog/");
    assert.ok(home.querySelectorAll(".post-card-excerpt").length >= 1);
    assert.ok(home.querySelectorAll(".post-card .meta").every((m) => /\d+ min de lecture/.test(m.text)));
  });

  test("the draft and the scheduled post are not published", () => {
    assert.ok(!site.exists("blog/2025/atelier-chiffrement/index.html") && !site.exists("en/blog/2025/atelier-chiffrement/index.html"));
    assert.ok(!site.files.some((f) => f.startsWith("blog/2027/") || f.startsWith("en/blog/2027/")));
  });
});
