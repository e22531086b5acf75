/**
 * RSS 2.0 and Atom 1.0 feeds read into one shape, keeping what a migration
 * needs and general feed readers drop: the language (`<language>`,
 * `xml:lang` on the feed or the entry), the guid, every category, and each
 * date's own offset (a Date object would lose it). Pure: XML text in, data out.
 */
import { XMLParser } from "fast-xml-parser";
import { DateTime } from "luxon";
import { parse as parseHtml } from "node-html-parser";

export interface FeedEntry {
  /** guid (RSS) or id (Atom); the link when the feed gives neither. */
  id: string;
  /** The entry's page on the old site (absolute). */
  link: string;
  title: string;
  /** Publication instant, in the offset the feed wrote it with. */
  published: DateTime | undefined;
  updated: DateTime | undefined;
  authors: string[];
  categories: string[];
  /** Summary HTML, when the feed gives one besides the full content. */
  summary: string | undefined;
  /** Full HTML of the entry (its summary when that is all the feed has). */
  content: string;
  /** `xml:lang` of the entry, when it differs from the feed's. */
  lang: string | undefined;
  /** Why the entry cannot be imported faithfully, when that is known from the feed alone. */
  problem?: string;
}

export interface Feed {
  format: "rss" | "atom";
  title: string;
  /** The old site's home page. */
  link: string | undefined;
  /** `<language>` or the feed's `xml:lang` (`fr`, `en-GB`…), as written. */
  lang: string | undefined;
  entries: FeedEntry[];
}

export class FeedError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  // Entities of HTML (&eacute;, &nbsp;) appear in escaped bodies of real feeds.
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ["item", "entry", "category", "link", "author", "dc:creator", "contributor"].includes(name),
});

type Node = Record<string, unknown> | string | undefined;

/** The text of an element, whatever fast-xml-parser made of it (string, or object with attributes). */
function text(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return text(node[0]);
  const value = (node as Record<string, unknown>)["#text"];
  return value === undefined ? "" : String(value);
}

/**
 * A text field (title, author, category) with the HTML entities that feeds
 * leave in them (`Caf&eacute;`, or an escaped `&lt;em&gt;`) decoded, tags dropped.
 */
function plain(node: unknown): string {
  const raw = text(node);
  return /[&<]/.test(raw) ? parseHtml(raw).textContent.trim() : raw.trim();
}

const attr = (node: unknown, name: string): string | undefined => {
  if (!node || typeof node !== "object") return undefined;
  const value = (node as Record<string, unknown>)[`@${name}`];
  return value === undefined ? undefined : String(value);
};

const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** An RFC 822 date (RSS) or ISO 8601 one (Atom), keeping the offset it was written with. */
export function readFeedDate(value: string): DateTime | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  // RSS feeds often write zone names (GMT, CET) or single-digit days; luxon reads RFC 2822 and HTTP dates.
  for (const attempt of [
    DateTime.fromISO(trimmed, { setZone: true }),
    DateTime.fromRFC2822(trimmed, { setZone: true }),
    DateTime.fromHTTP(trimmed, { setZone: true }),
  ]) {
    if (attempt.isValid) return attempt;
  }
  return undefined;
}

/** "jo@example.org (Jo Martin)" (RSS) → "Jo Martin"; a bare address stays as is. */
function rssAuthor(value: string): string {
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(value.trim());
  return (named ? named[1]! : value).trim();
}

export function parseFeed(xml: string, source: string): Feed {
  let doc: Record<string, Node>;
  try {
    doc = parser.parse(xml, true) as Record<string, Node>;
  } catch (error) {
    throw new FeedError(`${source}: not a valid XML feed (${(error as Error).message.split("\n")[0]})`);
  }
  const rss = (doc.rss as Record<string, unknown> | undefined)?.channel as Record<string, unknown> | undefined;
  if (rss) return readRss(rss);
  const atom = doc.feed as Record<string, unknown> | undefined;
  if (atom) return readAtom(atom);
  throw new FeedError(`${source}: neither an RSS 2.0 <rss><channel> nor an Atom <feed>`);
}

function readRss(channel: Record<string, unknown>): Feed {
  const feedLink = text(list(channel.link).find((l) => typeof l === "string" || !attr(l, "href")));
  return {
    format: "rss",
    title: text(channel.title),
    link: feedLink || undefined,
    lang: text(channel.language) || attr(channel, "xml:lang") || undefined,
    entries: list(channel.item).map((raw) => {
      const item = raw as Record<string, unknown>;
      const content = text(item["content:encoded"]);
      const description = text(item.description);
      const link = text(list(item.link)[0]);
      const date = text(item.pubDate) || text(item["dc:date"]);
      return {
        id: text(item.guid) || link,
        link,
        title: plain(item.title),
        published: readFeedDate(date),
        updated: readFeedDate(text(item["atom:updated"]) || text(item["dc:modified"])),
        authors: [...list(item.author).map((a) => rssAuthor(plain(a))), ...list(item["dc:creator"]).map(plain)],
        categories: list(item.category).map(plain).filter(Boolean),
        summary: content ? description || undefined : undefined,
        content: content || description,
        lang: attr(item, "xml:lang"),
      };
    }),
  };
}

function atomLink(links: unknown[]): string | undefined {
  const alternate = links.find((l) => (attr(l, "rel") ?? "alternate") === "alternate");
  return alternate ? attr(alternate, "href") : undefined;
}

function readAtom(feed: Record<string, unknown>): Feed {
  return {
    format: "atom",
    title: text(feed.title),
    link: atomLink(list(feed.link)),
    lang: attr(feed, "xml:lang"),
    entries: list(feed.entry).map((raw) => {
      const entry = raw as Record<string, unknown>;
      const content = text(entry.content);
      const summary = text(entry.summary);
      // type="xhtml" arrives as parsed elements whose text order the parser does not keep: refuse it rather than garble it.
      const xhtml = [entry.content, entry.summary].some((c) => attr(c, "type") === "xhtml");
      const link = atomLink(list(entry.link)) ?? "";
      return {
        id: text(entry.id) || link,
        link,
        title: plain(entry.title),
        published: readFeedDate(text(entry.published) || text(entry.updated)),
        updated: text(entry.published) ? readFeedDate(text(entry.updated)) : undefined,
        authors: list(entry.author).map((a) => plain((a as Record<string, unknown>).name)),
        categories: list(entry.category).map((c) => (attr(c, "label") ?? attr(c, "term") ?? "").trim()).filter(Boolean),
        summary: content ? summary || undefined : undefined,
        content: content || summary,
        lang: attr(entry, "xml:lang"),
        ...(xhtml ? { problem: 'its Atom content is type="xhtml", which this import does not read: export the feed with type="html"' } : {}),
      };
    }),
  };
}
