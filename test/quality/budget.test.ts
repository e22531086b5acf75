/**
 * Weight and JavaScript, read from the built files. A page weighs its HTML
 * plus every stylesheet and script it links (each counted once, `@import`s
 * followed), uncompressed, images aside: what an old phone on a slow link must
 * fetch and parse before it can show the page.
 *
 * Pages run no JavaScript, except the search page and the small enhancements
 * listed in ENHANCEMENTS, each only on pages holding the element it enhances.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, test } from "node:test";
import type { BuiltSite } from "../helpers/build.ts";
import { builtPages, siteUnderTest, type BuiltPage } from "./pages.ts";

/** Every page's own HTML + CSS + JS, uncompressed. */
const PAGE_BUDGET = 50 * 1024;
/**
 * Pagefind's own UI files (/pagefind/*.js, *.css) on the search page, on top
 * of PAGE_BUDGET: the price of searching without any third-party service. The
 * Pagefind 1.x default UI measures about 138 KiB; its index, worker and wasm
 * load only once the visitor types and are not counted.
 */
const SEARCH_ENGINE_BUDGET = 150 * 1024;
/** Script → the element it enhances: the script may appear only on pages that hold one. */
const ENHANCEMENTS: Record<string, string> = {
  "/assets/peertube.js": ".peertube",
};

interface Weight {
  page: BuiltPage;
  html: number;
  /** Site-absolute path → bytes, for each stylesheet and script the page loads. */
  files: Map<string, number>;
  missing: string[];
}

const isSearchEngine = (file: string) => file.startsWith("/pagefind/");
/**
 * The translators' page lists every page of the site with its translations, by
 * design: it grows with the site (about 0.8 KiB a page), is kept out of search
 * engines and of the navigation, and is read by translators at a desk, not by
 * visitors on a phone. It is the one page the budget does not bind.
 */
const isTranslatorsPage = (page: BuiltPage) => page.type === "translators";

function resolve(ref: string, from: string): string | undefined {
  if (/^(data:|[a-z][a-z0-9+.-]*:|\/\/)/i.test(ref)) return undefined; // another host: the privacy tests refuse it
  return new URL(ref, `http://site${from}`).pathname;
}

function weigh(site: BuiltSite, page: BuiltPage): Weight {
  const files = new Map<string, number>();
  const missing: string[] = [];
  const add = (file: string | undefined, isCss: boolean) => {
    if (!file || files.has(file)) return;
    const key = decodeURI(file).replace(/^\//, "");
    if (!site.exists(key)) {
      missing.push(file);
      return;
    }
    const text = site.read(key);
    files.set(file, Buffer.byteLength(text));
    // A stylesheet's @import is one more file to fetch before the page renders.
    if (isCss) for (const m of text.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)/gi)) add(resolve(m[1]!, file), true);
  };
  for (const link of page.root.querySelectorAll("link[href]")) {
    if (/\bstylesheet\b/i.test(link.getAttribute("rel") ?? "")) add(resolve(link.getAttribute("href")!, page.url), true);
    if (/\bmodulepreload\b/i.test(link.getAttribute("rel") ?? "")) add(resolve(link.getAttribute("href")!, page.url), false);
  }
  for (const script of page.root.querySelectorAll("script[src]")) add(resolve(script.getAttribute("src")!, page.url), false);
  return { page, html: page.bytes, files, missing };
}

const total = (w: Weight, which: (file: string) => boolean = () => true) => w.html + [...w.files].filter(([f]) => which(f)).reduce((n, [, b]) => n + b, 0);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

describe("weight and JavaScript of the built pages", () => {
  let site: BuiltSite;
  let weights: Weight[];

  before(async () => {
    site = await siteUnderTest();
    weights = builtPages(site).map((p) => weigh(site, p));
    const own = (w: Weight) => total(w, (f) => !isSearchEngine(f));
    const largest = weights.filter((w) => !isTranslatorsPage(w.page)).sort((a, b) => own(b) - own(a))[0]!;
    const breakdown = [`HTML ${kib(largest.html)}`, ...[...largest.files].filter(([f]) => !isSearchEngine(f)).map(([f, b]) => `${path.posix.basename(f)} ${kib(b)}`)];
    console.log(`budget: ${weights.length} pages, largest ${largest.page.url} at ${kib(own(largest))} of ${kib(PAGE_BUDGET)} (${breakdown.join(", ")})`);
    for (const w of weights.filter((x) => [...x.files.keys()].some(isSearchEngine))) {
      console.log(`budget: ${w.page.url} loads ${kib(total(w) - own(w))} of Pagefind UI (budget ${kib(SEARCH_ENGINE_BUDGET)})`);
    }
  });

  test(`every page's HTML + CSS + JS stays under ${kib(PAGE_BUDGET)}`, () => {
    assert.ok(weights.length > 0);
    assert.ok(weights.some((w) => isTranslatorsPage(w.page)), "the translators' page is among the pages weighed");
    const over = weights.filter((w) => !isTranslatorsPage(w.page) && total(w, (f) => !isSearchEngine(f)) > PAGE_BUDGET);
    assert.deepEqual(
      over.map((w) => `${w.page.url}: ${kib(total(w, (f) => !isSearchEngine(f)))} (HTML ${kib(w.html)}, ${[...w.files].map(([f, b]) => `${f} ${kib(b)}`).join(", ")})`),
      [],
    );
  });

  test(`the search page's Pagefind UI stays under ${kib(SEARCH_ENGINE_BUDGET)}, and only the search page loads it`, () => {
    const loaders = weights.filter((w) => [...w.files.keys()].some(isSearchEngine));
    assert.deepEqual(
      loaders.filter((w) => w.page.type !== "search").map((w) => w.page.url),
      [],
    );
    assert.deepEqual(
      loaders.filter((w) => total(w) - total(w, (f) => !isSearchEngine(f)) > SEARCH_ENGINE_BUDGET).map((w) => `${w.page.url}: ${kib(total(w) - total(w, (f) => !isSearchEngine(f)))}`),
      [],
    );
  });

  test("pages run no JavaScript but the search page's and the enhancements of what they hold", () => {
    const unexpected: string[] = [];
    for (const w of weights) {
      if (w.page.type === "search") continue;
      for (const script of w.page.root.querySelectorAll("script[src]")) {
        const src = resolve(script.getAttribute("src")!, w.page.url) ?? script.getAttribute("src")!;
        const needs = ENHANCEMENTS[src];
        if (!needs) unexpected.push(`${w.page.url}: ${src} is not a listed enhancement (ENHANCEMENTS in test/quality/budget.test.ts)`);
        else if (!w.page.root.querySelector(needs)) unexpected.push(`${w.page.url}: ${src} loads without any ${needs} to enhance`);
      }
    }
    assert.deepEqual(unexpected, []);
  });

  test("every stylesheet and script a page links is in the build", () => {
    assert.deepEqual(
      weights.flatMap((w) => w.missing.map((m) => `${w.page.url} → ${m}`)),
      [],
    );
  });
});
