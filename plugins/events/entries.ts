/**
 * Events as layouts, lists, feeds and calendars see them: the page's front matter read
 * by the event schema (DateTimes in the event's zone), cached per page. No Eleventy import.
 */
import type { CollectionItem, EleventyData } from "../core/eleventy.ts";
import { collectYears, type YearCounts } from "../core/years.ts";
import { typedData } from "../validate/typed-data.ts";
import { eventFields, eventSchemaFor, type EventData } from "./schema.ts";

/**
 * The typed event behind a page's data. The validation plugin checked every event file
 * before the build, so this only fails for data that did not come from one. The schema
 * is strict, so it sees only the event's fields: page data carries many more (page, collections, site…).
 */
export const eventOf: (data: EleventyData, zone: string) => EventData = typedData(eventSchemaFor, {
  kind: "event",
  fields: Object.keys(eventFields()),
});

/** Soonest first; equal starts by URL so the order never flickers between builds. */
export function sortEvents<T extends CollectionItem>(items: readonly T[], zone: string): T[] {
  return [...items].sort((a, b) => eventOf(a.data, zone).start.toMillis() - eventOf(b.data, zone).start.toMillis() || a.url.localeCompare(b.url));
}

/**
 * "Annulé : title" for cancelled and postponed events (UI strings `events.statusTitle.*`),
 * the title otherwise: for page titles, feed entries and lists that show no badge.
 */
export function statusTitle(event: EventData, t: (key: string, options: { title: string }) => string): string {
  return event.status === "cancelled" || event.status === "postponed" ? t(`events.statusTitle.${event.status}`, { title: event.title }) : event.title;
}

interface Linkable {
  url: string;
  data: { bundle?: unknown; lang?: unknown };
}

/**
 * Where the recap link of an event leads in `lang`. `recap` is a bundle
 * (`blog/2025/assemblee-generale`), a site path of any language's version
 * (`/blog/2025/assemblee-generale/`) or a full URL (kept as is). Undefined when
 * no page of the site matches.
 */
export function recapUrl(recap: string, lang: string, pages: readonly Linkable[]): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(recap)) return recap;
  const path = recap.split("#")[0]!;
  const hash = recap.slice(path.length);
  const byPath = path.startsWith("/") ? pages.find((p) => p.url === path || p.url === `${path}/`) : undefined;
  const bundle = byPath ? byPath.data.bundle : path.replace(/^\/+|\/+$/g, "");
  const page = pages.find((p) => p.data.bundle === bundle && p.data.lang === lang) ?? byPath;
  return page ? `${page.url}${hash}` : undefined;
}

/** Calendar of one event, next to its page in each language: `/events/2025/x/event.ics`. */
export function eventIcsUrl(pageUrl: string): string {
  return `${pageUrl.endsWith("/") ? pageUrl : `${pageUrl}/`}event.ics`;
}

/** The year of an event's folder (`events/2025/…` → 2025), which its address shows; undefined outside a year folder. */
export function folderYear(bundle: unknown): number | undefined {
  const year = /^events\/(\d{4})\//.exec(String(bundle))?.[1];
  return year === undefined ? undefined : Number(year);
}

/** A year of the event folders and its number of event pages in each language. */
export type EventYear = YearCounts;

/** The years of the event folders, newest first, with the number of event pages in each language. */
export function eventYears(items: readonly CollectionItem[]): EventYear[] {
  return collectYears(
    items.flatMap(({ data }) => {
      const year = folderYear(data.bundle);
      return year === undefined ? [] : [{ lang: String(data.lang), year }];
    }),
  );
}

/** URL path (inside a language) of the agenda page and of its calendar for subscription. */
export const AGENDA_PATH = "events/";
export const AGENDA_ICS_PATH = "events/agenda.ics";
