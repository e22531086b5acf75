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
  // Each event read once: whether it is over, and the date its card shows (a series' next one, or its last once over), by which it sorts.
  const upcoming: { item: T; shown: EventData }[] = [];
  const past: { item: T; shown: EventData }[] = [];
  for (const item of items) {
    const event = eventOf(item);
    (isOver(event, now) ? past : upcoming).push({ item, shown: shownDate(event, now) });
  }
  const byStart = (a: { shown: EventData }, b: { shown: EventData }) => a.shown.start.toMillis() - b.shown.start.toMillis() || a.shown.title.localeCompare(b.shown.title);
  upcoming.sort(byStart);
  past.sort((a, b) => byStart(b, a));
  const years = new Map<number, T[]>();
  // The year the reader sees on the event: its (last) start, in the event's own zone.
  for (const { item, shown } of past) addTo(years, shown.start.year, item);
  const pastByYear = [...years].sort(([a], [b]) => b - a).map(([year, events]) => ({ year, events }));
  return { upcoming: upcoming.map((e) => e.item), pastByYear };
}
