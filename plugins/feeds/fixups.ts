/**
 * Corrections of what the `feed` package (6.0.0) writes, applied to its
 * output. Each one fixes a flaw that makes a validator or a reader stumble;
 * fixups.test.ts feeds `feed` the input that shows the flaw, so a new version
 * of the package that changes its output is caught there. Pure.
 *
 * The XML is read once into a tree (htmlparser2) and the corrections change
 * elements and attributes of that tree: a title or a post that contains
 * `<entry>`, `<updated>` or `]]>` is text to the parser, never an element.
 * The tree is read without decoding entities, so every text `feed` wrote
 * comes back byte for byte and only the corrected parts change.
 */
import { DateTime } from "luxon";
import { DomUtils, parseDocument } from "htmlparser2";
import { mediaType as fileMediaType } from "../core/content-types.ts";
import { escapeMarkup } from "../core/escape.ts";

/** What the corrections need to know that `feed` has no field for. */
export interface FixupContext {
  /** Language of the feed (`xml:lang`, `<language>`, JSON Feed `language`). */
  lang: string;
  /** Language of each entry, in the order given to `feed`; set where it differs from the feed's. */
  entryLangs: readonly (string | undefined)[];
  /** IANA zone in which dates are written (their offset is that date's offset there). */
  zone: string;
}

type XmlDocument = ReturnType<typeof parseDocument>;
type XmlElement = ReturnType<typeof DomUtils.findAll>[number];

/** `feed`'s XML as a tree; entities stay as written (see the file's comment). */
function parseXml(xml: string): XmlDocument {
  return parseDocument(xml, { xmlMode: true, decodeEntities: false });
}

/**
 * `feed` escapes `&` and `"` in attribute values, never `<` or `>`: a `<` in a
 * category label is a fatal XML error. Completes the escaping of every
 * attribute value (a value is what the parser found between the quotes, so
 * the entities `feed` wrote are kept), then writes the tree back.
 */
function serializeXml(doc: XmlDocument): string {
  for (const el of DomUtils.findAll(() => true, doc)) {
    for (const [name, value] of Object.entries(el.attribs)) el.attribs[name] = completeEscaping(value);
  }
  return DomUtils.getOuterHTML(doc, { xmlMode: true, decodeEntities: false });
}

/** An attribute value as `feed` escaped it, with the bare `&`, `<` and `>` it left escaped too. */
export function completeEscaping(value: string): string {
  return value
    .replace(/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** The only text child of a leaf element such as `<updated>`, rewritten by `fix`. */
function rewriteText(el: XmlElement, fix: (text: string) => string): void {
  const [child] = el.children;
  if (el.children.length === 1 && child && DomUtils.isText(child)) child.data = fix(child.data);
}

/** `xml:lang` on an entry whose language differs from the feed's. */
function markLang(el: XmlElement, lang: string | undefined, ctx: FixupContext): void {
  if (lang && lang !== ctx.lang) el.attribs["xml:lang"] = escapeMarkup(lang);
}

/** The media type of an enclosure's file (`feed` writes `image/<extension>` whatever the file). */
export function mediaType(url: string): string | undefined {
  let pathname = url;
  try {
    pathname = new URL(url).pathname;
  } catch {
    // Not absolute: read the extension as it is.
  }
  return fileMediaType(pathname);
}

/**
 * A post's dates are written in every feed that lists it (the blog's, each of
 * its tags', both languages): each is converted once per build, not per feed
 * (Luxon's zone arithmetic costs more than reading the whole feed).
 */
const converted = new Map<string, string>();
function memo(kind: string, value: string, zone: string, convert: () => string): string {
  const key = `${kind}\u0000${zone}\u0000${value}`;
  let out = converted.get(key);
  if (out === undefined) converted.set(key, (out = convert()));
  return out;
}

/** RFC 3339 in the zone: `2025-02-15T18:00:00+01:00` instead of `2025-02-15T17:00:00.000Z`. */
export function isoInZone(value: string, zone: string): string {
  return memo("iso", value, zone, () => {
    const dt = DateTime.fromISO(value.trim(), { setZone: true });
    return dt.isValid ? dt.setZone(zone).toISO({ suppressMilliseconds: true })! : value;
  });
}

/** RFC 822 in the zone: `Sat, 15 Feb 2025 18:00:00 +0100` instead of `… 17:00:00 GMT`. */
export function rfc822InZone(value: string, zone: string): string {
  return memo("rfc822", value, zone, () => {
    const dt = DateTime.fromRFC2822(value.trim());
    return dt.isValid ? dt.setZone(zone).toRFC2822()! : value;
  });
}

/**
 * Atom (RFC 4287):
 * - `xml:lang` on `<feed>`, and on each entry in another language (`feed` writes none);
 * - titles and summaries are plain text: `feed` declares them `type="html"`, so a
 *   title such as `<b>&` would be read as markup (or as a broken entity);
 * - every `<category>` has the required `term` (`feed` omits it when only a name is given);
 * - enclosure links carry the file's real type (`feed` writes `image/jpg`, `image/mp3`…);
 * - dates carry the offset of that date in the site's zone (`feed` writes UTC).
 */
export function fixAtom(xml: string, ctx: FixupContext): string {
  const doc = parseXml(xml);
  let entries = 0;
  for (const el of DomUtils.findAll(() => true, doc)) {
    const attrs = el.attribs;
    switch (el.name) {
      case "feed":
        attrs["xml:lang"] ??= escapeMarkup(ctx.lang);
        break;
      case "entry":
        markLang(el, ctx.entryLangs[entries++], ctx);
        break;
      case "title":
      case "summary":
        if (attrs.type === "html") attrs.type = "text";
        break;
      case "category":
        if (!attrs.term && attrs.label) attrs.term = attrs.label;
        else if (!attrs.term) DomUtils.removeElement(el);
        break;
      case "link":
        if (attrs.rel === "enclosure") {
          const type = mediaType((attrs.href ?? "").replaceAll("&amp;", "&"));
          if (type) attrs.type = type;
          else delete attrs.type;
        }
        break;
      case "updated":
      case "published":
        rewriteText(el, (value) => isoInZone(value, ctx.zone));
    }
  }
  return serializeXml(doc);
}

/**
 * RSS 2.0:
 * - `xml:lang` on each item in another language (RSS has `<language>` for the channel only);
 * - `<author>` must be an e-mail address: `feed` writes a bare name when it has no
 *   e-mail, which becomes Dublin Core's `<dc:creator>`, made for names;
 * - dates carry the offset of that date in the site's zone (`feed` writes GMT).
 */
export function fixRss(xml: string, ctx: FixupContext): string {
  const doc = parseXml(xml);
  let items = 0;
  let usesDc = false;
  for (const el of DomUtils.findAll(() => true, doc)) {
    switch (el.name) {
      case "item":
        markLang(el, ctx.entryLangs[items++], ctx);
        break;
      case "author":
        if (!/^\S+@\S+\.\S+(\s+\(.*\))?$/.test(DomUtils.textContent(el).trim())) {
          el.name = "dc:creator";
          usesDc = true;
        }
        break;
      case "pubDate":
      case "lastBuildDate":
        rewriteText(el, (value) => rfc822InZone(value, ctx.zone));
    }
  }
  const rss = DomUtils.findOne((el) => el.name === "rss", doc.children, false);
  if (usesDc && rss) rss.attribs["xmlns:dc"] ??= "http://purl.org/dc/elements/1.1/";
  return serializeXml(doc);
}

/** What JSON Feed 1.1 has that `feed` cannot express, per entry in `feed`'s order. */
export interface JsonEntryExtras {
  /** Every author (`feed` keeps only the first, in the 1.0 `author` field). */
  authors: { name: string; url?: string }[];
}

/**
 * JSON Feed: `feed` writes version 1 (1.0). Version 1.1 wants `authors` (arrays)
 * instead of `author`, knows `language` for the feed and each item, and its
 * dates are RFC 3339, here with the site's offset.
 */
export function fixJson(json: string, ctx: FixupContext & { extras: readonly JsonEntryExtras[]; favicon?: string }): string {
  const feed = JSON.parse(json) as Record<string, unknown> & { items: Record<string, unknown>[]; author?: Record<string, unknown> };
  const out: Record<string, unknown> = { version: "https://jsonfeed.org/version/1.1" };
  for (const [key, value] of Object.entries(feed)) {
    if (key === "version" || key === "items") continue;
    if (key === "author") out.authors = [value];
    else out[key] = value;
  }
  out.language = ctx.lang;
  if (ctx.favicon) out.favicon = ctx.favicon;
  out.items = feed.items.map((item, i) => {
    const fixed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item)) {
      if (key === "author") continue;
      fixed[key] = key === "date_published" || key === "date_modified" ? isoInZone(String(value), ctx.zone) : value;
    }
    const authors = ctx.extras[i]?.authors ?? [];
    if (authors.length) fixed.authors = authors;
    const lang = ctx.entryLangs[i];
    if (lang && lang !== ctx.lang) fixed.language = lang;
    return fixed;
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}
