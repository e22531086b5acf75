/** When an event happens, in the reader's language, with its zone when it is not the site's. */
import { eventWhen, zoneCity } from "../../plugins/events/format.ts";
import type { EventData } from "../../plugins/events/schema.ts";
import type { Context } from "../lib/context.ts";

export function EventWhen({ event, c, detailed = false }: { event: EventData; c: Context; detailed?: boolean }) {
  const when = eventWhen(event, c.locale, c.site.timezone);
  // All-day events carry a date alone: a time in `datetime` would claim a start hour.
  const machine = event.allDay ? event.start.toISODate()! : c.iso(event.start);
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

