/**
 * The notice on a report whose text or figures are examples: in words, near
 * the title, and kept when the page is printed.
 */
import type { Context } from "../lib/context.ts";

export function ReportExample({ label, c }: { label: string; c: Context }) {
  return (
    <p class="report-example">
      <strong class="report-example-label">{label}</strong> {c.t("reports.exampleNotice")}
    </p>
  );
}
