/**
 * The financial report as HTML tables: a summary with the result, income and
 * expenses by category, in-kind contributions and the next budget. Each table
 * has a caption and scoped headers; the result is said in words, not only by a
 * class the CSS colours. Amounts in `<td class="finance-amount">` for alignment.
 */
import type { CategoryChange, CategoryTotal, Change, Exercice, Outcome } from "./finance-compute.ts";
import { escapeMarkup as esc, fillLabel } from "./escape.ts";
import type { FinanceLabels, FinanceRenderOptions } from "./labels.ts";
import { formatChange, formatMoney } from "./money.ts";

export type { FinanceRenderOptions } from "./labels.ts";

/** A table row: header cell, then value cells (already escaped HTML). */
interface Row {
  header: string;
  cells: string[];
  className?: string;
}

export function financeTablesHtml(exercice: Exercice, options: FinanceRenderOptions): string {
  const { labels: l } = options;
  const ctx = new Context(exercice, options);
  const parts: string[] = [];
  if (exercice.example) parts.push(`<p class="finance-example">${esc(l.exampleNotice)}</p>`);
  parts.push(resultParagraph(ctx));
  const previous = exercice.previous;
  if (previous && previous.months !== exercice.months) {
    const note = fillLabel(l.durationNote, {
      exercice: exercice.exercice,
      months: String(exercice.months),
      previous: previous.exercice,
      previousMonths: String(previous.months),
    });
    parts.push(`<p class="finance-note">${esc(note)}</p>`);
  }
  parts.push(summaryTable(ctx), kindTable(ctx, "income"), kindTable(ctx, "expenses"));
  if (exercice.inKind.length || previous?.inKind.length) parts.push(kindTable(ctx, "inKind"));
  if (exercice.budget) parts.push(budgetTable(ctx));
  return parts.join("\n");
}

class Context {
  readonly l: FinanceLabels;
  constructor(
    readonly exercice: Exercice,
    readonly options: FinanceRenderOptions,
  ) {
    this.l = options.labels;
  }
  get prefix(): string {
    return this.options.idPrefix ?? `finance-${this.exercice.exercice}`;
  }
  money(cents: number, signed = false): string {
    return esc(formatMoney(cents, this.options.locale, this.exercice.currency, { signed }));
  }
  /** A category or line name in the page's language, as text (not escaped). */
  text(label: Record<string, string>): string {
    return label[this.options.lang] ?? Object.values(label)[0] ?? "";
  }
  name(label: Record<string, string>): string {
    return esc(this.text(label));
  }
  outcome(outcome: Outcome): string {
    return this.l[outcome];
  }
  /** Caption text, with the comparison when there is one. */
  caption(template: string, exercice = this.exercice.exercice, compared = true): string {
    const previous = this.exercice.previous;
    const base = fillLabel(template, { exercice });
    return compared && previous ? base + fillLabel(this.l.comparedWith, { previous: previous.exercice }) : base;
  }
  exerciceColumn(name: string): string {
    return esc(fillLabel(this.l.exerciceColumn, { exercice: name }));
  }
  /** The value cells of a change: current, previous, difference, percent. */
  changeCells(c: Change): string[] {
    const percent = c.percent !== null ? formatChange(c.percent, this.options.locale) : c.current !== 0 ? this.l.newLine : this.l.notComparable;
    return [this.money(c.current), this.money(c.previous), this.money(c.absolute, true), esc(percent)];
  }
}

function resultParagraph(ctx: Context): string {
  const { exercice: e, l } = ctx;
  const text =
    e.outcome === "balanced"
      ? fillLabel(l.balancedSentence, { exercice: e.exercice })
      : fillLabel(l.resultSentence, {
          exercice: e.exercice,
          outcome: ctx.outcome(e.outcome),
          amount: formatMoney(Math.abs(e.totals.result), ctx.options.locale, e.currency),
        });
  return `<p class="finance-result finance-result--${e.outcome}"><strong>${esc(text)}</strong></p>`;
}

function summaryTable(ctx: Context): string {
  const { exercice: e, l } = ctx;
  const p = e.previous;
  const resultHeader = esc(fillLabel(l.resultRow, { outcome: ctx.outcome(e.outcome) }));
  const cells = (key: "income" | "expenses" | "result"): string[] =>
    p ? ctx.changeCells(p.totals[key]) : [ctx.money(e.totals[key])];
  return table(ctx, "summary", ctx.caption(l.summaryCaption), headerRow(ctx, l.item), [
    { header: esc(l.totalIncome), cells: cells("income") },
    { header: esc(l.totalExpenses), cells: cells("expenses") },
  ], [{ header: resultHeader, cells: cells("result"), className: `finance-result finance-result--${e.outcome}` }]);
}

const KIND_TEXT = {
  income: { name: "income", caption: "incomeCaption", total: "totalIncome" },
  expenses: { name: "expenses", caption: "expensesCaption", total: "totalExpenses" },
  inKind: { name: "in-kind", caption: "inKindCaption", total: "totalInKind" },
} as const;

function kindTable(ctx: Context, kind: "income" | "expenses" | "inKind"): string {
  const { exercice: e, l } = ctx;
  const p = e.previous;
  const own = e[kind];
  const rows: Row[] = p
    ? p[kind].map((c: CategoryChange) => ({ header: categoryHeader(ctx, c, own), cells: ctx.changeCells(c) }))
    : own.map((c) => ({ header: categoryHeader(ctx, c, own), cells: [ctx.money(c.amount)] }));
  const total = p ? ctx.changeCells(p.totals[kind]) : [ctx.money(e.totals[kind])];
  const text = KIND_TEXT[kind];
  return table(ctx, text.name, ctx.caption(l[text.caption]), headerRow(ctx, l.category), rows, [
    { header: esc(l[text.total]), cells: total },
  ]);
}

/** Category name, with its lines listed below when they tell more than the total. */
function categoryHeader(ctx: Context, category: { code: string; label: Record<string, string> }, own: readonly CategoryTotal[]): string {
  const name = ctx.name(category.label);
  const lines = own.find((c) => c.code === category.code)?.lines ?? [];
  if (!lines.some((line) => line.label) && lines.length < 2) return name;
  const items = lines.map((line) => {
    const label = ctx.text(line.label ?? category.label);
    const text = fillLabel(ctx.l.detailLine, { label, amount: formatMoney(line.amount, ctx.options.locale, ctx.exercice.currency) });
    return `<li>${esc(text)}</li>`;
  });
  return `${name}<ul class="finance-lines">${items.join("")}</ul>`;
}

function headerRow(ctx: Context, first: string): string[] {
  const { exercice: e, l } = ctx;
  const p = e.previous;
  const columns = [esc(first), ctx.exerciceColumn(e.exercice)];
  if (p) columns.push(ctx.exerciceColumn(p.exercice), esc(l.change), esc(l.changePercent));
  return columns;
}

function budgetTable(ctx: Context): string {
  const { exercice: e, l } = ctx;
  const b = e.budget as NonNullable<Exercice["budget"]>;
  const columns = [esc(l.category), esc(fillLabel(l.budgetColumn, { exercice: b.exercice })), esc(fillLabel(l.actualColumn, { exercice: e.exercice }))];
  const group = (title: string, rows: CategoryChange[]): string => {
    const body = rows.map((c) => rowHtml({ header: ctx.name(c.label), cells: [ctx.money(c.current), ctx.money(c.previous)] }));
    return `<tbody><tr><th scope="rowgroup" colspan="${columns.length}">${esc(title)}</th></tr>${body.join("")}</tbody>`;
  };
  const resultHeader = esc(fillLabel(l.resultRow, { outcome: ctx.outcome(b.outcome) }));
  const foot = [
    { header: esc(l.totalIncome), cells: [ctx.money(b.totals.income), ctx.money(e.totals.income)] },
    { header: esc(l.totalExpenses), cells: [ctx.money(b.totals.expenses), ctx.money(e.totals.expenses)] },
    { header: resultHeader, cells: [ctx.money(b.totals.result), ctx.money(e.totals.result)], className: `finance-result finance-result--${b.outcome}` },
  ];
  const caption = ctx.caption(l.budgetCaption, b.exercice, false);
  const bodies = group(l.income, b.versusActual.income) + group(l.expenses, b.versusActual.expenses);
  return wrap(ctx, "budget", caption, `${thead(columns)}${bodies}<tfoot>${foot.map(rowHtml).join("")}</tfoot>`);
}

function table(ctx: Context, name: string, caption: string, columns: string[], rows: Row[], foot: Row[]): string {
  return wrap(ctx, name, caption, `${thead(columns)}<tbody>${rows.map(rowHtml).join("")}</tbody><tfoot>${foot.map(rowHtml).join("")}</tfoot>`);
}

/**
 * A table in a scrolling region, so five columns of amounts stay readable on a
 * 320 px screen: a `<section>` named by the caption is a region landmark, and
 * `tabindex` lets keyboard users scroll it.
 */
function wrap(ctx: Context, name: string, caption: string, inner: string): string {
  const id = `${ctx.prefix}-${name}-caption`;
  return (
    `<section class="finance-scroll" tabindex="0" aria-labelledby="${esc(id)}">` +
    `<table class="finance-table finance-${name}"><caption id="${esc(id)}">${esc(caption)}</caption>${inner}</table></section>`
  );
}

function thead(columns: string[]): string {
  return `<thead><tr>${columns.map((c) => `<th scope="col">${c}</th>`).join("")}</tr></thead>`;
}

function rowHtml(row: Row): string {
  const cls = row.className ? ` class="${row.className}"` : "";
  return `<tr${cls}><th scope="row">${row.header}</th>${row.cells.map((c) => `<td class="finance-amount">${c}</td>`).join("")}</tr>`;
}
