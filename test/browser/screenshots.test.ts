/**
 * Every kind of page, as a visitor sees it: at 1280 px and 390 px, in the light
 * and dark schemes, in every language. With SCREENSHOTS=1 (set by the Gitea
 * workflows, which upload the folder as an artefact, so a reviewer looks at the
 * pages without building them), each view is saved as a PNG under
 * test-results/screenshots/. Without it the views are checked but not captured,
 * and in the light scheme only: capturing 168 whole pages was two thirds of this
 * file's time, the longest part of `npm test`, and the dark scheme changes only
 * colours (theme.css's variables), whose contrast axe checks in both schemes
 * (accessibility.test.ts). Each view fails when:
 *   - the page scrolls sideways;
 *   - a chart's text is drawn smaller than 12 px or larger than the page's h1;
 *   - the header wraps to a second row on a desktop, or is 100 px tall or more on a phone;
 *   - the served HTML carries a `style=` attribute (the CSP refuses them: the style would be lost).
 * Pages are found in the build by their kind (test/quality/pages.ts), never by a URL list.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { browserSuite, horizontalOverflow, openHarness, type Harness, type WatchedContext } from "../helpers/browser.ts";
import { builtPages, eventStatus, LANGUAGES, type BuiltPage } from "../quality/pages.ts";

/** Where the PNGs go; .gitignore'd, uploaded by .gitea/workflows/*.yaml. */
export const SCREENSHOT_DIR = path.resolve("test-results/screenshots");
const CAPTURE = process.env.SCREENSHOTS === "1";
const SCHEMES = CAPTURE ? (["light", "dark"] as const) : (["light"] as const);
const SCREENS = [
  { name: "1280", viewport: { width: 1280, height: 800 } },
  { name: "390", viewport: { width: 390, height: 844 } },
] as const;

/** Chart text outside this range is unreadable (below) or shouts louder than the title (above the h1). */
const MIN_CHART_TEXT_PX = 12;
/** A phone header taller than this pushes the page's content below the first screen's upper third. */
const MAX_PHONE_HEADER_PX = 100;
/** A search whose words the starter site holds in both languages. */
const SEARCH_QUERY = "nextcloud";

interface Kind {
  name: string;
  /** The page of this kind in a language, if the build has one. */
  pick(pages: readonly BuiltPage[], lang: string): BuiltPage | undefined;
  /** Something to do before the screenshot (type a search…). */
  prepare?(page: Page): Promise<void>;
  /** Appended to the URL (a search query). */
  query?: string;
}

const startOf = (p: BuiltPage): number => {
  const text = p.root.querySelector('script[type="application/ld+json"]')?.text ?? "";
  const start = /"startDate"\s*:\s*"([^"]+)"/.exec(text)?.[1];
  return start ? Date.parse(start) : NaN;
};
const status = (p: BuiltPage) => (p.type === "event" ? (eventStatus(p.root) ?? "").replace(/^.*\//, "") : "");
const own = (pages: readonly BuiltPage[], lang: string) => pages.filter((p) => p.lang === lang && !p.untranslated);
const byType = (type: BuiltPage["type"], extra: (p: BuiltPage) => boolean = () => true): Kind["pick"] =>
  (pages, lang) => own(pages, lang).filter((p) => p.type === type && extra(p)).sort((a, b) => b.bytes - a.bytes)[0];

const KINDS: Kind[] = [
  { name: "home", pick: byType("home") },
  { name: "list", pick: byType("blog-index", (p) => !/\/page\//.test(p.url)) },
  { name: "post", pick: byType("post") },
  { name: "tag", pick: byType("tag") },
  { name: "agenda", pick: byType("agenda", (p) => /\/events\/$/.test(p.url)) },
  { name: "agenda-year", pick: byType("agenda", (p) => /\/events\/\d{4}\/$/.test(p.url)) },
  { name: "event-series", pick: byType("event", (p) => /"eventSchedule"/.test(p.root.querySelector('script[type="application/ld+json"]')?.text ?? "")) },
  { name: "event-upcoming", pick: byType("event", (p) => status(p) === "EventScheduled" && startOf(p) > Date.now()) },
  { name: "event-past", pick: byType("event", (p) => status(p) === "EventScheduled" && startOf(p) < Date.now()) },
  { name: "event-cancelled", pick: byType("event", (p) => status(p) === "EventCancelled") },
  { name: "event-postponed", pick: byType("event", (p) => status(p) === "EventPostponed") },
  { name: "event-rescheduled", pick: byType("event", (p) => status(p) === "EventRescheduled") },
  { name: "report", pick: byType("report", (p) => !p.chart) },
  { name: "financial-report", pick: byType("report", (p) => p.chart) },
  { name: "docs", pick: byType("docs", (p) => p.features.includes("table") || p.features.includes("code")) },
  {
    name: "search",
    pick: byType("search"),
    query: `?q=${SEARCH_QUERY}`,
    prepare: (page) => page.waitForSelector(".pagefind-ui__result", { timeout: 10_000 }).then(() => undefined),
  },
  { name: "404", pick: (pages, lang) => (lang === LANGUAGES[0] ? pages.find((p) => p.type === "not-found") : undefined) },
  { name: "translations", pick: byType("translators") },
  { name: "feeds", pick: byType("feeds") },
  { name: "status", pick: byType("status") },
  { name: "notice", pick: byType("notice") },
];

interface Measures {
  overflow: Awaited<ReturnType<typeof horizontalOverflow>>;
  h1: number;
  chartText: { text: string; px: number }[];
  header: { height: number; rows: number };
}

/** What the browser draws: chart text in screen pixels (font size × the SVG's scale), the header's rows. */
function measure(page: Page): Promise<Omit<Measures, "overflow">> {
  return page.evaluate(() => {
    const h1 = document.querySelector("h1");
    const chartText = Array.from(document.querySelectorAll<SVGTextElement>("main svg text")).map((t) => {
      const scale = t.getScreenCTM()?.a ?? 1;
      return { text: (t.textContent ?? "").trim().slice(0, 30), px: Math.round(parseFloat(getComputedStyle(t).fontSize) * scale * 10) / 10 };
    });
    const header = document.querySelector<HTMLElement>(".site-header");
    const tops = new Set(
      Array.from(document.querySelectorAll<HTMLElement>(".header-inner > *")).map((e) => Math.round(e.getBoundingClientRect().top / 8)),
    );
    return {
      h1: h1 ? parseFloat(getComputedStyle(h1).fontSize) : 0,
      chartText,
      header: { height: header?.getBoundingClientRect().height ?? 0, rows: tops.size },
    };
  });
}

const skip = browserSuite();

describe("screenshots of every page kind (1280 and 390 px, light and dark)", { skip }, () => {
  let harness: Harness;
  let pages: BuiltPage[];
  const contexts = new Map<string, WatchedContext>();

  before(async () => {
    harness = await openHarness();
    pages = builtPages(harness.site).filter((p) => p.type !== "redirect");
    if (CAPTURE) mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const screen of SCREENS) {
      for (const scheme of SCHEMES) {
        contexts.set(`${screen.name}-${scheme}`, await harness.newContext({ viewport: screen.viewport, colorScheme: scheme }));
      }
    }
  });

  after(async () => {
    for (const c of contexts.values()) await c.context.close();
    await harness?.close();
  });

  test("no page of the build carries a style attribute (the CSP would drop it)", () => {
    const styled = pages.flatMap((p) => p.root.querySelectorAll("[style]").map((e) => `${p.url}: <${e.tagName.toLowerCase()} style="${e.getAttribute("style")}">`));
    assert.deepEqual(styled, []);
  });

  for (const kind of KINDS) {
    test(kind.name, async () => {
      const failures: string[] = [];
      let views = 0;
      for (const lang of LANGUAGES) {
        const built = kind.pick(pages, lang);
        if (!built) continue;
        for (const screen of SCREENS) {
          for (const scheme of SCHEMES) {
            const { open, take } = contexts.get(`${screen.name}-${scheme}`)!;
            const url = built.url + (kind.query ?? "");
            const page = await open(url);
            await kind.prepare?.(page);
            const where = `${url} [${screen.name} px, ${scheme}]`;
            if (CAPTURE) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${lang}-${kind.name}-${screen.name}-${scheme}.png`), fullPage: true });
            views++;
            const overflow = await horizontalOverflow(page);
            if (overflow.scrollWidth > overflow.clientWidth) {
              failures.push(`${where}: scrolls sideways (${overflow.scrollWidth} > ${overflow.clientWidth} px) because of ${overflow.culprits.join(", ")}`);
            }
            const m = await measure(page);
            for (const t of m.chartText) {
              if (t.px < MIN_CHART_TEXT_PX || t.px > m.h1) {
                failures.push(`${where}: chart text "${t.text}" is ${t.px} px (allowed ${MIN_CHART_TEXT_PX}–${m.h1} px)`);
              }
            }
            if (screen.name === "1280" && m.header.rows > 1) failures.push(`${where}: the header wraps to ${m.header.rows} rows`);
            if (screen.name === "390" && m.header.height >= MAX_PHONE_HEADER_PX) {
              failures.push(`${where}: the header is ${Math.round(m.header.height)} px tall (under ${MAX_PHONE_HEADER_PX} wanted)`);
            }
            const problems = take();
            for (const p of [...problems.foreign, ...problems.csp, ...problems.errors]) failures.push(`${where}: ${p}`);
          }
        }
      }
      assert.ok(views > 0, `the build has no ${kind.name} page`);
      assert.deepEqual(failures, []);
    });
  }
});
