/**
 * A status notice's page: what it is and where it stands (badges), the title, when and
 * which services, the text (what changes for members, what to do), a link to the
 * status page. Where it stands is decided when the site is built.
 */
import { buildNow } from "../plugins/core/project.ts";
import { plainText } from "../plugins/core/plain-text.ts";
import { noticeOf, noticeState, STATUS_PATH } from "../plugins/services/notices.ts";
import { noticeWhen } from "../plugins/services/words.ts";
import { Base } from "./components/Base.tsx";
import { Credits } from "./components/Credits.tsx";
import { Html } from "./components/Html.tsx";
import { NoticeBadges, ServiceLinks, STATUS_CSS } from "./components/NoticeList.tsx";
import { contextOf } from "./lib/context.ts";
import type { PageData } from "./lib/types.ts";

export default function NoticeLayout(data: PageData) {
  const c = contextOf(data);
  const notice = noticeOf(data, c.site.timezone);
  const state = noticeState(notice, buildNow());
  // An untranslated copy: the text is in the original's language, the interface is not.
  const textLang = data.contentLang !== c.lang ? data.contentLang : undefined;
  const summary = notice.summary && plainText(notice.summary);
  return (
    <Base data={data} title={c.t("status.entryTitle", { kind: c.t(`status.kind.${notice.kind}`), title: notice.title })} description={summary} ogType="article" styles={[STATUS_CSS]}>
      <article class={`status-notice status-notice-${notice.kind} status-notice-${state}`}>
        <header class="status-notice-header">
          <p class="status-card-badges">
            <NoticeBadges notice={notice} state={state} c={c} />
          </p>
          <h1>
            <span lang={textLang}>{notice.title}</span>
          </h1>
          {summary && (
            <p class="lead" lang={textLang}>
              {summary}
            </p>
          )}
        </header>
        <section class="status-facts" aria-labelledby="status-facts-title">
          <h2 id="status-facts-title" class="visually-hidden">
            {c.t("status.facts.title")}
          </h2>
          <dl>
            <dt>{c.t("status.facts.when")}</dt>
            <dd>
              <time datetime={c.iso(notice.start)}>{noticeWhen(notice, c.locale, c.t)}</time>
            </dd>
            <dt>{c.t("status.facts.services")}</dt>
            <dd>
              <ServiceLinks ids={notice.services} services={data.servicesApi?.list() ?? []} c={c} />
            </dd>
          </dl>
        </section>
        <Html class="prose" lang={textLang} html={data.content ?? ""} />
        <Credits of={notice} c={c} textLang={textLang} withTranslators={!data.untranslated} />
        <p class="status-back">
          <a href={c.url(STATUS_PATH)}>{c.t("status.all")}</a>
        </p>
      </article>
    </Base>
  );
}
