/**
 * The agenda of one language: upcoming events, soonest first, then past events grouped
 * by year, newest first. "Now" is the build time (the site rebuilds daily), passed in
 * so tests can fix it. Cancelled and postponed events stay where their date puts them:
 * the page shows their status, and a reader who saw them announced can check.
 */
import { DateTime } from "luxon";
import type { EventData } from "./schema.ts";
import { addTo } from "../core/add-to.ts";

export interface Agenda<T> {
  /** Not yet over, soonest first. */
  upcoming: T[];
  /** Over, by year of their start (newest year first), newest event first. */
  pastByYear: { year: number; events: T[] }[];
}

/**
 * When an event stops being upcoming: its end; the end of its last day when all-day;
 * the end of its day when it has a start time and no end (it may last the afternoon).
 */
export function eventEndsAt(event: EventData): DateTime {
  if (event.allDay) return (event.end ?? event.start).endOf("day");
  return event.end ?? event.start.endOf("day");
}

/**
 * Splits events into upcoming and past. `eventOf` reads the event out of each item
 * (an Eleventy collection item, an entry with its URL…), so the items are returned as given.
 */
export function splitAgenda(events: readonly EventData[], now: DateTime | Date): Agenda<EventData>;
export function splitAgenda<T>(items: readonly T[], now: DateTime | Date, eventOf: (item: T) => EventData): Agenda<T>;
export function splitAgenda<T>(items: readonly T[], now: DateTime | Date, eventOf: (item: T) => EventData = (i) => i as EventData): Agenda<T> {
  const at = (now instanceof Date ? DateTime.fromJSDate(now) : now).toMillis();
  const byStart = (a: T, b: T) => eventOf(a).start.toMillis() - eventOf(b).start.toMillis() || eventOf(a).title.localeCompare(eventOf(b).title);
  const upcoming = items.filter((i) => eventEndsAt(eventOf(i)).toMillis() > at).sort(byStart);
  const past = items.filter((i) => eventEndsAt(eventOf(i)).toMillis() <= at).sort((a, b) => byStart(b, a));
  const years = new Map<number, T[]>();
  for (const item of past) {
    // The year the reader sees on the event: its start, in the event's own zone.
    const year = eventOf(item).start.year;
    addTo(years, year, item);
  }
  const pastByYear = [...years].sort(([a], [b]) => b - a).map(([year, events]) => ({ year, events }));
  return { upcoming, pastByYear };
}
