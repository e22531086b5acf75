/**
 * The status notices as a source of the feeds plugin: `notices_<lang>` at
 * `/status/feed.xml`, `/status/atom.xml`, `/status/feed.json` (and under `/en/`),
 * for members who follow the services in their feed reader. Entries are dated by
 * publication (the notice's first commit: when it was announced) and updated by
 * its last one (an incident marked solved); what, which services and when open
 * the content.
 */
import { escapeMarkup } from "../core/escape.ts";
import type { Site } from "../core/site.ts";
import { plainText } from "../core/plain-text.ts";
import { feedDates, type Revision } from "../events/revision.ts";
import type { FeedSource } from "../feeds/types.ts";
import { translator, type Resources } from "../i18n/strings.ts";
import type { Service } from "./catalog.ts";
import { noticeOf, STATUS_PATH } from "./notices.ts";
import { noticeWhen, serviceNames } from "./words.ts";

export interface StatusFeedOptions {
  /** The git history of a bundle (its folder, or its files for a single-file page). */
  revisionOf: (bundle: string) => Revision;
  /** The services of data/services.yaml, read by the validation pass. */
  services: () => readonly Service[];
}

export function statusFeedSource(site: Site, strings: Resources, { revisionOf, services }: StatusFeedOptions): FeedSource {
  const t = (lang: string) => translator(strings, lang);
  const localeOf = (lang: string) => site.languages.find((l) => l.code === lang)?.locale ?? lang;
  return {
    key: "status",
    title: (lang) => t(lang)("status.title"),
    description: (lang) => t(lang)("status.intro"),
    collection: (lang) => `notices_${lang}`,
    path: STATUS_PATH,
    page: STATUS_PATH,
    // After the blog and the agenda, and only on the status pages' heads.
    order: 2,
    discovery: "own pages",
    toEntry(item, { lang }) {
      const notice = noticeOf(item.data, site.timezone);
      const bundle = String(item.data.bundle);
      const { published, updated } = feedDates(revisionOf(bundle), site.timezone);
      const words = t(lang);
      const kind = words(`status.kind.${notice.kind}`);
      const facts = [
        `<strong>${escapeMarkup(kind)}</strong>`,
        escapeMarkup(`${words("status.servicesLabel")} ${serviceNames(notice.services, services(), lang)}`),
        escapeMarkup(noticeWhen(notice, localeOf(lang), words)),
      ];
      const intro = `<p>${facts.join("<br>")}</p>`;
      return {
        key: bundle,
        title: words("status.entryTitle", { kind, title: notice.title }),
        url: item.url,
        published,
        updated,
        summary: notice.summary && plainText(notice.summary),
        content: () => `${intro}${item.content}`,
        body: () => item.content,
        credits: notice,
        lang: String(item.data.contentLang ?? item.data.lang),
      };
    },
  };
}
