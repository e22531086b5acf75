/**
 * Horizontal bar chart of income and expenses by category, drawn at build time
 * as inline SVG markup (JSX, no JavaScript). Each category gets its name on its
 * own line and its bars below, so long names never squeeze the bars.
 *
 * Text keeps its size at every width: the SVG has no viewBox (a viewBox would
 * scale its text with the page, 9 px on a phone, 20 px on a desktop); its user
 * units are CSS pixels, its height is fixed, and the bars are drawn in percent of
 * its width. Sizes stay between 13 and 16 px, below any heading.
 *
 * With a previous exercice, a thinner bar below shows it: the two years differ
 * in shape, not only in colour. Colours come from classes styled by `chart.css`
 * (a strict CSP forbids inline `style`); `fill` attributes are the fallback. The
 * chart is `role="img"` named by its `<title>` and `<desc>`; the tables carry the
 * same figures as text.
 */
import { markup, type Html } from "../core/jsx-runtime.ts";
import type { CategoryTotal, Exercice } from "./finance-compute.ts";
import { fillLabel } from "./escape.ts";
import { formatMoney } from "./money.ts";
import type { FinanceRenderOptions } from "./labels.ts";

// Geometry in CSS pixels, except bar lengths (percent of the chart's width).
const PAD = 8;
/** The longest bar's share of the width: the rest holds its amount ("1 234 567,89 €" at 14 px) down to a 288 px chart. */
const BAR_MAX_PERCENT = 64;
const FONT = { heading: 16, label: 15, value: 14, previousValue: 13, legend: 14 } as const;
const LABEL_LINE = 21;
const CURRENT_BAR = 16;
const PREVIOUS_BAR = 11;
const ROW_GAP = 12;
const HEADING_LINE = 28;

// Fallback colours, 4:1 or more against both white and #1b1b1b backgrounds.
const FALLBACK_CURRENT = "#4a7fb0";
const FALLBACK_PREVIOUS = "#a86b00";

interface Bar {
  label: string;
  current: number;
  previous?: number;
}

export function FinanceChart({ exercice, options }: { exercice: Exercice; options: FinanceRenderOptions }): Html {
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
  const length = (cents: number) => (max === 0 || cents <= 0 ? 0 : Math.max(0.5, round((cents / max) * BAR_MAX_PERCENT)));

  const body: Html[] = [];
  let y = PAD;
  if (exercice.example) {
    body.push(<Text x={PAD} y={y + 14} size={FONT.legend} class="fc-text fc-example">{l.exampleShort}</Text>);
    y += 24;
  }
  if (previous) {
    body.push(
      <g class="fc-legend">
        <Rect y={y + 2} width={24} height={CURRENT_BAR} kind="fc-current" />
        <Text x={PAD + 30} y={y + 15} size={FONT.legend} class="fc-text">{exercice.exercice}</Text>
        <Rect x="50%" y={y + 5} width={24} height={PREVIOUS_BAR} kind="fc-previous" />
        <Text x="50%" dx={30} y={y + 15} size={FONT.legend} class="fc-text">{previous.exercice}</Text>
      </g>,
    );
    y += 30;
  }
  for (const section of sections) {
    const rows: Html[] = [<Text x={PAD} y={y + 18} size={FONT.heading} class="fc-text fc-heading" bold>{section.title}</Text>];
    y += HEADING_LINE;
    for (const bar of section.bars) {
      rows.push(<Text x={PAD} y={y + 15} size={FONT.label} class="fc-text fc-label">{bar.label}</Text>);
      y += LABEL_LINE;
      const w = length(bar.current);
      rows.push(
        <Rect y={y} width={`${w}%`} height={CURRENT_BAR} kind="fc-current" />,
        <Text x={`${w}%`} dx={PAD + 5} y={y + 13} size={FONT.value} class="fc-text fc-value">{money(bar.current)}</Text>,
      );
      y += CURRENT_BAR + 2;
      if (bar.previous !== undefined) {
        const pw = length(bar.previous);
        rows.push(
          <Rect y={y} width={`${pw}%`} height={PREVIOUS_BAR} kind="fc-previous" />,
          <Text x={`${pw}%`} dx={PAD + 5} y={y + 10} size={FONT.previousValue} class="fc-text fc-value fc-value-previous">{money(bar.previous)}</Text>,
        );
        y += PREVIOUS_BAR + 3;
      }
      y += ROW_GAP;
    }
    body.push(<g class={`fc-section fc-${section.kind}`}>{rows}</g>);
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
    <svg xmlns="http://www.w3.org/2000/svg" class="finance-chart" width="100%" height={height} role="img" aria-labelledby={`${titleId} ${descId}`}>
      <title id={titleId}>{title}</title>
      <desc id={descId}>{desc}</desc>
      {body}
    </svg>
  );
}

/** The chart as markup, for callers that assemble strings (tests, the PDF). */
export function financeChartSvg(exercice: Exercice, options: FinanceRenderOptions): string {
  return markup(<FinanceChart exercice={exercice} options={options} />);
}

function Rect({ x = PAD, y, width, height, kind }: { x?: number | string; y: number; width: number | string; height: number; kind: "fc-current" | "fc-previous" }) {
  const fill = kind === "fc-current" ? FALLBACK_CURRENT : FALLBACK_PREVIOUS;
  return <rect class={`fc-bar ${kind}`} x={x} y={round(y)} width={width} height={height} fill={fill} />;
}

function Text({ x, dx, y, size, class: cls, bold = false, children }: { x: number | string; dx?: number; y: number; size: number; class: string; bold?: boolean; children: string }) {
  return (
    <text class={cls} x={x} dx={dx} y={round(y)} font-size={size} font-weight={bold ? "bold" : undefined} fill="currentColor">
      {children}
    </text>
  );
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
