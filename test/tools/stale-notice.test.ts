/**
 * The built translations fixture: the stale English page says its French
 * original is more recent and links to it; no other page does. The
 * translators' page lists every page's state, out of search engines and menus.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { parse, type HTMLElement } from "node-html-parser";
import { buildSite, type BuiltSite } from "../helpers/build.ts";

let site: BuiltSite;
const page = (file: string): HTMLElement => parse(site.read(file));

before(async () => {
  site = await buildSite({ fixture: "translations-status" });
});

describe("the stale-translation notice", () => {
  test("shows on the stale translation, in the page's language, linking to the original", () => {
    const notice = page("en/horaires/index.html").querySelectorAll("main .notice-stale");
    assert.equal(notice.length, 1);
    assert.match(notice[0]!.text, /The original French text has changed since this translation was written\./);
    const link = notice[0]!.querySelector("a")!;
    assert.equal(link.getAttribute("href"), "/horaires/");
    assert.equal(link.getAttribute("hreflang"), "fr");
    assert.equal(link.text, "Read the French version");
  });

  test("shows nowhere else: not on up-to-date translations, originals or untranslated copies", () => {
    const others = site.files.filter((f) => f.endsWith(".html") && f !== "en/horaires/index.html");
    assert.ok(others.includes("en/adhesion/index.html") && others.includes("en/blog/2025/sans-traduction/index.html") && others.includes("horaires/index.html"));
    assert.deepEqual(others.filter((f) => site.read(f).includes("notice-stale")), []);
  });
});

describe("the translators' page", () => {
  const rowOf = (root: HTMLElement, title: string) => root.querySelectorAll(".translation-pages tbody tr").find((tr) => tr.querySelector("th")!.text.includes(title));

  test("lists every page with the state of its translation, a link to it and to the forge", () => {
    const root = page("en/translations/index.html");
    const state = (title: string) => rowOf(root, title)?.querySelector(".translation-state")?.text;
    assert.equal(state("Accueil"), "Up to date");
    assert.equal(state("Adhérer"), "Up to date");
    assert.equal(state("Permanences"), "Needs an update");
    assert.equal(state("Un article pas encore traduit"), "Missing");
    const stale = rowOf(root, "Permanences")!;
    assert.ok(stale.querySelector('a[href="/en/horaires/"]'));
    const edits = stale.querySelectorAll('a[href*="_edit/main/"]').map((a) => a.getAttribute("href"));
    assert.ok(edits.some((href) => /translations-status\/content\/pages\/horaires\.en\.md$/.test(href!)), edits.join(" "));
    assert.match(rowOf(root, "Un article pas encore traduit")!.text, /to create: .*sans-traduction\/index\.en\.md/);
  });

  test("exists in French too, with the same states in French", () => {
    const root = page("translations/index.html");
    assert.equal(root.querySelector("h1")!.text, "Traductions");
    assert.equal(rowOf(root, "Permanences")?.querySelector(".translation-state")?.text, "À mettre à jour");
    const total = root.querySelector("tr.total")!.querySelectorAll("td").map((td) => td.text.replace(/\s/g, " "));
    assert.deepEqual(total.slice(1), ["4", "75 %", "1", "1", "0", "2"]);
  });

  test("is kept out of search engines, the sitemap and the main navigation", () => {
    for (const file of ["translations/index.html", "en/translations/index.html"]) {
      assert.equal(page(file).querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex");
    }
    assert.ok(!site.read("sitemap.xml").includes("/translations/"));
    assert.deepEqual(page("index.html").querySelectorAll(".site-nav a").filter((a) => a.getAttribute("href")!.includes("translations")), []);
  });
});
