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

  test("nothing was blocked, failed or sent to another host", () => {
    assert.deepEqual(problems, []);
  });
});
