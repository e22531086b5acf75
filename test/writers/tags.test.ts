/**
 * Tags a writer or translator may legitimately write differently: a translation
 * without the original's tags, and one tag spelled in several ways.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildSite, starterSite } from "../helpers/build.ts";
import { page } from "../blog/helpers.ts";

const site = buildSite({ fixture: "tags-per-language" });

test("tags that differ between languages build: each language gets the tag pages of its own posts", async () => {
  const built = await site;
  // fr: [test, association]; en: [association] only (the translation wrote tags: [])
  for (const url of ["/blog/tags/test/", "/blog/tags/association/", "/en/blog/tags/association/", "/blog/2025/", "/en/blog/2025/"]) {
    page(built, url);
  }
  assert.ok(!built.exists("en/blog/tags/test/index.html"), "no English page for a tag no English post carries");
  const alternates = (url: string) => page(built, url).querySelectorAll('link[rel="alternate"][hreflang]').map((l) => l.getAttribute("hreflang"));
  assert.deepEqual(alternates("/blog/tags/association/").filter((l) => l !== "x-default").sort(), ["en", "fr"]);
  assert.ok(!alternates("/blog/tags/test/").includes("en"), "the French-only tag page announces no English version");
  assert.equal(page(built, "/en/blog/tags/association/").querySelector(".lang-switch a[hreflang=fr], a[hreflang=fr]")?.getAttribute("href"), "/blog/tags/association/");
});

test("spellings of one tag make one link per post and one page, named by the spelling most posts use", async () => {
  const built = await site;
  const links = page(built, "/blog/2025/cooperatives/").querySelectorAll(".tag-list a");
  assert.deepEqual(links.map((a) => [a.text, a.getAttribute("href")]), [["économie sociale", "/blog/tags/economie-sociale/"]]);
  assert.match(page(built, "/blog/tags/economie-sociale/").querySelector("h1")?.text ?? "", /^Étiquette\s:\séconomie sociale$/u);
  assert.equal(page(built, "/blog/tags/economie-sociale/").querySelectorAll(".post-list .post-card-title a").length, 2);
});

test("an event's tag spelled otherwise than the posts' is named as on its tag page", async () => {
  // The starter's January install party is tagged logiciels-libres, the spring one's post "logiciels libres".
  const built = await starterSite();
  for (const url of ["/events/2025/install-party-janvier/", "/blog/2025/install-party-printemps/"]) {
    const links = page(built, url).querySelectorAll(".tag-list a").map((a) => [a.text, a.getAttribute("href")]);
    assert.deepEqual(links.find(([, href]) => href === "/blog/tags/logiciels-libres/"), ["logiciels libres", "/blog/tags/logiciels-libres/"], url);
  }
});
