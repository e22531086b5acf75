/**
 * axe-core on a sample holding every page type, variant (cancelled event,
 * untranslated copy…) and content feature (table, image, code…) in every
 * language: no WCAG 2.1 A/AA violation, colour contrast included, in the light
 * scheme on a desktop (1280 px) and in the dark scheme on a phone (390 px), so
 * that rules which depend on the layout (scrolling regions, reflow) meet both.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { axeViolations, browserSuite, formatViolations, openHarness, WCAG_TAGS, type Harness } from "../helpers/browser.ts";
import { builtPages, samplePages, type BuiltPage } from "../quality/pages.ts";

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const skip = browserSuite();

describe("accessibility (axe-core)", { skip }, () => {
  let harness: Harness;
  let sample: BuiltPage[] = [];
  const light: string[] = [];
  const dark: string[] = [];

  before(async () => {
    harness = await openHarness();
    sample = samplePages(builtPages(harness.site));
    const { context, open } = await harness.newContext({ viewport: DESKTOP });
    for (const built of sample) {
      const page = await open(built.url);
      await page.emulateMedia({ colorScheme: "light" });
      light.push(...formatViolations(built.url, "light, 1280 px", await axeViolations(page)));
      await page.setViewportSize(PHONE);
      await page.emulateMedia({ colorScheme: "dark" });
      dark.push(...formatViolations(built.url, "dark, 390 px", await axeViolations(page)));
    }
    await context.close();
    const version = await import("axe-core").then((m) => m.default.version);
    console.log(
      `axe-core ${version} (${WCAG_TAGS.join(", ")}): ${sample.length} pages × 2 schemes, ${light.length + dark.length} violations — ${sample.map((p) => p.url).join(" ")}`,
    );
  });

  after(async () => {
    await harness?.close();
  });

  test("the sample holds every page type of the build in every language", () => {
    const all = builtPages(harness.site).filter((p) => p.type !== "redirect");
    const key = (p: BuiltPage) => `${p.type} ${p.lang}`;
    const sampled = new Set(sample.map(key));
    assert.deepEqual(
      [...new Set(all.map(key))].filter((k) => !sampled.has(k)),
      [],
    );
  });

  test("no WCAG 2.1 A/AA violation in the light scheme", () => {
    assert.deepEqual(light, []);
  });

  test("no WCAG 2.1 A/AA violation in the dark scheme (contrast included)", () => {
    assert.deepEqual(dark, []);
  });
});
