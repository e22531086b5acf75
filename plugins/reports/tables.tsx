/**
 * The financial report as HTML tables (JSX): a summary with the result,
 * income and expenses by category, in-kind contributions and the next budget.
 *
 * Each table is named by a heading above its scrolling box (a `<caption>` would
 * scroll away with five columns on a phone and be cut off); headers are scoped;
 * the result is said in words, not only by a class the CSS colours. Amount
 * columns, headers included, are right-aligned; a percent that means nothing
 * (a result that changes sign, or stays at zero) reads "n/a".
 */
import { markup, type Child, type Html } from "../core/jsx-runtime.ts";
import type { CategoryChange, CategoryTotal, Change, Exercice, Outcome } from "./finance-compute.ts";
import { fillLabel } from "./escape.ts";
import type { FinanceLabels, FinanceRenderOptions } from "./labels.ts";
import { formatChange, formatMoney } from "./money.ts";

export type { FinanceRenderOptions } from "./labels.ts";

/** A table row: header cell, then value cells. */
interface Row {
  header: Child;
  cells: Child[];
  className?: string;
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
    return formatMoney(cents, this.options.locale, this.exercice.currency, { signed });
  }
  /** A category or line name in the page's language. */
  text(label: Record<string, string>): string {
    return label[this.options.lang] ?? Object.values(label)[0] ?? "";
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
    return fillLabel(this.l.exerciceColumn, { exercice: name });
  }
  /** The value cells of a change: current, previous, difference, percent. */
  changeCells(c: Change): Child[] {
    // From a surplus to a deficit (or back) a percent is meaningless: "−111 %" says nothing.
    const meaningless = c.percent === null ? c.current === 0 : c.current * c.previous < 0;
    const percent = meaningless ? (
      <abbr title={this.l.notComparableTitle}>{this.l.notComparable}</abbr>
    ) : c.percent === null ? (
      this.l.newLine
    ) : (
      formatChange(c.percent, this.options.locale)
    );
    return [this.money(c.current), this.money(c.previous), this.money(c.absolute, true), percent];
  }
}

export function FinanceTables({ exercice, options }: { exercice: Exercice; options: FinanceRenderOptions }): Html {
  const { labels: l } = options;
  const ctx = new Context(exercice, options);
  const previous = exercice.previous;
  const unequal = previous && previous.months !== exercice.months;
  return (
    <>
      {exercice.example && <p class="finance-example">{l.exampleNotice}</p>}
      <ResultParagraph ctx={ctx} />
      {unequal && (
        <p class="finance-note">
          {fillLabel(l.durationNote, { exercice: exercice.exercice, months: String(exercice.months), previous: previous.exercice, previousMonths: String(previous.months) })}
        </p>
      )}
      <SummaryTable ctx={ctx} />
      <KindTable ctx={ctx} kind="income" />
      <KindTable ctx={ctx} kind="expenses" />
      {(exercice.inKind.length > 0 || (previous?.inKind.length ?? 0) > 0) && <KindTable ctx={ctx} kind="inKind" />}
      {exercice.budget && <BudgetTable ctx={ctx} />}
    </>
  );
}

/** The tables as markup, for callers that assemble strings (tests, the PDF). */
export function financeTablesHtml(exercice: Exercice, options: FinanceRenderOptions): string {
  return markup(<FinanceTables exercice={exercice} options={options} />);
}

function ResultParagraph({ ctx }: { ctx: Context }) {
  const { exercice: e, l } = ctx;
  const text =
    e.outcome === "balanced"
      ? fillLabel(l.balancedSentence, { exercice: e.exercice })
      : fillLabel(l.resultSentence, { exercice: e.exercice, outcome: ctx.outcome(e.outcome), amount: ctx.money(Math.abs(e.totals.result)) });
  return (
    <p class={`finance-result finance-result--${e.outcome}`}>
      <strong>{text}</strong>
    </p>
  );
}

function SummaryTable({ ctx }: { ctx: Context }) {
  const { exercice: e, l } = ctx;
  const p = e.previous;
  const cells = (key: "income" | "expenses" | "result") => (p ? ctx.changeCells(p.totals[key]) : [ctx.money(e.totals[key])]);
  return (
    <FinanceTable
      ctx={ctx}
      name="summary"
      caption={ctx.caption(l.summaryCaption)}
      columns={headerRow(ctx, l.item)}
      rows={[
        { header: l.totalIncome, cells: cells("income") },
        { header: l.totalExpenses, cells: cells("expenses") },
      ]}
      foot={[{ header: fillLabel(l.resultRow, { outcome: ctx.outcome(e.outcome) }), cells: cells("result"), className: `finance-result finance-result--${e.outcome}` }]}
    />
  );
}

const KIND_TEXT = {
  income: { name: "income", caption: "incomeCaption", total: "totalIncome" },
  expenses: { name: "expenses", caption: "expensesCaption", total: "totalExpenses" },
  inKind: { name: "in-kind", caption: "inKindCaption", total: "totalInKind" },
} as const;

function KindTable({ ctx, kind }: { ctx: Context; kind: "income" | "expenses" | "inKind" }) {
  const { exercice: e, l } = ctx;
  const p = e.previous;
  const own = e[kind];
  const rows: Row[] = p
    ? p[kind].map((c: CategoryChange) => ({ header: <CategoryHeader ctx={ctx} category={c} own={own} />, cells: ctx.changeCells(c) }))
    : own.map((c) => ({ header: <CategoryHeader ctx={ctx} category={c} own={own} />, cells: [ctx.money(c.amount)] }));
  const total = p ? ctx.changeCells(p.totals[kind]) : [ctx.money(e.totals[kind])];
  const text = KIND_TEXT[kind];
  return <FinanceTable ctx={ctx} name={text.name} caption={ctx.caption(l[text.caption])} columns={headerRow(ctx, l.category)} rows={rows} foot={[{ header: l[text.total], cells: total }]} />;
}

/** Category name, with its lines listed below when they tell more than the total. */
function CategoryHeader({ ctx, category, own }: { ctx: Context; category: { code: string; label: Record<string, string> }; own: readonly CategoryTotal[] }) {
  const lines = own.find((c) => c.code === category.code)?.lines ?? [];
  const name = ctx.text(category.label);
  if (!lines.some((line) => line.label) && lines.length < 2) return <>{name}</>;
  return (
    <>
      {name}
      <ul class="finance-lines">
        {lines.map((line) => (
          <li>{fillLabel(ctx.l.detailLine, { label: ctx.text(line.label ?? category.label), amount: ctx.money(line.amount) })}</li>
        ))}
      </ul>
    </>
  );
}

function headerRow(ctx: Context, first: string): string[] {
  const { exercice: e, l } = ctx;
  const p = e.previous;
  const columns = [first, ctx.exerciceColumn(e.exercice)];
  if (p) columns.push(ctx.exerciceColumn(p.exercice), l.change, l.changePercent);
  return columns;
}

function BudgetTable({ ctx }: { ctx: Context }) {
  const { exercice: e, l } = ctx;
  const b = e.budget as NonNullable<Exercice["budget"]>;
  const columns = [l.category, fillLabel(l.budgetColumn, { exercice: b.exercice }), fillLabel(l.actualColumn, { exercice: e.exercice })];
  const group = (title: string, rows: CategoryChange[]) => (
    <tbody>
      <tr>
        <th scope="rowgroup" colSpan={columns.length}>
          {title}
        </th>
      </tr>
      {rows.map((c) => (
        <TableRow row={{ header: ctx.text(c.label), cells: [ctx.money(c.current), ctx.money(c.previous)] }} />
      ))}
    </tbody>
  );
  // The budget and the actual figures may differ in sign: one neutral header, each amount signed.
  const result = (cents: number) => (cents === 0 ? ctx.money(0) : ctx.money(cents, true));
  const foot: Row[] = [
    { header: l.totalIncome, cells: [ctx.money(b.totals.income), ctx.money(e.totals.income)] },
    { header: l.totalExpenses, cells: [ctx.money(b.totals.expenses), ctx.money(e.totals.expenses)] },
    { header: l.resultSigned, cells: [result(b.totals.result), result(e.totals.result)], className: "finance-result" },
  ];
  return (
    <Block ctx={ctx} name="budget" caption={ctx.caption(l.budgetCaption, b.exercice, false)}>
      <Head columns={columns} />
      {group(l.income, b.versusActual.income)}
      {group(l.expenses, b.versusActual.expenses)}
      <tfoot>
        {foot.map((row) => (
          <TableRow row={row} />
        ))}
      </tfoot>
    </Block>
  );
}

function FinanceTable({ ctx, name, caption, columns, rows, foot }: { ctx: Context; name: string; caption: string; columns: string[]; rows: Row[]; foot: Row[] }) {
  return (
    <Block ctx={ctx} name={name} caption={caption}>
      <Head columns={columns} />
      <tbody>
        {rows.map((row) => (
          <TableRow row={row} />
        ))}
      </tbody>
      <tfoot>
        {foot.map((row) => (
          <TableRow row={row} />
        ))}
      </tfoot>
    </Block>
  );
}

/**
 * A table under its title, in a scrolling box so five columns of amounts stay
 * readable on a 320 px screen: the box is a region named by the title, and
 * `tabindex` lets keyboard users scroll it. The title stays outside the box,
 * so it wraps to the screen instead of scrolling away.
 */
function Block({ ctx, name, caption, children }: { ctx: Context; name: string; caption: string; children: Child }) {
  const id = `${ctx.prefix}-${name}-caption`;
  return (
    <div class="finance-block">
      <p class="finance-caption" id={id}>
        {caption}
      </p>
      <section class="finance-scroll" tabindex={0} aria-labelledby={id}>
        <table class={`finance-table finance-${name}`} aria-labelledby={id}>
          {children}
        </table>
      </section>
    </div>
  );
}

function Head({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th scope="col" class={i > 0 ? "finance-amount" : undefined}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function TableRow({ row }: { row: Row }) {
  return (
    <tr class={row.className}>
      <th scope="row">{row.header}</th>
      {row.cells.map((c) => (
        <td class="finance-amount">{c}</td>
      ))}
    </tr>
  );
}
