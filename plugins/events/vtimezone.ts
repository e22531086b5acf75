/**
 * VTIMEZONE components written from luxon's (Node's ICU) time zone data.
 *
 * Why not @touch4it/ical-timezones: its files are tzdata 2018g; checked against
 * Node 20 for 2025, 65 of its 736 zones give a wrong offset (Mexico City, São Paulo,
 * Tehran, Cairo, every Etc/GMT±n…), and it lacks zones such as America/Montreal or
 * Europe/Kyiv. A client that trusts the embedded VTIMEZONE (ical.js, Outlook for
 * unknown TZIDs) would then show the event at the wrong hour. Here each zone gets
 * its real transitions for the years the calendar covers, one observance per
 * transition (no RRULE), which RFC 5545 allows and every parser reads.
 */
import { DateTime, IANAZone } from "luxon";
import { keyedBy } from "../core/memo.ts";

// Stepping one day at a time finds every transition (zones change at most twice a
// year, never twice in a day); the exact minute is then found by bisection.
const STEP_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

export interface Transition {
  /** Instant at which the new offset starts. */
  at: number;
  /** Offsets in minutes east of UTC, before and after. */
  from: number;
  to: number;
  /** Whether the new offset is summer time. */
  dst: boolean;
}

/** Offset changes of `zone` between two instants (milliseconds). */
export function transitions(zone: string, start: number, stop: number): Transition[] {
  const iana = IANAZone.create(zone);
  const found: Transition[] = [];
  for (let t = start; t < stop; t += STEP_MS) {
    const next = Math.min(t + STEP_MS, stop);
    const from = iana.offset(t);
    const to = iana.offset(next);
    if (from === to) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (iana.offset(mid) === from) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from, to, dst: DateTime.fromMillis(hi, { zone }).isInDST });
  }
  return found;
}

/**
 * The VTIMEZONE of `zone` for events between `fromYear` and `toYear`, with CRLF line
 * ends; null for UTC (written as `Z` times) or an unknown zone.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string | null {
  // The same few zones and years for every .ics of a build: searching the transitions again for each event cost seconds.
  const key = `${zone} ${fromYear} ${toYear}`;
  let found = made.get(key);
  if (found === undefined) made.set(key, (found = makeVtimezone(zone, fromYear, toYear)));
  return found;
}

const made = new Map<string, string | null>();

/**
 * {@link transitions} between `start` and `stop`, searched one calendar year
 * (UTC) at a time and each year kept: the calendar of each event and the
 * agendas cover different spans of the same years.
 */
function transitionsByYear(zone: string, start: number, stop: number): Transition[] {
  const found: Transition[] = [];
  for (let from = start; from < stop; ) {
    const to = Math.min(Date.UTC(new Date(from).getUTCFullYear() + 1, 0, 1), stop);
    found.push(...transitionsOfPart({ zone, from, to }));
    from = to;
  }
  return found;
}

const transitionsOfPart = keyedBy(
  ({ zone, from, to }: { zone: string; from: number; to: number }) => `${zone} ${from} ${to}`,
  ({ zone, from, to }) => transitions(zone, from, to),
  10_000,
);

function makeVtimezone(zone: string, fromYear: number, toYear: number): string | null {
  if (!IANAZone.isValidZone(zone) || isUtc(zone)) return null;
  const iana = IANAZone.create(zone);
  // A day of margin on both sides: local New Year's Eve is still UTC's 1 January in the Americas.
  const begin = DateTime.fromObject({ year: fromYear }, { zone: "UTC" }).minus({ days: 1 }).toMillis();
  const stop = DateTime.fromObject({ year: toYear + 1 }, { zone: "UTC" }).plus({ days: 1 }).toMillis();
  const first = iana.offset(begin);
  // The offset in force when the range begins, as an observance starting then.
  const observances: Transition[] = [
    { at: begin, from: first, to: first, dst: DateTime.fromMillis(begin, { zone }).isInDST },
    ...transitionsByYear(zone, begin, stop),
  ];
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  for (const o of observances) {
    const kind = o.dst ? "DAYLIGHT" : "STANDARD";
    // DTSTART of an observance is the local time just before it, in the old offset.
    const local = DateTime.fromMillis(o.at, { zone: "UTC" }).plus({ minutes: o.from });
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${local.toFormat("yyyyLLdd'T'HHmmss")}`,
      `TZOFFSETFROM:${formatOffset(o.from)}`,
      `TZOFFSETTO:${formatOffset(o.to)}`,
      `END:${kind}`,
    );
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n") + "\r\n";
}

/** Zones whose times are written as UTC (`Z`), with no VTIMEZONE. */
export function isUtc(zone: string): boolean {
  return ["utc", "etc/utc", "etc/gmt", "gmt", "etc/uct", "uct", "etc/zulu", "zulu", "universal", "etc/universal"].includes(zone.toLowerCase());
}

/** `+0100`, `-0430`, `+0545`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}
