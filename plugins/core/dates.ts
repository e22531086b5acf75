/**
 * Dates in content are wall-clock times in a zone ("2025-03-12" or
 * "2025-03-12T18:30"), never UTC midnight. Reading one takes two steps: the text
 * as the writer wrote it (`readWallClock`), then the instant it means in a zone
 * (`inZone`), which is where the hour skipped by the spring change shows up.
 * A date written with an offset or `Z` (`2024-08-31T10:45:00+02:00`, as other
 * engines and feeds write them) is already an instant: the zone only decides how
 * it is shown. Pure helpers around luxon, shared by every content type and the
 * events plugin; showing a date in a language is plugins/i18n/dates.ts.
 */
import { DateTime, FixedOffsetZone, IANAZone } from "luxon";
import { describeValue } from "./describe-value.ts";
import { perKey } from "./memo.ts";

// A space is accepted in place of the `T` (writers copy dates from other tools),
// and so are fractions of a second and an offset (`+02:00`, `+0200`, `Z`) after a time.
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const EXPECTED = "expected a date like 2025-03-12, 2025-03-12T18:30 or 2025-03-12T18:30:00+01:00";

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
  /** Minutes east of UTC when the text carries an offset (`+02:00` → 120, `Z` → 0). */
  readonly offset?: number;
}

/** A wall clock placed in a zone. */
export interface ZonedDate {
  /** The instant, in the zone it was written for. */
  dateTime: DateTime;
  /** False for a date without a time of day ("2025-03-12"). */
  hasTime: boolean;
}

/**
 * The problem with a value that is not a wall clock, for every field that wants
 * one: `expected` (what the field takes), what was found, and for a date typed
 * the French way what to write instead ({@link wallClockHint}).
 */
export function notAWallClock(expected: string, value: unknown, day?: string): string {
  const hint = typeof value === "string" ? wallClockHint(value, day) : undefined;
  return `${expected}, found ${describeValue(value)}${hint ? `: ${hint}` : ""}`;
}

/**
 * What to write instead of a date typed the French way: "2026-12-05 10h00" →
 * `write 2026-12-05T10:00`; "05/12/2026" → `write 2026-12-05`; a time alone
 * ("18:30", "18h") → the day must come with it, `day` (2025-03-12) when the
 * field's context knows it (an event's end: its start's day). Undefined otherwise.
 */
export function wallClockHint(text: string, day?: string): string | undefined {
  const value = text.trim();
  // Written the right way, with a number no calendar has (2025-13-20, 2025-02-30, 25:00).
  if (WALL_CLOCK.test(value)) return outOfRange(value);
  const time = (h: string, m: string | undefined) => `T${h.padStart(2, "0")}:${(m ?? "00").padStart(2, "0")}`;
  // The rewritten date may still name no day ("31/04/2026"): then say why, not "write 2026-04-31".
  const write = (date: string, note = "") => outOfRange(date) ?? `write ${date}${note}`;
  const iso = /^(\d{4}-\d{2}-\d{2})[ T]+(\d{1,2})\s*[h:]\s*(\d{2})?$/i.exec(value);
  if (iso) return write(`${iso[1]}${time(iso[2]!, iso[3])}`);
  const french = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ à]+(\d{1,2})\s*[h:]\s*(\d{2})?)?$/i.exec(value);
  if (french) {
    const day = `${french[3]}-${french[2]!.padStart(2, "0")}-${french[1]!.padStart(2, "0")}`;
    return write(`${day}${french[4] ? time(french[4], french[5]) : ""}`, " (year, month, day)");
  }
  const alone = /^(\d{1,2})\s*[h:]\s*(\d{2})?$/i.exec(value);
  if (alone) return day ? `a time needs its day: ${write(`${day}${time(alone[1]!, alone[2])}`)}` : "a time needs its day: write it as 2025-03-12T18:30";
  return undefined;
}

/**
 * Why a date written in the expected shape names no moment: "there is no month 13
 * (…)", "April 2026 has 30 days", "an hour goes from 00 to 23 (…)". Undefined when
 * it is a real date or not in that shape.
 */
function outOfRange(text: string): string | undefined {
  const m = WALL_CLOCK.exec(text);
  if (!m || readWallClock(text)) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((n) => (n === undefined ? undefined : Number(n))) as number[];
  if (month! < 1 || month! > 12) return `there is no month ${m[2]} (a date is written year-month-day)`;
  const first = DateTime.fromObject({ year: year!, month: month! }, { zone: "UTC", locale: "en" });
  const days = first.daysInMonth ?? 31;
  if (day! < 1 || day! > days) return `${first.toFormat("LLLL yyyy")} has ${days} days`;
  if (hour > 23) return `an hour goes from 00 to 23 (midnight is 00:00 of the next day)`;
  if (minute > 59 || second > 59) return "minutes and seconds go from 00 to 59";
  return "an offset is at most ±18:00";
}

/** The wall clock written in `text`, or undefined when it is not one (or not a real day). */
export function readWallClock(text: string): WallClock | undefined {
  const m = WALL_CLOCK.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((n) => (n === undefined ? undefined : Number(n)));
  const offset = m[7] === undefined ? undefined : offsetMinutes(m[7]);
  if (offset !== undefined && Math.abs(offset) > 18 * 60) return undefined;
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
    ...(offset === undefined ? {} : { offset }),
  };
  // 2025-02-30 or 25:00 match the pattern but name no moment.
  return DateTime.fromObject(fields(wall), { zone: "UTC" }).isValid ? wall : undefined;
}

export function isWallClock(value: unknown): value is WallClock {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "wall-clock";
}

/** `Z` → 0, `+02:00` / `+0200` / `+02` → 120, `-05:30` → -330. */
function offsetMinutes(text: string): number {
  if (text.toUpperCase() === "Z") return 0;
  const digits = text.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return text.startsWith("-") ? -minutes : minutes;
}

function fields(w: WallClock) {
  return { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: w.second };
}

/**
 * The instant that `wall` means in `zone`. `skipped` is true when that local time does
 * not exist there (the hour lost when clocks go forward): luxon then moves it forward.
 */
export function inZone(wall: WallClock, zone: string): { dateTime: DateTime; skipped: boolean } {
  if (wall.offset !== undefined) {
    // Already an instant: the zone only says how to show it (08:45Z is 10:45 in Paris in summer).
    return { dateTime: DateTime.fromObject(fields(wall), { zone: FixedOffsetZone.instance(wall.offset) }).setZone(zone), skipped: false };
  }
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

/**
 * Reads a front-matter date in a zone, in one step. Returns a reason instead of
 * throwing so schemas can report it against the field.
 */
export function parseWallClock(value: unknown, zone: string): Readonly<ZonedDate | { error: string }> {
  // Every date is read by validation, the collections and several layouts: each text once per zone.
  return typeof value === "string" ? readText(`${zone}\u0000${value}`) : readInZone(value, zone);
}

/** Dates already read, by zone and text (luxon's DateTime is immutable; only the answer object is frozen, luxon keeps caches inside it). */
const readText = perKey((key) => {
  const at = key.indexOf("\u0000");
  return Object.freeze(readInZone(key.slice(at + 1), key.slice(0, at)));
}, 100_000);

function readInZone(value: unknown, zone: string): ZonedDate | { error: string } {
  if (value instanceof Date) {
    // A YAML 1.1 parser turned the text into a UTC Date: read it back as wall-clock.
    value = value.toISOString().slice(0, 16).replace("T00:00", "");
  }
  const wall = typeof value === "string" ? readWallClock(value) : undefined;
  if (!wall) return { error: notAWallClock(EXPECTED, value) };
  const { dateTime, skipped } = inZone(wall, zone);
  if (!dateTime.isValid) {
    return { error: `"${value}" is not a valid date in ${zone} (${dateTime.invalidExplanation ?? dateTime.invalidReason})` };
  }
  // Luxon silently moves a time that does not exist (spring-forward gap); say so instead.
  if (wall.hasTime && skipped) return { error: `"${value}" does not exist in ${zone} (clocks skip that hour)` };
  return { dateTime, hasTime: wall.hasTime };
}

/** Machine-readable value for `<time datetime>`: with the offset of that date. */
export function isoDateTime(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) ?? "";
}
