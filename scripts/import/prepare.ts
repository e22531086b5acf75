/**
 * What an entry's HTML says besides its text, taken out before conversion:
 * credit lines (translators, proofreaders, illustrations), a "not translated
 * yet" notice, an event's marked-up date and place; and every link and image
 * address resolved (relative and root-relative against the entry's link,
 * engine source paths such as `@/blog/x.md` through `source`). Pure: node-html-parser.
 */
import { parse, type HTMLElement } from "node-html-parser";

export interface Credit {
  work?: string;
  author: string;
}

export interface EventDetails {
  /** ISO 8601 as marked up (with its offset when it has one). */
  start?: string;
  end?: string;
  venue?: { name: string; address?: string; city?: string };
  online?: string;
}

export interface Prepared {
  html: string;
  /** Added to heading levels so the first level is h2. */
  headingShift: number;
  translators: string[];
  revisers: string[];
  credits: Credit[];
  /** The entry says it is not translated and gives another language's text. */
  untranslated: boolean;
  event: EventDetails;
}

export interface UrlResolver {
  /** An absolute URL (link or image of the entry) → what to write instead; undefined keeps it. */
  rewrite(url: URL, kind: "link" | "image"): string | undefined;
  /** A link to an engine source file (`@/blog/x.md`, `/_index.en.md#a`) → the new address, or undefined (the link is dropped). */
  source(path: string): string | undefined;
}

/** Phrases engines and writers use to say that a page is shown in another language. */
export const UNTRANSLATED =
  /unavailable in your language|not (?:yet )?(?:been )?(?:available|translated) in (?:your language|english|french)|(?:has|have) not (?:yet )?been translated|not translated yet|n[’']est pas (?:encore )?(?:disponible dans votre langue|traduit)|pas encore traduit|pas (?:encore )?disponible en (?:français|anglais)/i;

const CREDIT_LINES: { field: "translators" | "revisers" | "credits"; pattern: RegExp }[] = [
  { field: "translators", pattern: /^(?:translated by|translation(?: by)?\s*:|translator\s*:|traduction\s*(?:par\s*|:)|traduit(?:e|s)? (?:de l[’']\w+ )?par|traducteur\s*:|traductrice\s*:)\s*(.+)$/i },
  { field: "revisers", pattern: /^(?:proofread by|reviewed by|revised by|relecture\s*(?:par\s*|:)|relu(?:e|s)? par)\s*(.+)$/i },
  { field: "credits", pattern: /^((?:illustrations?|photos?|images?|dessins?|cover image|photo credits?|crédits? photos?|image de couverture)\s*)(?:by|par|de|:)\s*(.+)$/i },
];

/** "Sam Lee and Jo Roux", "A, B et C" → names. */
export function splitNames(text: string): string[] {
  return text
    .replace(/[.。]\s*$/, "")
    .split(/\s*(?:,|;|\band\b|\bet\b|&)\s*/)
    .map((n) => n.trim())
    .filter(Boolean);
}

const textOf = (el: HTMLElement) => el.textContent.replace(/\s+/g, " ").trim();

export function prepareHtml(html: string, base: string, resolver: UrlResolver, notes: string[]): Prepared {
  const root = parse(html, { comment: false });
  const out: Prepared = { html: "", headingShift: 0, translators: [], revisers: [], credits: [], untranslated: false, event: {} };

  // The notice comes first; only the first blocks are looked at so a post *about* translation stays whole.
  for (const el of root.querySelectorAll("p, div, em, strong, aside").slice(0, 4)) {
    if (el.querySelector("p, div") && el.tagName !== "P") continue;
    if (UNTRANSLATED.test(textOf(el))) {
      out.untranslated = true;
      el.remove();
      break;
    }
  }

  for (const p of root.querySelectorAll("p")) {
    const text = textOf(p);
    for (const { field, pattern } of CREDIT_LINES) {
      const match = pattern.exec(text);
      if (!match) continue;
      if (field === "credits") {
        const work = match[1]!.trim().replace(/^./, (c) => c.toUpperCase());
        out.credits.push(...splitNames(match[2]!).map((author) => ({ work, author })));
      } else {
        out[field].push(...splitNames(match[1]!));
      }
      p.remove();
      break;
    }
  }

  out.event = eventDetails(root);

  const levels = root.querySelectorAll("h1, h2, h3, h4, h5, h6").map((h) => Number(h.tagName[1]));
  out.headingShift = levels.length ? 2 - Math.min(...levels) : 0;

  for (const a of root.querySelectorAll("a[href]")) {
    const href = a.getAttribute("href")!.trim();
    if (href.startsWith("#") || /^(mailto|tel):/i.test(href)) continue;
    if (/^@\//.test(href) || /\.md(?:#.*)?$/i.test(href)) {
      const target = resolver.source(href);
      if (target) a.setAttribute("href", target);
      else {
        notes.push(`link to the old site's source file ${href} ("${textOf(a)}") removed: no imported page matches it; link the text by hand`);
        a.replaceWith(a.innerHTML);
      }
      continue;
    }
    const url = absolute(href, base);
    if (!url) {
      notes.push(`link "${href}" is not a valid address: kept as text`);
      a.replaceWith(a.innerHTML);
      continue;
    }
    a.setAttribute("href", resolver.rewrite(url, "link") ?? url.href);
  }

  for (const img of root.querySelectorAll("img")) {
    img.removeAttribute("srcset"); // The images plugin makes its own sizes from the one file.
    const src = img.getAttribute("src") ?? img.getAttribute("data-src") ?? "";
    const url = absolute(src, base);
    if (!url) {
      notes.push(`image without a usable address (${src || "no src"}) left out`);
      img.remove();
      continue;
    }
    img.setAttribute("src", resolver.rewrite(url, "image") ?? url.href);
  }
  for (const frame of root.querySelectorAll("iframe[src], video[src], source[src]")) {
    const url = absolute(frame.getAttribute("src")!, base);
    if (url) frame.setAttribute("src", url.href);
  }

  // Inline styles are refused by the site's CSP (and by its content checks): the kit's blocks carry the looks.
  for (const el of root.querySelectorAll("[style]")) el.removeAttribute("style");

  out.html = root.toString();
  return out;
}

function absolute(href: string, base: string): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** microformats2 (h-event: dt-start, dt-end, p-location) or schema.org microdata (startDate, location). */
function eventDetails(root: HTMLElement): EventDetails {
  const details: EventDetails = {};
  const when = (selector: string) => {
    const el = root.querySelector(selector);
    return el ? (el.getAttribute("datetime") ?? el.getAttribute("content") ?? textOf(el)) || undefined : undefined;
  };
  const start = when(".dt-start, [itemprop=startDate]");
  const end = when(".dt-end, [itemprop=endDate]");
  if (start) details.start = start;
  if (end) details.end = end;
  const place = root.querySelector(".p-location, [itemprop=location]");
  if (place) {
    const link = place.tagName === "A" ? place : place.querySelector("a[href], [itemprop=url]");
    const part = (selector: string) => {
      const el = place.querySelector(selector);
      return el ? textOf(el) || undefined : undefined;
    };
    const name = part(".p-name, [itemprop=name]");
    if (link && !name) {
      const href = link.getAttribute("href") ?? link.getAttribute("content");
      if (href) details.online = href;
    } else {
      const venue: EventDetails["venue"] = { name: name ?? textOf(place) };
      const address = part(".p-street-address, [itemprop=streetAddress]");
      const city = part(".p-locality, [itemprop=addressLocality]");
      if (address) venue.address = address;
      if (city) venue.city = city;
      details.venue = venue;
    }
  }
  return details;
}
