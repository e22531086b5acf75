/**
 * Reports grouped by exercice, newest first: each report's title, kind and
 * date, and its PDF with the file's weight. Used by the reports index.
 */
import { DateTime } from "luxon";
import type { ReportsApi } from "../../plugins/reports/api.ts";
import { groupByExercice, reportOf } from "../../plugins/reports/reports.ts";
import type { Context } from "../lib/context.ts";
import type { Item } from "../lib/types.ts";
import { LanguageBadge } from "./LanguageBadge.tsx";
import { ReportPdf } from "./ReportPdf.tsx";

export function ReportList({ items, api, c }: { items: Item[]; api: ReportsApi; c: Context }) {
  const zone = c.site.timezone;
  return (
    <>
      {groupByExercice(items, zone).map((group) => {
        const figures = api.exercice(group.exercice);
        // A period that is not a fiscal year (a semester, a season) is named and dated by its reports.
        const period = group.items.map((item) => reportOf(item.data, zone).period).find(Boolean);
        const dates = period ? { start: period.start.toISODate()!, end: period.end.toISODate()! } : figures;
        const headingId = `exercice-${group.exercice}`;
        return (
          <section class="report-exercice" aria-labelledby={headingId}>
            <h2 id={headingId}>{period ? period.label : c.t("reports.exercice", { exercice: group.exercice })}</h2>
            {dates && <p class="meta">{exerciceDates(dates.start, dates.end, c)}</p>}
            <ul class="report-list">
              {group.items.map((item) => {
                const report = reportOf(item.data, zone);
                const foreign = item.data.contentLang !== c.lang ? item.data.contentLang : undefined;
                const pdf = report.pdf ? api.attachment(item.data.page.inputPath, report.pdf) : undefined;
                return (
                  <li class="report-item">
                    <h3 class="report-item-title">
                      <a href={item.url} lang={foreign}>
                        {report.title}
                      </a>
                      {foreign && <LanguageBadge lang={foreign} c={c} />}
                      {report.example && <span class="badge report-badge"> {c.t("reports.example")}</span>}
                    </h3>
                    <p class="meta">
                      {c.t(`reports.kinds.${report.kind}`)} · {c.t(`reports.dated.${report.kind}`)}{" "}
                      <time datetime={c.iso(report.date)}>{c.date(report.date)}</time>
                    </p>
                    {report.summary && <p lang={foreign}>{report.summary}</p>}
                    {pdf && <ReportPdf pdf={pdf} title={report.title} c={c} textLang={foreign} />}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}

const day = (iso: string, c: Context) => c.date(DateTime.fromISO(iso, { zone: c.site.timezone }));

/** "du 1 septembre 2024 au 31 août 2025": the exercice's dates, from its figures, inside a sentence. */
export function exercicePeriod(start: string, end: string, c: Context): string {
  return c.t("reports.period", { start: day(start, c), end: day(end, c) });
}

/** "Du 1 septembre 2024 au 31 août 2025": the same on its own line. */
export function exerciceDates(start: string, end: string, c: Context): string {
  return c.t("reports.dates", { start: day(start, c), end: day(end, c) });
}
