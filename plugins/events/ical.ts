/**
 * iCalendar files: one per event and one agenda per language, written with
 * ical-generator (escaping, CRLF, folding at 75 octets) and VTIMEZONEs from luxon.
 *
 * UID: one per bundle, the same in every language (`events/2025/install-party@host`).
 * It is one event; a reader who imports the French file and then the English one gets
 * an update, not a duplicate. Someone subscribed to both agendas sees it twice, as with
 * any two calendars listing one event, and that is their choice. The UID depends only
 * on the folder: retitling or moving the date keeps it; moving the folder makes a new one.
 */
import ical, { escape, ICalEventStatus, ICalEventTransparency, type ICalEventData } from "ical-generator";
import { DateTime } from "luxon";
import { uiSection, type SectionValues } from "../i18n/ui-schema.ts";
import { KeptResults } from "../core/kept-results.ts";
import { plainText } from "../core/plain-text.ts";
import type { Revision } from "./revision.ts";
import type { EventData } from "./schema.ts";
import { isUtc, vtimezone } from "./vtimezone.ts";

// Subscribed clients refresh this often; the site rebuilds daily (see DESIGN, Deploy).
const REFRESH_SECONDS = 24 * 60 * 60;

/**
 * The calendar's words: the `events.ics` keys of `data/i18n/<lang>.json` and the
 * placeholders each must hold, filled by i18next's `{{name}}` interpolation.
 */
export const ICS_TEXTS = uiSection("events.ics", {
  /** Calendar name shown by clients. */
  name: ["site"],
  cancelledTitle: ["title"],
  postponedTitle: ["title"],
  cancelled: [],
  postponed: [],
  /** `{{date}}`: the first planned date. */
  rescheduled: ["date"],
  online: ["url"],
  registration: ["url"],
  deadline: ["date", "url"],
  /** Every place is taken. */
  full: [],
});
type IcsSpec = typeof ICS_TEXTS.spec;

/** i18next's `t` of the calendar's language, typed for these keys and the values each needs. */
export type CalendarWords = <K extends keyof IcsSpec & string>(key: `events.ics.${K}`, values?: SectionValues<IcsSpec, K>) => string;

/** About the calendar as a whole. */
export interface CalendarContext {
  /** Site name, in the calendar's name and PRODID. */
  siteName: string;
  /** Site URL without trailing slash; its host qualifies UIDs. */
  siteUrl: string;
  /** Language code of the texts ("fr", "en"). */
  language: string;
  /** Locale for dates in the texts ("fr-FR", "en-GB"); defaults to the language. */
  locale?: string;
  /** PRODID without its leading "-"; defaults to `//<host>//Agenda//<LANG>`. */
  prodId?: string;
  /** Calendar name shown by clients; defaults to the site name. */
  name?: string;
  /** Page of the agenda (the calendar's URL property). */
  agendaUrl?: string;
  /** URL of this .ics file, for clients that refresh it (RFC 7986 SOURCE). */
  source?: string;
  /** DTSTAMP of events whose last change git cannot tell; defaults to now. */
  buildTime?: DateTime;
  /** The calendar's words, in its language. */
  t: CalendarWords;
}

/** Where an event lives, besides its front matter. */
export interface EventRef {
  /** Bundle path: `content/events/2025/install-party` (or a file in it); gives the UID. */
  bundle: string;
  /** Absolute URL of the event's page in this language. */
  pageUrl: string;
  /** From `deriveRevision`; SEQUENCE 0 and build-time DTSTAMP without it. */
  revision?: Pick<Revision, "sequence" | "lastChange">;
}

export type AgendaEntry = EventRef & { event: EventData };

/** `events/2025/install-party@www.example.org`, from the bundle path alone. */
export function eventUid(bundle: string, siteUrl: string): string {
  const id = bundle
    .replace(/\\/g, "/")
    .replace(/^(\.\/)?(content\/)?/, "")
    .replace(/(\/index)?\.[a-z]{2,3}(-[A-Z]{2})?\.md$/, "")
    .replace(/^\/+|\/+$/g, "");
  return `${id}@${new URL(siteUrl).host}`;
}

/** "Médiathèque, 24 quai de la Fosse, Nantes" or the online link. */
export function locationText(event: EventData): string | undefined {
  if (event.venue) return [event.venue.name, event.venue.address, event.venue.city, event.venue.country].filter(Boolean).join(", ");
  return event.online;
}

function formatWhen(dt: DateTime, withTime: boolean, locale: string): string {
  return dt.setLocale(locale).toLocaleString(withTime ? DateTime.DATETIME_FULL : DateTime.DATE_FULL);
}

/** Plain-text DESCRIPTION: status sentence, summary, online and registration links, page URL. */
export function descriptionText(event: EventData, ref: EventRef, ctx: CalendarContext): string {
  const { t } = ctx;
  const locale = ctx.locale ?? ctx.language;
  const parts: string[] = [];
  if (event.status === "cancelled") parts.push(t("events.ics.cancelled"));
  if (event.status === "postponed") parts.push(t("events.ics.postponed"));
  if (event.status === "rescheduled" && event.previousStart) {
    parts.push(t("events.ics.rescheduled", { date: formatWhen(event.previousStart, !event.allDay, locale) }));
  }
  if (event.summary) parts.push(plainText(event.summary));
  if (event.online && event.venue) parts.push(t("events.ics.online", { url: event.online }));
  const reg = event.registration;
  if (reg?.full && event.status !== "cancelled") {
    parts.push(t("events.ics.full"));
  } else if (reg && event.status !== "cancelled") {
    const url = reg.url.replace(/^mailto:/, "");
    parts.push(reg.deadline ? t("events.ics.deadline", { url, date: formatWhen(reg.deadline, false, locale) }) : t("events.ics.registration", { url }));
  }
  parts.push(ref.pageUrl);
  return parts.join("\n\n");
}

function summaryText(event: EventData, ctx: CalendarContext): string {
  if (event.status === "cancelled") return ctx.t("events.ics.cancelledTitle", { title: event.title });
  if (event.status === "postponed") return ctx.t("events.ics.postponedTitle", { title: event.title });
  return event.title;
}

const STATUS: Record<EventData["status"], ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  rescheduled: ICalEventStatus.CONFIRMED,
  // Postponed: it will not happen on the date in the entry, and the new one is not known.
  // A TENTATIVE entry would keep a live date in subscribers' calendars (a visitor could turn
  // up); CANCELLED strikes that slot, and the same UID comes back CONFIRMED, with a higher
  // SEQUENCE, once the new date is written.
  postponed: ICalEventStatus.CANCELLED,
  cancelled: ICalEventStatus.CANCELLED,
};

const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/**
 * A series' RRULE, EXDATE and RDATE lines (RFC 5545). Written here rather than through
 * ical-generator's options, which give an all-day series a date-time UNTIL where
 * the RFC wants a DATE like its DTSTART. UNTIL is the end of the series' last day
 * (UTC, as the RFC requires with a TZID); EXDATE and RDATE have the DTSTART's form.
 */
export function recurrenceLines(event: EventData): string | undefined {
  const series = event.repeat;
  if (!series) return undefined;
  const { every, week } = series;
  const day = BYDAY[event.start.weekday - 1]!;
  const utc = isUtc(event.zone);
  const until = event.allDay ? series.until.toFormat("yyyyLLdd") : series.until.endOf("day").toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'");
  const rule = [
    `FREQ=${every.unit === "week" ? "WEEKLY" : "MONTHLY"}`,
    ...(every.n > 1 ? [`INTERVAL=${every.n}`] : []),
    `BYDAY=${every.unit === "month" ? `${week === "last" ? -1 : week}${day}` : day}`,
    `UNTIL=${until}`,
  ];
  const lines = [`RRULE:${rule.join(";")}`];
  const form = event.allDay ? ";VALUE=DATE" : utc ? "" : `;TZID=${event.zone}`;
  const value = (d: DateTime) => (event.allDay ? d.toFormat("yyyyLLdd") : utc ? d.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'") : d.toFormat("yyyyLLdd'T'HHmmss"));
  if (series.except.length) lines.push(`EXDATE${form}:${series.except.map(value).join(",")}`);
  if (series.also.length) lines.push(`RDATE${form}:${series.also.map(value).join(",")}`);
  return lines.join("\r\n");
}

function eventData(entry: AgendaEntry, ctx: CalendarContext, buildTime: DateTime): ICalEventData {
  const { event, revision } = entry;
  const zone = event.allDay || isUtc(event.zone) ? null : event.zone;
  const location = locationText(event);
  return {
    id: eventUid(entry.bundle, ctx.siteUrl),
    sequence: revision?.sequence ?? 0,
    stamp: (revision?.lastChange ?? buildTime).toUTC(),
    ...(revision?.lastChange ? { lastModified: revision.lastChange.toUTC() } : {}),
    allDay: event.allDay,
    timezone: zone,
    start: event.start,
    // All-day DTEND is exclusive: the day after the last one.
    end: event.allDay ? (event.end ?? event.start).plus({ days: 1 }) : (event.end ?? null),
    summary: summaryText(event, ctx),
    description: descriptionText(event, entry, ctx),
    // GEO lets a calendar show the place on its map; LOCATION stays the text it was.
    ...(location ? { location: event.venue?.geo ? { title: location, geo: event.venue.geo } : location } : {}),
    url: entry.pageUrl,
    status: STATUS[event.status],
    // A slot that will not happen must not show the subscriber as busy.
    ...(STATUS[event.status] === ICalEventStatus.CANCELLED ? { transparency: ICalEventTransparency.TRANSPARENT } : {}),
    categories: event.tags.map((name) => ({ name })),
    repeating: recurrenceLines(event) ?? null,
  };
}

/**
 * `npm run build` keeps each calendar's text for the next build
 * (../core/kept-results.ts), found by what ical-generator is given: the
 * calendar's settings, the years of its zones and each event's data (with its
 * SEQUENCE and DTSTAMP from git). At 1,000 posts and 60 events (the bench), its
 * 122 calendars took 0.1 s of each rebuild.
 */
const keptCalendars = new KeptResults<string>("calendars", "", { ownSave: true });

/** Keeps this build's calendars for the next one (at the end of a build). */
export function saveKeptCalendars(): void {
  keptCalendars.save();
}

function calendar(entries: readonly AgendaEntry[], ctx: CalendarContext): string {
  const host = new URL(ctx.siteUrl).host;
  const buildTime = ctx.buildTime ?? DateTime.utc();
  // Each zone's VTIMEZONE covers the years of the events written in it.
  const years = new Map<string, [number, number]>();
  for (const { event } of entries) {
    const [from, to] = years.get(event.zone) ?? [event.start.year, event.start.year];
    const lastDate = event.repeat?.dates.at(-1) ?? event;
    const last = (lastDate.end ?? lastDate.start).year;
    years.set(event.zone, [Math.min(from, event.start.year), Math.max(to, last)]);
  }
  const settings = {
    prodId: ctx.prodId ?? `//${host}//Agenda//${ctx.language.toUpperCase()}`,
    // ical-generator writes NAME and X-WR-CALNAME unescaped: a comma in the site name would split it.
    name: escape(ctx.name ?? ctx.siteName, false),
    ...(ctx.agendaUrl ? { url: ctx.agendaUrl } : {}),
    ...(ctx.source ? { source: ctx.source } : {}),
    ttl: REFRESH_SECONDS,
  };
  const sorted = [...entries].sort((a, b) => a.event.start.toMillis() - b.event.start.toMillis() || a.bundle.localeCompare(b.bundle));
  const events = sorted.map((entry) => eventData(entry, ctx, buildTime));
  // Dates as ISO text with their offset, beside each event's zone.
  const key = JSON.stringify([settings, [...years].sort(([a], [b]) => a.localeCompare(b)), events]);
  return keptCalendars.get(key, () => {
    const cal = ical({
      ...settings,
      // No calendar zone name: with one, ical-generator writes DTSTAMP as local time, not UTC.
      timezone: { name: null, generator: (zone) => (years.has(zone) ? vtimezone(zone, ...years.get(zone)!) : null) },
    });
    for (const event of events) cal.createEvent(event);
    // RFC 5545 ends every content line with CRLF, the last one included.
    return `${cal.toString()}\r\n`;
  });
}

/** The `.ics` of one event, in the language of `ctx`. */
export function eventIcs(event: EventData, ctx: CalendarContext & EventRef): string {
  const { bundle, pageUrl, revision } = ctx;
  return calendar([{ event, bundle, pageUrl, ...(revision ? { revision } : {}) }], { agendaUrl: pageUrl, ...ctx });
}

/** The agenda of one language for subscription: every given event (leave drafts out), by start. */
export function agendaIcs(entries: readonly AgendaEntry[], ctx: CalendarContext): string {
  return calendar(entries, ctx);
}
