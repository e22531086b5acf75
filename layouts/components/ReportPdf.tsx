/**
 * The link to a report's PDF, with its format and weight in the link text
 * ("Rapport moral 2024-2025 (PDF, 12 Ko)") so a reader knows what a click
 * downloads; `data-search-title` gives the site search the document's own
 * title for its result.
 */
import type { Attachment } from "../../plugins/reports/api.ts";
import { formatSizeValue, sizeParts } from "../../plugins/core/file-size.ts";
import type { Context } from "../lib/context.ts";

/** "PDF, 120 Ko" / "PDF, 120 KB". */
export function pdfSizeText(bytes: number, c: Context): string {
  const parts = sizeParts(bytes);
  return c.t("reports.pdfSize", { size: c.t(`reports.size.${parts.unit}`, { value: formatSizeValue(parts, c.locale) }) });
}

export function ReportPdf({ pdf, title, c, textLang }: { pdf: Attachment; title: string; c: Context; textLang?: string | undefined }) {
  return (
    <p class="report-download">
      {c.t("reports.download")}{" "}
      <a class="report-pdf" href={pdf.url} type="application/pdf" data-search-title={title}>
        <span lang={textLang}>{title}</span> <span class="report-pdf-size">({pdfSizeText(pdf.bytes, c)})</span>
      </a>
    </p>
  );
}
