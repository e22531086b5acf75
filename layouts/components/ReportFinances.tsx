/**
 * The figures of a financial report, computed from data/finances at build
 * time: the bar chart (an inline SVG with its title and description; no
 * script), then the tables it summarises, which are its text alternative.
 */
import { FinanceChart } from "../../plugins/reports/chart.tsx";
import type { Exercice } from "../../plugins/reports/finance-compute.ts";
import type { FinanceLabels } from "../../plugins/reports/labels.ts";
import { FinanceTables } from "../../plugins/reports/tables.tsx";
import type { Context } from "../lib/context.ts";

export function ReportFinances({ exercice, labels, c }: { exercice: Exercice; labels: FinanceLabels; c: Context }) {
  const options = { lang: c.lang, labels, locale: c.locale, idPrefix: `finance-${exercice.exercice}` };
  const headingId = `report-figures-${exercice.exercice}`;
  return (
    <section class="report-figures" aria-labelledby={headingId}>
      <h2 id={headingId}>{c.t("reports.figures", { exercice: exercice.exercice })}</h2>
      <figure class="report-chart">
        <FinanceChart exercice={exercice} options={options} />
        <figcaption>
          {c.t("reports.chartCaption")}{" "}
          <a href={`#${options.idPrefix}-summary-caption`}>{c.t("reports.chartTablesLink")}</a>.
        </figcaption>
      </figure>
      <div class="report-tables">
        <FinanceTables exercice={exercice} options={options} />
      </div>
    </section>
  );
}
