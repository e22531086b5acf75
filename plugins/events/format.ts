/**
 * Dates, zones and prices of an event in the reader's language, for pages and lists.
 * Pure: luxon and Intl only; the words around them come from the UI strings.
 */
import type { DateTime } from "luxon";
import type { EventData } from "./schema.ts";
import { capitalized, DAY, DAY_TIME, rangeText } from "../i18n/dates.ts";

const DATE = { day: "numeric", month: "long", year: "numeric" } as const;
const TIME = { hour: "2-digit", minute: "2-digit" } as const;

/** What a reader needs to know about when an event happens. */
export interface EventWhen {
  /** "samedi 18 janvier 2025, 14:00 – 18:00", in the event's own zone. */
  text: string;
  /** Set when the event's zone is not the site's: its name and offset at the start. */
  zone?: { name: string; offset: string };
  /** The same times on the site's clock, when the zone differs ("lundi 22 juin 2026, 00:30 – 02:00"). */
  inSiteZone?: string;
}

/** `UTC−4`, `UTC+5:30`, `UTC` (with a real minus sign, read as "minus"). */
export function offsetText(dt: DateTime): string {
  if (dt.offset === 0) return "UTC";
  return `UTC${dt.toFormat("Z").replace("-", "\u2212")}`;
}

/** The city of an IANA zone name, for "Paris time": `America/Port_of_Spain` → "Port of Spain". */
export function zoneCity(zone: string): string {
  return (zone.split("/").at(-1) ?? zone).replace(/_/g, " ");
}

/** When `event` happens, worded for `locale`; `siteZone` decides whether the zone is shown. */
export function eventWhen(event: EventData, locale: string, siteZone: string): EventWhen {
  if (event.allDay) {
    const last = event.end && !event.end.hasSame(event.start, "day") ? event.end : undefined;
    return { text: rangeText(event.start, last, DAY, locale) };
  }
  const text = rangeText(event.start, event.end, DAY_TIME, locale);
  if (event.zone === siteZone) return { text };
  const zone = { name: event.start.setLocale(locale).offsetNameLong ?? event.zone, offset: offsetText(event.start) };
  // Brussels or Madrid keep Paris's clock: repeating the same hours would only confuse.
  const sameClock = [event.start, event.end].every((dt) => !dt || dt.offset === dt.setZone(siteZone).offset);
  if (sameClock) return { text, zone };
  const inSite = (dt: DateTime | undefined) => dt?.setZone(siteZone);
  return { text, zone, inSiteZone: rangeText(inSite(event.start)!, inSite(event.end), DAY_TIME, locale) };
}

/** "5 €", "€5", "12,50 €"; undefined for a free event (the page says "free" in its words). */
export function priceText(price: number, locale: string): string | undefined {
  if (price === 0) return undefined;
  const whole = Number.isInteger(price);
  return new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", minimumFractionDigits: whole ? 0 : 2 }).format(price);
}

/** UI strings of the page's language (i18next's `t`). */
type Words = (key: string, options?: Record<string, unknown>) => string;

/** A series worded for a reader: the rule, the span of its dates, the dates it skips. */
export interface SeriesText {
  /** "le premier samedi de chaque mois", "every other Tuesday". */
  rule: string;
  /** The rule and the hours, opening a line: "Le premier samedi de chaque mois, 10 h – 12 h". */
  headline: string;
  /** The first date to the last, then the days skipped and added: "2 janvier – 5 juin 2027, sauf le 1er mai 2027, et aussi le 8 mai 2027". */
  dates: string;
}

const RULE_KEYS = { week: ["everyWeek", "everyOtherWeek", "everyNWeeks"], month: ["everyMonth", "everyOtherMonth", "everyNMonths"] } as const;

/** How a series repeats, in `locale` with the words of `t` (`events.repeat.*`); undefined for an event that does not. */
export function seriesText(event: EventData, locale: string, t: Words): SeriesText | undefined {
  const series = event.repeat;
  if (!series?.dates.length) return undefined;
  const { every, week, dates } = series;
  const key = RULE_KEYS[every.unit][Math.min(every.n, 3) - 1]!;
  const rule = t(`events.repeat.${key}`, {
    // The start is always a date of the rule (an added day may fall on another weekday).
    weekday: event.start.setLocale(locale).toLocaleString({ weekday: "long" }),
    n: every.n,
    ...(week !== undefined ? { nth: t(`events.repeat.nth.${week}`) } : {}),
  });
  const listed = (days: readonly DateTime[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(days.map((d) => t("events.repeat.day", { date: rangeText(d, undefined, DATE, locale) })));
  const hours = event.allDay ? undefined : rangeText(event.start, event.end, TIME, locale);
  return {
    rule,
    headline: capitalized(hours ? `${rule}, ${hours}` : rule, locale),
    dates: [
      rangeText(dates[0]!.start.startOf("day"), dates.at(-1)!.start.startOf("day"), DATE, locale),
      series.except.length && t("events.repeat.except", { dates: listed(series.except) }),
      series.also.length && t("events.repeat.also", { dates: listed(series.also) }),
    ]
      .filter(Boolean)
      .join(", "),
  };
}
