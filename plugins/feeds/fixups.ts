/**
 * Corrections of what the `feed` package (6.0.0) writes, applied to its
 * output. Each one fixes a flaw that makes a validator or a reader stumble;
 * fixups.test.ts feeds `feed` the input that shows the flaw, so a new version
 * of the package that changes its output is caught there. Pure.
 *
 * Entries' text and HTML sit in CDATA sections; the corrections touch only the
 * markup between them, so no content can ever be mistaken for an element.
 */
import { DateTime } from "luxon";
import { mediaType as fileMediaType } from "../core/content-types.ts";

/** What the corrections need to know that `feed` has no field for. */
export interface FixupContext {
  /** Language of the feed (`xml:lang`, `<language>`, JSON Feed `language`). */
  lang: string;
  /** Language of each entry, in the order given to `feed`; set where it differs from the feed's. */
  entryLangs: readonly (string | undefined)[];
  /** IANA zone in which dates are written (their offset is that date's offset there). */
  zone: string;
}

/** Applies `fix` to the markup between CDATA sections (the sections stay as they are). */
export function mapMarkup(xml: string, fix: (markup: string) => string): string {
  return xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) => (i % 2 === 1 ? part : fix(part)))
    .join("");
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
 * `feed` escapes `&` in some attributes and `"` in all, never `<`: a `<` in a
 * category label is a fatal XML error. Escapes bare `&`, `<` and `>` in every
 * attribute value (text between tags is already escaped by `feed`, so a
 * look-alike `x="…"` in a text is left as it was).
 */
export function escapeAttributes(markup: string): string {
  return markup.replace(/(\s[\w:.-]+=)"([^"]*)"/g, (_, head: string, value: string) => {
    const escaped = value
      .replace(/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;");
    return `${head}"${escaped}"`;
  });
}

/** An attribute of a start tag (`feed` writes values in double quotes). */
function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function withAttribute(tag: string, name: string, value: string): string {
  const existing = new RegExp(`\\s${name}="[^"]*"`);
  const pair = ` ${name}="${value}"`;
  return existing.test(tag) ? tag.replace(existing, pair) : tag.replace(/\s*(\/?>)$/, `${pair}$1`);
}

/** Adds `xml:lang` to the n-th occurrence of `<name>` whose entry is in another language. */
function markEntryLangs(markup: string, name: string, ctx: FixupContext, counter: { n: number }): string {
  return markup.replace(new RegExp(`<${name}>`, "g"), (tag) => {
    const lang = ctx.entryLangs[counter.n++];
    return lang && lang !== ctx.lang ? `<${name} xml:lang="${lang}">` : tag;
  });
}

/** RFC 3339 in the zone: `2025-02-15T18:00:00+01:00` instead of `2025-02-15T17:00:00.000Z`. */
export function isoInZone(value: string, zone: string): string {
  const dt = DateTime.fromISO(value.trim(), { setZone: true });
  return dt.isValid ? dt.setZone(zone).toISO({ suppressMilliseconds: true })! : value;
}

/** RFC 822 in the zone: `Sat, 15 Feb 2025 18:00:00 +0100` instead of `… 17:00:00 GMT`. */
export function rfc822InZone(value: string, zone: string): string {
  const dt = DateTime.fromRFC2822(value.trim());
  return dt.isValid ? dt.setZone(zone).toRFC2822()! : value;
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
  const entries = { n: 0 };
  return mapMarkup(xml, (markup) => {
    let out = escapeAttributes(markup);
    out = out.replace(/<feed\b([^>]*)>/, (tag, attrs: string) => (attrs.includes("xml:lang") ? tag : `<feed${attrs} xml:lang="${ctx.lang}">`));
    out = markEntryLangs(out, "entry", ctx, entries);
    out = out.replace(/<(title|summary) type="html">/g, '<$1 type="text">');
    out = out.replace(/<category\b[^>]*?\/?>/g, (tag) => {
      if (attribute(tag, "term")) return tag;
      const label = attribute(tag, "label");
      return label ? withAttribute(tag, "term", label) : "";
    });
    out = out.replace(/<link\b[^>]*\srel="enclosure"[^>]*?\/?>/g, (tag) => {
      const type = mediaType((attribute(tag, "href") ?? "").replace(/&amp;/g, "&"));
      return type ? withAttribute(tag, "type", type) : tag.replace(/\stype="[^"]*"/, "");
    });
    return out.replace(/<(updated|published)>([^<]*)<\/\1>/g, (_, name: string, value: string) => `<${name}>${isoInZone(value, ctx.zone)}</${name}>`);
  });
}

/**
 * RSS 2.0:
 * - `xml:lang` on each item in another language (RSS has `<language>` for the channel only);
 * - `<author>` must be an e-mail address: `feed` writes a bare name when it has no
 *   e-mail, which becomes Dublin Core's `<dc:creator>`, made for names;
 * - dates carry the offset of that date in the site's zone (`feed` writes GMT).
 */
export function fixRss(xml: string, ctx: FixupContext): string {
  const items = { n: 0 };
  let usesDc = false;
  const fixed = mapMarkup(xml, (markup) => {
    let out = escapeAttributes(markup);
    out = markEntryLangs(out, "item", ctx, items);
    out = out.replace(/<author>([^<]*)<\/author>/g, (tag, value: string) => {
      if (/^\S+@\S+\.\S+(\s+\(.*\))?$/.test(value.trim())) return tag;
      usesDc = true;
      return `<dc:creator>${value}</dc:creator>`;
    });
    return out.replace(/<(pubDate|lastBuildDate)>([^<]*)<\/\1>/g, (_, name: string, value: string) => `<${name}>${rfc822InZone(value, ctx.zone)}</${name}>`);
  });
  if (!usesDc || /<rss\b[^>]*xmlns:dc=/.test(fixed)) return fixed;
  return fixed.replace(/<rss\b/, '<rss xmlns:dc="http://purl.org/dc/elements/1.1/"');
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
