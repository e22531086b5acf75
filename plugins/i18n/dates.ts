/**
 * Dates in content are wall-clock times in the site's zone ("2025-03-12" or
 * "2025-03-12T18:30"), never UTC midnight. Pure helpers around luxon.
 */
import { DateTime } from "luxon";

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

export interface WallClock {
  /** The instant, in the zone it was written for. */
  dateTime: DateTime;
  /** False for a date without a time of day ("2025-03-12"). */
  hasTime: boolean;
}

/**
 * Reads a front-matter date in a zone. Returns a reason instead of throwing so
 * schemas can report it against the field.
 */
export function parseWallClock(value: unknown, zone: string): WallClock | { error: string } {
  if (value instanceof Date) {
    // A YAML 1.1 parser turned the text into a UTC Date: read it back as wall-clock.
    value = value.toISOString().slice(0, 16).replace("T00:00", "");
  }
  if (typeof value !== "string") return { error: `expected a date like 2025-03-12 or 2025-03-12T18:30, found ${describe(value)}` };
  const match = WALL_CLOCK.exec(value.trim());
  if (!match) return { error: `expected a date like 2025-03-12 or 2025-03-12T18:30, found "${value}"` };
  const [, y, mo, d, h, mi, s] = match;
  const dateTime = DateTime.fromObject(
    { year: +y!, month: +mo!, day: +d!, hour: h ? +h : 0, minute: mi ? +mi : 0, second: s ? +s : 0 },
    { zone },
  );
  if (!dateTime.isValid) {
    return { error: `"${value}" is not a valid date in ${zone} (${dateTime.invalidExplanation ?? dateTime.invalidReason})` };
  }
  // Luxon silently moves a time that does not exist (spring-forward gap); say so instead.
  if (h && (dateTime.hour !== +h || dateTime.minute !== +mi!)) {
    return { error: `"${value}" does not exist in ${zone} (clocks skip that hour)` };
  }
  return { dateTime, hasTime: Boolean(h) };
}

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

/** Machine-readable value for `<time datetime>`: with the offset of that date. */
export function isoDateTime(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) ?? "";
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  return `${typeof value} ${JSON.stringify(value)}`;
}
