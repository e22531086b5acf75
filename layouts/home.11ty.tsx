/**
 * The home page of a language, in the order a visitor asks: first, a maintenance or
 * an incident a member must know about (when there is one); who is this (logo,
 * the Markdown's title and text, beside a call to join, give or write), what do
 * they offer (the services of data/services.yaml as cards), what is coming up
 * (next events, a cancelled one never heads the list) and what is new (latest posts).
 */
import { Base } from "./components/Base.tsx";
import { EVENTS_CSS, EventNext } from "./components/EventNext.tsx";
import { Html } from "./components/Html.tsx";
import { PostList } from "./components/PostList.tsx";
import { safeJson } from "../plugins/core/escape.ts";
import { contextOf, type Context } from "./lib/context.ts";
import { NoticeBadges, NoticeMeta, noticesOf, STATUS_CSS } from "./components/NoticeList.tsx";
import { serviceUrl, STATUS_PATH, type NoticeItem, type Service } from "../plugins/services/index.ts";
import type { Item, PageData } from "./lib/types.ts";

/** Posts shown on the home page. */
const LATEST_POSTS = 3;

/** The support page in this language, at one of its headings (c.page: left out when the site has none); an outside URL kept. */
function supportUrl(c: Context, anchorKey: string): string | undefined {
  const page = c.page(c.site.donateUrl);
  return page?.startsWith("/") ? `${page}#${c.t(anchorKey)}` : page;
}

function JoinUs({ c }: { c: Context }) {
  const join = supportUrl(c, "home.cta.joinAnchor");
  const donate = supportUrl(c, "home.cta.donateAnchor");
  return (
    <aside class="home-cta" aria-labelledby="home-cta-title">
      <h2 id="home-cta-title">{c.t("home.cta.title")}</h2>
      <p>{c.t("home.cta.text")}</p>
      <ul class="home-cta-actions">
        {join && (
          <li>
            <a class="button button-primary" href={join}>
              {c.t("home.cta.join")}
            </a>
          </li>
        )}
        {donate && (
          <li>
            <a class="button" href={donate}>
              {c.t("home.cta.donate")}
            </a>
          </li>
        )}
        <li>
          <a class="button" href={`mailto:${c.site.email}`}>
            {c.t("home.cta.contact")}
          </a>
        </li>
      </ul>
    </aside>
  );
}

/**
 * What a member must know before anything else: a maintenance or an incident going on,
 * or a maintenance within the week (plugins/services), each linked to its notice.
 */
function Announcements({ notices, services, c }: { notices: NoticeItem[]; services: readonly Service[]; c: Context }) {
  if (!notices.length) return null;
  return (
    <section class="status-announcements" aria-label={c.t("status.announcements")}>
      <ul>
        {notices.map(({ item, notice, state }) => (
          <li class={`status-announcement status-announcement-${notice.kind}`}>
            <p class="status-card-badges">
              <NoticeBadges notice={notice} state={state} c={c} />
            </p>
            <p class="status-announcement-title">
              <a href={item.url}>{notice.title}</a>
            </p>
            <NoticeMeta notice={notice} services={services} c={c} />
          </li>
        ))}
      </ul>
      <p class="status-announcements-more">
        <a href={c.url(STATUS_PATH)}>{c.t("status.title")}</a>
      </p>
    </section>
  );
}

function Services({ services, c }: { services: readonly Service[]; c: Context }) {
  if (!services.length) return null;
  return (
    <section class="home-services" aria-labelledby="home-services-title">
      <h2 id="home-services-title">{c.t("home.services.title")}</h2>
      <p class="home-section-intro">{c.t("home.services.intro")}</p>
      <ul class="service-grid">
        {services.map((s) => (
          <li class="service-card">
            <h3>
              <a href={serviceUrl(s, c.url)}>{s.name[c.lang]}</a>
            </h3>
            <p>{s.summary[c.lang]}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Who publishes the site, for search engines: schema.org's Organization, with the
 * association's accounts elsewhere as `sameAs`.
 */
function organisationJsonLd(c: Context): string {
  const { site } = c;
  return safeJson({
    "@context": "https://schema.org",
    "@type": "Organization",
    name: site.name,
    url: c.absolute(c.url("")),
    description: site.description[c.lang],
    email: site.email,
    ...(site.elsewhere.length ? { sameAs: site.elsewhere.map((e) => e.url) } : {}),
  });
}

export default function HomeLayout(data: PageData) {
  const c = contextOf(data);
  const posts = ((data.collections[`posts_${c.lang}`] ?? []) as Item[]).slice(0, LATEST_POSTS);
  const services = data.servicesApi?.list() ?? [];
  const { announced } = noticesOf(data, c);
  return (
    <Base data={data} title={data.title ?? c.site.name} description={data.summary} styles={[EVENTS_CSS, "/assets/home.css", ...(announced.length ? [STATUS_CSS] : [])]}
      head={<script type="application/ld+json" dangerouslySetInnerHTML={{ __html: organisationJsonLd(c) }} />}
    >
      <Announcements notices={announced} services={services} c={c} />
      <div class="home-hero">
        <div class="home-welcome">
          {data.logo && <span class="home-logo" aria-hidden="true" dangerouslySetInnerHTML={{ __html: data.logo }} />}
          <Html class="prose home-intro" html={data.content ?? ""} />
        </div>
        <JoinUs c={c} />
      </div>
      <Services services={services} c={c} />
      <div class="home-columns">
        <EventNext data={data} c={c} />
        <section class="home-posts" aria-labelledby="latest-posts">
          <h2 id="latest-posts">{c.t("home.latestPosts")}</h2>
          <PostList posts={posts} c={c} headingLevel={3} />
          <p class="home-more">
            <a href={c.url("blog/")}>{c.t("home.allPosts")}</a>
          </p>
        </section>
      </div>
    </Base>
  );
}
