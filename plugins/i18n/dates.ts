/**
 * Dates shown in a language: the long forms a reader sees ("1er mars 2025",
 * "20 October 2024 at 18:30"). Reading a date written in content is
 * plugins/core/dates.ts. Pure helpers around luxon and Intl.
 */
import { DateTime, Interval } from "luxon";
import { keyedBy } from "../core/memo.ts";

const FRENCH_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
const FRENCH_FIRST = new RegExp(`(^|[^\\d])1 (${FRENCH_MONTHS})`, "g");

/** French writes the first day of a month as an ordinal, "1er mars", which Intl does not. */
export function withFrenchOrdinals(text: string, locale: string): string {
  return locale.startsWith("fr") ? text.replace(FRENCH_FIRST, "$11er $2") : text;
}

/** A phrase that opens a line or a heading, its first letter in capitals in `locale`: "juillet 2025" → "Juillet 2025". */
export function capitalized(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/**
 * One text per day and locale: a list page shows a date per post, and the
 * lists of a 4,000-post site, rendered again after a save, spent 130 ms
 * formatting them through Intl (a profile of a saved first paragraph).
 */
const fullDates = keyedBy(
  ({ dt, locale }: { dt: DateTime; locale: string }) => `${locale} ${dt.year}-${dt.month}-${dt.day}`,
  ({ dt, locale }) => withFrenchOrdinals(dt.setLocale(locale).toLocaleString(DateTime.DATE_FULL), locale),
  10_000,
);

/**
 * Each date object's texts by locale: a post's date is one DateTime, shown on
 * its page and on every list card of it; making the key of {@link fullDates}
 * took 18 ms of a 4,000-post build's profile.
 */
const textsOf = new WeakMap<DateTime, Map<string, string>>();

/** "20 octobre 2024" / "20 October 2024"; "1er mars 2025" (year, month and day in the date's own zone). */
export function formatDate(dt: DateTime, locale: string): string {
  let texts = textsOf.get(dt);
  if (!texts) textsOf.set(dt, (texts = new Map()));
  let text = texts.get(locale);
  if (text === undefined) texts.set(locale, (text = fullDates({ dt, locale })));
  return text;
}

/** "20 octobre 2024 à 18:30" / "20 October 2024 at 18:30". */
export function formatDateTime(dt: DateTime, locale: string): string {
  return withFrenchOrdinals(dt.setLocale(locale).toLocaleString({ ...DateTime.DATE_FULL, hour: "2-digit", minute: "2-digit" }), locale);
}

/** A day in full ("samedi 18 janvier 2025"), and with its time. */
export const DAY = { weekday: "long", day: "numeric", month: "long", year: "numeric" } as const;
export const DAY_TIME = { ...DAY, hour: "2-digit", minute: "2-digit" } as const;

/**
 * French typography writes hours "13 h" and "18 h 30" (Lexique des règles typographiques
 * de l'Imprimerie nationale), where Intl writes "13:00": the hour and minute parts Intl
 * returns are rewritten, the rest (day names, "à", dashes) kept as Intl words it.
 */
function frenchClock(parts: readonly Intl.DateTimeFormatPart[]): string {
  let text = "";
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const minute = parts[i + 2];
    if (part.type === "hour" && minute?.type === "minute") {
      text += `${Number(part.value)}\u00a0h${minute.value === "00" ? "" : `\u00a0${minute.value}`}`;
      i += 2;
    } else {
      text += part.value;
    }
  }
  return text;
}

/** An Intl format per locale, zone and format: making one costs more than the dates it formats (every event on every list). */
const intlFormat = keyedBy(
  ({ locale, format, zone }: { locale: string; format: Intl.DateTimeFormatOptions; zone: string }) => `${locale}\u0000${zone}\u0000${JSON.stringify(format)}`,
  ({ locale, format, zone }) => new Intl.DateTimeFormat(locale, { ...format, timeZone: zone }),
  1000,
);

/**
 * From `start` to `end` in `format` and `locale`, as Intl words a range ("samedi 18 janvier
 * 2025, 14 h – 18 h"), or `start` alone when there is no end; French hours as French
 * typography writes them.
 */
export function rangeText(start: DateTime, end: DateTime | undefined, format: Intl.DateTimeFormatOptions, locale: string): string {
  return ranges({ start, end, format, locale });
}

/**
 * One text per instants, zones, format and locale: an event's dates are shown
 * on its page, the agenda, its year, the home page and the feeds, and Intl's
 * ranges cost about 1 ms each (62 ms of a 1,000-post build for 60 events).
 */
const ranges = keyedBy(
  ({ start, end, format, locale }: { start: DateTime; end: DateTime | undefined; format: Intl.DateTimeFormatOptions; locale: string }) =>
    `${locale}\u0000${JSON.stringify(format)}\u0000${start.toMillis()} ${start.zoneName}\u0000${end ? `${end.toMillis()} ${end.zoneName}` : ""}`,
  ({ start, end, format, locale }) => formatRange(start, end, format, locale),
  10_000,
);

function formatRange(start: DateTime, end: DateTime | undefined, format: Intl.DateTimeFormatOptions, locale: string): string {
  const from = start.setLocale(locale);
  const single = !end || end.equals(start);
  if (locale.startsWith("fr") && "hour" in format && start.zone.type === "iana") {
    const intl = intlFormat({ locale, format, zone: start.zoneName! });
    const parts = single ? intl.formatToParts(start.toJSDate()) : intl.formatRangeToParts(start.toJSDate(), end.toJSDate());
    return withFrenchOrdinals(frenchClock(parts), locale);
  }
  if (single) return withFrenchOrdinals(from.toLocaleString(format), locale);
  return withFrenchOrdinals(Interval.fromDateTimes(from, end.setLocale(locale)).toLocaleString(format), locale);
}

/** One date (a deadline, an event's previous start, a build's time) in `locale`, in full, with the time when it matters. */
export function dateText(dt: DateTime, locale: string, withTime: boolean): string {
  return rangeText(dt, undefined, withTime ? DAY_TIME : DAY, locale);
}
