/**
 * A report as it prints, in Chromium's print mode: no navigation, each section
 * on a new page, link targets written out in full, tables kept whole and a
 * chart in black and white. Skipped where Chromium is not installed.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildSite } from "../helpers/build.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SITE_URL = "https://www.chatons-loire.example";
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found (apt-get install -y chromium)`;
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".js": "text/javascript" };

let server: Server;
let origin: string;
let browser: Browser;
let page: Page;

/** The built folder over HTTP: site-absolute links and stylesheets resolve as on the real site. */
function serve(root: string): Promise<Server> {
  const s = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(root, url.endsWith("/") ? `${url}index.html` : url);
    readFile(file).then(
      (body) => res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

describe("printing a financial report", { skip }, () => {
  before(async () => {
    const site = await buildSite({ fixture: "reports-site" });
    server = await serve(site.output);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    page = await browser.newPage();
    await page.goto(`${origin}/reports/2024-2025/rapport-financier/`);
    await page.emulateMedia({ media: "print" });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const style = (selector: string, property: string, pseudo?: string) =>
    page.$eval(selector, (el, [prop, pseudoElement]) => getComputedStyle(el, pseudoElement).getPropertyValue(prop!), [property, pseudo ?? null] as const);

  test("leaves out navigation, footer and skip link, and says where the page comes from", async () => {
    for (const selector of [".site-header", ".site-footer", ".skip-link", ".report-nav"]) assert.equal(await style(selector, "display"), "none", selector);
    assert.equal(await style(".report-source", "display"), "block");
    assert.match(await page.$eval(".report-source", (el) => el.textContent ?? ""), new RegExp(`${SITE_URL}/reports/2024-2025/rapport-financier/`));
  });

  test("starts the figures on a new page, and keeps headings with their text", async () => {
    assert.equal(await style(".report-figures", "break-before"), "page");
    assert.equal(await style(".prose h2", "break-before"), "auto");
    assert.equal(await style(".prose h2", "break-after"), "avoid");
    assert.equal(await style(".report-chart", "break-inside"), "avoid");
  });

  test("writes out where links lead, site-relative ones with the site's address", async () => {
    assert.equal(await style('.prose a[href^="http"]', "content", "::after"), '" (https://www.example.org/statuts)"');
    assert.equal(await style('.prose a[href="/reports/2024-2025/rapport-moral/"]', "content", "::after"), `" (${SITE_URL}/reports/2024-2025/rapport-moral/)"`);
  });

  test("keeps tables whole and draws the chart in black and white", async () => {
    assert.equal(await style(".finance-summary", "break-inside"), "avoid");
    assert.equal(await style(".finance-chart .fc-current", "fill"), "rgb(0, 0, 0)");
    assert.equal(await style(".finance-chart .fc-previous", "fill"), "rgb(255, 255, 255)");
    assert.equal(await style(".finance-chart .fc-previous", "stroke"), "rgb(0, 0, 0)");
  });

  test("prints on several pages, the figures apart from the text", async () => {
    const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    assert.ok(pages >= 2, `${pages} pages`);
  });

  test("shows the navigation again on screen", async () => {
    await page.emulateMedia({ media: "screen" });
    assert.notEqual(await style(".site-header", "display"), "none");
    assert.equal(await style(".report-source", "display"), "none");
    await page.emulateMedia({ media: "print" });
  });
});
