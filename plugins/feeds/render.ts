/**
 * One feed in its three formats, written by the `feed` package and corrected
 * by fixups.ts. Pure: entries come in with their content already made
 * absolute; nothing here reads Eleventy or the file system.
 */
import type { DateTime } from "luxon";
import { Feed, type Item } from "feed";
import { fixAtom, fixJson, fixRss, mediaType } from "./fixups.ts";
import { escapeMarkup } from "../core/escape.ts";
import { xmlSafe } from "./sanitize.ts";

/** An entry as it goes into the files: every URL absolute, every text final. */
export interface RenderEntry {
  id: string;
  title: string;
  url: string;
  published: DateTime;
  updated?: DateTime | undefined;
  summary?: string | undefined;
  /** HTML with absolute URLs. */
  html: string;
  authors: readonly string[];
  /** Tag names with the URL of their page, if they have one (Atom `scheme`, RSS `domain`). */
  categories: readonly { name: string; term: string }[];
  lang: string;
  image?: { url: string; length?: number | undefined } | undefined;
}

export interface RenderFeed {
  /** Atom `<id>`: stable, absolute. */
  id: string;
  title: string;
  description: string;
  lang: string;
  /** IANA zone of the dates' offsets. */
  zone: string;
  /** Absolute URL of the HTML page. */
  page: string;
  /** Absolute URLs of the files. */
  urls: { rss: string; atom: string; json: string };
  /** The publisher, with the e-mail every RSS validator wants somewhere. */
  publisher: { name: string; email: string; url: string };
  /** `© name · licence`, for `<rights>` and `<copyright>`. */
  rights?: string | undefined;
  /** Absolute URL of a square icon. */
  icon?: string | undefined;
  /** Absolute URL of an XSL stylesheet for a browser showing the XML files. */
  stylesheet?: string | undefined;
  /** When the feed last changed if it has no entry (otherwise its newest date). */
  emptyUpdated: DateTime;
}

/**
 * `]]>` ends a CDATA section. The XML writer under `feed` splits the section at
 * the first one only, so a second `]]>` in a text (a post about XML…) breaks
 * the file. Each is swapped for a noncharacter that xmlSafe() keeps out of any
 * input, and the written XML gets the proper split at every place.
 */
const CDATA_END = "\uFDD0";
const hideCdataEnd = (text: string) => text.replaceAll("]]>", CDATA_END);
const restoreCdataEnd = (xml: string) => xml.replaceAll(CDATA_END, "]]]]><![CDATA[>");

export interface RenderedFeed {
  rss: string;
  atom: string;
  json: string;
}

export function renderFeed(feed: RenderFeed, entries: readonly RenderEntry[]): RenderedFeed {
  const updated = entries.reduce<DateTime | undefined>((max, e) => {
    const d = e.updated ?? e.published;
    return !max || d > max ? d : max;
  }, undefined);
  const options = {
    id: feed.id,
    title: xmlSafe(feed.title),
    description: xmlSafe(feed.description),
    link: feed.page,
    language: feed.lang,
    updated: (updated ?? feed.emptyUpdated).toJSDate(),
    generator: false as const,
    feedLinks: feed.urls,
    author: { name: xmlSafe(feed.publisher.name), email: feed.publisher.email, link: feed.publisher.url },
    ...(feed.rights ? { copyright: xmlSafe(feed.rights) } : {}),
    ...(feed.icon ? { favicon: feed.icon } : {}),
    ...(feed.stylesheet ? { stylesheet: feed.stylesheet } : {}),
  };
  const ctx = { lang: feed.lang, zone: feed.zone, entryLangs: entries.map((e) => e.lang) };
  // One instance per format: each wants a slightly different input (see below).
  const make = (self: string, item: (e: RenderEntry) => Item) => {
    const out = new Feed({ ...options, feed: self });
    for (const entry of entries) out.addItem(item(entry));
    return out;
  };

  // `cdata` keeps text meant for a CDATA section whole (see CDATA_END).
  const common = (e: RenderEntry, cdata: (text: string) => string = (t) => t): Item => ({
    id: e.id,
    link: e.url,
    title: cdata(xmlSafe(e.title)),
    date: (e.updated ?? e.published).toJSDate(),
    published: e.published.toJSDate(),
    content: cdata(xmlSafe(e.html)),
    // `feed` 6.0.0 crashes on an empty author list in JSON Feed.
    ...(e.authors.length ? { author: e.authors.map((name) => ({ name: xmlSafe(name) })) } : {}),
    category: e.categories.map((c) => ({ name: xmlSafe(c.name), term: xmlSafe(c.term) })),
    ...(e.image ? { image: { url: e.image.url, length: e.image.length ?? 0, type: mediaType(e.image.url) ?? "image/jpeg" } } : {}),
  });

  // RSS `<description>` is HTML to readers: the plain summary is escaped for it.
  const rss = make(feed.urls.rss, (e) => ({ ...common(e, hideCdataEnd), guid: e.id, ...(e.summary ? { description: hideCdataEnd(escapeMarkup(xmlSafe(e.summary))) } : {}) }));
  // Atom titles and summaries become type="text" in fixAtom: plain text as it is.
  const atom = make(feed.urls.atom, (e) => ({ ...common(e, hideCdataEnd), ...(e.summary ? { description: hideCdataEnd(xmlSafe(e.summary)) } : {}) }));
  const json = make(feed.urls.json, (e) => ({ ...common(e), ...(e.summary ? { description: xmlSafe(e.summary) } : {}) }));

  return {
    rss: `${fixRss(restoreCdataEnd(rss.rss2()), ctx)}\n`,
    atom: `${fixAtom(restoreCdataEnd(atom.atom1()), ctx)}\n`,
    json: fixJson(json.json1(), { ...ctx, extras: entries.map((e) => ({ authors: e.authors.map((name) => ({ name: xmlSafe(name) })) })), ...(feed.icon ? { favicon: feed.icon } : {}) }),
  };
}
