/**
 * Status notices as the status page and the home page show them: what (maintenance
 * or incident) and where it stands as badges, the title, when, which services.
 */
import { buildNow } from "../../plugins/core/project.ts";
import { serviceUrl, splitNotices, type Notice, type NoticeItem, type NoticeState, type Service } from "../../plugins/services/index.ts";
import { noticeWhen, SERVICE_SEPARATOR } from "../../plugins/services/words.ts";
import type { Context } from "../lib/context.ts";
import type { Item, PageData } from "../lib/types.ts";
import { LanguageBadge } from "./LanguageBadge.tsx";

/** The stylesheet of the notices, the status page and the home page's announcements. */
export const STATUS_CSS = "/assets/status.css";

/** The notices of the page's language, split at the build's time (plugins/services). */
export function noticesOf(data: PageData, c: Context) {
  return splitNotices((data.collections[`notices_${c.lang}`] ?? []) as Item[], c.site.timezone, buildNow());
}

/** "Maintenance" and "En cours": the kind, and where it stands (coloured by kind and state). */
export function NoticeBadges({ notice, state, c }: { notice: Notice; state: NoticeState; c: Context }) {
  return (
    <>
      <strong class={`status-badge status-badge-${notice.kind}`}>{c.t(`status.kind.${notice.kind}`)}</strong>{" "}
      <span class={`status-state status-state-${state}`}>{c.t(`status.state.${notice.kind}.${state}`)}</span>
    </>
  );
}

/** The services a notice concerns, each linked to its page, separated as `serviceNames` separates them. */
export function ServiceLinks({ ids, services, c }: { ids: readonly string[]; services: readonly Service[]; c: Context }) {
  return (
    <>
      {ids.map((id, i) => {
        const service = services.find((s) => s.id === id);
        return (
          <>
            {i > 0 && SERVICE_SEPARATOR}
            {service ? <a href={serviceUrl(service, c.url)}>{service.name[c.lang] ?? id}</a> : id}
          </>
        );
      })}
    </>
  );
}

/** When, then which services: the line under a notice's title, in lists and on the home page. */
export function NoticeMeta({ notice, services, c }: { notice: Notice; services: readonly Service[]; c: Context }) {
  return (
    <p class="meta">
      <time datetime={c.iso(notice.start)}>{noticeWhen(notice, c.locale, c.t)}</time>
      {" · "}
      {c.t("status.servicesLabel")} <ServiceLinks ids={notice.services} services={services} c={c} />
    </p>
  );
}

export function NoticeList({ notices, services, c, headingLevel = 3 }: { notices: NoticeItem[]; services: readonly Service[]; c: Context; headingLevel?: 2 | 3 | 4 }) {
  const H = (["h2", "h3", "h4"] as const)[headingLevel - 2]!;
  return (
    <ul class="status-list">
      {notices.map(({ item, notice, state }) => {
        const foreign = item.data.contentLang !== c.lang ? String(item.data.contentLang) : undefined;
        return (
          <li class={`status-card status-card-${notice.kind} status-card-${state}`}>
            <p class="status-card-badges">
              <NoticeBadges notice={notice} state={state} c={c} />
            </p>
            <H class="status-card-title">
              <a href={item.url} lang={foreign}>
                {notice.title}
              </a>
              {foreign && <LanguageBadge lang={foreign} c={c} />}
            </H>
            <NoticeMeta notice={notice} services={services} c={c} />
            {notice.summary && <p lang={foreign}>{notice.summary}</p>}
          </li>
        );
      })}
    </ul>
  );
}
