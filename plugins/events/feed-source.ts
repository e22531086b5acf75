/**
 * The agenda as a source of the feeds plugin: `events_<lang>` at `/events/feed.xml`,
 * `/events/atom.xml`, `/events/feed.json` (and under `/en/`). Entries are dated by
 * publication (the bundle's first commit: when the event was announced) and updated
 * by its last commit; the event's own date, place and status open the content.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { keyedBy } from "../core/memo.ts";
import { buildNow } from "../core/project.ts";
import type { Site } from "../core/site.ts";
import type { FeedSource } from "../feeds/types.ts";
import { translator, type Resources } from "../i18n/strings.ts";
import type { Calendars } from "./calendars.ts";
import { feedDates } from "./revision.ts";
import { AGENDA_ICS_PATH, AGENDA_PATH, eventIcsUrl, eventOf, statusTitle } from "./entries.ts";
import { isOver, shownDate } from "./agenda.ts";
import { eventFeedHtml } from "./feed-entry.tsx";
import type { EventData } from "./schema.ts";
import { plainText } from "../core/plain-text.ts";

/** Bytes of a bundle's file, for the enclosure's length (undefined when it cannot be read: the validation pass named it). */
function fileSize(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

export function agendaFeedSource(site: Site, strings: Resources, calendars: Calendars): FeedSource {
  const t = (lang: string) => translator(strings, lang);
  const localeOf = (lang: string) => site.languages.find((l) => l.code === lang)?.locale ?? lang;
  // npm start makes every entry again after a saved post: an event's facts are
  // rendered once per version of them (dates keep their zone in the key, the
  // words are this configuration's). A series shows its next date, or its last
  // once over: the key holds which, and whether it is over.
  const introOf = keyedBy(
    ({ event, lang, icsUrl, now }: { event: EventData; lang: string; icsUrl: string; now: Date }) =>
      JSON.stringify([lang, icsUrl, event, event.repeat && [shownDate(event, now).start, isOver(event, now)]], function (this: Record<string, unknown>, key, value: unknown) {
        const raw = this[key];
        return DateTime.isDateTime(raw) ? `${raw.toISO()}[${raw.zoneName}]` : value;
      }),
    ({ event, lang, icsUrl, now }) => eventFeedHtml(event, { t: t(lang), locale: localeOf(lang), siteZone: site.timezone, icsUrl, now }),
    2000,
  );
  return {
    key: "agenda",
    // After the blog's feeds, before the services' status.
    order: 1,
    title: (lang) => t(lang)("events.title"),
    description: (lang) => t(lang)("events.intro"),
    collection: (lang) => `events_${lang}`,
    path: AGENDA_PATH,
    page: AGENDA_PATH,
    calendar: AGENDA_ICS_PATH,
    toEntry(item, { lang }) {
      const event = eventOf(item.data, site.timezone);
      const bundle = String(item.data.bundle);
      const { published, updated } = feedDates(calendars.revisionOf(bundle), site.timezone);
      // Only the entries a feed lists are written: their intro is made when asked for.
      const now = buildNow();
      const intro = () => introOf({ event, lang, icsUrl: eventIcsUrl(item.url), now });
      return {
        key: bundle,
        title: statusTitle(event, t(lang)),
        url: item.url,
        published,
        updated,
        summary: event.summary && plainText(event.summary),
        content: () => `${intro()}${item.content}`,
        body: () => item.content,
        credits: event,
        tags: event.tags,
        lang: String(item.data.contentLang ?? item.data.lang),
        image: event.banner && !/^https?:/.test(event.banner) ? { url: `/${bundle}/${event.banner.replace(/^\.?\//, "")}`, length: fileSize(path.resolve(path.dirname(item.inputPath), event.banner)) } : undefined,
      };
    },
  };
}
