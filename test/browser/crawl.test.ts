/**
 * Every page of the build, opened in Chromium as a visitor on a 320 px phone
 * would: nothing leaves for another host, the Content-Security-Policy holds,
 * no script fails, no cookie is set, nothing scrolls sideways — at 320 px and
 * at 200% zoom — and tables scroll inside their own box.
 *
 * 200% zoom is emulated as Chromium zooms: a 1280×800 window at 200% lays the
 * page out in a 640×400 CSS-pixel viewport with devicePixelRatio 2, which is
 * the viewport set here (the context's deviceScaleFactor is 2).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { browserSuite, horizontalOverflow, openHarness, type Harness } from "../helpers/browser.ts";
import { builtPages, type BuiltPage } from "../quality/pages.ts";

const NARROW = { width: 320, height: 640 };
const ZOOMED = { width: 640, height: 400 };

interface Visit {
  page: BuiltPage;
  foreign: string[];
  csp: string[];
  errors: string[];
  cookie: string;
  narrow: Awaited<ReturnType<typeof horizontalOverflow>>;
  zoomed: Awaited<ReturnType<typeof horizontalOverflow>>;
  /** Tables that are not inside a box scrolling sideways on its own, or whose box sticks out. */
  loose: string[];
  tables: number;
}

const skip = browserSuite();

describe("every page in Chromium", { skip }, () => {
  let harness: Harness;
  const visits: Visit[] = [];
  let cookies: unknown[] = [];

  before(async () => {
    harness = await openHarness();
    // Redirect stubs leave at once (meta refresh); html-validate and the static checks cover them.
    const pages = builtPages(harness.site).filter((p) => p.type !== "redirect");
    const { context, take, open } = await harness.newContext({ viewport: NARROW, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    for (const built of pages) {
      const tab = await open(built.url);
      await tab.setViewportSize(NARROW);
      const narrow = await horizontalOverflow(tab);
      const tables = await tab.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const found = Array.from(document.querySelectorAll("main table"));
        const loose = found.flatMap((table, i) => {
          let box: Element | null = table.parentElement;
          while (box && box.tagName !== "MAIN" && !/^(auto|scroll)$/.test(getComputedStyle(box).overflowX)) box = box.parentElement;
          if (!box || box.tagName === "MAIN") return [`table ${i + 1} (${table.querySelector("caption")?.textContent?.trim() ?? "no caption"}) is not in a scrolling box`];
          return box.getBoundingClientRect().right > width + 0.5 ? [`the box of table ${i + 1} is wider than the screen`] : [];
        });
        return { count: found.length, loose };
      });
      await tab.setViewportSize(ZOOMED);
      const zoomed = await horizontalOverflow(tab);
      const cookie = await tab.evaluate(() => document.cookie);
      visits.push({ page: built, ...take(), cookie, narrow, zoomed, loose: tables.loose, tables: tables.count });
    }
    cookies = await context.cookies();
    await context.close();
    const tables = visits.reduce((n, v) => n + v.tables, 0);
    console.log(`browser: ${visits.length} pages loaded in Chromium ${harness.browser.version()} at 320 px and at 200% zoom (${tables} tables)`);
  });

  after(async () => {
    await harness?.close();
  });

  test("the whole build was visited", () => {
    assert.ok(visits.length >= 5, `only ${visits.length} pages`);
    assert.ok(visits.some((v) => v.page.type === "home"));
  });

  test("no page requests anything from another host", () => {
    const foreign = visits.flatMap((v) => v.foreign.map((url) => `${v.page.url} → ${url}`));
    assert.deepEqual(foreign, []);
  });

  test("no page breaks its Content-Security-Policy or throws a script error", () => {
    const problems = visits.flatMap((v) => [...v.csp.map((c) => `${v.page.url} CSP: ${c}`), ...v.errors.map((e) => `${v.page.url} ${e}`)]);
    assert.deepEqual(problems, []);
  });

  test("no page sets a cookie", () => {
    assert.deepEqual(
      visits.filter((v) => v.cookie !== "").map((v) => `${v.page.url}: ${v.cookie}`),
      [],
    );
    assert.deepEqual(cookies, []);
  });

  test("no page scrolls sideways on a 320 px wide screen", () => {
    const wide = visits.filter((v) => v.narrow.scrollWidth > v.narrow.clientWidth);
    assert.deepEqual(
      wide.map((v) => `${v.page.url}: ${v.narrow.scrollWidth}px in ${v.narrow.clientWidth}px — ${v.narrow.culprits.join(", ")}`),
      [],
    );
  });

  test("no page scrolls sideways at 200% zoom", () => {
    const wide = visits.filter((v) => v.zoomed.scrollWidth > v.zoomed.clientWidth);
    assert.deepEqual(
      wide.map((v) => `${v.page.url}: ${v.zoomed.scrollWidth}px in ${v.zoomed.clientWidth}px — ${v.zoomed.culprits.join(", ")}`),
      [],
    );
  });

  test("tables scroll inside their own box", () => {
    assert.deepEqual(
      visits.flatMap((v) => v.loose.map((l) => `${v.page.url}: ${l}`)),
      [],
    );
  });
});
