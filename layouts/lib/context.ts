/**
 * What a layout needs about the current page's language: the UI strings, the
 * locale, URLs in this language, absolute URLs and dates.
 */
import type { DateTime } from "luxon";
import { isoDateTime } from "../../plugins/core/dates.ts";
import { formatDate } from "../../plugins/i18n/dates.ts";
import { localizedUrl } from "../../plugins/i18n/paths.ts";
import { translator } from "../../plugins/i18n/strings.ts";
import { builtUrls } from "../../plugins/i18n/translations.ts";
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
    /**
     * A page of the settings (`/soutenir/`, `/mentions-legales/`) in this language, only
     * when this build has it (no link to nowhere); an outside address as it is.
     */
    page: (sitePath: string): string | undefined => {
      if (!sitePath.startsWith("/")) return sitePath;
      const href = localizedUrl(sitePath.slice(1), lang, site.defaultLanguage);
      return builtUrls(data).has(href) ? href : undefined;
    },
    /** Site-absolute path → absolute URL. */
    absolute: (url: string) => (/^https?:/.test(url) ? url : `${site.url}${url.startsWith("/") ? "" : "/"}${url}`),
    date: (dt: DateTime) => formatDate(dt, language.locale),
    iso: isoDateTime,
    /** Name of a language in the current language ("français", "French"). */
    languageName: (code: string) => t(`languageNames.${code}`),
  };
}

export type Context = ReturnType<typeof contextOf>;
