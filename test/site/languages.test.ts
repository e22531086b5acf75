/**
 * The languages scenarios of the foundation: a French-only site, a French and
 * English site, and a missing translation, each built from its fixture.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { XMLValidator } from "fast-xml-parser";
import { parse } from "node-html-parser";
import { buildSite, type BuiltSite } from "../helpers/build.ts";

const SITE = "https://www.chatons-loire.example";

function page(site: BuiltSite, url: string) {
  const file = url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1);
  assert.ok(site.exists(file), `${url} should be built (${file})`);
  return parse(site.read(file));
}

function alternates(root: ReturnType<typeof parse>): Record<string, string> {
  return Object.fromEntries(
    root.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => [l.getAttribute("hreflang")!, l.getAttribute("href")!]),
  );
}

describe("a French-only site", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildSite({ fixture: "fr-only" });
  });

  test("has no /en/ page and no language switcher target outside French", () => {
    assert.equal(site.files.filter((f) => f.startsWith("en/")).length, 0);
    const home = page(site, "/");
    assert.equal(home.querySelector("html")!.getAttribute("lang"), "fr");
    assert.equal(home.querySelectorAll(".lang-switch a").length, 0);
  });

  test("a date-only post is dated at midnight in Paris, with the offset of that day", () => {
    const post = page(site, "/blog/2024/premier-article/");
    assert.equal(post.querySelector("time")!.getAttribute("datetime"), "2024-10-20T00:00:00+02:00");
    assert.equal(post.querySelector("time")!.text, "20 octobre 2024");
  });
});

describe("a French and English site", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildSite({ fixture: "fr-en" });
  });

  test("every page exists in both languages, the same slug under /en/ unless overridden", () => {
    for (const url of ["/", "/en/", "/blog/2024/hiver/", "/en/blog/2024/hiver/", "/contact/", "/en/contact/", "/blog/2025/ete/", "/en/blog/2025/summer/"]) {
      page(site, url);
    }
    assert.equal(site.exists("en/blog/2025/ete/index.html"), false);
  });

  test("html lang, hreflang alternates (absolute, reciprocal, x-default) and the switcher pair the translations", () => {
    const fr = page(site, "/blog/2025/ete/");
    const en = page(site, "/en/blog/2025/summer/");
    assert.equal(fr.querySelector("html")!.getAttribute("lang"), "fr");
    assert.equal(en.querySelector("html")!.getAttribute("lang"), "en");
    const expected = { fr: `${SITE}/blog/2025/ete/`, en: `${SITE}/en/blog/2025/summer/`, "x-default": `${SITE}/blog/2025/ete/` };
    assert.deepEqual(alternates(fr), expected);
    assert.deepEqual(alternates(en), expected);
    assert.equal(fr.querySelector('.lang-switch a[hreflang="en"]')!.getAttribute("href"), "/en/blog/2025/summer/");
    assert.equal(en.querySelector('.lang-switch a[hreflang="fr"]')!.getAttribute("href"), "/blog/2025/ete/");
  });

  test("dates are written per language with the offset of their season", () => {
    const fr = page(site, "/blog/2024/hiver/");
    const en = page(site, "/en/blog/2024/hiver/");
    assert.equal(fr.querySelector(".post-header time")!.getAttribute("datetime"), "2024-12-20T18:30:00+01:00");
    assert.equal(fr.querySelector(".post-header time")!.text, "20 décembre 2024");
    assert.equal(en.querySelector(".post-header time")!.text, "20 December 2024");
    assert.match(en.querySelector(".post-header")!.text, /Translated by Sam/);
    assert.doesNotMatch(fr.querySelector(".post-header")!.text, /Traduit par/);
  });

  test("the blog index lists a language's posts newest first", () => {
    const titles = page(site, "/en/blog/").querySelectorAll(".post-card-title a").map((a) => a.text);
    assert.deepEqual(titles, ["A summer post", "A winter post"]);
  });

  test("aliases leave redirect pages at the old URLs", () => {
    for (const old of ["2025/07/ete.html", "anciens/ete/index.html"]) {
      const html = parse(site.read(old));
      assert.equal(html.querySelector('meta[http-equiv="refresh"]')!.getAttribute("content"), "0; url=/blog/2025/ete/");
      assert.equal(html.querySelector('link[rel="canonical"]')!.getAttribute("href"), `${SITE}/blog/2025/ete/`);
      assert.equal(html.querySelector("main a")!.getAttribute("href"), "/blog/2025/ete/");
    }
  });

  test("the sitemap lists every page with its alternates, and robots.txt points to it", () => {
    const sitemap = site.read("sitemap.xml");
    assert.equal(XMLValidator.validate(sitemap), true);
    assert.match(sitemap, /<loc>https:\/\/www\.chatons-loire\.example\/en\/blog\/2025\/summer\/<\/loc>/);
    assert.match(sitemap, /hreflang="en" href="https:\/\/www\.chatons-loire\.example\/en\/contact\/"/);
    assert.doesNotMatch(sitemap, /ete\.html|anciens/);
    assert.match(site.read("robots.txt"), /^Sitemap: https:\/\/www\.chatons-loire\.example\/sitemap\.xml$/m);
  });
});

describe("a missing translation", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildSite({ fixture: "missing-translation" });
  });

  test("the English URL exists and shows the French text under a notice", () => {
    const en = page(site, "/en/blog/2025/seulement-en-francais/");
    assert.equal(en.querySelector("html")!.getAttribute("lang"), "en");
    const notice = en.querySelector(".notice-untranslated")!;
    assert.match(notice.text, /not been translated yet.*French/);
    assert.equal(notice.querySelector("a")!.getAttribute("href"), "/blog/2025/seulement-en-francais/");
    assert.equal(en.querySelector(".prose")!.getAttribute("lang"), "fr");
    assert.match(en.querySelector(".prose")!.text, /n'existe qu'en français/);
  });

  test("it is kept out of search engines and points to the original", () => {
    const en = page(site, "/en/blog/2025/seulement-en-francais/");
    assert.equal(en.querySelector('meta[name="robots"]')!.getAttribute("content"), "noindex");
    assert.equal(en.querySelector('link[rel="canonical"]')!.getAttribute("href"), `${SITE}/blog/2025/seulement-en-francais/`);
    assert.deepEqual(Object.keys(alternates(en)), []);
    assert.doesNotMatch(site.read("sitemap.xml"), /en\/blog\/2025\/seulement-en-francais/);
  });

  test("English lists show it marked as French", () => {
    const list = page(site, "/en/blog/");
    const link = list.querySelectorAll(".post-card-title a").find((a) => a.text === "Article seulement en français")!;
    assert.ok(link, "the French-only post is listed in English");
    assert.equal(link.getAttribute("lang"), "fr");
    assert.match(link.parentNode!.text, /\(in French\)/);
  });

  test("the translated post has no notice", () => {
    assert.equal(page(site, "/en/blog/2025/traduit/").querySelector(".notice-untranslated"), null);
  });
});
