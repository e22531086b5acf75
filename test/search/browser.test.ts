/**
 * The search pages in Chromium, as a keyboard user meets them: a visible
 * label, Pagefind's UI in the page's language, results of that language's
 * index only, reachable with Tab, and nothing blocked by the site's CSP.
 * Skipped, saying so, when /usr/bin/chromium (or CHROMIUM_PATH) is absent.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { buildSite } from "../helpers/build.ts";
import { originOf, serveFolder } from "./pagefind-client.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const skip = existsSync(CHROMIUM) ? false : `search browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium)`;
if (skip) console.log(skip);

describe("the search pages in Chromium", { skip }, () => {
  let server: Server;
  let origin: string;
  let profile: string;
  let context: BrowserContext;
  const problems: string[] = [];

  before(async () => {
    const site = await buildSite({ fixture: "search-languages" });
    server = await serveFolder(site.output);
    origin = originOf(server);
    profile = mkdtempSync(path.join(tmpdir(), "search-chromium-"));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, serviceWorkers: "block" });
    context.setDefaultTimeout(15_000);
    await context.exposeBinding("__cspViolation", (_source, text: string) => void problems.push(`CSP: ${text}`));
    // Runs outside the page's CSP, before its scripts: every refusal is reported here.
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __cspViolation(t: string): void }).__cspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`),
      );
    });
    context.on("page", (page) => {
      page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
      page.on("console", (m) => void (m.type() === "error" && problems.push(`console: ${m.text()}`)));
    });
    await context.route("**/*", (route) => {
      if (new URL(route.request().url()).origin === origin) return route.continue();
      problems.push(`request to another host: ${route.request().url()}`);
      return route.abort();
    });
  });

  after(async () => {
    await context?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function open(url: string): Promise<Page> {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(origin + url);
    return page;
  }

  const resultLinks = (page: Page) => page.locator(".pagefind-ui__result-link");

  test("French: the labelled field finds the French page, in French, and Tab reaches the result", async () => {
    const page = await open("/search/");
    await page.getByLabel("Mots à rechercher").fill("ragondin");
    await assert.doesNotReject(resultLinks(page).first().waitFor());
    assert.deepEqual(await resultLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute("href"))), ["/docs/outils/"]);
    assert.equal(await resultLinks(page).first().innerText(), "Les outils du local");
    assert.match(await page.locator(".pagefind-ui__message").innerText(), /résultat/);
    // The address follows the words typed, so a search can be bookmarked.
    assert.equal(new URL(page.url()).searchParams.get("q"), "ragondin");

    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.classList.contains("pagefind-ui__result-link") ?? false);
    }
    assert.ok(reached, "the first result is reached with Tab from the field");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${origin}/docs/outils/`);
  });

  test("English: the same word finds nothing, said in English; an English word finds its page", async () => {
    const page = await open("/en/search/?q=ragondin");
    const message = page.locator(".pagefind-ui__message");
    // "Searching for ragondin..." comes first; wait for the answer.
    await assert.doesNotReject(message.filter({ hasText: /^No results for ragondin/ }).waitFor());
    assert.equal(await resultLinks(page).count(), 0);

    await page.getByLabel("Words to search for").fill("hedgehog");
    await resultLinks(page).first().waitFor();
    assert.deepEqual(await resultLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute("href"))), ["/en/docs/faune/"]);
  });

  test("a word after an elision is found, and results keep their typographic apostrophes", async () => {
    const page = await open("/search/?q=armoire");
    await resultLinks(page).first().waitFor();
    assert.deepEqual(await resultLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute("href"))), ["/docs/outils/"]);
    assert.match(await page.locator(".pagefind-ui__result-excerpt").first().innerText(), /l’armoire/);
    await page.getByLabel("Mots à rechercher").fill("association");
    await resultLinks(page).filter({ hasText: "L’association" }).first().waitFor();
  });

  test("the section filter is offered in the page's language", async () => {
    const page = await open("/search/?q=2025");
    await resultLinks(page).first().waitFor();
    const filters = await page.locator(".pagefind-ui__filter-panel").innerText();
    for (const name of ["Actualités", "Rapports"]) assert.match(filters, new RegExp(name));
  });

  test("a post's result quotes the post, not its byline", async () => {
    const page = await open("/search/?q=libellules");
    await resultLinks(page).first().waitFor();
    assert.deepEqual(await resultLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute("href"))), ["/blog/2025/sortie-nature/"]);
    const excerpt = await page.locator(".pagefind-ui__result-excerpt").first().innerText();
    // The title, then the first words of the text; "Publié le 12 avril 2025 · 1 min de lecture" nowhere.
    assert.match(excerpt, /^Sortie nature\. Nous avons compté les libellules au bord de l’étang\.$/);
    assert.doesNotMatch(excerpt, /Publié|lecture/);
    // Nor a date or anything else as a tag under the result.
    assert.equal(await page.locator(".pagefind-ui__result-tag").count(), 0);
  });

  test("the section counts add up to the number of results", async () => {
    // "démonstration" is on the association's page and the docs home (and on the home page,
    // which is not a result: indexed without a section, it made the counts fall one short).
    // Typed once Pagefind has loaded the index's filters (on focus). Opened with the
    // words in the address, a search could finish first under load: Pagefind's UI
    // then kept the whole index's counts on screen (seen twice in full test runs).
    const page = await open("/search/");
    const field = page.getByLabel("Mots à rechercher");
    await field.focus();
    await page.locator(".pagefind-ui__filter-value").first().waitFor({ state: "attached" });
    await field.fill("démonstration");
    const message = page.locator(".pagefind-ui__message").filter({ hasText: /^\d+ résultats? pour/ });
    await message.waitFor();
    const total = Number(/^(\d+)/.exec(await message.innerText())![1]);
    await resultLinks(page).nth(total - 1).waitFor();
    assert.equal(await resultLinks(page).count(), total);
    // Pagefind updates the filter counts after the results: read them once they settle.
    const readCounts = () =>
      page.locator(".pagefind-ui__filter-value").evaluateAll((values) =>
        Object.fromEntries(
          values
            .map((v) => /^(.+?)\s*\((\d+)\)$/.exec((v.textContent ?? "").trim()))
            .filter((m): m is RegExpExecArray => m !== null)
            .map((m) => [m[1], Number(m[2])]),
        ),
      );
    const expected = { Actualités: 0, Agenda: 0, Documentation: 1, "L’association": 1, Rapports: 0 };
    let counts = await readCounts();
    const same = (a: object, b: object) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
    for (let waited = 0; !same(counts, expected) && waited < 10_000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      counts = await readCounts();
    }
    assert.deepEqual(counts, expected);
    assert.equal(Object.values(counts).reduce((sum, n) => sum + n, 0), total);
  });

  test("nothing was blocked, failed or sent to another host", () => {
    assert.deepEqual(problems, []);
  });
});
