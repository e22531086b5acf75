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
import type { KeptText } from "../core/kept-results.ts";

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
 * Two flaws of the XML writer under `feed`, kept away from the texts:
 * - `]]>` ends a CDATA section: the writer splits the section at the first one
 *   only, so a second `]]>` in a text (a post about XML…) breaks the file;
 * - it reads a literal `&amp;` in a text as an already escaped `&`, so a post
 *   about HTML entities would lose its `amp;`.
 * Noncharacters that xmlSafe() keeps out of any input stand in for them, and
 * the written XML gets the proper CDATA split and the `&amp;amp;` back.
 */
const CDATA_END = "\uFDD0";
const AMP_GUARD = "\uFDD1";
/** For a text written as an element's text or an attribute. */
const guardAmp = (text: string) => text.replaceAll("&amp;", `&${AMP_GUARD}amp;`);
/** For a text written in a CDATA section (titles, summaries, content). */
const guardCdataEnd = (text: string) => text.replaceAll("]]>", CDATA_END);
const unguard = (xml: string) => xml.replaceAll(CDATA_END, "]]]]><![CDATA[>").replaceAll(AMP_GUARD, "");

/**
 * An entry's content is most of a feed's bytes, and neither `feed` nor the
 * corrections (./fixups.ts) change anything in it: the XML is written and
 * corrected with a token in its place (another noncharacter), and the content
 * put in at the end, as its CDATA section holds it. The corrections read a
 * tenth of the text (the 84 RSS and Atom files of 1,000 bench posts: 5 MB).
 */
const CONTENT = "\uFDD2";
const contentToken = (i: number) => `${CONTENT}${i}${CONTENT}`;
const TOKENS = new RegExp(`${CONTENT}(\\d+)${CONTENT}`, "g");
const withContents = (xml: string, contents: readonly string[]) => xml.replace(TOKENS, (_, i: string) => contents[Number(i)]!);

export interface RenderedFeed {
  rss: string;
  atom: string;
  json: string;
}

/**
 * A feed's files as a store keeps them (../core/kept-results.ts): the lengths of
 * the RSS and Atom texts on a line, then the three texts as they are, each sliced
 * out when the feed is used. Kept as JSON, the 8 MB of a 1,000-post site's 70
 * feeds were parsed back out at every build (25 ms of its profile).
 */
export const FEED_AS_TEXT: KeptText<RenderedFeed> = {
  write: ({ rss, atom, json }) => `${rss.length} ${atom.length}\n${rss}${atom}${json}`,
  read: (text) => {
    const line = text.indexOf("\n");
    const [rssLength, atomLength] = text.slice(0, line).split(" ").map(Number) as [number, number];
    const atom = line + 1 + rssLength;
    return { rss: text.slice(line + 1, atom), atom: text.slice(atom, atom + atomLength), json: text.slice(atom + atomLength) };
  },
};

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
  const make = (self: string, item: (e: RenderEntry, i: number) => Item) => {
    const out = new Feed({ ...options, feed: self });
    entries.forEach((entry, i) => out.addItem(item(entry, i)));
    return out;
  };

  // `cdata` and `text` prepare texts for the XML writer (see above); JSON needs neither.
  const same = (t: string) => t;
  const common = (e: RenderEntry, cdata = same, text = same): Item => ({
    id: e.id,
    link: e.url,
    title: cdata(xmlSafe(e.title)),
    date: (e.updated ?? e.published).toJSDate(),
    published: e.published.toJSDate(),
    // `feed` 6.0.0 crashes on an empty author list in JSON Feed.
    ...(e.authors.length ? { author: e.authors.map((name) => ({ name: text(xmlSafe(name)) })) } : {}),
    category: e.categories.map((c) => ({ name: text(xmlSafe(c.name)), term: text(xmlSafe(c.term)) })),
    ...(e.image ? { image: { url: e.image.url, length: e.image.length ?? 0, type: mediaType(e.image.url) ?? "image/jpeg" } } : {}),
  });

  // Each entry's content in a CDATA section, put in place of its token (see above).
  const contents = entries.map((e) => unguard(guardCdataEnd(xmlSafe(e.html))));
  // What RSS and Atom share of each entry, made once for both.
  const xmlItems = entries.map((e, i) => ({ ...common(e, guardCdataEnd, guardAmp), content: contents[i] === "" ? "" : contentToken(i) }));
  // RSS `<description>` is HTML to readers: the plain summary is escaped for it.
  const rss = make(feed.urls.rss, (e, i) => ({ ...xmlItems[i]!, guid: e.id, ...(e.summary ? { description: guardCdataEnd(escapeMarkup(xmlSafe(e.summary))) } : {}) }));
  // Atom titles and summaries become type="text" in fixAtom: plain text as it is.
  const atom = make(feed.urls.atom, (e, i) => ({ ...xmlItems[i]!, ...(e.summary ? { description: guardCdataEnd(xmlSafe(e.summary)) } : {}) }));
  const json = make(feed.urls.json, (e) => ({ ...common(e), content: xmlSafe(e.html), ...(e.summary ? { description: xmlSafe(e.summary) } : {}) }));

  return {
    rss: `${withContents(fixRss(unguard(rss.rss2()), ctx), contents)}\n`,
    atom: `${withContents(fixAtom(unguard(atom.atom1()), ctx), contents)}\n`,
    json: fixJson(json.json1(), { ...ctx, extras: entries.map((e) => ({ authors: e.authors.map((name) => ({ name: xmlSafe(name) })) })), ...(feed.icon ? { favicon: feed.icon } : {}) }),
  };
}
