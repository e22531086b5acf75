/** A plain page (association, services, legal…). */
import { Base } from "./components/Base.tsx";
import { Credits } from "./components/Credits.tsx";
import { Html } from "./components/Html.tsx";
import { parseWallClock } from "../plugins/core/dates.ts";
import { provenanceOf } from "../plugins/validate/fields.ts";
import HomeLayout from "./home.11ty.tsx";
import { contextOf } from "./lib/context.ts";
import type { PageData } from "./lib/types.ts";

export default function PageLayout(data: PageData) {
  // The root bundle (content/index.<lang>.md) is the home page.
  if (data.bundle === "") return HomeLayout(data);
  const c = contextOf(data);
  const title = data.title ?? c.site.name;
  const provenance = provenanceOf(data, c.site.timezone);
  // Validated already (pages/schema.ts): a wall-clock date in the site's zone.
  const updated = typeof data.updated === "string" ? parseWallClock(data.updated, c.site.timezone) : undefined;
  return (
    <Base data={data} title={title} description={data.summary}>
      <article class="page" lang={data.contentLang !== c.lang ? data.contentLang : undefined}>
        <h1>{title}</h1>
        {provenance.subtitle && <p class="subtitle">{provenance.subtitle}</p>}
        {updated && "dateTime" in updated && (
          <p class="meta" data-pagefind-ignore="">
            {c.t("page.updatedOn")} <time datetime={updated.hasTime ? c.iso(updated.dateTime) : (updated.dateTime.toISODate() ?? undefined)}>{c.date(updated.dateTime)}</time>
          </p>
        )}
        <Html class="prose" html={data.content ?? ""} />
        <Credits of={provenance} c={c} withTranslators={!data.untranslated} />
      </article>
    </Base>
  );
}
