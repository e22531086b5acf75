/**
 * The status page of a language (/status/): when it was built, each service's state
 * (working normally, or the maintenance or incident going on, and the next planned
 * maintenance), then what is going on, what is planned and the history, and the
 * feeds that announce each notice. Where a notice stands is decided when the site
 * is built; the daily build keeps it true.
 */
import { DateTime } from "luxon";
import { buildNow } from "../plugins/core/project.ts";
import { dateText } from "../plugins/i18n/dates.ts";
import { mostSerious, serviceUrl, STATUS_PATH, type NoticeItem, type Service } from "../plugins/services/index.ts";
import { noticeWhen, serviceNames } from "../plugins/services/words.ts";
import { Base } from "./components/Base.tsx";
import { SectionFeeds } from "./components/SectionFeeds.tsx";
import { NoticeList, noticesOf, STATUS_CSS } from "./components/NoticeList.tsx";
import { contextOf, type Context } from "./lib/context.ts";
import type { FeedLink, PageData } from "./lib/types.ts";

/** Each service with what is going on on it now (an incident before a maintenance) and its next planned maintenance. */
function ServiceStates({ services, ongoing, upcoming, c }: { services: readonly Service[]; ongoing: NoticeItem[]; upcoming: NoticeItem[]; c: Context }) {
  if (!services.length) return null;
  return (
    <section aria-labelledby="status-services">
      <h2 id="status-services">{c.t("status.servicesTitle")}</h2>
      <ul class="status-services">
        {services.map((service) => {
          const now = mostSerious(ongoing.filter((n) => n.notice.services.includes(service.id)));
          // An incident "to come" is a date mistake the build names, not planned work.
          const next = upcoming.find((n) => n.notice.kind === "maintenance" && n.notice.services.includes(service.id));
          return (
            <li class={`status-service status-service-${now ? now.notice.kind : "ok"}`}>
              <a class="status-service-name" href={serviceUrl(service, c.url)}>
                {service.name[c.lang]}
              </a>
              <span class="status-service-state">{now ? <a href={now.item.url}>{c.t(`status.serviceState.${now.notice.kind}`)}</a> : c.t("status.ok")}</span>
              {next && (
                <span class="status-service-next">
                  <a href={next.item.url}>{c.t("status.next", { date: noticeWhen(next.notice, c.locale, c.t) })}</a>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * The page's first answer, as status pages give it: every service working, or the
 * incident (before any maintenance) going on now and the services it stops.
 */
function Summary({ ongoing, services, c }: { ongoing: NoticeItem[]; services: readonly Service[]; c: Context }) {
  const worst = mostSerious(ongoing);
  if (!worst) return <p class="status-summary status-summary-ok">{c.t("status.summary.ok")}</p>;
  const affected = [...new Set(ongoing.filter((n) => n.notice.kind === worst.notice.kind).flatMap((n) => n.notice.services))];
  return (
    <p class={`status-summary status-summary-${worst.notice.kind}`}>
      <a href={worst.item.url}>{c.t(`status.summary.${worst.notice.kind}`, { services: serviceNames(affected, services, c.lang) })}</a>
    </p>
  );
}

export default function StatusLayout(data: PageData) {
  const c = contextOf(data);
  const { ongoing, upcoming, over } = noticesOf(data, c);
  const services = data.servicesApi?.list() ?? [];
  const builtAt = DateTime.fromJSDate(buildNow()).setZone(c.site.timezone);
  // The page's own feeds (RSS, Atom, JSON), as the feeds plugin announces them.
  const feeds = (data.feedLinks?.[c.lang] ?? []).filter((f: FeedLink) => f.url.startsWith(c.url(STATUS_PATH)));
  return (
    <Base data={data} title={c.t("status.title")} description={c.t("status.intro")} styles={[STATUS_CSS]}>
      <h1>{c.t("status.title")}</h1>
      <p class="lead">{c.t("status.intro")}</p>
      <Summary ongoing={ongoing} services={services} c={c} />
      <p class="meta status-as-of" data-pagefind-ignore="">
        {c.t("status.asOf", { date: dateText(builtAt, c.locale, true) })}
      </p>
      <ServiceStates services={services} ongoing={ongoing} upcoming={upcoming} c={c} />
      {ongoing.length > 0 && (
        <section aria-labelledby="status-now">
          <h2 id="status-now">{c.t("status.now")}</h2>
          <NoticeList notices={ongoing} services={services} c={c} />
        </section>
      )}
      <section aria-labelledby="status-upcoming">
        <h2 id="status-upcoming">{c.t("status.upcoming")}</h2>
        {upcoming.length ? <NoticeList notices={upcoming} services={services} c={c} /> : <p>{c.t("status.noUpcoming")}</p>}
      </section>
      {feeds.length > 0 && (
        <aside class="status-subscribe" aria-labelledby="status-subscribe">
          <h2 id="status-subscribe">{c.t("status.subscribeTitle")}</h2>
          <p>
            {c.t("status.subscribe")} <SectionFeeds feeds={feeds} />.
          </p>
        </aside>
      )}
      <section aria-labelledby="status-past">
        <h2 id="status-past">{c.t("status.past")}</h2>
        {over.length ? <NoticeList notices={over} services={services} c={c} /> : <p>{c.t("status.noPast")}</p>}
      </section>
    </Base>
  );
}
