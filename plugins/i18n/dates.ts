/**
 * Dates shown in a language: the long forms a reader sees ("1er mars 2025",
 * "20 October 2024 at 18:30"). Reading a date written in content is
 * plugins/core/dates.ts. Pure helpers around luxon and Intl.
 */
import { DateTime } from "luxon";
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

/** "20 octobre 2024" / "20 October 2024"; "1er mars 2025" (year, month and day in the date's own zone). */
export function formatDate(dt: DateTime, locale: string): string {
  return fullDates({ dt, locale });
}

/** "20 octobre 2024 à 18:30" / "20 October 2024 at 18:30". */
export function formatDateTime(dt: DateTime, locale: string): string {
  return withFrenchOrdinals(dt.setLocale(locale).toLocaleString({ ...DateTime.DATE_FULL, hour: "2-digit", minute: "2-digit" }), locale);
}
