/**
 * The translation report as a translator reads it in a terminal: one row per
 * page, coverage per section and language, UI strings, then what to do.
 */
import type { TranslationState } from "./status.ts";
import type { PageReport, TranslationReport } from "./report.ts";

const LABELS: Record<TranslationState, string> = {
  "up-to-date": "up to date",
  stale: "stale",
  missing: "missing",
  untracked: "untracked",
};

/** Columns padded to their widest cell; the last column is not padded. */
export function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd(),
  );
}

const sectionName = (s: string) => (s === "" ? "(home)" : s === "*" ? "all" : s);
const bundleName = (b: string) => (b === "" ? "(home)" : b);
const percent = (n: number, total: number) => (total ? `${Math.round((100 * n) / total)} %` : "-");

/** How to bring one translation up to date, as a command to copy. */
export interface Hints {
  /** A command that shows what changed in the original since the translation was written. */
  whatChanged?: (page: PageReport, translationFile: string) => string | undefined;
}

export function formatReport(report: TranslationReport, hints: Hints = {}): string {
  const out: string[] = [];

  out.push(`Pages (${report.pages.length})`, "");
  out.push(
    ...table([
      ["section", "page", ...report.languages],
      ...report.pages.map((p) => [
        sectionName(p.section),
        bundleName(p.bundle),
        ...report.languages.map((lang) => (lang === p.original.lang ? "original" : LABELS[p.translations.find((t) => t.lang === lang)!.state])),
      ]),
    ]).map((l) => `  ${l}`),
  );

  out.push("", "Coverage (translated, and up to date, out of the pages in the original language)", "");
  out.push(
    ...table([
      ["section", "language", "pages", "translated", "up to date", "stale", "untracked", "missing"],
      ...report.coverage.map((c) => {
        const translated = c.pages - c.counts.missing;
        return [
          sectionName(c.section),
          c.lang,
          String(c.pages),
          `${translated} (${percent(translated, c.pages)})`,
          `${c.counts["up-to-date"]} (${percent(c.counts["up-to-date"], c.pages)})`,
          String(c.counts.stale),
          String(c.counts.untracked),
          String(c.counts.missing),
        ];
      }),
    ]).map((l) => `  ${l}`),
  );

  out.push("", "UI strings", "");
  const parityOk = report.strings.every((s) => s.missing.length === 0);
  for (const s of report.strings) {
    out.push(`  ${s.file}: ${s.keys} keys${s.missing.length ? `, ${s.missing.length} missing: ${s.missing.join(", ")}` : ""}`);
  }
  if (parityOk) out.push(`  Same keys in every language.`);

  if (report.orphans.length) {
    out.push("", "Pages whose original: field names no file of theirs (the build refuses them)", "", ...report.orphans.map((f) => `  ${f}`));
  }

  const todo = todoLines(report, hints);
  out.push("", todo.length ? "To do" : "Nothing to do: every page is translated and up to date.");
  if (todo.length) out.push("", ...todo);
  return `${out.join("\n")}\n`;
}

function todoLines(report: TranslationReport, hints: Hints): string[] {
  const lines: string[] = [];
  for (const page of report.pages) {
    for (const t of page.translations) {
      if (t.state === "up-to-date") continue;
      const mark = `npm run translations -- --mark ${t.file}`;
      if (t.state === "missing") {
        lines.push(`  missing    ${t.file}`, `             copy ${page.original.file} there, translate it, then: ${mark}`);
      } else if (t.state === "stale") {
        const diff = hints.whatChanged?.(page, t.file);
        lines.push(`  stale      ${t.file}`, `             the original changed since (${t.recorded} → ${page.original.hash})${diff ? `; see what changed: ${diff}` : ""}`);
        lines.push(`             update the translation, then: ${mark}`);
      } else {
        lines.push(`  untracked  ${t.file}`, `             records no translationOf: check it against ${page.original.file}, then: ${mark}`);
      }
    }
  }
  const untracked = lines.filter((l) => l.startsWith("  untracked")).length;
  if (untracked > 1) lines.push("", `  ${untracked} untracked: once each is checked against its original, npm run translations -- --mark-untracked marks them all.`);
  return lines;
}
