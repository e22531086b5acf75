/**
 * A report of a fiscal year: moral report, financial report (its text, then
 * the chart and tables computed from data/finances) or assembly minutes, with
 * its PDF version and the other documents of the same exercice.
 */
import { PRINT_CSS_URL, REPORTS_CSS_URL, type ReportsData } from "../plugins/reports/api.ts";
import { reportOf } from "../plugins/reports/reports.ts";
import { Base } from "./components/Base.tsx";
import { Credits } from "./components/Credits.tsx";
import { Html } from "./components/Html.tsx";
import { ReportExample } from "./components/ReportExample.tsx";
import { ReportFinances } from "./components/ReportFinances.tsx";
import { ReportNav } from "./components/ReportNav.tsx";
import { ReportPdf } from "./components/ReportPdf.tsx";
import { exercicePeriod } from "./components/ReportList.tsx";
import { contextOf } from "./lib/context.ts";
import type { Item, PageData } from "./lib/types.ts";

export default function ReportLayout(data: PageData & ReportsData) {
  const c = contextOf(data);
  const zone = c.site.timezone;
  const report = reportOf(data, zone);
  const api = data.reportsApi;
  // An untranslated copy: the text is in the original's language, the interface and figures are not.
  const textLang = data.contentLang !== c.lang ? data.contentLang : undefined;
  const figures = api.exercice(report.exercice);
  const labels = api.labels(c.lang);
  const pdf = report.pdf ? api.attachment(data.page.inputPath, report.pdf) : undefined;
  const others = ((data.collections[`reports_${c.lang}`] ?? []) as Item[]).filter(
    (item) => item.url !== data.page.url && reportOf(item.data, zone).exercice === report.exercice,
  );
  const exampleFigures = report.kind === "financial" && figures?.example;
  const url = data.page.url || "/";

  return (
    <Base data={data} title={report.title} description={report.summary} ogType="article" styles={[REPORTS_CSS_URL, PRINT_CSS_URL]}>
      <article class={`report report-${report.kind}`}>
        <header class="report-header">
          {/* The kind, dates and print-only address are not what a search result should quote
              (Pagefind skips them); the PDF link stays indexed: it becomes a result of its own. */}
          <p class="report-kind" data-pagefind-ignore="">
            {c.t(`reports.kinds.${report.kind}`)} · {report.period ? <span lang={textLang}>{report.period.label}</span> : c.t("reports.exercice", { exercice: report.exercice })}
          </p>
          <h1 lang={textLang}>{report.title}</h1>
          {report.subtitle && (
            <p class="subtitle" lang={textLang}>
              {report.subtitle}
            </p>
          )}
          <p class="meta" data-pagefind-ignore="">
            {c.t(`reports.dated.${report.kind}`)} <time datetime={c.iso(report.date)}>{c.date(report.date)}</time>
            {report.period && <> · {c.t("reports.coveredPeriod", { period: exercicePeriod(report.period.start.toISODate()!, report.period.end.toISODate()!, c) })}</>}
            {!report.period && figures && <> · {c.t("reports.exercicePeriod", { period: exercicePeriod(figures.start, figures.end, c) })}</>}
          </p>
          {(report.example || exampleFigures) && <ReportExample label={exampleFigures ? labels.exampleShort : c.t("reports.example")} c={c} />}
          {pdf && <ReportPdf pdf={pdf} title={report.title} c={c} textLang={textLang} />}
          <p class="report-source print-only" data-pagefind-ignore="">
            {c.site.name} · {c.absolute(url)}
          </p>
        </header>
        <Html class="prose" lang={textLang} html={data.content ?? ""} />
        <Credits of={report} c={c} textLang={textLang} withTranslators={!data.untranslated} />
        {report.kind === "financial" && figures && <ReportFinances exercice={figures} labels={labels} c={c} />}
        <ReportNav exercice={report.period?.label ?? report.exercice} others={others} c={c} />
      </article>
    </Base>
  );
}
