/**
 * Events that repeat: the monthly "permanence", the weekly workshop. One page, one
 * calendar entry (an RRULE every client expands), and the dates computed here from
 * the same rule, so the page, the agenda and the calendar files agree:
 *
 * ```yaml
 * start: 2027-01-02T10:00     # the first date
 * end: 2027-01-02T12:00
 * repeat:
 *   every: month              # week, 2 weeks, month, 3 months…
 *   until: 2027-06-30         # the last day the series may reach
 *   except: [2027-05-01]      # dates it skips
 *   also: [2027-05-08]        # dates the rule does not give (one moved a week)
 * ```
 *
 * `every: month` keeps the start's place in its month ("the first Saturday");
 * `week: last` says "the last Saturday". A series has an end (`until`): its dates
 * are listed on its page, and calendars never keep announcing a series the
 * association stopped. Pure: luxon only, every date computed in the event's zone
 * as a wall clock, so 10:00 stays 10:00 across the clock changes.
 */
import { DateTime } from "luxon";
import type { WallClock } from "../core/dates.ts";

export type Unit = "week" | "month";

/** `every:` read: `week` → 1 week, `3 months` → 3 months. */
export interface Every {
  unit: Unit;
  n: number;
  /** As written, for messages. */
  text: string;
}

/** Which week of its month a monthly series keeps. */
export type WeekOfMonth = 1 | 2 | 3 | 4 | "last";
export const WEEKS_OF_MONTH = [1, 2, 3, 4, "last"] as const;

/** One date of a series: its start, and its end when the event has one. */
export interface Occurrence {
  start: DateTime;
  end?: DateTime;
}

/** A series as layouts, the agenda and the calendars receive it. */
export interface Series {
  every: Every;
  /** Monthly series: the week of the month (from the start when not written). */
  week?: WeekOfMonth;
  /** The last day the series may reach (00:00 of that day, in the event's zone). */
  until: DateTime;
  /** The dates left out, at the time the series starts. */
  except: DateTime[];
  /** The dates added to the rule's, at the time the series starts. */
  also: DateTime[];
  /** Every date that happens, first to last (the excepted ones left out). */
  dates: Occurrence[];
}

/** How far a series may reach: five years of dates is a page nobody reads, and a typo (`2207`) would list thousands. */
export const MAX_YEARS = 5;
const MAX_N: Record<Unit, number> = { week: 52, month: 12 };

export const EVERY_EXPECTED = "week, month, or a number of them (2 weeks, 3 months)";

/** `week`, `2 weeks`, `month`, `3 months` (singular or plural); undefined otherwise. */
export function readEvery(text: string): Every | undefined {
  const m = /^(?:(\d+)\s+)?(week|month)s?$/i.exec(text.trim());
  if (!m) return undefined;
  const n = m[1] === undefined ? 1 : Number(m[1]);
  const unit = m[2]!.toLowerCase() as Unit;
  if (n < 1 || n > MAX_N[unit]) return undefined;
  return { unit, n, text: text.trim() };
}

/** Whether `every:` was read (a field that failed holds something else). */
export function isEvery(value: unknown): value is Every {
  return typeof value === "object" && value !== null && typeof (value as Every).unit === "string" && typeof (value as Every).n === "number";
}

const FRENCH_UNITS: Record<string, Unit> = { semaine: "week", semaines: "week", mois: "month" };

/** What to write for `every: mois`, `tous les 15 jours`, `hebdomadaire`… (the field's words are English). */
export function everyHint(text: string): string | undefined {
  const value = text.trim().toLowerCase();
  const m = /^(?:(?:tou(?:s|tes) les|chaque)\s+)?(\d+\s+)?(semaines?|mois)$/.exec(value);
  if (m) return `write ${m[1] ? `${m[1].trim()} ${FRENCH_UNITS[m[2]!]}s` : FRENCH_UNITS[m[2]!]} (the words of front matter are English)`;
  if (/^(hebdo(madaire)?|weekly)$/.test(value)) return "write week";
  if (/^(mensuel(le)?|monthly)$/.test(value)) return "write month";
  if (/^(quinzaine|tous les (15|quinze) jours|bi-?weekly|fortnightly)$/.test(value)) return "write 2 weeks";
  return undefined;
}

/** 1 to 5: which of its month's same weekdays `day` is. */
export function weekOfMonth(day: DateTime): number {
  return Math.ceil(day.day / 7);
}

/** Whether no later same weekday is left in `day`'s month. */
export function isLastOfMonth(day: DateTime): boolean {
  return day.plus({ days: 7 }).month !== day.month;
}

/** A monthly series' week: the one written, or the start's (its fifth weekday is "the last"). */
export function weekOf(start: DateTime, written: WeekOfMonth | undefined): WeekOfMonth {
  if (written !== undefined) return written;
  const n = weekOfMonth(start);
  return n === 5 ? "last" : (n as 1 | 2 | 3 | 4);
}

/** Whether `day` is the `week`-th (or last) of its month's days of its weekday. */
export function inWeek(day: DateTime, week: WeekOfMonth): boolean {
  return week === "last" ? isLastOfMonth(day) : weekOfMonth(day) === week;
}

/** The `week`-th (or last) `weekday` (1 Monday … 7 Sunday) of the month that `month` is in, at 00:00. */
function dayInMonth(month: DateTime, weekday: number, week: WeekOfMonth): DateTime {
  const first = month.startOf("month");
  const firstSame = first.plus({ days: (weekday - first.weekday + 7) % 7 });
  if (week !== "last") return firstSame.plus({ weeks: week - 1 });
  const lastSame = firstSame.plus({ weeks: 4 });
  return lastSame.month === first.month ? lastSame : firstSame.plus({ weeks: 3 });
}

/** Days the rule gives from `first` (its day) to `until` (inclusive), excepted or not, at 00:00 in the event's zone. */
export function ruleDays(first: DateTime, every: Every, week: WeekOfMonth | undefined, until: DateTime): DateTime[] {
  const start = first.startOf("day");
  const last = until.startOf("day");
  const inMonth = weekOf(start, week);
  const days: DateTime[] = [];
  for (let k = 0; ; k++) {
    const day = every.unit === "week" ? start.plus({ weeks: every.n * k }) : dayInMonth(start.plus({ months: every.n * k }), start.weekday, inMonth);
    if (day > last) return days;
    if (day >= start) days.push(day);
  }
}

/** `day` at the wall-clock time of `time` (10:00 stays 10:00 in summer and in winter). */
function atTimeOf(day: DateTime, time: DateTime): DateTime {
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute, second: time.second }, { zone: day.zone });
}

/** Whole days from `a`'s day to `b`'s, on the calendar (a day of 23 or 25 hours counts as one). */
function calendarDays(a: DateTime, b: DateTime): number {
  return Math.round(b.startOf("day").diff(a.startOf("day"), "days").days);
}

/**
 * The series of an event whose first date is `start` (and `end`): every date the
 * rule gives up to `until` and the added ones, the excepted ones left out, each
 * lasting as the first.
 */
export function seriesOf(
  rule: { every: Every; week?: WeekOfMonth; until: DateTime; except: readonly DateTime[]; also: readonly DateTime[] },
  start: DateTime,
  end: DateTime | undefined,
  allDay: boolean,
): Series {
  const skipped = new Set(rule.except.map((d) => d.toISODate()));
  const length = end && calendarDays(start, end);
  const at = (day: DateTime) => (allDay ? day.startOf("day") : atTimeOf(day, start));
  const days = [...ruleDays(start, rule.every, rule.week, rule.until), ...rule.also.map((d) => d.startOf("day"))].sort((a, b) => a.toMillis() - b.toMillis());
  const dates: Occurrence[] = [];
  for (const day of days) {
    if (skipped.has(day.toISODate())) continue;
    const endDay = end && day.plus({ days: length! });
    dates.push({ start: at(day), ...(end ? { end: allDay ? endDay! : atTimeOf(endDay!, end) } : {}) });
  }
  return {
    every: rule.every,
    ...(rule.every.unit === "month" ? { week: weekOf(start, rule.week) } : {}),
    until: rule.until.startOf("day"),
    except: rule.except.map(at),
    also: rule.also.map(at),
    dates,
  };
}

const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const NTH = { 1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", last: "last" } as const;

/** "the first Saturday" of `day`'s month, for messages. */
function placeInMonth(day: DateTime, week: WeekOfMonth | number): string {
  return `the ${NTH[week as keyof typeof NTH]} ${WEEKDAY_NAMES[day.weekday - 1]}`;
}

/** A field's problem, at its path in the front matter. */
export interface SeriesIssue {
  path: (string | number)[];
  message: string;
}

/** What the series' checks read of the front matter, each field already read alone (undefined when it was not valid). */
export interface SeriesFields {
  every?: Every;
  week?: WeekOfMonth;
  until?: WallClock;
  except: (WallClock | undefined)[];
  also: (WallClock | undefined)[];
  start?: DateTime;
  startText?: string;
  end?: DateTime;
  status?: unknown;
  hasDeadline: boolean;
}

/** The rules between a series and the rest of its event; each problem names its field and what to write. */
export function seriesIssues(f: SeriesFields, day: (w: WallClock) => DateTime): SeriesIssue[] {
  const issues: SeriesIssue[] = [];
  const issue = (path: (string | number)[], message: string) => issues.push({ path, message });
  if (f.status === "postponed" || f.status === "rescheduled") {
    issue(["repeat"], `expected no repeat with status: ${String(f.status)}: a series is cancelled as a whole (status: cancelled), or one of its dates is left out with except`);
  }
  if (f.hasDeadline) {
    issue(["registration", "deadline"], "expected no deadline in a series: one date would close registration for all of them; leave it out, or give the deadline of each date in the text");
  }
  if (f.week !== undefined && f.every?.unit === "week") {
    issue(["repeat", "week"], `expected week only with every: month (the week of the month), found it with every: ${f.every.text}`);
  }
  const { every, start } = f;
  const until = f.until && day(f.until);
  if (!every || !start || !until) return issues;
  if (until < start.startOf("day")) {
    issue(["repeat", "until"], `expected the series' last day, on or after its start (${start.toISODate()}), found ${f.until!.text}`);
    return issues;
  }
  const latest = start.plus({ years: MAX_YEARS });
  if (until > latest) {
    issue(["repeat", "until"], `expected a last day within ${MAX_YEARS} years of the start (${latest.toISODate()} at the latest), found ${f.until!.text}: extend the series later, when it goes on`);
    return issues;
  }
  if (every.unit === "month") {
    const week = weekOf(start, f.week);
    if (!inWeek(start, week)) {
      const here = dayInMonth(start, start.weekday, week);
      const first = here >= start.startOf("day") ? here : dayInMonth(start.plus({ months: 1 }), start.weekday, week);
      issue(["start"], `expected the series' first date, ${placeInMonth(start, week)} of its month; found ${f.startText}, ${placeInMonth(start, weekOfMonth(start))}: the first one from then is ${first.toISODate()}`);
      return issues;
    }
  }
  const gap = every.unit === "week" ? 7 * every.n : 28 * every.n;
  if (f.end && calendarDays(start, f.end) >= gap) {
    issue(["end"], `expected each date of the series to end before the next one begins (every ${every.text}), found an end ${calendarDays(start, f.end)} days after the start`);
  }
  const days = ruleDays(start, every, f.week, until);
  const ofRule = new Set(days.map((d) => d.toISODate()));
  const added = new Set<string>();
  f.also.forEach((w, i) => {
    if (!w) return;
    const d = day(w);
    if (ofRule.has(d.toISODate())) issue(["repeat", "also", i], `expected a date the rule does not give, found ${w.text}, already one of the series' dates`);
    else if (d < days[0]! || d > until) issue(["repeat", "also", i], `expected a date from the series' start to its last day (${days[0]!.toISODate()} to ${until.toISODate()}), found ${w.text}: move until if the series goes on`);
    else added.add(d.toISODate()!);
  });
  let skipped = 0;
  f.except.forEach((w, i) => {
    if (!w) return;
    const d = day(w);
    if (added.has(d.toISODate()!)) {
      issue(["repeat", "except", i], `expected a date of the series to skip, found ${w.text}, which also adds: a date is skipped or added, not both`);
      return;
    }
    if (ofRule.has(d.toISODate())) {
      skipped++;
      return;
    }
    const before = days.filter((x) => x < d).at(-1);
    const after = days.find((x) => x > d);
    const near = [before, after].filter((x): x is DateTime => x !== undefined).map((x) => x.toISODate());
    const where = !before ? `before the series starts (${days[0]!.toISODate()})` : !after ? `after its last date (${before.toISODate()})` : `not one of its dates; the nearest are ${near.join(" and ")}`;
    issue(["repeat", "except", i], `expected a date of the series, found ${w.text}, ${where}`);
  });
  if (skipped > 0 && skipped >= days.length + added.size) issue(["repeat", "except"], "expected at least one date left once the exceptions are out; found none: every date of the series is excepted");
  return issues;
}
