/**
 * What a feed reader shows of an event before its text: its status, when (in the
 * feed's language, with the zone when not the site's) and where, and the link to its
 * calendar file. Feed entries are dated by publication, so the event's own date must be
 * in the content. Pure: HTML text from the event and the UI strings.
 */
import { eventWhen, zoneCity } from "./format.ts";
import type { EventData } from "./schema.ts";

export interface FeedEntryContext {
  /** UI strings of the feed's language. */
  t: (key: string, options?: Record<string, unknown>) => string;
  locale: string;
  siteZone: string;
  /** URL of the event's .ics (site-absolute is fine: the feeds plugin makes URLs absolute). */
  icsUrl: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The HTML put before the page's text in the event's feed entry. */
export function eventFeedHtml(event: EventData, { t, locale, siteZone, icsUrl }: FeedEntryContext): string {
  const when = eventWhen(event, locale, siteZone);
  const parts: string[] = [];
  if (event.status !== "scheduled") {
    // A postponed event will not happen at its start; a rescheduled one first had another (as on the page).
    const dropped = event.status === "postponed" ? event.start : event.previousStart;
    const date = dropped ? eventWhen({ ...event, status: "scheduled", start: dropped, end: undefined }, locale, siteZone).text : "";
    parts.push(`<p><strong>${escape(t(`events.status.${event.status}`))}</strong> · ${escape(t(`events.notice.${event.status}`, { date }))}</p>`);
  }
  // The dropped date of a postponed event, struck out, then "new date to come".
  let whenText = event.status === "postponed" ? `<del>${escape(when.text)}</del> ${escape(t("events.newDateToCome"))}` : escape(when.text);
  if (when.zone) whenText += ` (${escape(when.zone.name)}, ${escape(when.zone.offset)})`;
  if (when.inSiteZone) whenText += `<br>${escape(t("events.inSiteZone", { when: when.inSiteZone, city: zoneCity(siteZone) }))}`;
  const where = [
    event.venue && [event.venue.name, event.venue.address, event.venue.city, event.venue.country].filter(Boolean).map((s) => escape(s!)).join(", "),
    event.online && event.status !== "cancelled" && `<a href="${escape(event.online)}">${escape(t("events.onlineLink"))}</a>`,
    event.online && event.status === "cancelled" && escape(t("events.attendance.online")),
  ].filter(Boolean);
  // A definition list, as on the page: no punctuation that differs between languages.
  parts.push(`<dl>\n<dt>${escape(t("events.when"))}</dt>\n<dd>${whenText}</dd>\n<dt>${escape(t("events.where"))}</dt>\n<dd>${where.join(" · ")}</dd>\n</dl>`);
  // Only an event that will happen at the date shown is offered to calendars.
  if (event.status === "scheduled" || event.status === "rescheduled") {
    parts.push(`<p><a href="${escape(icsUrl)}">${escape(t("events.addToCalendar"))}</a> (.ics)</p>`);
  }
  return `${parts.join("\n")}\n<hr>\n`;
}
