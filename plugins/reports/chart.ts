/**
 * Horizontal bar chart of income and expenses by category, drawn at build time
 * as an inline SVG string (no JavaScript). Each category gets its name on its own
 * line and its bars below at full width, so the chart stays legible when the
 * viewBox shrinks to a 320 px screen. With a previous exercice, a thinner bar
 * below shows it: the two years differ in shape, not only in colour.
 *
 * Colours come from classes styled by `chart.css` (a strict CSP forbids inline
 * `style`); `fill` attributes give a fallback readable on light and dark pages.
 * The chart is `role="img"` named by its `<title>` and `<desc>`; the tables carry
 * the same figures as text.
 */
import type { CategoryTotal, Exercice } from "./finance-compute.ts";
import { escapeMarkup as esc, fillLabel } from "./escape.ts";
import { formatMoney } from "./money.ts";
import type { FinanceRenderOptions } from "./labels.ts";

// Geometry in viewBox units. A narrow box (400) keeps text near its nominal size
// on phones: at 320 px wide, 14 units render as 11 px.
const WIDTH = 400;
const PAD = 8;
/** Room at the end of the longest bar for its amount ("1 234 567,89 €" at 12 units). */
const VALUE_SPACE = 100;
const BAR_MAX = WIDTH - 2 * PAD - VALUE_SPACE;
const LABEL_LINE = 18;
const CURRENT_BAR = 14;
const PREVIOUS_BAR = 9;
const ROW_GAP = 10;
const HEADING_LINE = 24;

// Fallback colours, 4:1 or more against both white and #1b1b1b backgrounds.
const FALLBACK_CURRENT = "#4a7fb0";
const FALLBACK_PREVIOUS = "#a86b00";

interface Bar {
  label: string;
  current: number;
  previous?: number;
}

export function financeChartSvg(exercice: Exercice, options: FinanceRenderOptions): string {
  const { labels: l, lang, locale } = options;
  const prefix = options.idPrefix ? `${options.idPrefix}-chart` : `finance-chart-${exercice.exercice}`;
  const previous = exercice.previous;
  const money = (cents: number) => formatMoney(cents, locale, exercice.currency);
  const name = (label: Record<string, string>) => label[lang] ?? Object.values(label)[0] ?? "";
  const bars = (kind: "income" | "expenses"): Bar[] =>
    previous
      ? previous[kind].map((c) => ({ label: name(c.label), current: c.current, previous: c.previous }))
      : exercice[kind].map((c: CategoryTotal) => ({ label: name(c.label), current: c.amount }));
  const sections = [
    { kind: "income", title: l.income, bars: bars("income") },
    { kind: "expenses", title: l.expenses, bars: bars("expenses") },
  ];
  const max = Math.max(0, ...sections.flatMap((s) => s.bars.flatMap((b) => [b.current, b.previous ?? 0])));
  const length = (cents: number) => (max === 0 || cents <= 0 ? 0 : Math.max(1, round((cents / max) * BAR_MAX)));

  const body: string[] = [];
  let y = PAD;
  if (exercice.example) {
    body.push(text(PAD, y + 12, l.exampleShort, "fc-text fc-example", 12));
    y += 20;
  }
  if (previous) {
    body.push(
      `<g class="fc-legend">`,
      rect(PAD, y + 2, 24, CURRENT_BAR, "fc-current"),
      text(PAD + 30, y + 13, exercice.exercice, "fc-text", 12),
      rect(WIDTH / 2, y + 4, 24, PREVIOUS_BAR, "fc-previous"),
      text(WIDTH / 2 + 30, y + 13, previous.exercice, "fc-text", 12),
      `</g>`,
    );
    y += 26;
  }
  for (const section of sections) {
    body.push(`<g class="fc-section fc-${section.kind}">`);
    body.push(text(PAD, y + 16, section.title, "fc-text fc-heading", 15, true));
    y += HEADING_LINE;
    for (const bar of section.bars) {
      body.push(text(PAD, y + 13, bar.label, "fc-text fc-label", 14));
      y += LABEL_LINE;
      const w = length(bar.current);
      body.push(rect(PAD, y, w, CURRENT_BAR, "fc-current"), text(PAD + w + 4, y + 11, money(bar.current), "fc-text fc-value", 12));
      y += CURRENT_BAR + 2;
      if (bar.previous !== undefined) {
        const pw = length(bar.previous);
        body.push(rect(PAD, y, pw, PREVIOUS_BAR, "fc-previous"), text(PAD + pw + 4, y + 9, money(bar.previous), "fc-text fc-value fc-value-previous", 11));
        y += PREVIOUS_BAR;
      }
      y += ROW_GAP;
    }
    body.push(`</g>`);
  }
  const height = round(y + PAD);

  const title = fillLabel(l.chartTitle, { exercice: exercice.exercice });
  let desc = (exercice.example ? `${l.exampleNotice} ` : "") + l.chartDesc;
  if (previous) desc += fillLabel(l.chartCompareDesc, { exercice: exercice.exercice, previous: previous.exercice });
  desc += fillLabel(l.chartTotals, {
    income: money(exercice.totals.income),
    expenses: money(exercice.totals.expenses),
    result: formatMoney(exercice.totals.result, locale, exercice.currency, { signed: true }),
  });
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="finance-chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${esc(titleId)} ${esc(descId)}">` +
    `<title id="${esc(titleId)}">${esc(title)}</title><desc id="${esc(descId)}">${esc(desc)}</desc>` +
    body.join("") +
    `</svg>`
  );
}

function rect(x: number, y: number, width: number, height: number, cls: "fc-current" | "fc-previous"): string {
  const fill = cls === "fc-current" ? FALLBACK_CURRENT : FALLBACK_PREVIOUS;
  return `<rect class="fc-bar ${cls}" x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${height}" fill="${fill}"/>`;
}

function text(x: number, y: number, content: string, cls: string, size: number, bold = false): string {
  const weight = bold ? ` font-weight="bold"` : "";
  return `<text class="${cls}" x="${round(x)}" y="${round(y)}" font-size="${size}"${weight} fill="currentColor">${esc(content)}</text>`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
