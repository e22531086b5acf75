/** Events as cards: title with its status, when, where, summary; untranslated ones marked with their language. */
import { eventOf } from "../../plugins/events/entries.ts";
import { isOver } from "../../plugins/events/agenda.ts";
import { buildNow } from "../../plugins/core/project.ts";
import { plainText } from "../../plugins/core/plain-text.ts";
import type { EventData } from "../../plugins/events/schema.ts";
import type { Context } from "../lib/context.ts";
import type { Item } from "../lib/types.ts";
import { EventWhen } from "./EventWhen.tsx";
import { LanguageBadge } from "./LanguageBadge.tsx";

/** The status word shown next to a title, or nothing for an event that happens as announced. */
export function EventStatusBadge({ event, c }: { event: EventData; c: Context }) {
  if (event.status === "scheduled") return null;
  return <strong class={`event-badge event-badge-${event.status}`}>{c.t(`events.status.${event.status}`)}</strong>;
}

/** "Médiathèque Jacques-Demy, Nantes", "En ligne", or both. */
export function placeText(event: EventData, c: Context): string {
  const venue = event.venue && [event.venue.name, event.venue.city].filter(Boolean).join(", ");
  const parts = [venue, event.attendance !== "offline" && c.t("events.attendance.online")];
  return parts.filter(Boolean).join(" · ");
}

export function EventList({ events, c, headingLevel = 2 }: { events: Item[]; c: Context; headingLevel?: 2 | 3 | 4 }) {
  const H = (["h2", "h3", "h4"] as const)[headingLevel - 2]!;
  return (
    <ul class="event-list">
      {events.map((item) => {
        const event = eventOf(item.data, c.site.timezone);
        const foreign = item.data.contentLang !== c.lang ? item.data.contentLang : undefined;
        return (
          <li class={`event-card event-${event.status}`}>
            <H class="event-card-title">
              <a href={item.url} lang={foreign}>
                {event.title}
              </a>
              {foreign && <LanguageBadge lang={foreign} c={c} />}
              {event.status !== "scheduled" && " "}
              <EventStatusBadge event={event} c={c} />
              {/* Every place taken: said where the event is listed, until it is over. */}
              {event.registration?.full && event.status !== "cancelled" && !isOver(event, buildNow()) && (
                <>
                  {" "}
                  <strong class="event-badge event-badge-full">{c.t("events.fullBadge")}</strong>
                </>
              )}
            </H>
            <p class="meta">
              <EventWhen event={event} c={c} />
              {" · "}
              {placeText(event, c)}
            </p>
            {event.summary && <p lang={foreign}>{plainText(event.summary)}</p>}
          </li>
        );
      })}
    </ul>
  );
}
