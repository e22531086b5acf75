/**
 * The events of one year's folder (/events/2025/), where an event's address leads
 * when its last part is taken off: soonest first, as the agenda lists them.
 */
import { folderYear, type EventYear } from "../plugins/events/entries.ts";
import { Base } from "./components/Base.tsx";
import { EventList } from "./components/EventList.tsx";
import { EventYearsNav } from "./components/EventYears.tsx";
import { yearsOf } from "./components/Pager.tsx";
import { contextOf } from "./lib/context.ts";
import type { Item, PageData } from "./lib/types.ts";

export default function EventsYear(data: PageData & { year: EventYear }) {
  const c = contextOf(data);
  const { year } = data.year;
  const events = ((data.collections[`events_${c.lang}`] ?? []) as Item[]).filter((item) => folderYear(item.data.bundle) === year);
  const title = c.t("events.yearTitle", { year });
  const intro = c.t("events.yearIntro", { count: events.length, year });
  return (
    <Base data={data} title={title} description={intro} styles={["/assets/events.css", "/assets/blog.css"]}>
      <h1>{title}</h1>
      <p class="lead">{intro}</p>
      <EventList events={events} c={c} />
      <EventYearsNav years={yearsOf(data.collections.eventYears as unknown as EventYear[], c)} c={c} lead={c.t("events.years")} here={data.page.url} />
    </Base>
  );
}
