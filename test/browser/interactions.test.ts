/**
 * What visitors do with the pages, in Chromium: reach the content with the
 * keyboard through the skip link, switch language and land on the same page,
 * read an untranslated page under its notice, search and get results, play a
 * PeerTube video in its card (nothing asked of the video's host before the
 * click), and get the bilingual error document for a URL that does not exist.
 */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { axeViolations, browserSuite, formatViolations, openHarness, type Harness, type WatchedContext } from "../helpers/browser.ts";
import { builtPages, DEFAULT_LANGUAGE, LANGUAGES, samplePages, type BuiltPage } from "../quality/pages.ts";

/** How long search results may take to show before the test gives up (Pagefind loads its index on first query). */
const SEARCH_WAIT_MS = 10_000;

const skip = browserSuite();

describe("visitors in Chromium", { skip }, () => {
  let harness: Harness;
  let pages: BuiltPage[];
  let sample: BuiltPage[];
  let watched: WatchedContext;

  before(async () => {
    harness = await openHarness();
    pages = builtPages(harness.site).filter((p) => p.type !== "redirect");
    sample = samplePages(pages);
    watched = await harness.newContext({ viewport: { width: 1024, height: 768 } });
  });

  after(async () => {
    await watched?.context.close();
    await harness?.close();
  });

  test("Tab from the top of a page focuses the skip link; Enter moves focus to the main content", async () => {
    const failures: string[] = [];
    for (const built of sample) {
      const page = await watched.open(built.url);
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const box = el?.getBoundingClientRect();
        return { skip: Boolean(el?.matches('a[href="#main"]')), visible: Boolean(box && box.top >= 0 && box.bottom <= innerHeight && box.width > 1 && box.height > 1) };
      });
      if (!first.skip) failures.push(`${built.url}: the first Tab does not reach the skip link`);
      else if (!first.visible) failures.push(`${built.url}: the focused skip link is not visible`);
      await page.keyboard.press("Enter");
      const inMain = await page.evaluate(() => Boolean(document.activeElement?.closest("main#main")));
      if (!inMain) failures.push(`${built.url}: Enter on the skip link leaves focus outside <main id="main">`);
    }
    watched.take();
    console.log(`keyboard: skip link checked on ${sample.length} pages`);
    assert.deepEqual(failures, []);
  });

  test("the language switcher lands on the same page in the other language", async () => {
    const failures: string[] = [];
    let switches = 0;
    for (const built of sample.filter((p) => p.root.querySelector(".lang-switch a[hreflang]"))) {
      for (const link of built.root.querySelectorAll(".lang-switch a[hreflang]")) {
        const lang = link.getAttribute("hreflang")!;
        const page = await watched.open(built.url);
        await Promise.all([page.waitForURL((u) => u.pathname !== built.url), page.locator(`.lang-switch a[hreflang="${lang}"]`).click()]);
        switches++;
        const landed = new URL(page.url()).pathname;
        const alternate = built.root.querySelector(`link[rel="alternate"][hreflang="${lang}"]`)?.getAttribute("href");
        const state = await page.evaluate(() => ({
          lang: document.documentElement.lang,
          back: Array.from(document.querySelectorAll<HTMLAnchorElement>(".lang-switch a[hreflang]")).map((a) => new URL(a.href).pathname),
        }));
        if (state.lang !== lang) failures.push(`${built.url} → ${landed}: the page is in "${state.lang}", not "${lang}"`);
        if (alternate && new URL(alternate).pathname !== landed) failures.push(`${built.url} → ${landed}: its translation is ${new URL(alternate).pathname}`);
        if (!state.back.includes(built.url)) failures.push(`${built.url} → ${landed}: the switcher there does not lead back`);
      }
    }
    const problems = watched.take();
    console.log(`language switcher: ${switches} switches from ${sample.length} pages`);
    assert.ok(switches > 0, "no page has a language switcher");
    assert.deepEqual([...failures, ...problems.errors, ...problems.foreign], []);
  });

  test("an untranslated page shows its notice and the original text in its own language", async (t) => {
    const copies = pages.filter((p) => p.untranslated);
    if (copies.length === 0) return t.skip("no untranslated copy in the build");
    const failures: string[] = [];
    for (const built of copies) {
      const page = await watched.open(built.url);
      const notice = page.locator(".notice-untranslated");
      if (!(await notice.isVisible())) {
        failures.push(`${built.url}: the notice is not visible`);
        continue;
      }
      const state = await page.evaluate(() => {
        const main = document.querySelector("main")!;
        const notice = main.querySelector(".notice-untranslated")!;
        const first = main.querySelector("h1, p:not(.notice-untranslated), .prose");
        const original = notice.querySelector<HTMLAnchorElement>("a[href]");
        return {
          uiLang: document.documentElement.lang,
          // The notice comes before the content it warns about.
          before: Boolean(first && notice.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING),
          contentLangs: Array.from(main.querySelectorAll("[lang]")).map((e) => e.getAttribute("lang")),
          original: original ? new URL(original.href).pathname : undefined,
        };
      });
      if (!state.before) failures.push(`${built.url}: the notice is not above the content`);
      if (!state.contentLangs.some((l) => l && l !== state.uiLang)) failures.push(`${built.url}: the original text is not marked with its language`);
      if (!state.original) failures.push(`${built.url}: the notice does not link to the original`);
      else if (!pages.some((p) => p.url === state.original && !p.untranslated)) failures.push(`${built.url}: the notice links to ${state.original}, not a built original`);
    }
    watched.take();
    console.log(`untranslated notice: ${copies.length} pages`);
    assert.deepEqual(failures, []);
  });

  test("the search page finds a post from a word of its title, in every language", async (t) => {
    const searchPages = pages.filter((p) => p.type === "search");
    if (searchPages.length === 0) {
      console.log("search: no search page in the build yet");
      return t.skip("no search page in the build yet");
    }
    const failures: string[] = [];
    for (const built of searchPages) {
      const target = pages.find((p) => p.type === "post" && p.lang === built.lang && !p.untranslated && titleWord(p));
      if (!target) {
        failures.push(`${built.url}: no post in "${built.lang}" to search for`);
        continue;
      }
      const word = titleWord(target)!;
      const page = await watched.open(built.url);
      const found = await searchFor(page, word, target.url);
      if (!found.ok) failures.push(`${built.url}: searching "${word}" does not list ${target.url} (links: ${found.links.join(" ") || "none"})`);
      else {
        failures.push(...(await resultsAccessibility(page, built.url)));
        console.log(`search: "${word}" on ${built.url} → ${found.links.length} result links, ${target.url} among them`);
      }
      const problems = watched.take();
      failures.push(...[...problems.csp, ...problems.errors, ...problems.foreign].map((p) => `${built.url}: ${p}`));
    }
    assert.deepEqual(failures, []);
  });

  test("a video card asks nothing of the video's host until its button is clicked, then holds the player", async () => {
    const withVideo = pages.filter((p) => p.root.querySelector(".peertube[data-peertube-embed]"));
    const failures: string[] = [];
    for (const built of withVideo) {
      const embed = built.root.querySelector(".peertube")!.getAttribute("data-peertube-embed")!;
      const page = await watched.open(built.url);
      const card = await page.evaluate(() => {
        const frame = document.querySelector(".peertube")!.getBoundingClientRect();
        const play = document.querySelector<HTMLElement>(".peertube-play");
        return { ratio: frame.width / frame.height, play: play?.innerText ?? "", playInside: Boolean(play && frame.top <= play.getBoundingClientRect().top && play.getBoundingClientRect().bottom <= frame.bottom) };
      });
      if (!card.play || !card.playInside) failures.push(`${built.url}: no play button inside the card`);
      if (card.ratio > 16 / 9 + 0.01) failures.push(`${built.url}: the card is flatter than the 16:9 player it makes way for (${card.ratio.toFixed(2)})`);
      const before = watched.take();
      if (before.foreign.length) failures.push(`${built.url}: asked ${before.foreign.join(", ")} before any click`);
      await page.getByRole("button", { name: card.play }).click();
      const player = page.locator(".peertube-player iframe");
      await player.waitFor();
      if ((await player.getAttribute("src")) !== embed) failures.push(`${built.url}: the player is not the card's video`);
      if ((await page.locator(".peertube-player .peertube-link").count()) !== 1) failures.push(`${built.url}: the link to the video's page is gone`);
      const after = watched.take();
      // The player's own page, and nothing else (refused by the test browser's proxy: it never leaves).
      if (after.foreign.join(" ") !== embed) failures.push(`${built.url}: the click asked ${after.foreign.join(", ") || "nothing"}, not ${embed}`);
      failures.push(...[...after.errors, ...after.csp].map((p) => `${built.url}: ${p}`));
    }
    console.log(`videos: ${withVideo.length} cards played`);
    assert.ok(withVideo.length > 0, "the site has a video card");
    assert.deepEqual(failures, []);
  });

  test("a missing URL gets the 404 document, in both languages, from any folder", async () => {
    const failures: string[] = [];
    for (const lang of LANGUAGES) {
      const prefix = lang === DEFAULT_LANGUAGE ? "/" : `/${lang}/`;
      const page = await watched.open(`${prefix}no-such-page/really/`, 404);
      const sections = await page.evaluate(() =>
        Array.from(document.querySelectorAll("main [lang]")).map((s) => ({ lang: s.getAttribute("lang"), heading: s.querySelector("h1, h2")?.textContent?.trim() ?? "", visible: (s as HTMLElement).offsetHeight > 0 })),
      );
      for (const code of LANGUAGES) {
        const section = sections.find((s) => s.lang === code);
        if (!section?.heading || !section.visible) failures.push(`${prefix}no-such-page/: no visible ${code} heading`);
      }
      const styled = await page.evaluate(() => getComputedStyle(document.body).margin === "0px");
      if (!styled) failures.push(`${prefix}no-such-page/: the stylesheet did not load`);
      failures.push(...formatViolations(`${prefix}no-such-page/`, "light", await axeViolations(page)));
      // Its home link for this language leads to a real page.
      const home = page.locator(`main [lang="${lang}"] a[href="${prefix}"]`);
      if ((await home.count()) !== 1) failures.push(`${prefix}no-such-page/: no link to ${prefix}`);
      else {
        await Promise.all([page.waitForURL((u) => u.pathname === prefix), home.click()]);
      }
    }
    const problems = watched.take();
    assert.deepEqual([...failures, ...problems.errors, ...problems.foreign, ...problems.csp], []);
  });
});

/** The longest plain word of a post's title: specific enough to find that post. */
function titleWord(page: BuiltPage): string | undefined {
  const title = page.root.querySelector("main h1")?.text ?? "";
  return title
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 5)
    .sort((a, b) => b.length - a.length)[0];
}

async function searchFor(page: Page, word: string, expected: string): Promise<{ ok: boolean; links: string[] }> {
  const input = page.locator('main input[type="search"], main input[type="text"], main [role="searchbox"]').first();
  await input.waitFor({ state: "visible" });
  await input.pressSequentially(word, { delay: 20 });
  let links: string[] = [];
  for (const started = Date.now(); Date.now() - started < SEARCH_WAIT_MS; await sleep(200)) {
    try {
      links = await page.$$eval("main a[href]", (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    } catch {
      continue; // a search form may reload the page
    }
    if (links.includes(expected)) return { ok: true, links };
  }
  return { ok: false, links };
}

/** The page with its results shown: still no WCAG violation, light or dark. */
async function resultsAccessibility(page: Page, url: string): Promise<string[]> {
  await page.emulateMedia({ colorScheme: "light" });
  const light = formatViolations(`${url} (results)`, "light", await axeViolations(page));
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = formatViolations(`${url} (results)`, "dark", await axeViolations(page));
  await page.emulateMedia({ colorScheme: "light" });
  return [...light, ...dark];
}
