/**
 * One imported page: front matter valid for the kit's post or event schema,
 * then the entry's text as Markdown. Pure apart from the resolver it is given.
 */
import { DateTime } from "luxon";
import { parse } from "node-html-parser";
import YAML from "yaml";
import { parsePeerTubeUrl } from "../../plugins/markdown/peertube.ts";
import { htmlToMarkdown, withExcerptMarker } from "./markdown.ts";
import { prepareHtml, type Prepared, type UrlResolver } from "./prepare.ts";
import { titleStatus, type Bundle, type Page } from "./plan.ts";
import { readFeedDate } from "./feed.ts";

/** Author names feeds put where they have none. */
const NO_AUTHOR = /^(?:unknown|inconnu|inconnue|anonymous|anonyme|admin|administrator|administrateur|root|nobody)?$/i;

/** Alt text written where the old site had none, in the page's language. */
const MISSING_ALT: Record<string, string> = { fr: "Image à décrire", en: "Image to describe" };

export interface PageContext {
  zone: string;
  defaultLanguage: string;
  resolver: UrlResolver;
}

export interface RenderedPage {
  text: string;
  /** What was not converted faithfully. */
  notes: string[];
  /** For the report: event fields a human must complete, status found. */
  event?: { status: string; missing: string[] };
}

const nfc = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim();

/** A date as written in front matter: the instant in the site's zone, with its offset (`2024-01-16T09:30:00+01:00`). */
export function frontMatterDate(date: DateTime, zone: string): string {
  return date.setZone(zone).toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

/** Plain text of a summary written as HTML. */
export function plainText(html: string): string {
  return nfc(parse(html).textContent);
}

/** Runs the first pass of prepareHtml without rewriting anything: what the entry says besides its text. */
export function inspect(html: string, link: string): Prepared {
  return prepareHtml(html, link || "https://old.invalid/", { rewrite: () => undefined, source: () => undefined }, []);
}

export function renderPage(bundle: Bundle, page: Page, ctx: PageContext): RenderedPage {
  const { entry } = page.item;
  const notes: string[] = [];
  const prepared = prepareHtml(entry.content, entry.link || "https://old.invalid/", ctx.resolver, notes);
  // The kit refuses images without alt text; a visible placeholder keeps the build going and is listed to fix.
  const html = parse(prepared.html);
  for (const img of html.querySelectorAll("img")) {
    if ((img.getAttribute("alt") ?? "").trim()) continue;
    img.setAttribute("alt", MISSING_ALT[page.lang] ?? MISSING_ALT.en!);
    notes.push(`image ${img.getAttribute("src")} had no alt text: replace "${img.getAttribute("alt")}" with what it shows`);
  }
  let body = htmlToMarkdown(html.toString(), {
    headingShift: prepared.headingShift,
    notes,
    isExternal: (href) => /^https?:/i.test(href) && !href.startsWith(new URL(entry.link || "https://old.invalid/").origin),
    peertube: (src) => {
      const video = /\/videos\/embed\/|\/video-playlists\/embed\//.test(src) ? parsePeerTubeUrl(src.replace(/\?.*$/, "")) : undefined;
      return video ? video.watchUrl.replace(/\/videos\/embed\//, "/w/").replace(/\/video-playlists\/embed\//, "/w/p/") : undefined;
    },
  });
  if (entry.summary) body = withExcerptMarker(body);

  const authors = [...new Set(entry.authors.map(nfc).filter((a) => !NO_AUTHOR.test(a)))];
  // The kit's convention: a translation repeats its original's tags (tags.yaml says how each reads per language).
  const original = bundle.pages.find((p) => p.lang === (bundle.original ?? ctx.defaultLanguage)) ?? bundle.pages[0]!;
  const tagsOf = (categories: string[]) => [...new Set(categories.map((c) => nfc(c).toLowerCase()).filter(Boolean))];
  const tags = tagsOf(original.item.entry.categories);
  const own = tagsOf(entry.categories);
  if (original !== page && own.join() !== tags.join()) {
    notes.push(`categories ${own.length ? own.join(", ") : "(none)"} replaced by the original's tags (${tags.join(", ") || "none"}); say how a tag reads in ${page.lang} in content/blog/tags.yaml`);
  }
  const summary = entry.summary ? plainText(entry.summary) : undefined;
  const common = {
    translators: prepared.translators.length ? prepared.translators.map(nfc) : undefined,
    revisers: prepared.revisers.length ? prepared.revisers.map(nfc) : undefined,
    credits: prepared.credits.length ? prepared.credits.map((c) => ({ ...(c.work ? { work: nfc(c.work) } : {}), author: nfc(c.author) })) : undefined,
    original: bundle.original && page.lang === bundle.original ? bundle.original : undefined,
    aliases: page.aliases.length ? page.aliases : undefined,
  };

  let front: Record<string, unknown>;
  let event: RenderedPage["event"];
  if (bundle.section === "events") {
    const { title, status } = titleStatus(nfc(entry.title));
    const missing: string[] = [];
    const at = (iso: string | undefined) => {
      const date = iso ? readFeedDate(iso) : undefined;
      // Events are written as wall clocks in the site's zone, as their writers write them: the same instant.
      return date ? date.setZone(ctx.zone).toFormat("yyyy-MM-dd'T'HH:mm") : undefined;
    };
    let start = at(prepared.event.start);
    if (!start) {
      missing.push("start (no dt-start or startDate in the text)");
      start = entry.published ? entry.published.setZone(ctx.zone).toISODate()! : DateTime.now().setZone(ctx.zone).toISODate()!;
    }
    const { venue, online } = prepared.event;
    if (!venue && !online) missing.push("place (no p-location or location in the text)");
    front = {
      title,
      start,
      end: at(prepared.event.end),
      summary,
      venue: venue ?? (online ? undefined : { name: page.lang === "fr" ? "Lieu à préciser" : "Place to be announced" }),
      online,
      status: status === "scheduled" ? undefined : status,
      tags: tags.length ? tags : undefined,
      ...common,
      // Without a date or a place the event would mislead visitors: it waits for a human.
      draft: missing.length ? true : undefined,
    };
    event = { status, missing };
  } else {
    front = {
      title: nfc(entry.title),
      date: entry.published ? frontMatterDate(entry.published, ctx.zone) : undefined,
      updated: entry.updated && entry.published && entry.updated > entry.published ? frontMatterDate(entry.updated, ctx.zone) : undefined,
      summary,
      authors: authors.length ? authors : undefined,
      tags,
      ...common,
    };
    if (!entry.published) notes.push("the feed gives no date: write one in the date field");
  }
  const clean = Object.fromEntries(Object.entries(front).filter(([, v]) => v !== undefined));
  const yaml = YAML.stringify(clean, { lineWidth: 0 }).replace(/^(tags|authors|translators|revisers|aliases): \[\]$/m, "$1: []");
  return { text: `---\n${yaml}---\n\n${body}\n`, notes, ...(event ? { event } : {}) };
}
