/**
 * The words every part of the feeds plugin shares: what a feed source gives
 * (one entry per collection item) and what a feed is made of.
 */
import type { DateTime } from "luxon";
import type { CollectionItem } from "../core/eleventy.ts";
import type { Site } from "../core/site.ts";
import type { Provenance } from "../validate/fields.ts";

/** One entry of a feed, in the words of the source that publishes it. */
export interface FeedEntry {
  /**
   * What stays the same when the page is edited, retitled or moved: the page's
   * bundle (`blog/2025/assemblee-generale`). The entry's id is derived from it.
   */
  key: string;
  /** Overrides the id derived from `key` (keep it stable forever once published). */
  id?: string;
  /** Plain text (never HTML): readers show it as written. */
  title: string;
  /** Site-absolute (`/blog/2025/x/`) or absolute URL of the page. */
  url: string;
  /** Publication date; entries are listed newest first by it. */
  published: DateTime;
  /** Date of a significant update (feeds' `updated`); the publication date when absent. */
  updated?: DateTime | undefined;
  /** Plain text, one or two sentences. */
  summary?: string | undefined;
  /**
   * The page's HTML, as rendered (called when the feed is written, never
   * before: the page may not be rendered yet when feeds are listed).
   */
  content: () => string;
  /** The page's own text when `content` adds something before it (an event's facts): where a description is taken from without a summary. */
  body?: (() => string) | undefined;
  /** Translators, proofreaders, illustration credits and source, appended to the content in the feed's language. */
  credits?: Provenance | undefined;
  /** People's names; no e-mail is ever made up for them. */
  authors?: readonly string[] | undefined;
  /** Tags as written; each also gets a feed when the source has tag feeds. */
  tags?: readonly string[] | undefined;
  /** Language of the text: the original's for an untranslated copy. */
  lang: string;
  /** An image for the entry (enclosure, JSON Feed `image`): site-absolute or absolute URL, and its size in bytes. */
  image?: { url: string; length?: number | undefined } | undefined;
}

/** What a source's callbacks know about the feed being made. */
export interface FeedSourceContext {
  /** Language of the feed. */
  lang: string;
  site: Site;
}

/** Where a source's feeds live in one language, as URL paths inside that language. */
export interface FeedSource {
  /** Short name, unique: `blog`, `agenda`. */
  key: string;
  /** Name of the feed per language (the site's name is put before it). */
  title: Record<string, string> | ((lang: string) => string);
  /** One sentence per language (RSS requires a description); the site's description when absent. */
  description?: Record<string, string> | ((lang: string) => string);
  /** Collection holding the source's pages in a language (`posts_fr`, `events_en`). */
  collection: (lang: string) => string;
  /** The entry of one item, or undefined to leave it out of the feeds. */
  toEntry: (item: CollectionItem, ctx: FeedSourceContext) => FeedEntry | undefined;
  /** Folder of the feed files inside a language: "" (→ `/feed.xml`, `/en/feed.xml`), `events/`. */
  path: string;
  /** The HTML page the feed follows (inside a language): `blog/`, `events/`. */
  page: string;
  /** Per-tag feeds: the folder of a tag's files and page (`blog/tags/<slug>/`); none when absent. */
  tagPath?: (slug: string) => string;
  /** A calendar to list with the source on the feeds page (inside a language): `events/agenda.ics`. */
  calendar?: string;
  /** Place in page heads and on the feeds page, lowest first (the blog is 0); then by key. */
  order?: number;
  /**
   * Which page heads announce the feeds: every page (the default), or only the source's
   * page and those under it (the status notices' feeds, which only members of the
   * services look for). The feeds page lists them either way.
   */
  discovery?: "everywhere" | "own pages";
}

/** The three formats; their file names are fixed so the deploy script knows their types. */
export const FORMATS = {
  rss: { file: "feed.xml", type: "application/rss+xml", label: "RSS" },
  atom: { file: "atom.xml", type: "application/atom+xml", label: "Atom" },
  json: { file: "feed.json", type: "application/feed+json", label: "JSON Feed" },
} as const;
export type FeedFormat = keyof typeof FORMATS;

/** One feed: a source in a language, whole or for one tag. */
export interface FeedSpec {
  source: string;
  lang: string;
  tag?: { slug: string; name: string } | undefined;
  /** Full title, with the site's name. */
  title: string;
  description: string;
  /** Site-absolute URL of the page the feed follows. */
  page: string;
  /** Site-absolute URL of each file. */
  urls: Record<FeedFormat, string>;
  /** Site-absolute URL of the source's calendar, if it has one. */
  calendar?: string | undefined;
  /** Number of entries (all of them, before the feed's limit). */
  count: number;
}
