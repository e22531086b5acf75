/**
 * What a feed reader shows of an event before its text: its status, when (in the
 * feed's language, with the zone when not the site's) and where, and the link to its
 * calendar file. Feed entries are dated by publication, so the event's own date must be
 * in the content. Pure: built with JSX, so every text is escaped by construction.
 */
import { markup, type Child } from "../core/jsx-runtime.ts";
import { isOver, shownDate } from "./agenda.ts";
import { eventWhen, seriesText, zoneCity } from "./format.ts";
import type { EventData } from "./schema.ts";

export interface FeedEntryContext {
  /** UI strings of the feed's language. */
  t: (key: string, options?: Record<string, unknown>) => string;
  locale: string;
  siteZone: string;
  /** URL of the event's .ics (site-absolute is fine: the feeds plugin makes URLs absolute). */
  icsUrl: string;
  /** The build's time: a series shows its next date. */
  now: Date;
}

/** The HTML put before the page's text in the event's feed entry. */
export function eventFeedHtml(event: EventData, ctx: FeedEntryContext): string {
  return `${markup(<EventFacts event={event} {...ctx} />)}\n<hr>\n`;
}

function EventFacts({ event: written, t, locale, siteZone, icsUrl, now }: { event: EventData } & FeedEntryContext) {
  const event = shownDate(written, now);
  const when = eventWhen(event, locale, siteZone);
  const series = seriesText(written, locale, t);
  // A postponed event will not happen at its start; a rescheduled one first had another (as on the page).
  const dropped = event.status === "postponed" ? event.start : event.previousStart;
  const date = dropped ? eventWhen({ ...event, status: "scheduled", start: dropped, end: undefined }, locale, siteZone).text : "";
  const venue = event.venue && [event.venue.name, event.venue.address, event.venue.city, event.venue.country].filter(Boolean).join(", ");
  const where: Child[] = [
    venue,
    event.online && event.status !== "cancelled" && <a href={event.online}>{t("events.onlineLink")}</a>,
    !event.online && event.attendance !== "offline" && event.status !== "cancelled" && `${t("events.attendance.online")} · ${t("events.onlineLinkLater")}`,
    event.attendance !== "offline" && event.status === "cancelled" && t("events.attendance.online"),
  ].filter(Boolean);
  return (
    <>
      {event.status !== "scheduled" && (
        <p>
          <strong>{t(`events.status.${event.status}`)}</strong> · {t(`events.notice.${event.status}`, { date })}
        </p>
      )}
      {event.status !== "scheduled" && "\n"}
      {/* A definition list, as on the page: no punctuation that differs between languages. Line breaks keep the text readable as text. */}
      <dl>
        {"\n"}
        <dt>{t("events.when")}</dt>
        {"\n"}
        <dd>
          {/* A series: how it repeats, the span of its dates, then the next one. */}
          {series && (
            <>
              {series.headline}
              <br />
              {series.dates}
              <br />
              {t(isOver(written, now) ? "events.repeat.last" : "events.repeat.next")}{" "}
            </>
          )}
          {/* The dropped date of a postponed event, struck out, then "new date to come". */}
          {event.status === "postponed" ? (
            <>
              <del>{when.text}</del> {t("events.newDateToCome")}
            </>
          ) : (
            when.text
          )}
          {when.zone && ` (${when.zone.name}, ${when.zone.offset})`}
          {when.inSiteZone && (
            <>
              <br />
              {t("events.inSiteZone", { when: when.inSiteZone, city: zoneCity(siteZone) })}
            </>
          )}
        </dd>
        {"\n"}
        <dt>{t("events.where")}</dt>
        {"\n"}
        <dd>{where.flatMap((part, i) => (i ? [" · ", part] : [part]))}</dd>
        {"\n"}
      </dl>
      {/* Only an event that will happen at the date shown is offered to calendars. */}
      {(event.status === "scheduled" || event.status === "rescheduled") && (
        <>
          {"\n"}
          <p>
            <a href={icsUrl}>{t("events.addToCalendar")}</a> (.ics)
          </p>
        </>
      )}
    </>
  );
}
