/**
 * An event page: its status first when it changed (said once, as a badge and a notice
 * under the title; the browser tab's title carries it too), then when, where and how to
 * attend, "add to calendar" only for an event that will happen at the date shown, the
 * recap when one exists, the text, its tags, and schema.org JSON-LD in the head.
 */
import { buildNow } from "../plugins/core/project.ts";
import { AGENDA_PATH, eventIcsUrl, eventOf, recapUrl, statusTitle } from "../plugins/events/entries.ts";
import { builtUrls } from "../plugins/i18n/translations.ts";
import type { BlogSettings } from "../plugins/blog/options.ts";
import { priceText } from "../plugins/events/format.ts";
import { dateText } from "../plugins/i18n/dates.ts";
import { eventJsonLd } from "../plugins/events/jsonld.ts";
import { plainText } from "../plugins/core/plain-text.ts";
import type { EventData } from "../plugins/events/schema.ts";
import { Base } from "./components/Base.tsx";
import { EventStatusBadge } from "./components/EventList.tsx";
import { EventWhen } from "./components/EventWhen.tsx";
import { Credits } from "./components/Credits.tsx";
import { Html } from "./components/Html.tsx";
import { TagLinks } from "./components/TagLinks.tsx";
import { contextOf, type Context } from "./lib/context.ts";
import type { Item, PageData } from "./lib/types.ts";

/** The banner: a file of the bundle, published at the bundle's path, or a URL (kept out of the page: no third-party request). */
function bannerOf(event: EventData, bundle: string): { local?: string; url: string; alt: string } | undefined {
  if (!event.banner || !event.bannerAlt) return undefined;
  if (/^https?:/.test(event.banner)) return { url: event.banner, alt: event.bannerAlt };
  const local = `/${bundle}/${event.banner.replace(/^\.?\//, "")}`;
  return { local, url: local, alt: event.bannerAlt };
}

function StatusNotice({ event, c }: { event: EventData; c: Context }) {
  if (event.status === "scheduled") return null;
  // A postponed event will not happen at its start; a rescheduled one first had another.
  const dropped = event.status === "postponed" ? event.start : event.previousStart;
  const date = dropped ? dateText(dropped, c.locale, !event.allDay) : "";
  return (
    <p class={`notice event-notice event-notice-${event.status}`} role="status">
      <EventStatusBadge event={event} c={c} /> {c.t(`events.notice.${event.status}`, { date })}
    </p>
  );
}

/** The place on OpenStreetMap, marked and zoomed to the street. */
function osmUrl({ lat, lon }: { lat: number; lon: number }): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`;
}

/** The venue's address and/or the online link (hidden once cancelled: nobody should join). */
function Place({ event, c }: { event: EventData; c: Context }) {
  const { venue } = event;
  return (
    <>
      {venue && (
        <address class="event-venue">
          <strong>{venue.name}</strong>
          {/* A venue may be known by its name alone (a town's well-known hall). */}
          {venue.address && (
            <>
              <br />
              {venue.address}
            </>
          )}
          {(venue.city || venue.country) && <br />}
          {[venue.city, venue.country].filter(Boolean).join(", ")}
        </address>
      )}
      {/* A link, not an embedded map: nothing is requested from another site unless the reader follows it. */}
      {venue?.geo && (
        <p class="event-map">
          <a href={osmUrl(venue.geo)}>{c.t("events.map")}</a>
        </p>
      )}
      {event.attendance !== "offline" && (
        <p class="event-online">
          {c.t("events.attendance.online")}
          {event.status !== "cancelled" && (
            <>
              {" · "}
              {event.online ? <a href={event.online}>{c.t("events.onlineLink")}</a> : c.t("events.onlineLinkLater")}
            </>
          )}
        </p>
      )}
    </>
  );
}

/** How to attend: in person or online when both are possible, then registration. */
function Attend({ event, c }: { event: EventData; c: Context }) {
  const reg = event.registration;
  const closed = reg?.deadline && reg.deadline.toMillis() < buildNow().getTime();
  const deadline = reg?.deadline && dateText(reg.deadline, c.locale, !reg.deadline.equals(reg.deadline.endOf("day")));
  return (
    <>
      {event.attendance === "mixed" && <>{c.t("events.attendance.mixed")}. </>}
      {!reg && c.t("events.noRegistration")}
      {reg && !closed && reg.full && c.t("events.full")}
      {reg && !closed && !reg.full && (
        <>
          <a href={reg.url}>{c.t("events.register")}</a>
          {deadline && <> · {c.t("events.registrationDeadline", { date: deadline })}</>}
        </>
      )}
      {reg && closed && c.t("events.registrationClosed", { date: deadline })}
    </>
  );
}

export default function EventLayout(data: PageData & { blogSettings: BlogSettings }) {
  const c = contextOf(data);
  const event = eventOf(data, c.site.timezone);
  const url = data.page.url || "/";
  // An untranslated copy: the text is in the original's language, the interface is not.
  const textLang = data.contentLang !== c.lang ? data.contentLang : undefined;
  // "Annulé : …" in the document title (tabs, bookmarks, search results); the page says it once, below the h1.
  const title = statusTitle(event, c.t);
  const happens = event.status === "scheduled" || event.status === "rescheduled";
  const banner = bannerOf(event, data.bundle);
  const recap = event.recap && recapUrl(event.recap, c.lang, (data.collections.all ?? []) as Item[]);
  const price = event.price === undefined ? undefined : (priceText(event.price, c.locale) ?? c.t("events.free"));
  const jsonLd = eventJsonLd(event, {
    siteName: c.site.name,
    siteUrl: c.site.url,
    language: data.contentLang,
    pageUrl: c.absolute(url),
    ...(banner ? { imageUrl: c.absolute(banner.url) } : {}),
  });
  const summary = event.summary && plainText(event.summary);

  return (
    <Base
      data={data}
      title={title}
      description={summary}
      ogType="article"
      image={banner}
      styles={["/assets/events.css", "/assets/blog.css"]}
      head={<script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />}
    >
      <article class={`event event-${event.status}`}>
        <header class="event-header">
          <h1>
            <span lang={textLang}>{event.title}</span>
          </h1>
          {event.subtitle && (
            <p class="subtitle" lang={textLang}>
              {event.subtitle}
            </p>
          )}
          <StatusNotice event={event} c={c} />
          {summary && (
            <p class="lead" lang={textLang}>
              {summary}
            </p>
          )}
        </header>
        {banner?.local && <img class="event-banner" src={banner.local} alt={banner.alt} lang={textLang} />}
        <section class="event-facts" aria-labelledby="event-details">
          <h2 id="event-details">{c.t("events.details")}</h2>
          <dl>
            <dt>{c.t("events.when")}</dt>
            <dd>
              <EventWhen event={event} c={c} detailed />
            </dd>
            <dt>{c.t("events.where")}</dt>
            <dd>
              <Place event={event} c={c} />
            </dd>
            {event.status !== "cancelled" && (
              <>
                <dt>{c.t("events.attend")}</dt>
                <dd>
                  <Attend event={event} c={c} />
                </dd>
              </>
            )}
            {price && (
              <>
                <dt>{c.t("events.price")}</dt>
                <dd>{price}</dd>
              </>
            )}
            {event.capacity && (
              <>
                <dt>{c.t("events.capacity")}</dt>
                <dd>{c.t("events.capacityValue", { count: event.capacity })}</dd>
              </>
            )}
            {event.organiser && (
              <>
                <dt>{c.t("events.organiser")}</dt>
                <dd>{event.organiser.url ? <a href={event.organiser.url}>{event.organiser.name}</a> : event.organiser.name}</dd>
              </>
            )}
          </dl>
          {(happens || recap || event.status === "postponed") && (
            <p class="event-actions" data-pagefind-ignore="">
              {happens && (
                <>
                  <a class="event-ics" href={eventIcsUrl(url)} type="text/calendar">
                    {c.t("events.addToCalendar")}
                  </a>{" "}
                  <span class="meta">({c.t("events.addToCalendarHint")})</span>
                </>
              )}
              {event.status === "postponed" && <a href={`${c.url(AGENDA_PATH)}#subscribe`}>{c.t("events.followAgenda")}</a>}
              {recap && (
                <>
                  {happens && <br />}
                  <a href={recap}>{c.t("events.recap")}</a>
                </>
              )}
            </p>
          )}
        </section>
        <Html class="prose" lang={textLang} html={data.content ?? ""} />
        <Credits of={event} c={c} textLang={textLang} withTranslators={!data.untranslated} />
        {event.tags.length > 0 && (
          <footer class="post-footer event-footer">
            <h2 class="post-footer-title">{c.t("post.tags")}</h2>
            {/* Like a post's tags: named as on the blog's tag page, whatever the spelling here, labelled in the
                reader's language, linked to that page when there is one. */}
            <TagLinks tags={event.tags} data={data} c={c} hasPage={(slug) => builtUrls(data).has(c.url(`blog/tags/${slug}/`))} />
          </footer>
        )}
      </article>
    </Base>
  );
}
