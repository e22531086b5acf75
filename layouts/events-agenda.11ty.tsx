/**
 * The agenda of a language: upcoming events soonest first, then the past events of
 * the last two years, by year, each year linked to its page; older years as links.
 * "Upcoming" is decided when the site is built; the daily build keeps it true.
 */
import { DateTime } from "luxon";
import { buildNow } from "../plugins/core/project.ts";
import { splitAgenda } from "../plugins/events/agenda.ts";
import { AGENDA_ICS_PATH, AGENDA_PATH, eventOf, type EventYear } from "../plugins/events/entries.ts";
import { Address } from "./components/Address.tsx";
import { Base } from "./components/Base.tsx";
import { EventList } from "./components/EventList.tsx";
import { EventYearsNav } from "./components/EventYears.tsx";
import { SectionFeeds } from "./components/SectionFeeds.tsx";
import { yearsOf } from "./components/Pager.tsx";
import { contextOf } from "./lib/context.ts";
import type { FeedLink, Item, PageData } from "./lib/types.ts";

/** Past years listed in full on the agenda; the older ones have their own pages. Ten years of events would make one endless page. */
const PAST_YEARS_SHOWN = 2;

export default function EventsAgenda(data: PageData) {
  const c = contextOf(data);
  const events = (data.collections[`events_${c.lang}`] ?? []) as Item[];
  const agenda = splitAgenda(events, DateTime.fromJSDate(buildNow()), (item) => eventOf(item.data, c.site.timezone));
  const ics = c.url(AGENDA_ICS_PATH);
  // The agenda's own feeds (RSS, Atom, JSON), as the feeds plugin announces them.
  const feeds = (data.feedLinks?.[c.lang] ?? []).filter((f: FeedLink) => f.type !== "text/calendar" && f.url.startsWith(c.url("events/")));
  const years = yearsOf(data.collections.eventYears as unknown as EventYear[], c);
  const shown = agenda.pastByYear.slice(0, PAST_YEARS_SHOWN);
  const older = years.filter((year) => year < (shown.at(-1)?.year ?? Infinity) && !shown.some((s) => s.year === year));
  return (
    <Base data={data} title={c.t("events.title")} description={c.t("events.intro")} styles={["/assets/events.css", "/assets/blog.css"]}>
      <h1>{c.t("events.title")}</h1>
      <p class="lead">{c.t("events.intro")}</p>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{c.t("events.upcoming")}</h2>
        {agenda.upcoming.length ? <EventList events={agenda.upcoming} c={c} headingLevel={3} /> : <p>{c.t("events.noUpcoming")}</p>}
      </section>
      <aside class="event-subscribe" aria-labelledby="subscribe">
        <h2 id="subscribe">{c.t("events.subscribeTitle")}</h2>
        <p>{c.t("events.subscribe")}</p>
        <ul>
          <li>
            <a href={ics} type="text/calendar">
              {c.t("events.calendarLink")}
            </a>{" "}
            <Address url={c.absolute(ics)} />
          </li>
          {feeds.length > 0 && (
            <li>
              {c.t("events.feedsLink")} <SectionFeeds feeds={feeds} />
            </li>
          )}
        </ul>
      </aside>
      {agenda.pastByYear.length > 0 && (
        <section aria-labelledby="past">
          <h2 id="past">{c.t("events.past")}</h2>
          {shown.map(({ year, events: past }) => (
            <section aria-labelledby={`past-${year}`}>
              {/* A series is past in the year of its last date, which may have no page of its own. */}
              <h3 id={`past-${year}`}>{years.includes(year) ? <a href={c.url(`${AGENDA_PATH}${year}/`)}>{year}</a> : year}</h3>
              <EventList events={past} c={c} headingLevel={4} />
            </section>
          ))}
          {older.length > 0 && <EventYearsNav years={older} c={c} lead={c.t("events.olderYears")} withAgenda={false} />}
        </section>
      )}
    </Base>
  );
}
