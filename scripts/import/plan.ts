/**
 * Which entries become which bundles: entries of different language feeds
 * that are translations of each other share one bundle (same path under a
 * language prefix, same guid, or a pair from the mapping file); each bundle
 * gets its folder (`blog/<year>/<slug>/`) and each page its new URL, so old
 * URLs can be compared with new ones (aliases) and links between imported
 * entries rewritten. Pure: no file is read or written here.
 */
import type { DateTime } from "luxon";
import { slugify } from "../new/templates.ts";
import { localizedUrl } from "../../plugins/i18n/paths.ts";
import type { FeedEntry } from "./feed.ts";
import { addTo } from "../../plugins/core/add-to.ts";

export type Section = "blog" | "events";

export interface Item {
  entry: FeedEntry;
  lang: string;
  section: Section;
  /** The feed it came from (as given on the command line). */
  feed: string;
  /** Says it is not translated and shows another language's text. */
  untranslated: boolean;
  /** For events: the start marked up in the content, when there is one. */
  start?: DateTime | undefined;
}

export interface Page {
  item: Item;
  lang: string;
  /** The new URL path (`/en/blog/2024/x/`). */
  url: string;
  /** Old URL paths that differ from the new one: the entry's, and those of untranslated entries of other languages. */
  aliases: string[];
}

export interface Bundle {
  section: Section;
  /** Folder inside content/ (`blog/2024/serveurs-hiver`). */
  dir: string;
  /** URL path in the default language (`/blog/2024/serveurs-hiver/`). */
  urlPath: string;
  /** One page per language written. */
  pages: Page[];
  /** Entries that say they are untranslated, left to the site's own untranslated copies. */
  untranslated: Item[];
  /** How the pages were found to belong together (for the report). */
  pairedBy: string | undefined;
  /** Language of the original, when it is not the site's default one and both exist. */
  original: string | undefined;
}

export interface Skipped {
  item: Item;
  reason: string;
}

export interface Plan {
  bundles: Bundle[];
  skipped: Skipped[];
}

export interface PlanOptions {
  languages: string[];
  defaultLanguage: string;
  zone: string;
  /** Explicit pairs of old URLs (mapping file). */
  pairs: [string, string][];
}

/** `/en/blog/x/` and `/blog/x/` alike: the path without a leading language segment, with a trailing slash. */
export function pathKey(link: string, languages: string[]): string {
  let pathname: string;
  try {
    pathname = new URL(link).pathname;
  } catch {
    return link;
  }
  pathname = pathname.replace(/\/index\.html?$/, "/").replace(/\/?$/, "/");
  const first = pathname.split("/")[1] ?? "";
  const lang = first.toLowerCase().split(/[-_]/)[0]!;
  if (languages.includes(lang) && /^[a-z]{2,3}([-_][a-z]{2,4})?$/i.test(first)) pathname = pathname.slice(first.length + 1) || "/";
  return decodeURIComponent(pathname);
}

/** An old URL without origin differences that do not matter (trailing slash, index.html, fragment). */
export function urlKey(link: string): string {
  try {
    const url = new URL(link);
    return `${url.host}${url.pathname.replace(/\/index\.html?$/, "/").replace(/\/?$/, "/")}`.toLowerCase();
  } catch {
    return link;
  }
}

/** The id without a language part (`…/en/blog/x/` → `…/blog/x/`), so guids built from links pair too. */
function idKey(id: string, languages: string[]): string {
  return /^https?:\/\//.test(id) ? `${new URL(id).host}${pathKey(id, languages)}` : id;
}

export function planBundles(items: Item[], options: PlanOptions): Plan {
  const { languages, defaultLanguage, zone } = options;
  // Union-find over items: each pairing rule joins two items of different languages.
  const parent = items.map((_, i) => i);
  const reason = new Map<number, string>();
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number, why: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb || items[a]!.lang === items[b]!.lang || items[a]!.section !== items[b]!.section) return;
    parent[rb] = ra;
    if (!reason.has(ra)) reason.set(ra, why);
  };
  const byUrl = new Map(items.map((item, i) => [urlKey(item.entry.link), i]));
  for (const [a, b] of options.pairs) {
    const ia = byUrl.get(urlKey(a));
    const ib = byUrl.get(urlKey(b));
    if (ia !== undefined && ib !== undefined) join(ia, ib, "mapping file");
  }
  const joinOn = (key: (item: Item) => string, why: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const k = key(item);
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      else join(first, i, why);
    });
  };
  joinOn((item) => `${item.section} ${item.entry.id}`, "same guid");
  joinOn((item) => `${item.section} ${pathKey(item.entry.link, languages)}`, "same path under /<lang>/");
  joinOn((item) => `${item.section} ${idKey(item.entry.id, languages)}`, "same guid pattern");

  const groups = new Map<number, number[]>();
  items.forEach((_, i) => addTo(groups, find(i), i));

  const bundles: Bundle[] = [];
  const skipped: Skipped[] = [];
  const usedDirs = new Set<string>();
  for (const [root, members] of groups) {
    const group = members.map((i) => items[i]!);
    const pages = new Map<string, Item>();
    const untranslated: Item[] = [];
    for (const item of group) {
      if (item.untranslated) untranslated.push(item);
      else if (pages.has(item.lang)) skipped.push({ item, reason: `a second ${item.lang} entry for the same page (${pages.get(item.lang)!.entry.link} was kept)` });
      else pages.set(item.lang, item);
    }
    // An "unavailable in your language" entry with no entry in the other language carries that text: import it as such.
    if (pages.size === 0 && untranslated.length) {
      const item = untranslated.shift()!;
      const lang = languages.find((l) => l !== item.lang) ?? item.lang;
      pages.set(lang, { ...item, lang, untranslated: false });
    }
    const main = pages.get(defaultLanguage) ?? [...pages.values()][0]!;
    const section = main.section;
    const when = (section === "events" ? main.start : undefined) ?? main.entry.published;
    const year = when ? String(when.setZone(zone).year) : "undated";
    const segment = pathKey(main.entry.link, languages).split("/").filter(Boolean).at(-1);
    const base = slugify(segment && !/\.\w+$/.test(segment) ? segment : titleWithoutStatus(main.entry.title), main.lang) || "page";
    let dir = `${section}/${year}/${base}`;
    for (let n = 2; usedDirs.has(dir); n++) dir = `${section}/${year}/${base}-${n}`;
    usedDirs.add(dir);
    const urlPath = `/${dir}/`;
    const written = languages.filter((l) => pages.has(l)).map((lang): Page => {
      const item = pages.get(lang)!;
      const url = localizedUrl(urlPath, lang, defaultLanguage);
      return { item, lang, url, aliases: movedFrom(item, url) };
    });
    // The old URL of a page the old site showed untranslated leads to the original now.
    for (const item of untranslated) written[0]!.aliases.push(...movedFrom(item, localizedUrl(urlPath, item.lang, defaultLanguage)));
    const dates = written.map((p) => ({ lang: p.lang, t: p.item.entry.published?.toMillis() ?? Infinity }));
    const first = dates.reduce((a, b) => (b.t < a.t ? b : a), dates[0]!);
    bundles.push({
      section,
      dir,
      urlPath,
      pages: written,
      untranslated,
      pairedBy: written.length > 1 ? (reason.get(root) ?? "same path") : undefined,
      original: written.length > 1 && first.lang !== defaultLanguage && dates.every((d) => d === first || d.t > first.t) ? first.lang : undefined,
    });
  }
  return { bundles, skipped };
}

/** The entry's old URL path, when it differs from `url`. */
function movedFrom(item: Item, url: string): string[] {
  if (!item.entry.link) return [];
  const old = decodeURI(new URL(item.entry.link, "https://old.invalid").pathname);
  return old !== url ? [old] : [];
}

/** `[CANCELLED] Title` → status and title. */
export function titleStatus(title: string): { title: string; status: "scheduled" | "cancelled" | "postponed" } {
  const match = /^\s*[[(]\s*(cancelled|canceled|annulée?|postponed|reportée?)\s*[\])]\s*[-–:]?\s*/i.exec(title);
  if (!match) return { title: title.trim(), status: "scheduled" };
  const word = match[1]!.toLowerCase();
  const status = /^(cancel|annul)/.test(word) ? "cancelled" : "postponed";
  return { title: title.slice(match[0].length).trim(), status };
}

function titleWithoutStatus(title: string): string {
  return titleStatus(title).title;
}
