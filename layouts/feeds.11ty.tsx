/**
 * The feeds page of a language: what a feed is, how to subscribe, then the main
 * feeds (each source whole: the blog, the agenda with its calendar), then the
 * feeds of each tag, with the addresses to copy. The list comes from the feeds
 * plugin (`feedCatalog`).
 */
import type { FeedSpec } from "../plugins/feeds/types.ts";
import { Address } from "./components/Address.tsx";
import { Base } from "./components/Base.tsx";
import { contextOf, type Context } from "./lib/context.ts";
import type { PageData } from "./lib/types.ts";

type Format = "rss" | "atom" | "json";

interface FeedsPageData extends PageData {
  feedCatalog: {
    specs: (collections: PageData["collections"]) => FeedSpec[];
    formats: Record<Format, { label: string; type: string }>;
  };
}

export default function FeedsLayout(data: FeedsPageData) {
  const c = contextOf(data);
  const { formats } = data.feedCatalog;
  const specs = data.feedCatalog.specs(data.collections).filter((s) => s.lang === c.lang);
  const whole = specs.filter((s) => !s.tag);
  const title = c.t("feeds.title");
  return (
    <Base data={data} title={title} description={c.t("feeds.intro")} styles={["/assets/feeds.css"]}>
      <article class="page feeds-page">
        <h1>{title}</h1>
        <p class="lead">{c.t("feeds.intro")}</p>
        <div class="prose">
          <h2>{c.t("feeds.whatTitle")}</h2>
          <p>{c.t("feeds.what")}</p>
          <h2>{c.t("feeds.howTitle")}</h2>
          <p>{c.t("feeds.how")}</p>
          <p>{c.t("feeds.formats")}</p>
        </div>
        {whole.map((spec) => {
          const headingId = `feeds-${spec.source}`;
          return (
            <section class="feed-source" aria-labelledby={headingId}>
              <h2 id={headingId}>{spec.title}</h2>
              <p>{spec.description}</p>
              <FeedLinks spec={spec} c={c} formats={formats} />
              {spec.calendar && (
                <>
                  <p>{c.t("feeds.calendar")}</p>
                  {/* Laid out like the feeds above: the link, then the address to copy on its own line. */}
                  <ul class="feed-formats">
                    <li>
                      <a href={spec.calendar} type="text/calendar">
                        {c.t("feeds.calendarLink")}
                      </a>
                    </li>
                  </ul>
                  <p class="feed-address">
                    {c.t("feeds.address")} <Address url={c.absolute(spec.calendar)} />
                  </p>
                </>
              )}
            </section>
          );
        })}
        {/* The narrower feeds after every main one: thirteen tags must not push the agenda out of sight. */}
        {whole.map((spec) => {
          const tags = specs.filter((s) => s.tag && s.source === spec.source);
          if (!tags.length) return null;
          const headingId = `feeds-${spec.source}-tags`;
          return (
            <section class="feed-source feed-source-tags" aria-labelledby={headingId}>
              <h2 id={headingId}>
                {c.t("feeds.byTag")} <span class="meta">({spec.title})</span>
              </h2>
              <p>{c.t("feeds.byTagIntro")}</p>
              <ul class="feed-tags">
                {tags.map((tag) => (
                  <li>
                    <span class="feed-tag">{tag.tag!.name}</span> <span class="meta">({c.t("feeds.entries", { count: tag.count })})</span>
                    <FeedLinks spec={tag} c={c} formats={formats} compact />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </article>
    </Base>
  );
}

function FeedLinks({ spec, c, formats, compact = false }: { spec: FeedSpec; c: Context; formats: FeedsPageData["feedCatalog"]["formats"]; compact?: boolean }) {
  const order: Format[] = ["rss", "atom", "json"];
  return (
    <>
      <ul class="feed-formats">
        {order.map((format) => (
          <li>
            <a href={spec.urls[format]} type={formats[format].type}>
              {formats[format].label}
            </a>
          </li>
        ))}
      </ul>
      {!compact && (
        <p class="feed-address">
          {c.t("feeds.address")} <Address url={c.absolute(spec.urls.rss)} />
        </p>
      )}
    </>
  );
}
