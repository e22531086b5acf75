/**
 * On a translation whose original changed after it was written: a discreet
 * line saying the original is more recent, with a link to it. The
 * translations plugin sets `staleTranslation` in the page's data.
 */
import type { StaleTranslation } from "../../plugins/translations/index.ts";
import { contextOf } from "../lib/context.ts";
import type { PageData } from "../lib/types.ts";

export function StaleNotice({ data }: { data: PageData & { staleTranslation?: StaleTranslation | false } }) {
  const stale = data.staleTranslation;
  if (!stale) return null;
  const c = contextOf(data);
  const language = c.languageName(stale.originalLang);
  return (
    <p class="notice notice-stale" role="note" data-pagefind-ignore>
      {c.t("translations.staleNotice", { language })}{" "}
      <a href={stale.originalUrl} hreflang={stale.originalLang}>
        {c.t("translations.readOriginal", { language })}
      </a>
    </p>
  );
}
