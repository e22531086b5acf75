/**
 * When an event happens, in the reader's language, with its zone when it is not the site's.
 * A postponed event's date is struck out (it will not happen then) and followed by
 * "new date to come", so nobody turns up on the dropped date.
 */
import { eventWhen, zoneCity } from "../../plugins/events/format.ts";
import type { EventData } from "../../plugins/events/schema.ts";
import type { Context } from "../lib/context.ts";

export function EventWhen({ event, c, detailed = false }: { event: EventData; c: Context; detailed?: boolean }) {
  const when = eventWhen(event, c.locale, c.site.timezone);
  // All-day events carry a date alone: a time in `datetime` would claim a start hour.
  const machine = event.allDay ? event.start.toISODate()! : c.iso(event.start);
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
  return (
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
}

