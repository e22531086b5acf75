/**
 * The site's calendar files from its event pages: the per-language words and URLs
 * around ical.ts, and SEQUENCE/DTSTAMP from the build's git history, looked up once per bundle.
 */
import { DateTime } from "luxon";
import type { CollectionItem } from "../core/eleventy.ts";
import { buildNow } from "../core/project.ts";
import type { Site } from "../core/site.ts";
import { localizedUrl } from "../i18n/paths.ts";
import { translator, type Resources } from "../i18n/strings.ts";
import { AGENDA_ICS_PATH, AGENDA_PATH, eventOf } from "./entries.ts";
import { timed } from "../core/timings.ts";
import { agendaIcs, eventIcs, type AgendaEntry, type CalendarContext } from "./ical.ts";
import type { GitHistory } from "../core/git-history.ts";
import { bundleRevision, type Revision } from "./revision.ts";

export interface CalendarsOptions {
  site: Site;
  /** Absolute content folder: bundles are found under it. */
  input: string;
  /** The git history of `input` for the current build (../core/git-history.ts). */
  history: () => GitHistory;
  /** Called once per build when git cannot give SEQUENCE (shallow clone, no git). */
  warn?: (message: string) => void;
}

export class Calendars {
  private readonly revisions = new Map<string, Revision>();
  private warned = false;

  constructor(private readonly options: CalendarsOptions) {}

  /** Forget git answers: a new build (in watch mode) may follow a commit. */
  reset(): void {
    this.revisions.clear();
    this.warned = false;
  }

  /** One number for every language of a bundle: the folder's history (or `name.*` for single files). */
  revisionOf(bundle: string): Revision {
    let revision = this.revisions.get(bundle);
    if (!revision) {
      revision = bundleRevision(this.options.history(), this.options.input, bundle);
      this.revisions.set(bundle, revision);
      if (revision.source !== "git" && !this.warned) {
        this.warned = true;
        const why = revision.source === "shallow" ? "the clone is shallow (clone with fetch-depth: 0)" : "the content is not in a git work tree";
        this.options.warn?.(`[events] calendars get SEQUENCE 0 and the build time as DTSTAMP: ${why}`);
      }
    }
    return revision;
  }

  entryOf(item: CollectionItem): AgendaEntry {
    const { site } = this.options;
    const bundle = String(item.data.bundle);
    return { event: eventOf(item.data, site.timezone), bundle, pageUrl: `${site.url}${item.url}`, revision: this.revisionOf(bundle) };
  }

  private context(lang: string, strings: Resources): CalendarContext {
    const { site } = this.options;
    const t = translator(strings, lang);
    return {
      siteName: site.name,
      siteUrl: site.url,
      language: lang,
      locale: site.languages.find((l) => l.code === lang)?.locale ?? lang,
      name: t("events.ics.name", { site: site.name }),
      t: (key, values) => t(key, values),
      buildTime: DateTime.fromJSDate(buildNow()),
    };
  }

  /** The `.ics` of one event page, in the page's language. */
  eventFile(item: CollectionItem, strings: Resources): string {
    const entry = this.entryOf(item);
    return timed("iCalendar", () => eventIcs(entry.event, { ...this.context(String(item.data.lang), strings), ...entry }));
  }

  /** The agenda of a language for subscription: every event page of that language. */
  agendaFile(items: readonly CollectionItem[], lang: string, strings: Resources): string {
    const { site } = this.options;
    const url = (p: string) => `${site.url}${localizedUrl(p, lang, site.defaultLanguage)}`;
    return timed("iCalendar", () => agendaIcs(items.map((item) => this.entryOf(item)), { ...this.context(lang, strings), agendaUrl: url(AGENDA_PATH), source: url(AGENDA_ICS_PATH) }));
  }
}
