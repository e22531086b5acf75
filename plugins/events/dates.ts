/**
 * Wall-clock dates of the front matter: `2025-03-12` or `2025-03-12T18:30`, read in
 * an IANA zone with luxon (never as UTC). Pure helpers shared by the event schema,
 * the agenda and the calendar outputs.
 */
import { DateTime, IANAZone } from "luxon";

// A space is accepted in place of the `T` (writers copy dates from other tools);
// an offset or `Z` is not: the zone comes from the site or the event's `timezone`.
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A date as the writer wrote it, before a zone gives it an instant. */
export interface WallClock {
  readonly kind: "wall-clock";
  readonly text: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** false for a date alone (`2025-03-12`): an all-day date. */
  readonly hasTime: boolean;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The wall clock written in `text`, or undefined when it is not one (or not a real day). */
export function parseWallClock(text: string): WallClock | undefined {
  const m = WALL_CLOCK.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((n) => (n === undefined ? undefined : Number(n)));
  const wall: WallClock = {
    kind: "wall-clock",
    text: text.trim(),
    year: year!,
    month: month!,
    day: day!,
    hasTime: hour !== undefined,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second: second ?? 0,
  };
  // 2025-02-30 or 25:00 match the pattern but name no moment.
  return DateTime.fromObject(fields(wall), { zone: "UTC" }).isValid ? wall : undefined;
}

export function isWallClock(value: unknown): value is WallClock {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "wall-clock";
}

function fields(w: WallClock) {
  return { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: w.second };
}

/**
 * The instant that `wall` means in `zone`. `skipped` is true when that local time does
 * not exist there (the hour lost when clocks go forward): luxon then moves it forward.
 */
export function inZone(wall: WallClock, zone: string): { dateTime: DateTime; skipped: boolean } {
  const dateTime = DateTime.fromObject(fields(wall), { zone });
  const skipped = dateTime.hour !== wall.hour || dateTime.minute !== wall.minute || dateTime.day !== wall.day;
  return { dateTime, skipped };
}

/**
 * Whether `zone` is an IANA zone name luxon (Intl) knows, spelled with its usual case.
 * Returns the expected spelling when only the case differs (`europe/paris`).
 */
export function checkZone(zone: string): { ok: true } | { ok: false; suggestion?: string } {
  if (!IANAZone.isValidZone(zone)) return { ok: false };
  const resolved = new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  if (resolved !== zone && resolved.toLowerCase() === zone.toLowerCase()) return { ok: false, suggestion: resolved };
  return { ok: true };
}
