/**
 * The real-content fixture (markdown-real: aligned table, video, recording, linked figure,
 * downloads, FAQ, external donation form) opened in Chromium: the
 * Content-Security-Policy refuses nothing, nothing leaves for another host, no
 * console error, and the table keeps its alignment through the stylesheet.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { buildSite } from "../helpers/build.ts";
import { browserSuite, openHarness, type Harness } from "../helpers/browser.ts";

const skip = browserSuite();

describe("real Markdown content in Chromium", { skip }, () => {
  let harness: Harness;

  before(async () => {
    harness = await openHarness(await buildSite({ fixture: "markdown-real", now: "2026-04-01T12:00" }));
  });
  after(() => harness?.close());

  test("no page of the fixture makes the browser report a CSP violation, a foreign request or an error", async () => {
    const pages = harness.site.files
      .filter((f) => f.endsWith("index.html") && !f.startsWith("pagefind/"))
      .map((f) => `/${f.replace(/index\.html$/, "")}`);
    assert.ok(pages.includes("/blog/2025/bilan-hebergement/") && pages.includes("/en/blog/2025/bilan-hebergement/"));
    const { context, take, open } = await harness.newContext();
    const found: string[] = [];
    for (const url of pages) {
      const tab = await open(url);
      await tab.waitForLoadState("networkidle");
      const { csp, foreign, errors } = take();
      found.push(...csp.map((m) => `${url}: CSP ${m}`), ...foreign.map((m) => `${url}: foreign ${m}`), ...errors.map((m) => `${url}: ${m}`));
    }
    await context.close();
    assert.deepEqual(found, []);
  });

  test("the recording plays from the site: the browser reads its length once asked to load it", async () => {
    const { context, open, take } = await harness.newContext();
    const tab = await open("/blog/2025/bilan-hebergement/");
    const player = tab.locator("main audio");
    const before = await player.evaluate((a: HTMLAudioElement) => a.readyState);
    const seconds = await player.evaluate(
      (a: HTMLAudioElement) =>
        new Promise<number>((resolve, reject) => {
          a.addEventListener("loadedmetadata", () => resolve(a.duration), { once: true });
          a.addEventListener("error", () => reject(new Error(`media error ${a.error?.code}`)), { once: true });
          a.load();
        }),
    );
    const width = await player.evaluate((a) => a.getBoundingClientRect().width);
    const prose = await tab.locator("main .prose").evaluate((p) => p.getBoundingClientRect().width);
    const { csp, foreign, errors } = take();
    await context.close();
    assert.equal(before, 0, "nothing loaded before the reader asks (preload none)");
    assert.ok(seconds > 0.5 && seconds < 0.7, `its length, about 0.6 s: ${seconds}`);
    assert.equal(Math.round(width), Math.round(prose), "the player spans the text's width");
    assert.deepEqual([...csp, ...foreign, ...errors], []);
  });

  test("a gallery's photos stand two a row on a phone and three a row on a desktop, whole and inside the text", async () => {
    const rows: Record<number, { columns: number; widths: number[]; prose: number; overflow: boolean; linksFit: boolean }> = {};
    for (const width of [390, 1280]) {
      const { context, open } = await harness.newContext({ viewport: { width, height: 900 } });
      const tab = await open("/blog/2025/bilan-hebergement/");
      rows[width] = await tab.locator("main figure.gallery").evaluate((gallery) => {
        const grid = gallery.querySelector(".gallery-grid")!;
        const imgs = Array.from(gallery.querySelectorAll("img"));
        return {
          columns: getComputedStyle(grid).gridTemplateColumns.split(" ").length,
          widths: imgs.map((i) => Math.round(i.getBoundingClientRect().width)),
          prose: Math.round(gallery.closest(".prose")!.getBoundingClientRect().width),
          overflow: imgs.some((i) => i.getBoundingClientRect().right > gallery.getBoundingClientRect().right + 0.5),
          // The link to the whole photo wraps it exactly, so its focus ring surrounds the photo.
          linksFit: imgs.every((i) => {
            const a = i.closest("a.enlarge")!.getBoundingClientRect();
            const r = i.getBoundingClientRect();
            return Math.abs(a.height - r.height) < 1 && Math.abs(a.width - r.width) < 1;
          }),
        };
      });
      await context.close();
    }
    assert.equal(rows[390]!.columns, 2);
    assert.equal(rows[1280]!.columns, 3);
    for (const { widths, prose, overflow, linksFit } of Object.values(rows)) {
      assert.ok(!overflow);
      assert.ok(linksFit);
      // Each photo takes its column: a half or a third of the text, less the gaps.
      for (const w of widths) assert.ok(w > 0 && w <= prose / 2, `${w} of ${prose}`);
    }
    assert.ok(rows[1280]!.widths.every((w) => w < rows[1280]!.prose / 3 + 1));
  });

  test("the aligned columns are aligned by the stylesheet", async () => {
    const { context, open } = await harness.newContext();
    const tab = await open("/blog/2025/bilan-hebergement/");
    const aligns = await tab.$$eval("main table thead th", (cells) => cells.map((c) => getComputedStyle(c).textAlign));
    await context.close();
    assert.deepEqual(aligns, ["left", "center", "right"]);
  });
});
