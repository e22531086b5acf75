/**
 * The blog's lists on the blog-features fixture (two posts a page, five
 * published posts, one of them not translated): index pages, excerpts and
 * reading time, tag pages and the tags index, year pages.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { listedTitles, page, SITE } from "./helpers.ts";

// Before the scheduled post's date: the draft and the scheduled post are out.
const NOW = "2025-06-01T12:00:00+02:00";
let site: BuiltSite;

before(async () => {
  site = await buildSite({ fixture: "blog-features", now: NOW });
});

describe("the blog index", () => {
  test("five posts at two a page make three pages in each language, newest first", () => {
    const fr = ["/blog/", "/blog/page/2/", "/blog/page/3/"].map((url) => listedTitles(page(site, url)));
    assert.deepEqual(fr, [
      ["Un article court", "Un long article avec sommaire"],
      ["Un article seulement en français, sans traduction anglaise", "Un article avec une suite"],
      ["Le plus ancien article"],
    ]);
    const en = ["/en/blog/", "/en/blog/page/2/", "/en/blog/page/3/"].map((url) => listedTitles(page(site, url)));
    assert.deepEqual(en, [
      ["A short post", "A long post with a table of contents"],
      ["Un article seulement en français, sans traduction anglaise", "A post with more to read"],
      ["The oldest post"],
    ]);
    assert.ok(!site.exists("blog/page/4/index.html") && !site.exists("blog/page/1/index.html"));
  });

  test("an untranslated post is listed in English, marked as French", () => {
    const card = page(site, "/en/blog/page/2/").querySelectorAll(".post-card")[0]!;
    assert.equal(card.querySelector(".post-card-title a")!.getAttribute("lang"), "fr");
    assert.match(card.querySelector(".badge")!.text, /in French/);
  });

  test("pages link to each other, with rel prev/next and the current page marked", () => {
    const second = page(site, "/blog/page/2/");
    const nav = second.querySelector("nav.pagination")!;
    assert.equal(nav.querySelector('a[rel="prev"]')!.getAttribute("href"), "/blog/");
    assert.equal(nav.querySelector('a[rel="next"]')!.getAttribute("href"), "/blog/page/3/");
    assert.equal(nav.querySelector('a[aria-current="page"]')!.getAttribute("href"), "/blog/page/2/");
    const alternates = second.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => l.getAttribute("href"));
    assert.ok(alternates.includes(`${SITE}/en/blog/page/2/`), "page 2 pairs with the English page 2");
    assert.equal(page(site, "/en/blog/page/3/").querySelector(".lang-switch a")!.getAttribute("href"), "/blog/page/3/");
  });

  test("the excerpt is the text before <!-- more -->, else the summary", () => {
    const card = page(site, "/blog/page/2/").querySelectorAll(".post-card")[1]!;
    assert.match(card.text, /Ce paragraphe est l’extrait de l’article\./);
    assert.doesNotMatch(card.text, /n’apparaît que sur la page|Ce résumé ne s’affiche pas/);
    assert.ok(card.querySelector('.post-card-more a[href="/blog/2024/premier/"]'));
    const short = page(site, "/blog/").querySelectorAll(".post-card")[0]!;
    assert.match(short.text, /Un résumé écrit à la main\./);
    assert.equal(short.querySelector(".post-card-more"), null);
    // The long post's excerpt calls a footnote whose target is not on the list page.
    const long = page(site, "/blog/").querySelectorAll(".post-card")[1]!;
    assert.match(long.text, /Cette introduction est l’extrait/);
    assert.equal(long.querySelectorAll("sup, [id]").length, 0);
  });

  test("reading time in each language, on the list as on the post (about 1,050 and 900 words at 220 a minute)", () => {
    const frCard = page(site, "/blog/").querySelectorAll(".post-card")[1]!;
    assert.match(frCard.querySelector(".meta")!.text, /5 min de lecture/);
    assert.equal(page(site, "/blog/2025/long/").querySelector(".reading-time")!.text, "5 min de lecture");
    assert.equal(page(site, "/en/blog/2025/long/").querySelector(".reading-time")!.text, "4 min read");
    assert.equal(page(site, "/blog/2024/ancien/").querySelector(".reading-time")!.text, "1 min de lecture");
  });
});

describe("tag pages", () => {
  test("one page per tag and language, same slug in both, with that language's posts", () => {
    assert.deepEqual(listedTitles(page(site, "/blog/tags/logiciels-libres/")), ["Un article court", "Un article avec une suite"]);
    assert.deepEqual(listedTitles(page(site, "/en/blog/tags/logiciels-libres/")), ["A short post", "A post with more to read"]);
    assert.deepEqual(listedTitles(page(site, "/en/blog/tags/atelier/")), [
      "A long post with a table of contents",
      "Un article seulement en français, sans traduction anglaise",
      "A post with more to read",
      "The oldest post",
    ]);
  });

  test("a French-only post's tag has an English page too, from its untranslated copy", () => {
    assert.deepEqual(listedTitles(page(site, "/en/blog/tags/francophonie/")), ["Un article seulement en français, sans traduction anglaise"]);
  });

  test("tags read in the page's language when labelled, as written otherwise", () => {
    assert.match(page(site, "/en/blog/tags/atelier/").querySelector("h1")!.text, /Tag: workshop/);
    assert.match(page(site, "/blog/tags/atelier/").querySelector("h1")!.text, /Étiquette\u00a0: atelier/);
    const unlabelled = page(site, "/en/blog/tags/logiciels-libres/").querySelector("h1 span")!;
    assert.deepEqual([unlabelled.text, unlabelled.getAttribute("lang")], ["Logiciels libres", "fr"]);
  });

  test("a tag page switches language to the same tag", () => {
    const fr = page(site, "/blog/tags/francophonie/");
    assert.equal(fr.querySelector(".lang-switch a")!.getAttribute("href"), "/en/blog/tags/francophonie/");
    assert.equal(page(site, "/en/blog/tags/atelier/").querySelector(".lang-switch a")!.getAttribute("href"), "/blog/tags/atelier/");
  });

  test("a post's tags link to the tag pages of its language", () => {
    const links = page(site, "/en/blog/2024/premier/").querySelectorAll(".post-footer a.tag");
    assert.deepEqual(
      links.map((a) => [a.text, a.getAttribute("href")]),
      [
        ["Logiciels libres", "/en/blog/tags/logiciels-libres/"],
        ["workshop", "/en/blog/tags/atelier/"],
      ],
    );
  });

  test("the tags index lists every tag of the language with its number of posts", () => {
    const items = page(site, "/en/blog/tags/").querySelectorAll(".tag-index li").map((li) => li.text.replace(/\s+/g, " ").trim());
    assert.deepEqual(items, ["francophonie (1 post)", "Logiciels libres (2 posts)", "workshop (4 posts)"]);
    assert.ok(page(site, "/blog/tags/").querySelector('.tag-index a[href="/blog/tags/atelier/"]'));
  });
});

describe("year pages", () => {
  test("one page per year at /blog/<year>/, the posts of that year only, with links to the other years", () => {
    const y2024 = page(site, "/blog/2024/");
    assert.deepEqual(
      y2024.querySelectorAll(".archive-list a").map((a) => a.text),
      ["Un article seulement en français, sans traduction anglaise", "Un article avec une suite", "Le plus ancien article"],
    );
    assert.deepEqual(
      y2024.querySelectorAll(".archive-month h2").map((h) => h.text),
      ["Septembre 2024", "Mars 2024", "Janvier 2024"],
    );
    assert.deepEqual(
      page(site, "/en/blog/2025/").querySelectorAll(".archive-list a").map((a) => a.text),
      ["A short post", "A long post with a table of contents"],
    );
    const nav = page(site, "/blog/").querySelectorAll(".archive-nav a").map((a) => a.getAttribute("href"));
    assert.deepEqual(nav, ["/blog/2025/", "/blog/2024/", "/blog/tags/"]);
  });
});
