/** Links to the pages of the agenda's years (/events/2025/), those with events in the current language. */
import { AGENDA_PATH } from "../../plugins/events/entries.ts";
import type { Context } from "../lib/context.ts";
import { YearsNav } from "./Pager.tsx";

/** "Par année : 2027 · 2026 · 2025 — Tout l’agenda"; the agenda itself leaves out its own link. */
export function EventYearsNav({ years, c, lead, here, withAgenda = true }: { years: readonly number[]; c: Context; lead: string; here?: string | false; withAgenda?: boolean }) {
  return (
    <YearsNav
      label={c.t("events.yearsLabel")}
      lead={lead}
      years={years}
      yearUrl={(year) => c.url(`${AGENDA_PATH}${year}/`)}
      here={here}
      last={withAgenda ? { url: c.url(AGENDA_PATH), text: c.t("events.homeAll") } : undefined}
    />
  );
}
