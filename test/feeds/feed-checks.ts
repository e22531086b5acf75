/**
 * What makes a feed valid, checked on the files as written: RSS 2.0 (the
 * specification and the W3C validator's rules), Atom 1.0 (RFC 4287's MUSTs),
 * JSON Feed 1.1 (its required fields and types). Each check returns the
 * problems it found, so a failing test names all of them at once.
 *
 * Two independent readers look at every XML file: fast-xml-parser (strict
 * well-formedness, then the structure) and @rowanmanning/feed-parser (what a
 * real aggregator makes of it).
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export const XML = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // RSS has one <link> per item, Atom several per entry.
  isArray: (name, jpath) => ["item", "entry", "category", "author", "dc:creator", "atom:link", "enclosure", "contributor"].includes(name) || (name === "link" && String(jpath).startsWith("feed.")),
});

/** Text of an element that may carry attributes. */
export const text = (node: unknown): string => (typeof node === "object" && node !== null ? String((node as Record<string, unknown>)["#text"] ?? "") : String(node ?? ""));

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
const ABSOLUTE = /^https?:\/\/[^/\s]+/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+( \(.+\))?$/;
/** Characters XML 1.0 forbids, and the C1 range validators reject. */
export const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

type Node = Record<string, any>;

function wellFormed(xml: string, problems: string[]): boolean {
  const result = XMLValidator.validate(xml);
  if (result !== true) problems.push(`not well-formed XML: ${result.err.msg} (line ${result.err.line})`);
  if (FORBIDDEN_CHARS.test(xml)) problems.push("holds a character XML forbids");
  return result === true;
}

function realReader(xml: string, problems: string[]): number | undefined {
  try {
    return parseFeed(xml).items.length;
  } catch (error) {
    problems.push(`@rowanmanning/feed-parser rejects it: ${(error as Error).message}`);
    return undefined;
  }
}

export function checkRss(xml: string): string[] {
  const problems: string[] = [];
  if (!wellFormed(xml, problems)) return problems;
  const doc = XML.parse(xml) as Node;
  const rss = doc.rss as Node | undefined;
  if (!rss || rss["@version"] !== "2.0") return [...problems, "root is not <rss version=\"2.0\">"];
  const channel = rss.channel as Node;
  for (const field of ["title", "link", "description"]) if (!text(channel[field])) problems.push(`channel has no ${field}`);
  if (!ABSOLUTE.test(text(channel.link))) problems.push("channel link is not absolute");
  if (!/^[a-z]{2,3}(-[A-Za-z]{2})?$/.test(text(channel.language))) problems.push(`channel language "${text(channel.language)}" is not a language code`);
  if (channel.lastBuildDate && !RFC822.test(text(channel.lastBuildDate))) problems.push(`lastBuildDate "${text(channel.lastBuildDate)}" is not RFC 822 with an offset`);
  const self = ((channel["atom:link"] ?? []) as Node[]).find((l) => l["@rel"] === "self");
  if (!self || !ABSOLUTE.test(self["@href"])) problems.push("no absolute atom:link rel=self");
  for (const prefix of new Set([...xml.matchAll(/<\/?([a-z]+):[a-zA-Z]/g)].map((m) => m[1]!))) {
    if (prefix !== "xml" && !new RegExp(`xmlns:${prefix}=`).test(xml)) problems.push(`prefix ${prefix}: is not declared`);
  }
  const guids = new Set<string>();
  ((channel.item ?? []) as Node[]).forEach((item, i) => {
    const where = `item ${i + 1}`;
    if (!text(item.title) && !text(item.description)) problems.push(`${where} has neither title nor description`);
    if (!ABSOLUTE.test(text(item.link))) problems.push(`${where} link is not absolute`);
    const guid = text(item.guid);
    if (!guid) problems.push(`${where} has no guid`);
    if (guids.has(guid)) problems.push(`${where} repeats guid ${guid}`);
    guids.add(guid);
    if (item.guid?.["@isPermaLink"] !== "false" && !ABSOLUTE.test(guid)) problems.push(`${where} guid is a permalink but not a URL`);
    if (!RFC822.test(text(item.pubDate))) problems.push(`${where} pubDate "${text(item.pubDate)}" is not RFC 822 with an offset`);
    else if (Number.isNaN(Date.parse(text(item.pubDate)))) problems.push(`${where} pubDate does not parse`);
    if (item.author !== undefined && !EMAIL.test(text(item.author))) problems.push(`${where} author "${text(item.author)}" is not an e-mail address`);
    for (const enclosure of (item.enclosure ?? []) as Node[]) {
      if (!ABSOLUTE.test(enclosure["@url"]) || enclosure["@length"] === undefined || !/^[a-z]+\/[\w.+-]+$/.test(enclosure["@type"] ?? "")) problems.push(`${where} enclosure lacks url, length or a media type`);
    }
  });
  const count = realReader(xml, problems);
  if (count !== undefined && count !== ((channel.item ?? []) as Node[]).length) problems.push("the two parsers count different items");
  return problems;
}

export function checkAtom(xml: string): string[] {
  const problems: string[] = [];
  if (!wellFormed(xml, problems)) return problems;
  const feed = (XML.parse(xml) as Node).feed as Node | undefined;
  if (!feed || feed["@xmlns"] !== "http://www.w3.org/2005/Atom") return [...problems, "root is not an Atom <feed>"];
  if (!feed["@xml:lang"]) problems.push("feed has no xml:lang");
  if (!text(feed.id)) problems.push("feed has no id");
  if (!text(feed.title)) problems.push("feed has no title");
  if (!RFC3339.test(text(feed.updated))) problems.push(`feed updated "${text(feed.updated)}" is not RFC 3339`);
  const links = (feed.link ?? []) as Node[];
  if (!links.some((l) => l["@rel"] === "self" && ABSOLUTE.test(l["@href"]))) problems.push("feed has no absolute self link");
  if (!links.some((l) => (l["@rel"] ?? "alternate") === "alternate")) problems.push("feed has no alternate link");
  const entries = (feed.entry ?? []) as Node[];
  const feedAuthor = ((feed.author ?? []) as Node[]).some((a) => text(a.name));
  const ids = new Set<string>();
  entries.forEach((entry, i) => {
    const where = `entry ${i + 1}`;
    const id = text(entry.id);
    if (!/^[a-z][a-z0-9+.-]*:/i.test(id)) problems.push(`${where} id "${id}" is not an IRI`);
    if (ids.has(id)) problems.push(`${where} repeats id ${id}`);
    ids.add(id);
    if (!text(entry.title) && entry.title === undefined) problems.push(`${where} has no title`);
    if (!RFC3339.test(text(entry.updated))) problems.push(`${where} updated "${text(entry.updated)}" is not RFC 3339`);
    if (entry.published !== undefined && !RFC3339.test(text(entry.published))) problems.push(`${where} published is not RFC 3339`);
    const entryLinks = (entry.link ?? []) as Node[];
    if (!entryLinks.some((l) => (l["@rel"] ?? "alternate") === "alternate") && !entry.content) problems.push(`${where} has neither alternate link nor content`);
    if (!feedAuthor && !((entry.author ?? []) as Node[]).some((a) => text(a.name))) problems.push(`${where} has no author (nor has the feed)`);
    for (const category of (entry.category ?? []) as Node[]) if (!category["@term"]) problems.push(`${where} has a category without term`);
    for (const link of entryLinks.filter((l) => l["@rel"] === "enclosure")) {
      if (link["@type"] !== undefined && !/^(image|audio|video|application)\/[\w.+-]+$/.test(link["@type"])) problems.push(`${where} enclosure type "${link["@type"]}"`);
      if (/^image\/jpg$/.test(link["@type"] ?? "")) problems.push(`${where} enclosure type image/jpg is not a media type`);
    }
    for (const name of ["title", "summary", "content"]) {
      const type = entry[name]?.["@type"];
      if (type !== undefined && !["text", "html", "xhtml"].includes(type)) problems.push(`${where} ${name} type "${type}"`);
    }
  });
  const count = realReader(xml, problems);
  if (count !== undefined && count !== entries.length) problems.push("the two parsers count different entries");
  return problems;
}

const JSON_FEED_KEYS = new Set(["version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon", "favicon", "authors", "language", "expired", "hubs", "items"]);
const JSON_ITEM_KEYS = new Set(["id", "url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image", "date_published", "date_modified", "authors", "tags", "language", "attachments"]);

export function checkJsonFeed(source: string): string[] {
  const problems: string[] = [];
  let feed: Node;
  try {
    feed = JSON.parse(source) as Node;
  } catch (error) {
    return [`not JSON: ${(error as Error).message}`];
  }
  if (feed.version !== "https://jsonfeed.org/version/1.1") problems.push(`version is ${feed.version}`);
  if (typeof feed.title !== "string" || !feed.title) problems.push("no title");
  if (!Array.isArray(feed.items)) return [...problems, "items is not an array"];
  for (const key of Object.keys(feed)) if (!JSON_FEED_KEYS.has(key) && !key.startsWith("_")) problems.push(`unknown top-level key ${key}`);
  for (const key of ["home_page_url", "feed_url"]) if (feed[key] !== undefined && !ABSOLUTE.test(feed[key])) problems.push(`${key} is not absolute`);
  const checkAuthors = (authors: unknown, where: string) => {
    if (authors === undefined) return;
    if (!Array.isArray(authors) || authors.some((a: Node) => typeof a !== "object" || !(a.name || a.url || a.avatar))) problems.push(`${where} authors are not objects with a name, url or avatar`);
  };
  checkAuthors(feed.authors, "feed");
  const ids = new Set<string>();
  (feed.items as Node[]).forEach((item, i) => {
    const where = `item ${i + 1}`;
    if (typeof item.id !== "string" || !item.id) problems.push(`${where} id is not a non-empty string`);
    if (ids.has(item.id)) problems.push(`${where} repeats id ${item.id}`);
    ids.add(item.id);
    if (typeof item.content_html !== "string" && typeof item.content_text !== "string") problems.push(`${where} has no content_html or content_text`);
    if (item.url !== undefined && !ABSOLUTE.test(item.url)) problems.push(`${where} url is not absolute`);
    for (const key of ["date_published", "date_modified"]) if (item[key] !== undefined && !RFC3339.test(item[key])) problems.push(`${where} ${key} is not RFC 3339`);
    if (item.tags !== undefined && (!Array.isArray(item.tags) || item.tags.some((t: unknown) => typeof t !== "string"))) problems.push(`${where} tags are not strings`);
    for (const key of Object.keys(item)) if (!JSON_ITEM_KEYS.has(key) && !key.startsWith("_")) problems.push(`${where} has unknown key ${key}`);
    checkAuthors(item.authors, where);
  });
  return problems;
}

/** Every URL attribute in a piece of HTML that is not absolute (mailto: and the like count as absolute). */
export function relativeUrls(html: string): string[] {
  const found: string[] = [];
  for (const [, name, value] of html.matchAll(/\s(href|src|poster|cite|srcset)="([^"]*)"/g)) {
    const urls = name === "srcset" ? value!.split(",").map((c) => c.trim().split(/\s+/)[0]!) : [value!];
    for (const url of urls) if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) found.push(`${name}="${url}"`);
  }
  return found;
}
