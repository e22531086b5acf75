/** " (in French)" after the title of an untranslated copy in a list: the language the reader will find. */
import type { Context } from "../lib/context.ts";

export function LanguageBadge({ lang, c }: { lang: string; c: Context }) {
  return <span class="badge"> ({c.t("i18n.inLanguage", { language: c.languageName(lang) })})</span>;
}
