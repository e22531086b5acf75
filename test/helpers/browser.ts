/**
 * Debian's Chromium driven by playwright-core (no browser download), the built
 * starter site served as Garage would, and watchers for what a visitor must
 * never get: a request to another host, a Content-Security-Policy violation,
 * a script error, a broken resource.
 *
 * Browser test files call `browserSuite()` for their skip option, then
 * `openHarness()` once in a `before` hook: one browser, one server per file.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import type { BuiltSite } from "./build.ts";
import { siteUnderTest } from "../quality/pages.ts";
import { serveSite, type StaticServer } from "./server.ts";

/** Debian's package path; CHROMIUM_PATH may point elsewhere on a developer's machine. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/**
 * Flags for a quiet, reproducible headless run: no update checks, no sync, no first-run pages.
 * A request to any other host goes to a proxy that is not there (port 9, discard), so it never
 * leaves the machine; the context's `request` listener names it. The test server, on
 * 127.0.0.1, is never proxied (Chromium never sends loopback through a proxy). Intercepting
 * every request through the DevTools protocol did the same and made each page load a fifth slower.
 */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--proxy-server=127.0.0.1:9",
];
/** A page of a static site on 127.0.0.1 loads in milliseconds; anything slower is stuck. */
const ACTION_TIMEOUT_MS = 15_000;
/** WCAG 2.1 levels A and AA, as axe-core tags them. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The `skip` option of a browser suite: false, or the reason, printed once so the output says it. */
export function browserSuite(): false | string {
  if (existsSync(CHROMIUM_PATH)) return false;
  const reason = `browser tests skipped: ${CHROMIUM_PATH} not found (apt-get install -y chromium, as .ci/run does)`;
  console.log(reason);
  return reason;
}

export interface Harness {
  site: BuiltSite;
  server: StaticServer;
  browser: Browser;
  /** A new browsing context whose every page is watched; `context.close()` when done. */
  newContext(options?: BrowserContextOptions): Promise<WatchedContext>;
  close(): Promise<void>;
}

export interface WatchedContext {
  context: BrowserContext;
  /** What went wrong since the last `take()`, emptied by it. */
  take(): Problems;
  /** A page of the site by its site-absolute URL; fails on a status other than `status`. */
  open(url: string, status?: number): Promise<Page>;
}

export interface Problems {
  /** Requests to any origin but the test server's (refused before they leave). */
  foreign: string[];
  /** Content-Security-Policy violations reported by the page. */
  csp: string[];
  /** Console errors, uncaught exceptions, failed or 4xx/5xx sub-resources. */
  errors: string[];
}

/** `site`: a fixture's build (default: the starter site under test). */
export async function openHarness(built?: BuiltSite): Promise<Harness> {
  const site = built ?? (await siteUnderTest());
  const server = await serveSite(site.output);
  // launch() gives every run a fresh temporary profile (and deletes it): no state from a previous run.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    site,
    server,
    browser,
    newContext: (options) => watchedContext(browser, server.origin, options),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

async function watchedContext(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<WatchedContext> {
  const context = await browser.newContext({ serviceWorkers: "block", ...options });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  let problems: Problems = { foreign: [], csp: [], errors: [] };

  // data: and blob: URLs are the page's own; anything else not from the test server is foreign
  // (and refused by the proxy of CHROMIUM_ARGS before it leaves).
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== "data:" && url.protocol !== "blob:") problems.foreign.push(url.href);
  });
  await context.exposeBinding("__reportCspViolation", (_source, text: string) => {
    problems.csp.push(text);
  });
  // tsx (esbuild, keepNames) wraps named functions inside page.evaluate callbacks in a __name() helper the page lacks.
  await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
  // Init scripts run through the DevTools protocol, outside the page's CSP, before any of its own code.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} in ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
    });
  });
  context.on("page", (page) => watchPage(page, () => problems));
  context.on("requestfailed", (request) => {
    // Refused foreign requests are already counted; a navigation cancelled by another is no error.
    if (new URL(request.url()).origin !== origin || request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  context.on("response", (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== "document") {
      problems.errors.push(`${response.status()} for ${response.url()}`);
    }
  });

  return {
    context,
    take() {
      const taken = problems;
      problems = { foreign: [], csp: [], errors: [] };
      return taken;
    },
    async open(url, status = 200) {
      const page = context.pages()[0] ?? (await context.newPage());
      const response = await page.goto(origin + url, { waitUntil: "load" });
      if (response?.status() !== status) throw new Error(`${url}: status ${response?.status()}, expected ${status}`);
      return page;
    },
  };
}

function watchPage(page: Page, problems: () => Problems) {
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    // The document's own 404 status is what the error document is for; sub-resource 4xx are counted from responses.
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    // CSP refusals are reported once, with their directive, by the securitypolicyviolation listener.
    if (/Content Security Policy/.test(text)) return;
    problems().errors.push(`console: ${text}`);
  });
  page.on("pageerror", (error) => problems().errors.push(`uncaught: ${error.message}`));
}

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/**
 * axe-core's WCAG 2.1 A/AA violations on the page as it is now. The script is
 * evaluated through the DevTools protocol, which the page's CSP does not
 * govern, so the page keeps its real policy.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`),
    }));
  }, WCAG_TAGS);
}

/** One line per violation and element, for assertion messages. */
export function formatViolations(url: string, scheme: string, violations: AxeViolation[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${url} [${scheme}] ${v.id} (${v.impact}): ${v.help} — ${n}`));
}

/** Whether the document scrolls sideways (the visitor would have to pan to read). */
export function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    // Name the elements whose right edge makes the scroll width, so a failure says where to look.
    const culprits: string[] = [];
    if (root.scrollWidth > width) {
      for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
        if (culprits.length >= 5 || el.getBoundingClientRect().right < root.scrollWidth - 1) continue;
        const position = getComputedStyle(el).position;
        culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.classList.length ? `.${Array.from(el.classList).join(".")}` : ""}${position === "static" ? "" : ` (${position})`}`);
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
  });
}
