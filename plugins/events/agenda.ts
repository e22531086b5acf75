/**
 * The agenda of one language: upcoming events, soonest first, then past events grouped
 * by year, newest first. "Now" is the build time (the site rebuilds daily), passed in
 * so tests can fix it. Cancelled and postponed events stay where their date puts them:
 * the page shows their status, and a reader who saw them announced can check.
 */
import { DateTime } from "luxon";
import type { EventData } from "./schema.ts";
import type { Occurrence } from "./series.ts";
import { addTo } from "../core/add-to.ts";

export interface Agenda<T> {
  /** Not yet over, soonest first. */
  upcoming: T[];
  /** Over, by year of their start (newest year first), newest event first. */
  pastByYear: { year: number; events: T[] }[];
}

/**
 * When a date of an event is over: its end; the end of its last day when all-day;
 * the end of its day when it has a start time and no end (it may last the afternoon).
 */
function endOf(date: Occurrence, allDay: boolean): DateTime {
  if (allDay) return (date.end ?? date.start).endOf("day");
  return date.end ?? date.start.endOf("day");
}

/** When an event stops being upcoming: when its date is over (a series' last one). */
export function eventEndsAt(event: EventData): DateTime {
  return endOf(event.repeat?.dates.at(-1) ?? event, event.allDay);
}

/** Whether all of an event's dates are over at `now`. */
export function isOver(event: EventData, now: DateTime | Date): boolean {
  return eventEndsAt(event).toMillis() <= (now instanceof Date ? now.getTime() : now.toMillis());
}

/**
 * The event at the date a reader needs: a series' next date not over at `now`
 * (its last once all are), with the rest of the event as written. An event
 * that does not repeat is returned as is.
 */
export function shownDate(event: EventData, now: DateTime | Date): EventData {
  const dates = event.repeat?.dates;
  if (!dates?.length) return event;
  const at = now instanceof Date ? now.getTime() : now.toMillis();
  const shown = dates.find((d) => endOf(d, event.allDay).toMillis() > at) ?? dates.at(-1)!;
  return shown.start.equals(event.start) ? event : { ...event, start: shown.start, end: shown.end };
}

/**
 * Splits events into upcoming and past. `eventOf` reads the event out of each item
 * (an Eleventy collection item, an entry with its URL…), so the items are returned as given.
 */
export function splitAgenda(events: readonly EventData[], now: DateTime | Date): Agenda<EventData>;
export function splitAgenda<T>(items: readonly T[], now: DateTime | Date, eventOf: (item: T) => EventData): Agenda<T>;
export function splitAgenda<T>(items: readonly T[], now: DateTime | Date, eventOf: (item: T) => EventData = (i) => i as EventData): Agenda<T> {
  const at = (now instanceof Date ? DateTime.fromJSDate(now) : now).toMillis();
  // A series sorts by the date its card shows: the next one, or its last once over.
  const shown = new Map(items.map((i) => [i, shownDate(eventOf(i), now)]));
  const byStart = (a: T, b: T) => shown.get(a)!.start.toMillis() - shown.get(b)!.start.toMillis() || shown.get(a)!.title.localeCompare(shown.get(b)!.title);
  const upcoming = items.filter((i) => eventEndsAt(eventOf(i)).toMillis() > at).sort(byStart);
  const past = items.filter((i) => eventEndsAt(eventOf(i)).toMillis() <= at).sort((a, b) => byStart(b, a));
  const years = new Map<number, T[]>();
  for (const item of past) {
    // The year the reader sees on the event: its (last) start, in the event's own zone.
    const year = shown.get(item)!.start.year;
    addTo(years, year, item);
  }
  const pastByYear = [...years].sort(([a], [b]) => b - a).map(([year, events]) => ({ year, events }));
  return { upcoming, pastByYear };
}
