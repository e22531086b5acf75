/**
 * What the layout costs and how it reads and prints: no image is sent larger
 * than twice the pixels it fills (on a phone, 390 px at devicePixelRatio 2,
 * and on a desktop, 1280 px at 1), the lists of posts, events and reports keep
 * their texts to a readable line on a desktop, the footer of a short page sits
 * at the foot of the window, the columns of the tags start level, and every sampled page prints
 * its content without the site's navigation and without running off the paper,
 * the answers of its questions (::: details) included.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { browserSuite, horizontalOverflow, openHarness, type Harness } from "../helpers/browser.ts";
import { builtPages, samplePages, type BuiltPage } from "../quality/pages.ts";

/** An image may carry at most this many times the pixels of its box (width-wise), device pixels counted. */
const MAX_IMAGE_RATIO = 2;
const SCREENS = [
  { name: "phone", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 },
  { name: "desktop", viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
];
/** The pages that list texts (their cards' summaries and excerpts). */
const LISTS = new Set(["blog-index", "tag", "agenda", "reports-index"]);
/** The longest readable line, in rem (theme.css: --measure). */
const MEASURE_REM = 42;
/** A4 portrait at 96 CSS px per inch, minus 1.5 cm margins: what a printer lays out. */
const PAPER = { width: 680, height: 1010 };

interface ImageSize {
  src: string;
  natural: number;
  shown: number;
}

const skip = browserSuite();

describe("images, line length, footer, columns, questions and print", { skip }, () => {
  let harness: Harness;
  let pages: BuiltPage[];

  before(async () => {
    harness = await openHarness();
    pages = builtPages(harness.site).filter((p) => p.type !== "redirect");
  });

  after(async () => {
    await harness?.close();
  });

  test("no image is more than twice as wide as it is shown, on a phone and on a desktop", async () => {
    const withImages = pages.filter((p) => p.root.querySelector("body img"));
    const oversized: string[] = [];
    let checked = 0;
    let largest = { ratio: 0, line: "none" };
    for (const screen of SCREENS) {
      const { context, open, take } = await harness.newContext({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor });
      for (const built of withImages) {
        const page = await open(built.url);
        for (const image of await imageSizes(page)) {
          checked++;
          const ratio = image.natural / (image.shown * screen.deviceScaleFactor);
          const line = `${built.url} (${screen.name}): ${image.src} is ${image.natural} px wide for ${image.shown} CSS px × ${screen.deviceScaleFactor} (${ratio.toFixed(2)}×)`;
          if (ratio > largest.ratio) largest = { ratio, line };
          if (ratio > MAX_IMAGE_RATIO) oversized.push(line);
        }
      }
      const problems = take();
      oversized.push(...problems.errors);
      await context.close();
    }
    console.log(`images: ${checked} images on ${withImages.length} pages at 2 screen sizes; largest ratio: ${largest.line}`);
    assert.deepEqual(oversized, []);
  });

  test("lists of posts, events and reports keep their texts to a readable line on a desktop", async () => {
    const lists = pages.filter((p) => LISTS.has(p.type));
    const { context, open } = await harness.newContext({ viewport: { width: 1280, height: 800 } });
    const tooWide: string[] = [];
    let checked = 0;
    for (const built of lists) {
      const page = await open(built.url);
      const widths = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>("main li p")).map((p) => ({
          width: p.getBoundingClientRect().width,
          rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
          text: p.innerText.slice(0, 40),
        })),
      );
      for (const { width, rem, text } of widths) {
        checked++;
        if (width > MEASURE_REM * rem + 0.5) tooWide.push(`${built.url}: "${text}…" runs ${Math.round(width)} px wide (${(width / rem).toFixed(1)} rem)`);
      }
    }
    await context.close();
    console.log(`line length: ${checked} paragraphs in ${lists.length} lists`);
    assert.ok(checked > lists.length, "the lists have paragraphs to measure");
    assert.deepEqual(tooWide, []);
  });

  test("the footer of a short page sits at the foot of the window, on a phone and on a desktop", async () => {
    const sample = samplePages(pages);
    const floating: string[] = [];
    let short = 0;
    for (const screen of SCREENS) {
      const { context, open } = await harness.newContext({ viewport: screen.viewport });
      for (const built of sample) {
        const page = await open(built.url);
        const { footer, height, window } = await page.evaluate(() => ({
          footer: document.querySelector("body > footer")?.getBoundingClientRect().bottom,
          height: document.documentElement.scrollHeight,
          window: innerHeight,
        }));
        if (footer === undefined) continue; // a page of its own (404, redirect)
        if (height <= window) short++;
        if (footer < window - 0.5) floating.push(`${built.url} (${screen.name}): the footer ends ${Math.round(window - footer)} px above the foot of the window`);
      }
      await context.close();
    }
    console.log(`footer: ${sample.length} pages at 2 screen sizes, ${short} times no taller than the window`);
    assert.ok(short > 0, "the sample has short pages");
    assert.deepEqual(floating, []);
  });

  test("the columns of the tags' index start level on a desktop", async () => {
    const indexes = pages.filter((p) => p.type === "tags-index");
    const { context, open } = await harness.newContext({ viewport: { width: 1280, height: 800 } });
    const uneven: string[] = [];
    for (const built of indexes) {
      const page = await open(built.url);
      // The top of each column's first tag: the highest item at each left edge.
      const tops = await page.evaluate(() => {
        const first = new Map<number, number>();
        for (const li of Array.from(document.querySelectorAll(".tag-index > li"))) {
          const { left, top } = li.getBoundingClientRect();
          const column = Math.round(left);
          first.set(column, Math.min(first.get(column) ?? Infinity, top));
        }
        return [...first.values()];
      });
      if (tops.length < 2) uneven.push(`${built.url}: ${tops.length} column(s) at 1280 px`);
      else if (Math.max(...tops) - Math.min(...tops) > 0.5) uneven.push(`${built.url}: columns start at ${tops.map((t) => t.toFixed(1)).join(", ")} px`);
    }
    await context.close();
    assert.ok(indexes.length > 0, "the site has a tags' index");
    assert.deepEqual(uneven, []);
  });

  test("questions print with their answers, which the screen shows on a click", async () => {
    const withQuestions = pages.filter((p) => p.root.querySelector("details.details"));
    const { context, open } = await harness.newContext({ viewport: PAPER });
    const failures: string[] = [];
    let answers = 0;
    for (const built of withQuestions) {
      const page = await open(built.url);
      const shown = () => page.evaluate(() => Array.from(document.querySelectorAll(".details > :not(summary)")).map((e) => e.checkVisibility()));
      const onScreen = await shown();
      await page.emulateMedia({ media: "print" });
      const onPaper = await shown();
      await page.emulateMedia({ media: null }); // the next page opens in this tab
      answers += onPaper.length;
      if (onScreen.some(Boolean)) failures.push(`${built.url}: an answer shows on screen before its question is opened`);
      if (!onPaper.every(Boolean)) failures.push(`${built.url}: ${onPaper.filter((v) => !v).length} of ${onPaper.length} answers do not print`);
    }
    await context.close();
    console.log(`questions: ${answers} answers on ${withQuestions.length} pages`);
    assert.ok(answers > 0, "the site has questions to print");
    assert.deepEqual(failures, []);
  });

  test("pages print their content, without the site's navigation, within the paper's width", async () => {
    const sample = samplePages(pages);
    const { context, open } = await harness.newContext({ viewport: PAPER });
    const failures: string[] = [];
    for (const built of sample) {
      const page = await open(built.url);
      await page.emulateMedia({ media: "print" });
      const printed = await page.evaluate(() => {
        const shown = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector)).some((e) => e.getClientRects().length > 0);
        const main = document.querySelector("main");
        return { main: Boolean(main && main.getBoundingClientRect().height > 0 && main.innerText.trim().length > 0), nav: shown(".site-nav, .lang-switch, .skip-link") };
      });
      const overflow = await horizontalOverflow(page);
      if (!printed.main) failures.push(`${built.url}: the main content does not print`);
      if (printed.nav) failures.push(`${built.url}: the navigation prints`);
      if (overflow.scrollWidth > overflow.clientWidth) failures.push(`${built.url}: ${overflow.scrollWidth}px on ${overflow.clientWidth}px of paper — ${overflow.culprits.join(", ")}`);
    }
    await context.close();
    console.log(`print: ${sample.length} pages`);
    assert.deepEqual(failures, []);
  });
});

/** Every raster image on the page, loaded now (lazy ones included), with its true pixel width and its box width. */
function imageSizes(page: Page): Promise<ImageSize[]> {
  return page.evaluate(async () => {
    const images = Array.from(document.querySelectorAll("img"));
    for (const img of images) img.loading = "eager";
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
    const sizes: ImageSize[] = [];
    for (const img of images) {
      const src = img.currentSrc || img.src;
      const shown = img.getBoundingClientRect().width;
      // Vector images have no pixels to waste; hidden ones are counted where they show.
      if (!src || /\.svg(\?|$)/i.test(src) || src.startsWith("data:image/svg") || shown === 0) continue;
      // naturalWidth of a srcset image is divided by its density: load the chosen file alone to read its real width.
      const probe = new Image();
      probe.src = src;
      await probe.decode().catch(() => undefined);
      sizes.push({ src: new URL(src).pathname, natural: probe.naturalWidth, shown: Math.round(shown * 100) / 100 });
    }
    return sizes;
  });
}
