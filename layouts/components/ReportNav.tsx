/** The other documents of the same exercice and the way back to the index (not printed). */
import { reportOf } from "../../plugins/reports/reports.ts";
import type { Context } from "../lib/context.ts";
import type { Item } from "../lib/types.ts";

export function ReportNav({ exercice, others, c }: { exercice: string; others: Item[]; c: Context }) {
  const headingId = "report-nav-title";
  return (
    <nav class="report-nav" aria-labelledby={headingId} data-pagefind-ignore="">
      <h2 id={headingId}>{others.length ? c.t("reports.others", { exercice }) : c.t("reports.title")}</h2>
      <ul>
        {others.map((item) => (
          <li>
            <a href={item.url} lang={item.data.contentLang !== c.lang ? item.data.contentLang : undefined}>
              {reportOf(item.data, c.site.timezone).title}
            </a>
          </li>
        ))}
        <li>
          <a href={c.url("reports/")}>{c.t("reports.all")}</a>
        </li>
      </ul>
    </nav>
  );
}
