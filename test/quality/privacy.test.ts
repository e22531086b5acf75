/**
 * Privacy and CSP, read from the built files (no browser needed): every HTML
 * document carries a strict Content-Security-Policy `<meta>` before anything
 * it governs, no inline handler, style or script that the policy would have
 * to allow, and no reference that would make the browser contact another host
 * — in the pages and in the stylesheets. The browser tests (test/browser/)
 * then watch real requests.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { parse, type HTMLElement } from "node-html-parser";
import type { BuiltSite } from "../helpers/build.ts";
import { builtPages, SITE, siteUnderTest, type BuiltPage } from "./pages.ts";

/** Script sources a page may allow: its own files, and WebAssembly for Pagefind. */
const SCRIPT_SOURCES = new Set(["'self'", "'wasm-unsafe-eval'"]);
/** Frames only from the association's PeerTube hosts, after a click. */
const FRAME_HOSTS = new Set(SITE.peertubeHosts.map((h) => `https://${h}`));
/** Attributes that make a browser fetch something, per element. */
const FETCHING: [selector: string, attributes: string[]][] = [
  ["img", ["src", "srcset"]],
  ["source", ["src", "srcset"]],
  ["script", ["src"]],
  ["iframe", ["src"]],
  ["frame", ["src"]],
  ["video", ["src", "poster"]],
  ["audio", ["src"]],
  ["track", ["src"]],
  ["embed", ["src"]],
  ["object", ["data"]],
  ["input", ["src"]],
  ["image", ["href", "xlink:href"]],
  ["use", ["href", "xlink:href"]],
];
/** `<link>` relations that fetch (or open a connection) without a click. */
const FETCHING_RELS = /\b(stylesheet|icon|apple-touch-icon|manifest|preload|prefetch|preconnect|dns-prefetch|modulepreload|prerender|mask-icon)\b/i;
/** Script types that are data, not code (schema.org JSON-LD). */
const DATA_SCRIPTS = new Set(["application/ld+json", "application/json"]);

function isForeign(ref: string): boolean {
  const trimmed = ref.trim();
  if (/^(data:|blob:|#|mailto:|tel:)/i.test(trimmed)) return false;
  if (trimmed.startsWith("//")) return true;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return false;
  return new URL(trimmed).origin !== new URL(SITE.url).origin;
}

function urlsOf(attribute: string, value: string): string[] {
  return attribute === "srcset" ? value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "").filter(Boolean) : [value];
}

function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

/** What is wrong with a page's CSP, or nothing. */
function policyProblems(root: HTMLElement): string[] {
  const head = root.querySelector("head");
  const metas = head?.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]') ?? [];
  if (metas.length !== 1) return [`${metas.length} Content-Security-Policy <meta> in <head> (expected 1)`];
  const meta = metas[0]!;
  const problems: string[] = [];
  // A CSP <meta> governs only what comes after it.
  const governed = head!.querySelectorAll("link, script, style, base");
  const children = head!.querySelectorAll("*");
  if (governed.length && children.indexOf(governed[0]!) < children.indexOf(meta)) problems.push(`<${governed[0]!.tagName.toLowerCase()}> comes before the CSP <meta>`);
  const policy = parsePolicy(meta.getAttribute("content") ?? "");
  const has = (name: string, ...values: string[]) => JSON.stringify(policy.get(name)?.slice().sort()) === JSON.stringify(values.sort());
  if (!has("default-src", "'self'")) problems.push(`default-src is ${policy.get("default-src")?.join(" ") ?? "missing"}, not 'self'`);
  if (!has("object-src", "'none'")) problems.push("object-src is not 'none'");
  if (!has("base-uri", "'self'") && !has("base-uri", "'none'")) problems.push("base-uri is not 'self' or 'none'");
  if (!has("form-action", "'self'") && !has("form-action", "'none'")) problems.push("form-action is not 'self' or 'none'");
  for (const [name, values] of policy) {
    for (const value of values) {
      const scriptLike = name.startsWith("script-src") || name === "worker-src";
      if (scriptLike && !SCRIPT_SOURCES.has(value)) problems.push(`${name} allows ${value}`);
      else if (!scriptLike && /^'(unsafe-|strict-dynamic)/.test(value)) problems.push(`${name} allows ${value}`);
      else if (value === "*" || /^(https?:|wss?:)$/.test(value)) problems.push(`${name} allows any host (${value})`);
      else if (/^(https?|wss?):\/\//.test(value) && !(name === "frame-src" && FRAME_HOSTS.has(value))) problems.push(`${name} allows another host: ${value}`);
    }
  }
  return problems;
}

/** Inline code and styling the CSP forbids, and references that would reach another host. */
function pageProblems(root: HTMLElement): string[] {
  const problems: string[] = [];
  for (const el of root.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    for (const [name, value] of Object.entries(el.attributes)) {
      if (/^on/i.test(name)) problems.push(`<${tag} ${name}> inline event handler`);
      if (name.toLowerCase() === "style") problems.push(`<${tag} style="${value}"> inline style`);
      if (/^\s*javascript:/i.test(value)) problems.push(`<${tag} ${name}="${value}"> javascript: URL`);
      if (name.toLowerCase() === "ping") problems.push(`<${tag} ping> tracking ping`);
    }
    if (tag === "style") problems.push("<style> element (the CSP allows only stylesheet files)");
    if (tag === "script" && !el.getAttribute("src") && !DATA_SCRIPTS.has((el.getAttribute("type") ?? "").toLowerCase())) problems.push("inline <script>");
  }
  for (const [selector, attributes] of FETCHING) {
    for (const el of root.querySelectorAll(selector)) {
      for (const attribute of attributes) {
        const value = el.getAttribute(attribute);
        if (value) for (const url of urlsOf(attribute, value)) if (isForeign(url)) problems.push(`<${selector} ${attribute}="${url}"> loads from another host`);
      }
    }
  }
  for (const link of root.querySelectorAll("link[href]")) {
    const href = link.getAttribute("href")!;
    if (FETCHING_RELS.test(link.getAttribute("rel") ?? "") && isForeign(href)) problems.push(`<link rel="${link.getAttribute("rel")}" href="${href}"> contacts another host`);
  }
  const refresh = root.querySelector('meta[http-equiv="refresh" i]')?.getAttribute("content");
  const to = refresh && /url=(.+)$/i.exec(refresh)?.[1];
  if (to && isForeign(to)) problems.push(`<meta http-equiv="refresh"> sends visitors to ${to}`);
  return problems;
}

/** `url()` and `@import` in a stylesheet that point to another host. */
function stylesheetProblems(css: string): string[] {
  const refs = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gi)].map((m) => m[2]!);
  refs.push(...[...css.matchAll(/@import\s+(['"])([^'"]+)\1/gi)].map((m) => m[2]!));
  return refs.filter(isForeign).map((ref) => `${ref} from another host`);
}

describe("privacy and CSP in the built files", () => {
  let site: BuiltSite;
  let pages: BuiltPage[];

  before(async () => {
    site = await siteUnderTest();
    pages = builtPages(site);
  });

  test("every HTML document has a strict Content-Security-Policy <meta> before what it governs", () => {
    const problems = pages.flatMap((p) => policyProblems(p.root).map((m) => `${p.file}: ${m}`));
    assert.ok(pages.length > 0);
    assert.deepEqual(problems, []);
  });

  test("no inline handler, style or script, and nothing loaded from another host", () => {
    assert.deepEqual(
      pages.flatMap((p) => pageProblems(p.root).map((m) => `${p.file}: ${m}`)),
      [],
    );
  });

  test("no stylesheet loads anything from another host", () => {
    const sheets = site.files.filter((f) => f.endsWith(".css"));
    assert.ok(sheets.length > 0);
    assert.deepEqual(
      sheets.flatMap((f) => stylesheetProblems(site.read(f)).map((m) => `${f}: ${m}`)),
      [],
    );
  });
});

describe("the privacy checks catch", () => {
  const CSP = `default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'; form-action 'self'`;
  const page = (head: string, body = "") => parse(`<html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);

  test("a missing, late or loose policy", () => {
    assert.deepEqual(policyProblems(page(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`)), []);
    assert.match(policyProblems(page("<title>x</title>")).join(), /0 Content-Security-Policy/);
    assert.match(policyProblems(page(`<link rel="stylesheet" href="/a.css"><meta http-equiv="Content-Security-Policy" content="${CSP}">`)).join(), /<link> comes before/);
    assert.match(policyProblems(page(`<meta http-equiv="Content-Security-Policy" content="${CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")}">`)).join(), /script-src allows 'unsafe-inline'/);
    assert.match(policyProblems(page(`<meta http-equiv="Content-Security-Policy" content="${CSP}; connect-src https://stats.example.org">`)).join(), /connect-src allows another host/);
  });

  test("inline code and third-party resources", () => {
    const found = pageProblems(
      page(
        '<link rel="preconnect" href="https://fonts.example.com">',
        '<button onclick="go()">x</button><p style="color:red">x</p><script>1</script><script type="application/ld+json">{}</script>' +
          '<img src="/img/a.webp" srcset="/img/a.webp 1x, https://cdn.example.net/a.webp 2x" alt=""><a href="https://example.org" ping="https://t.example.org">x</a>',
      ),
    ).join("\n");
    for (const expected of [/onclick/, /inline style/, /inline <script>/, /cdn\.example\.net/, /ping/, /preconnect/]) assert.match(found, expected);
    assert.doesNotMatch(found, /ld\+json|\/img\/a\.webp"|example\.org"/);
  });

  test("fonts and imports from another host in a stylesheet", () => {
    assert.deepEqual(stylesheetProblems('@font-face { src: url("/assets/a.woff2") } a { background: url(data:image/png;base64,AA) }'), []);
    assert.equal(stylesheetProblems('@import "https://fonts.example.com/css"; b { background: url(//cdn.example.net/x.png) }').length, 2);
  });
});
