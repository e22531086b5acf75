/**
 * The pages of a build, found by walking its HTML files (never a hard-coded
 * URL list), each with its language and page type, so the quality checks pick
 * up every new kind of page as soon as a plugin writes one.
 *
 * Types come from the URL's section (DESIGN.md: blog/, events/, reports/,
 * docs/, search/…) refined by what the page says about itself: OpenGraph
 * `article` for a post, schema.org JSON-LD for an event and its status, an SVG
 * chart on a report.
 */
import { parse, type HTMLElement } from "node-html-parser";
import { builtSite, starterSite, type BuiltSite } from "../helpers/build.ts";
import siteInput from "../../data/site.ts";
import { parseSite } from "../../plugins/core/site.ts";

export type PageType =
  | "home"
  | "blog-index"
  | "blog-archive"
  | "post"
  | "tags-index"
  | "tag"
  | "agenda"
  | "event"
  | "reports-index"
  | "report"
  | "docs-index"
  | "docs"
  | "search"
  | "feeds"
  | "status"
  | "notice"
  | "translators"
  | "not-found"
  | "redirect"
  | "page";

export interface BuiltPage {
  file: string;
  /** Site-absolute URL (`/en/blog/`), `/404.html` for the error document. */
  url: string;
  /** The language of the page's interface; `*` for the bilingual 404 document. */
  lang: string;
  type: PageType;
  /** An untranslated copy: the original's text under a notice. */
  untranslated: boolean;
  /** An event whose JSON-LD says EventCancelled. */
  cancelled: boolean;
  /** A report page with its SVG chart. */
  chart: boolean;
  /** Kinds of content inside `<main>` worth checking in the browser (tables, images…). */
  features: string[];
  bytes: number;
  root: HTMLElement;
}

/** The starter site's settings: the browser and quality tests check the starter site. */
export const SITE = parseSite(siteInput);
export const LANGUAGES: readonly string[] = SITE.languages.map((l) => l.code);
export const DEFAULT_LANGUAGE = SITE.defaultLanguage;

/** Content inside `<main>` that behaves differently in a browser: a sample must include each kind. */
const FEATURES: Record<string, string> = {
  table: "table",
  image: "img",
  code: "pre",
  svg: "svg",
  details: "details",
  form: "form, input",
  video: ".peertube, video, iframe",
  donate: ".donate",
  footnotes: ".footnotes, .footnote-ref",
  figure: "figure",
};

const TAG_SEGMENT = /^(tags?|etiquettes?|mots-cles|topics?)$/;
const ARCHIVE_SEGMENT = /^(\d{4}|archives?)$/;
const TRANSLATORS_SEGMENT = /^(translations?|traductions?|translators?|traducteurs?)$/;

function jsonLd(root: HTMLElement): unknown[] {
  const found: unknown[] = [];
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const value: unknown = JSON.parse(script.text);
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        found.push(item);
        const graph = (item as { "@graph"?: unknown })?.["@graph"];
        if (Array.isArray(graph)) found.push(...graph);
      }
    } catch {
      // Invalid JSON-LD is html-validate's and the events plugin's business, not a type hint.
    }
  }
  return found;
}

/** The schema.org eventStatus of the page's event (EventScheduled when it says none), or nothing on a page without an event. */
export function eventStatus(root: HTMLElement): string | undefined {
  for (const item of jsonLd(root)) {
    const type = (item as { "@type"?: unknown })["@type"];
    const types = Array.isArray(type) ? type : [type];
    if (types.some((t) => typeof t === "string" && /Event$/.test(t))) {
      return String((item as { eventStatus?: unknown }).eventStatus ?? "https://schema.org/EventScheduled");
    }
  }
  return undefined;
}

/** The language prefix and the rest of a URL path: `/en/blog/` → ["en", ["blog"]]. */
export function splitUrl(url: string, languages = LANGUAGES, defaultLanguage = DEFAULT_LANGUAGE): { lang: string; segments: string[] } {
  const segments = url.split("/").filter(Boolean);
  const first = segments[0];
  if (first && first !== defaultLanguage && languages.includes(first)) return { lang: first, segments: segments.slice(1) };
  return { lang: defaultLanguage, segments };
}

export function pageTypeOf(url: string, root: HTMLElement): PageType {
  if (url === "/404.html") return "not-found";
  if (root.querySelector('meta[http-equiv="refresh" i]')) return "redirect";
  const { segments } = splitUrl(url);
  const [section, ...rest] = segments;
  if (!section) return "home";
  const article = root.querySelector('meta[property="og:type"]')?.getAttribute("content") === "article";
  switch (section) {
    case "blog": {
      const tagAt = rest.findIndex((s) => TAG_SEGMENT.test(s));
      if (tagAt >= 0) return rest.length > tagAt + 1 && rest[tagAt + 1] !== "page" ? "tag" : "tags-index";
      if (article) return "post";
      if (rest[0] && ARCHIVE_SEGMENT.test(rest[0])) return "blog-archive";
      return "blog-index";
    }
    case "events":
    case "agenda":
      return eventStatus(root) ? "event" : "agenda";
    case "reports":
    case "rapports":
      return rest.length ? "report" : "reports-index";
    case "docs":
      return rest.length ? "docs" : "docs-index";
    case "search":
    case "recherche":
      return "search";
    case "feeds":
    case "flux":
      return "feeds";
    case "status":
      return rest.length ? "notice" : "status";
  }
  if (TRANSLATORS_SEGMENT.test(section)) return "translators";
  return "page";
}

/** An untranslated copy points search engines at its original, in another language (DESIGN.md), notice or not. */
function canonicalElsewhere(url: string, root: HTMLElement): boolean {
  const href = root.querySelector('link[rel="canonical"]')?.getAttribute("href");
  if (!href || root.querySelector('meta[http-equiv="refresh" i]')) return false;
  const target = new URL(href, SITE.url).pathname;
  return target !== url && splitUrl(target).lang !== splitUrl(url).lang;
}

export function describePage(file: string, html: string): BuiltPage {
  const root = parse(html, { comment: false });
  const url = file === "404.html" ? "/404.html" : `/${file.replace(/index\.html$/, "")}`;
  const type = pageTypeOf(url, root);
  const main = root.querySelector("main");
  const status = type === "event" ? eventStatus(root) : undefined;
  return {
    file,
    url,
    lang: type === "not-found" ? "*" : (root.querySelector("html")?.getAttribute("lang") ?? splitUrl(url).lang),
    type,
    untranslated: Boolean(root.querySelector(".notice-untranslated")) || canonicalElsewhere(url, root),
    cancelled: Boolean(status && /Cancelled$/i.test(status)),
    chart: type === "report" && Boolean(main?.querySelector('svg, img[src$=".svg"]')),
    features: main ? Object.entries(FEATURES).filter(([, selector]) => main.querySelector(selector)).map(([name]) => name) : [],
    bytes: Buffer.byteLength(html),
    root,
  };
}

/**
 * The build the quality checks read: `_site/` as `npm test` built it (or a
 * fresh temporary build), or the folder in QUALITY_SITE, to check any build.
 */
export async function siteUnderTest(): Promise<BuiltSite> {
  const folder = process.env.QUALITY_SITE;
  return folder ? builtSite(folder) : starterSite();
}

/** Every HTML page of a build (redirect stubs included: they are documents too). */
export function builtPages(site: BuiltSite): BuiltPage[] {
  return site.files.filter((f) => f.endsWith(".html")).map((file) => describePage(file, site.read(file)));
}

/** The page kinds issue 10 names, each to be checked in every language. */
export interface RequiredKind {
  name: string;
  matches(page: BuiltPage): boolean;
}

export const REQUIRED_KINDS: readonly RequiredKind[] = [
  { name: "home", matches: (p) => p.type === "home" },
  { name: "blog index", matches: (p) => p.type === "blog-index" },
  { name: "post", matches: (p) => p.type === "post" },
  { name: "tag page", matches: (p) => p.type === "tag" },
  { name: "agenda", matches: (p) => p.type === "agenda" },
  { name: "event", matches: (p) => p.type === "event" && !p.cancelled },
  { name: "cancelled event", matches: (p) => p.type === "event" && p.cancelled },
  { name: "report with its chart", matches: (p) => p.type === "report" && p.chart },
  { name: "docs page", matches: (p) => p.type === "docs" },
  { name: "search page", matches: (p) => p.type === "search" },
  { name: "status page", matches: (p) => p.type === "status" },
  { name: "status notice", matches: (p) => p.type === "notice" },
  { name: "404 document", matches: (p) => p.type === "not-found" },
];

export interface Coverage {
  /** Kinds found in some language but missing in another: a failure. */
  incomplete: string[];
  /** Kinds not in the build at all (the plugin or the starter content is not there yet). */
  absent: string[];
}

/**
 * Which required kinds the build lacks. A kind counts in a language when a page
 * of that language (not an untranslated copy) has it; the bilingual 404
 * document counts for every language that has a section in it.
 */
export function coverage(pages: readonly BuiltPage[], languages = LANGUAGES): Coverage {
  const incomplete: string[] = [];
  const absent: string[] = [];
  for (const kind of REQUIRED_KINDS) {
    const found = pages.filter((p) => kind.matches(p) && !p.untranslated);
    if (found.length === 0) {
      absent.push(kind.name);
      continue;
    }
    const langs = new Set(found.flatMap((p) => (p.lang === "*" ? p.root.querySelectorAll("main [lang]").map((e) => e.getAttribute("lang")!) : [p.lang])));
    const missing = languages.filter((l) => !langs.has(l));
    if (missing.length) incomplete.push(`${kind.name} (no ${missing.join(", ")} page)`);
  }
  return { incomplete, absent };
}

/**
 * The pages worth the slow checks (axe, print, images): the largest page of
 * every type, variant and language, then enough pages to include every
 * feature (table, image, code…) in every language.
 */
export function samplePages(pages: readonly BuiltPage[]): BuiltPage[] {
  const candidates = pages.filter((p) => p.type !== "redirect").sort((a, b) => b.bytes - a.bytes || a.url.localeCompare(b.url));
  const chosen = new Map<string, BuiltPage>();
  for (const page of candidates) {
    const variant = [page.type, page.lang, page.cancelled && "cancelled", page.chart && "chart", page.untranslated && "untranslated"].filter(Boolean).join("+");
    if (!chosen.has(variant)) chosen.set(variant, page);
  }
  const sample = new Set(chosen.values());
  for (const lang of new Set(candidates.map((p) => p.lang))) {
    for (const feature of Object.keys(FEATURES)) {
      const has = (p: BuiltPage) => p.lang === lang && p.features.includes(feature);
      if ([...sample].some(has)) continue;
      const extra = candidates.find(has);
      if (extra) sample.add(extra);
    }
  }
  return [...sample].sort((a, b) => a.url.localeCompare(b.url));
}
