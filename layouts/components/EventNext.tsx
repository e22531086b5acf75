/**
 * The next few upcoming events of a language, for the home page (nothing when none is planned).
 * Cancelled events are left out: the agenda and the event page say so, but a home page
 * headed by an event that will not happen misleads at first glance.
 */
import { DateTime } from "luxon";
import { buildNow } from "../../plugins/core/project.ts";
import { splitAgenda } from "../../plugins/events/agenda.ts";
import { AGENDA_PATH, eventOf } from "../../plugins/events/entries.ts";
import type { Context } from "../lib/context.ts";
import type { Item, PageData } from "../lib/types.ts";
import { EventList } from "./EventList.tsx";

/** Stylesheet the section needs, for the page's `styles`. */
export const EVENTS_CSS = "/assets/events.css";

export function EventNext({ data, c, count = 3 }: { data: PageData; c: Context; count?: number }) {
  const events = (data.collections[`events_${c.lang}`] ?? []) as Item[];
  const { upcoming } = splitAgenda(events, DateTime.fromJSDate(buildNow()), (item) => eventOf(item.data, c.site.timezone));
  const shown = upcoming.filter((item) => eventOf(item.data, c.site.timezone).status !== "cancelled").slice(0, count);
  if (!shown.length) return null;
  return (
    <section class="home-events" aria-labelledby="next-events">
      <h2 id="next-events">{c.t("events.homeTitle")}</h2>
      <EventList events={shown} c={c} headingLevel={3} />
      <p class="home-more">
        <a href={c.url(AGENDA_PATH)}>{c.t("events.homeAll")}</a>
      </p>
    </section>
  );
}
