/** Links to the pages of the agenda's years (/events/2025/), those with events in the current language. */
import { AGENDA_PATH, type EventYear } from "../../plugins/events/entries.ts";
import type { Context } from "../lib/context.ts";

/** The years of the current language, newest first. */
export function yearsOf(years: readonly EventYear[] | undefined, c: Context): number[] {
  return (years ?? []).filter((y) => y.counts[c.lang]).map((y) => y.year);
}

/** "Par année : 2027 · 2026 · 2025 — Tout l’agenda", the page's own year marked as current (the agenda itself leaves out its own link). */
export function EventYearsNav({ years, c, lead, here, withAgenda = true }: { years: readonly number[]; c: Context; lead: string; here?: number; withAgenda?: boolean }) {
  if (!years.length) return null;
  return (
    <nav class="archive-nav" aria-label={c.t("events.yearsLabel")}>
      <p>
        {lead}{" "}
        {years.map((year, i) => (
          <>
            {i > 0 && " · "}
            <a href={c.url(`${AGENDA_PATH}${year}/`)} aria-current={year === here ? "page" : undefined}>
              {year}
            </a>
          </>
        ))}
        {withAgenda && (
          <>
            {" — "}
            <a href={c.url(AGENDA_PATH)}>{c.t("events.homeAll")}</a>
          </>
        )}
      </p>
    </nav>
  );
}
