/**
 * When an event happens, in the reader's language, with its zone when it is not the site's.
 * A postponed event's date is struck out (it will not happen then) and followed by
 * "new date to come", so nobody turns up on the dropped date. A series shows its next
 * date and how it repeats; on its page, the span of its dates, the ones it skips and
 * the dates to come.
 */
import { buildNow } from "../../plugins/core/project.ts";
import { isOver, shownDate } from "../../plugins/events/agenda.ts";
import { eventWhen, seriesText, zoneCity } from "../../plugins/events/format.ts";
import type { EventData } from "../../plugins/events/schema.ts";
import type { Context } from "../lib/context.ts";

export function EventWhen({ event: written, c, detailed = false }: { event: EventData; c: Context; detailed?: boolean }) {
  // A series: the date a reader needs, the next one (its last once all are over).
  const now = buildNow();
  const event = shownDate(written, now);
  const when = eventWhen(event, c.locale, c.site.timezone);
  const machine = machineDate(event, c);
  if (event.status === "postponed") {
    return (
      <>
        <del class="event-dropped-date">
          <span class="visually-hidden">{c.t("events.droppedDate")}</span>
          <time datetime={machine}>{when.text}</time>
        </del>{" "}
        <strong class="event-new-date">{c.t("events.newDateToCome")}</strong>
      </>
    );
  }
  const series = seriesText(written, c.locale, c.t);
  const date = (
    <>
      <time datetime={machine}>{when.text}</time>
      {when.zone && !detailed && <> ({when.zone.offset})</>}
      {when.zone && detailed && (
        <>
          <br />
          <span class="event-zone">{c.t("events.zone", { zone: when.zone.name, offset: when.zone.offset })}</span>
          {when.inSiteZone && (
            <>
              {" "}
              {c.t("events.inSiteZone", { when: when.inSiteZone, city: zoneCity(c.site.timezone) })}
            </>
          )}
        </>
      )}
    </>
  );
  if (!series) return date;
  if (!detailed) {
    return (
      <>
        {date}
        <span class="event-series"> · {series.rule}</span>
      </>
    );
  }
  const over = isOver(written, now);
  const upcoming = written.repeat!.dates.filter((d) => d.start >= event.start);
  return (
    <>
      <strong class="event-series">{series.headline}</strong>
      <br />
      {series.dates}
      <br />
      {c.t(over ? "events.repeat.last" : "events.repeat.next")} {date}
      {!over && upcoming.length > 1 && (
        <details class="event-dates">
          <summary>{c.t("events.repeat.upcoming", { count: upcoming.length })}</summary>
          <ul>
            {upcoming.map((d) => {
              const at = { ...event, start: d.start, end: d.end };
              return (
                <li>
                  <time datetime={machineDate(at, c)}>{eventWhen(at, c.locale, c.site.timezone).text}</time>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </>
  );
}

/** All-day events carry a date alone: a time in `datetime` would claim a start hour. */
function machineDate(event: EventData, c: Context): string {
  return event.allDay ? event.start.toISODate()! : c.iso(event.start);
}
