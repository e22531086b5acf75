/**
 * A status notice in the reader's language: when it happens and which services it
 * concerns, for its page, the status page, the home page and the feeds. Pure: luxon
 * and Intl; the words around them come from the UI strings (`status.*`).
 */
import { dateText, DAY_TIME, rangeText } from "../i18n/dates.ts";
import type { Service } from "./catalog.ts";
import type { Notice } from "./notices.ts";

type Words = (key: string, options?: Record<string, unknown>) => string;

/** "samedi 12 décembre 2026, 20 h – 23 h"; "Depuis le samedi 5 décembre 2026 à 14 h 10" for an incident not solved yet. */
export function noticeWhen(notice: Notice, locale: string, t: Words): string {
  if (!notice.end) return t("status.since", { date: dateText(notice.start, locale, true) });
  return rangeText(notice.start, notice.end, DAY_TIME, locale);
}

/**
 * Between two services' names: a comma, in every language. Names hold "et" and
 * "and" themselves ("Fichiers et agendas"): "Messagerie et Fichiers et agendas"
 * reads as three services.
 */
export const SERVICE_SEPARATOR = ", ";

/** The services' names in `lang`, as one phrase: "Messagerie, Fichiers et agendas". */
export function serviceNames(ids: readonly string[], services: readonly Service[], lang: string): string {
  return ids.map((id) => services.find((s) => s.id === id)?.name[lang] ?? id).join(SERVICE_SEPARATOR);
}
