/**
 * Writes the PDF version of every example report from its own Markdown, so the
 * starter content's PDFs say what its pages say:
 *
 *   node --import tsx plugins/reports/example-pdfs.ts [content folder]
 *
 * Only pages with `example: true` and a `pdf:` field are written: a real
 * report's PDF (signed minutes, the accountant's file) is never overwritten.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { TFunction } from "i18next";
import MarkdownIt from "markdown-it";
import { loadProject } from "../core/project.ts";
import { parseWallClock } from "../core/dates.ts";
import { formatDate } from "../i18n/dates.ts";
import { listMarkdown } from "../i18n/content-files.ts";
import { parseContentPath } from "../i18n/paths.ts";
import { translator, loadResources } from "../i18n/strings.ts";
import { parseFrontMatter, splitFrontMatter } from "../core/front-matter.ts";
import type { Exercice } from "./finance-compute.ts";
import { findExercice, loadFinances } from "./finances.ts";
import { formatMoney } from "./money.ts";
import { buildPdf, type PdfBlock } from "./pdf.ts";

type Token = ReturnType<MarkdownIt["parse"]>[number];

/** Headings, paragraphs and list items of a Markdown text, as plain text. */
export function markdownToBlocks(markdown: string): PdfBlock[] {
  const tokens = new MarkdownIt().parse(markdown, {});
  const blocks: PdfBlock[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let kind: PdfBlock["kind"] | undefined;
  for (const token of tokens) {
    if (token.type === "bullet_list_open") lists.push({ ordered: false, next: 1 });
    else if (token.type === "ordered_list_open") lists.push({ ordered: true, next: Number(token.attrGet("start") ?? 1) });
    else if (token.type === "bullet_list_close" || token.type === "ordered_list_close") lists.pop();
    else if (token.type === "heading_open") kind = "heading";
    else if (token.type === "paragraph_open") kind = lists.length ? "item" : "paragraph";
    else if (token.type === "inline" && kind) {
      const list = lists.at(-1);
      const inItem = kind === "item" && list;
      // Only the first paragraph of an item carries its number.
      const previous = blocks.at(-1);
      const continues = inItem && previous?.kind === "item" && !isItemStart(tokens, token);
      const prefix = inItem && list.ordered && !continues ? `${list.next++}. ` : "";
      blocks.push({ kind, text: prefix + plainText(token) });
      kind = undefined;
    }
  }
  return blocks;
}

function isItemStart(tokens: Token[], inline: Token): boolean {
  const i = tokens.indexOf(inline);
  return tokens[i - 2]?.type === "list_item_open";
}

function plainText(inline: Token): string {
  return (inline.children ?? [])
    .map((child) => (child.type === "softbreak" || child.type === "hardbreak" ? " " : child.type === "image" ? "" : child.content))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** The figures of a financial report as text: totals, then each category, with last year's amount when there is one. */
export function figureBlocks(exercice: Exercice, lang: string, locale: string, heading: string, t: TFunction): PdfBlock[] {
  const l = (key: string, values?: Record<string, string>) => t(`reports.finance.${key}`, values);
  const money = (cents: number) => formatMoney(cents, locale, exercice.currency);
  const previous = exercice.previous;
  const name = (label: Record<string, string>) => label[lang] ?? Object.values(label)[0] ?? "";
  // French puts a space before a colon.
  const colon = lang === "fr" ? " : " : ": ";
  const line = (label: string, current: number, before?: number) => {
    const text = `${label}${colon}${money(current)}`;
    return before === undefined || !previous ? text : `${text} (${previous.exercice}${colon}${money(before)})`;
  };
  const blocks: PdfBlock[] = [{ kind: "heading", text: heading }];
  const totals = previous?.totals;
  blocks.push(
    { kind: "item", text: line(l("totalIncome"), exercice.totals.income, totals?.income.previous) },
    { kind: "item", text: line(l("totalExpenses"), exercice.totals.expenses, totals?.expenses.previous) },
    { kind: "item", text: line(l("resultRow", { outcome: l(exercice.outcome) }), exercice.totals.result, totals?.result.previous) },
  );
  for (const kind of ["income", "expenses"] as const) {
    blocks.push({ kind: "paragraph", text: l(kind) });
    const rows: { label: Record<string, string>; current: number; before?: number }[] = previous
      ? previous[kind].map((c) => ({ label: c.label, current: c.current, before: c.previous }))
      : exercice[kind].map((c) => ({ label: c.label, current: c.amount }));
    for (const row of rows) blocks.push({ kind: "item", text: line(name(row.label), row.current, row.before) });
  }
  return blocks;
}

async function main(contentArg?: string): Promise<void> {
  const input = path.resolve(contentArg ?? "content");
  const project = await loadProject({ input, data: path.join(input, "../data"), output: "_site" });
  const codes = project.site.languages.map((l) => l.code);
  const { resources } = loadResources(project.strings, codes, project.root);
  let loaded: ReturnType<typeof loadFinances> | undefined;
  const finances = () => (loaded ??= loadFinances(path.join(project.data, "finances"), { root: project.root, languages: codes }));
  let written = 0;
  for (const rel of listMarkdown(path.join(input, "reports"))) {
    const parsed = parseContentPath(`reports/${rel}`, codes);
    if (!parsed.ok) continue;
    const file = path.join(input, "reports", rel);
    const { yaml, body } = splitFrontMatter(readFileSync(file, "utf8"));
    const fm = parseFrontMatter(yaml);
    if (fm.example !== true || typeof fm.pdf !== "string" || typeof fm.title !== "string") continue;
    const lang = parsed.path.lang ?? project.site.defaultLanguage;
    const language = project.site.languages.find((l) => l.code === lang)!;
    const t = translator(resources, lang);
    const when = parseWallClock(fm.date, project.site.timezone);
    const subtitle = [
      project.site.name,
      t(`reports.kinds.${String(fm.kind)}`),
      t("reports.exercice", { exercice: String(fm.exercice) }),
      "dateTime" in when ? formatDate(when.dateTime, language.locale) : "",
    ].filter(Boolean);
    const blocks: PdfBlock[] = [
      { kind: "title", text: fm.title },
      { kind: "subtitle", text: subtitle.join(" · ") },
      { kind: "paragraph", text: t("reports.exampleNotice") },
      ...markdownToBlocks(body),
    ];
    const figures = fm.kind === "financial" ? findExercice(finances(), String(fm.exercice)) : undefined;
    if (figures) blocks.push(...figureBlocks(figures, lang, language.locale, t("reports.figures", { exercice: figures.exercice }), t));
    const pdf = await buildPdf({ title: fm.title, lang, author: project.site.name, blocks });
    const target = path.join(path.dirname(file), fm.pdf);
    writeFileSync(target, pdf);
    written++;
    console.log(`${path.relative(process.cwd(), target)} (${pdf.length} bytes)`);
  }
  console.log(`${written} example PDF${written === 1 ? "" : "s"} written.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2]).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
