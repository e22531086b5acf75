/**
 * What a layout needs about the current page's language: the UI strings, the
 * locale, URLs in this language, absolute URLs and dates.
 */
import type { DateTime } from "luxon";
import { isoDateTime } from "../../plugins/core/dates.ts";
import { formatDate } from "../../plugins/i18n/dates.ts";
import { localizedUrl } from "../../plugins/i18n/paths.ts";
import { translator } from "../../plugins/i18n/strings.ts";
import type { PageData } from "./types.ts";

export function contextOf(data: PageData) {
  const { site, lang } = data;
  const language = site.languages.find((l) => l.code === lang) ?? site.languages[0]!;
  const t = translator(data.strings, lang);
  return {
    site,
    lang,
    locale: language.locale,
    t,
    /** `blog/` → `/blog/` or `/en/blog/`. */
    url: (urlPath: string) => localizedUrl(urlPath, lang, site.defaultLanguage),
    /** Site-absolute path → absolute URL. */
    absolute: (url: string) => (/^https?:/.test(url) ? url : `${site.url}${url.startsWith("/") ? "" : "/"}${url}`),
    date: (dt: DateTime) => formatDate(dt, language.locale),
    iso: isoDateTime,
    /** Name of a language in the current language ("français", "French"). */
    languageName: (code: string) => t(`languageNames.${code}`),
  };
}

export type Context = ReturnType<typeof contextOf>;
