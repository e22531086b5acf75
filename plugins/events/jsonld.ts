/**
 * schema.org Event as JSON-LD, for the `<script type="application/ld+json">` of an
 * event page. The string returned is safe inside that element whatever the writer
 * typed: no `</script>` or `<!--` can appear, and it still parses as the same JSON.
 */
import type { DateTime } from "luxon";
import { plainText } from "../core/plain-text.ts";
import { safeJson } from "../core/escape.ts";
import type { EventData } from "./schema.ts";

export interface JsonLdContext {
  /** Site name and URL: the default organizer. */
  siteName: string;
  siteUrl: string;
  /** Language code of the page ("fr", "en"). */
  language: string;
  /** Absolute URL of the event's page in this language. */
  pageUrl: string;
  /** Absolute URL of the banner as published (after image processing); defaults to the banner resolved against the page URL. */
  imageUrl?: string;
}

const STATUS: Record<EventData["status"], string> = {
  scheduled: "https://schema.org/EventScheduled",
  cancelled: "https://schema.org/EventCancelled",
  postponed: "https://schema.org/EventPostponed",
  rescheduled: "https://schema.org/EventRescheduled",
};

const ATTENDANCE: Record<EventData["attendance"], string> = {
  offline: "https://schema.org/OfflineEventAttendanceMode",
  online: "https://schema.org/OnlineEventAttendanceMode",
  mixed: "https://schema.org/MixedEventAttendanceMode",
};

/** ISO date for all-day events (2025-03-12), date and time with its offset otherwise. */
function isoDate(dt: DateTime, allDay: boolean): string {
  return allDay ? dt.toISODate()! : dt.toISO({ suppressMilliseconds: true })!;
}

function location(event: EventData, ctx: JsonLdContext): object | object[] {
  const place = event.venue && {
    "@type": "Place",
    name: event.venue.name,
    // A venue known by its name alone has no postal address to give.
    ...(event.venue.address || event.venue.city || event.venue.country
      ? {
          address: {
            "@type": "PostalAddress",
            ...(event.venue.address ? { streetAddress: event.venue.address } : {}),
            ...(event.venue.city ? { addressLocality: event.venue.city } : {}),
            ...(event.venue.country ? { addressCountry: event.venue.country } : {}),
          },
        }
      : {}),
    ...(event.venue.geo ? { geo: { "@type": "GeoCoordinates", latitude: event.venue.geo.lat, longitude: event.venue.geo.lon } } : {}),
  };
  // Online with the link not known yet: the event's page is where it will be given.
  const virtual = event.attendance !== "offline" ? { "@type": "VirtualLocation", url: event.online ?? ctx.pageUrl } : undefined;
  if (place && virtual) return [place, virtual];
  return (place ?? virtual)!; // the schema requires one of them
}

function offers(event: EventData, ctx: JsonLdContext): object | undefined {
  if (event.price === undefined && !event.registration) return undefined;
  const availability = event.status === "cancelled" ? "https://schema.org/Discontinued" : event.registration?.full ? "https://schema.org/SoldOut" : "https://schema.org/InStock";
  return {
    "@type": "Offer",
    ...(event.price !== undefined ? { price: event.price, priceCurrency: "EUR" } : {}),
    availability,
    url: event.registration?.url.startsWith("http") ? event.registration.url : ctx.pageUrl,
    ...(event.registration?.deadline ? { validThrough: isoDate(event.registration.deadline, false) } : {}),
  };
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** A series as a schema.org Schedule: the rule, its hours and zone, the days it skips. */
function schedule(event: EventData): object | undefined {
  const series = event.repeat;
  if (!series) return undefined;
  const time = (dt: DateTime) => dt.toFormat("HH:mm:ss");
  return {
    "@type": "Schedule",
    repeatFrequency: `P${series.every.n}${series.every.unit === "week" ? "W" : "M"}`,
    byDay: `https://schema.org/${WEEKDAYS[event.start.weekday - 1]}`,
    // schema.org counts weeks of the month from 1; it has no word for "the last".
    ...(typeof series.week === "number" ? { byMonthWeek: series.week } : {}),
    startDate: event.start.toISODate(),
    endDate: series.until.toISODate(),
    ...(event.allDay ? {} : { startTime: time(event.start), ...(event.end ? { endTime: time(event.end) } : {}) }),
    scheduleTimezone: event.zone,
    ...(series.except.length ? { exceptDate: series.except.map((d) => d.toISODate()) } : {}),
  };
}

/** The Event object, before serialisation (for tests and for pages that merge it). */
export function eventJsonLdObject(event: EventData, ctx: JsonLdContext): Record<string, unknown> {
  const image = ctx.imageUrl ?? (event.banner ? new URL(event.banner, ctx.pageUrl).href : undefined);
  const organiser = event.organiser ?? { name: ctx.siteName, url: ctx.siteUrl };
  const offer = offers(event, ctx);
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    ...(event.summary ? { description: plainText(event.summary) } : {}),
    url: ctx.pageUrl,
    inLanguage: ctx.language,
    startDate: isoDate(event.start, event.allDay),
    ...(event.end ? { endDate: isoDate(event.end, event.allDay) } : {}),
    ...(event.status === "rescheduled" && event.previousStart ? { previousStartDate: isoDate(event.previousStart, event.allDay) } : {}),
    ...(event.repeat ? { eventSchedule: schedule(event) } : {}),
    eventStatus: STATUS[event.status],
    eventAttendanceMode: ATTENDANCE[event.attendance],
    location: location(event, ctx),
    ...(offer ? { offers: offer } : {}),
    ...(event.capacity ? { maximumAttendeeCapacity: event.capacity } : {}),
    organizer: { "@type": "Organization", name: organiser.name, ...(organiser.url ? { url: organiser.url } : {}) },
    ...(image ? { image: [image] } : {}),
    ...(event.tags.length ? { keywords: event.tags.join(", ") } : {}),
  };
}

/** The JSON-LD text to put, as is, inside `<script type="application/ld+json">`. */
export function eventJsonLd(event: EventData, ctx: JsonLdContext): string {
  return safeJson(eventJsonLdObject(event, ctx));
}
