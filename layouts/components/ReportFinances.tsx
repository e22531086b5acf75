/**
 * The figures of a financial report, computed from data/finances at build
 * time: the bar chart (an inline SVG with its title and description; no
 * script), then the tables it summarises, which are its text alternative.
 */
import { financeChartSvg } from "../../plugins/reports/chart.ts";
import type { Exercice } from "../../plugins/reports/finance-compute.ts";
import type { FinanceLabels } from "../../plugins/reports/labels.ts";
import { financeTablesHtml } from "../../plugins/reports/tables.ts";
import type { Context } from "../lib/context.ts";
import { Html } from "./Html.tsx";

export function ReportFinances({ exercice, labels, c }: { exercice: Exercice; labels: FinanceLabels; c: Context }) {
  const options = { lang: c.lang, labels, locale: c.locale, idPrefix: `finance-${exercice.exercice}` };
  const headingId = `report-figures-${exercice.exercice}`;
  return (
    <section class="report-figures" aria-labelledby={headingId}>
      <h2 id={headingId}>{c.t("reports.figures", { exercice: exercice.exercice })}</h2>
      <figure class="report-chart">
        <Html html={financeChartSvg(exercice, options)} />
        <figcaption>
          {c.t("reports.chartCaption")}{" "}
          <a href={`#${options.idPrefix}-summary-caption`}>{c.t("reports.chartTablesLink")}</a>.
        </figcaption>
      </figure>
      <Html class="report-tables" html={financeTablesHtml(exercice, options)} />
    </section>
  );
}
