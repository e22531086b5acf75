/**
 * Translators, proofreaders, illustration credits and the source of a
 * republished text, in the page's language, at the end of a post, event,
 * report or doc page. Nothing at all when the page credits nobody.
 */
import { creditLines } from "../../plugins/i18n/credits.ts";
import type { Provenance } from "../../plugins/validate/fields.ts";
import type { Context } from "../lib/context.ts";

export function Credits({ of, c, textLang, withTranslators = true }: { of: Provenance; c: Context; textLang?: string | undefined; withTranslators?: boolean }) {
  const lines = creditLines(of, c.t, { locale: c.locale, textLang, withTranslators });
  if (!lines.length) return null;
  return (
    <aside class="page-credits" aria-labelledby="page-credits-title">
      <h2 id="page-credits-title" class="page-credits-title">
        {c.t("credits.title")}
      </h2>
      <ul>
        {lines.map((line) => (
          <li>
            {line.map((s) => (s.href ? <a href={s.href}>{s.text}</a> : s.lang ? <span lang={s.lang}>{s.text}</span> : s.text))}
          </li>
        ))}
      </ul>
    </aside>
  );
}
