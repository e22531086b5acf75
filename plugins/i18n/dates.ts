/**
 * Dates shown in a language: the long forms a reader sees ("1er mars 2025",
 * "20 October 2024 at 18:30"). Reading a date written in content is
 * plugins/core/dates.ts. Pure helpers around luxon and Intl.
 */
import { DateTime } from "luxon";

const FRENCH_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
const FRENCH_FIRST = new RegExp(`(^|[^\\d])1 (${FRENCH_MONTHS})`, "g");

/** French writes the first day of a month as an ordinal, "1er mars", which Intl does not. */
export function withFrenchOrdinals(text: string, locale: string): string {
  return locale.startsWith("fr") ? text.replace(FRENCH_FIRST, "$11er $2") : text;
}

/** "20 octobre 2024" / "20 October 2024"; "1er mars 2025". */
export function formatDate(dt: DateTime, locale: string): string {
  return withFrenchOrdinals(dt.setLocale(locale).toLocaleString(DateTime.DATE_FULL), locale);
}

/** "20 octobre 2024 à 18:30" / "20 October 2024 at 18:30". */
export function formatDateTime(dt: DateTime, locale: string): string {
  return withFrenchOrdinals(dt.setLocale(locale).toLocaleString({ ...DateTime.DATE_FULL, hour: "2-digit", minute: "2-digit" }), locale);
}
