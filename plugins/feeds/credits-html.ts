/**
 * An entry's credits (translators, proofreaders, illustrations, source) as the
 * end of its HTML in a feed, so a reader that shows only the feed still says
 * who made the text and its pictures. The same lines as the page's, in the
 * feed's language. Pure.
 */
import type { TFunction } from "i18next";
import { creditLines } from "../i18n/credits.ts";
import type { Provenance } from "../validate/fields.ts";
import { escapeMarkup as escapeHtml } from "../core/escape.ts";

export function creditsHtml(of: Provenance, t: TFunction, options: { locale: string; textLang?: string | undefined; withTranslators: boolean }): string {
  const lines = creditLines(of, t, options);
  if (!lines.length) return "";
  const items = lines.map((line) => {
    const parts = line.map((s) => {
      const text = escapeHtml(s.text);
      if (s.href) return `<a href="${escapeHtml(s.href)}">${text}</a>`;
      return s.lang ? `<span lang="${escapeHtml(s.lang)}">${text}</span>` : text;
    });
    return `<li>${parts.join("")}</li>`;
  });
  return `\n<hr>\n<p><strong>${escapeHtml(t("credits.title"))}</strong></p>\n<ul>\n${items.join("\n")}\n</ul>`;
}
