/**
 * A post's page on the blog-features fixture: credits, table of contents,
 * previous/next in the same language, og:image.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, test } from "node:test";
import sharp from "sharp";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { page, SITE } from "./helpers.ts";

let site: BuiltSite;

before(async () => {
  site = await buildSite({ fixture: "blog-features", now: "2025-06-01T12:00:00+02:00" });
});

describe("a post's page", () => {
  test("shows title, date, authors, and the translators on the translation only", () => {
    const en = page(site, "/en/blog/2024/premier/");
    assert.equal(en.querySelector("h1")!.text, "A post with more to read");
    assert.equal(en.querySelector(".post-header time")!.getAttribute("datetime"), "2024-03-10T18:30:00+01:00");
    assert.match(en.querySelector(".post-header .meta")!.text, /By Camille · Translated by Sam/);
    assert.doesNotMatch(page(site, "/blog/2024/premier/").querySelector(".post-header .meta")!.text, /Traduit/);
    assert.match(page(site, "/blog/2024/premier/").text, /n’apparaît que sur la page de l’article/);
  });

  test("<title> carries the site's name unless that would make it longer than 70 characters", () => {
    assert.equal(page(site, "/blog/2024/premier/").querySelector("title")!.text, "Un article avec une suite · Les Chatons de la Loire");
    assert.equal(page(site, "/blog/2024/second/").querySelector("title")!.text, "Un article seulement en français, sans traduction anglaise");
  });

  test("a long post has a table of contents whose links reach its headings", () => {
    const root = page(site, "/blog/2025/long/");
    const nav = root.querySelector("nav.toc")!;
    assert.equal(nav.getAttribute("aria-labelledby"), "toc-title");
    assert.equal(root.querySelector("#toc-title")!.text, "Sommaire");
    const links = nav.querySelectorAll("a").map((a) => [a.text, a.getAttribute("href")!]);
    assert.deepEqual(
      links.map(([text]) => text),
      ["Premier chapitre", "Un détail", "Deuxième chapitre", "Troisième chapitre"],
    );
    for (const [, href] of links) assert.ok(root.querySelector(`.prose ${href}`), `${href} is a heading of the text`);
    assert.equal(page(site, "/en/blog/2025/long/").querySelector("#toc-title")!.text, "Contents");
  });

  test("a short post has none", () => {
    assert.equal(page(site, "/blog/2025/court/").querySelector("nav.toc"), null);
    assert.equal(page(site, "/blog/2024/premier/").querySelector("nav.toc"), null);
  });

  test("previous and next posts stay in the page's language, untranslated copies included", () => {
    const pager = (url: string) =>
      Object.fromEntries(page(site, url).querySelectorAll(".post-pager a").map((a) => [a.getAttribute("rel"), a.getAttribute("href")]));
    assert.deepEqual(pager("/en/blog/2024/premier/"), { prev: "/en/blog/2024/ancien/", next: "/en/blog/2024/second/" });
    assert.deepEqual(pager("/en/blog/2024/second/"), { prev: "/en/blog/2024/premier/", next: "/en/blog/2025/long/" });
    assert.deepEqual(pager("/blog/2024/second/"), { prev: "/blog/2024/premier/", next: "/blog/2025/long/" });
    assert.deepEqual(pager("/blog/2025/court/"), { prev: "/blog/2025/long/" });
    assert.deepEqual(pager("/blog/2024/ancien/"), { next: "/blog/2024/premier/" });
  });

  test("og:image is an absolute URL of a JPEG at most 1200 px wide, with the alt text of the page's language", async () => {
    for (const [url, alt] of [
      ["/blog/2025/long/", "Un dégradé du bleu à l’orange, comme un coucher de soleil sur la Loire."],
      ["/en/blog/2025/long/", "A gradient from blue to orange, like a sunset over the Loire."],
    ] as const) {
      const root = page(site, url);
      const image = root.querySelector('meta[property="og:image"]')!.getAttribute("content")!;
      assert.match(image, new RegExp(`^${SITE}/img/[\\w-]+\\.jpe?g$`));
      assert.equal(root.querySelector('meta[property="og:image:alt"]')!.getAttribute("content"), alt);
      const file = image.slice(SITE.length + 1);
      assert.ok(site.exists(file), `${file} is published`);
      const meta = await sharp(path.join(site.output, file)).metadata();
      assert.deepEqual([meta.format, meta.width], ["jpeg", 1200]);
      // The same photo heads the post, as a responsive picture.
      assert.equal(root.querySelector(".post-image img")!.getAttribute("alt"), alt);
    }
    assert.equal(page(site, "/blog/2025/court/").querySelector('meta[property="og:image"]'), null);
  });
});
