/**
 * Every figure the reports show, computed from the lines: totals per category,
 * result, and the change from the previous exercice. Nothing is typed by hand
 * twice, so the pages cannot disagree with the data.
 */
import { DateTime } from "luxon";
import type { CategoriesFile, CategoryKind, Cents, ExerciceFile, LineInput, LocalizedText } from "./finance-schema.ts";

export type { Cents, CategoryKind, LocalizedText } from "./finance-schema.ts";

/** One line as the treasurer wrote it, amount in cents. */
export interface FinanceLine {
  category: string;
  label?: LocalizedText;
  amount: Cents;
}

/** The lines of one category added up. */
export interface CategoryTotal {
  code: string;
  label: LocalizedText;
  amount: Cents;
  /** The lines in file order; more than one, or one with a label, is detail worth showing. */
  lines: FinanceLine[];
}

export interface Totals {
  income: Cents;
  expenses: Cents;
  /** Income minus expenses. */
  result: Cents;
}

export type Outcome = "surplus" | "deficit" | "balanced";

/** How a figure moved; `percent` is null when the previous figure was zero. */
export interface Change {
  current: Cents;
  previous: Cents;
  absolute: Cents;
  /** `absolute / |previous| × 100`, unrounded: a deficit halved is +50 %. */
  percent: number | null;
}

export interface CategoryChange extends Change {
  code: string;
  label: LocalizedText;
}

/** This exercice against the previous one: every category of either year, in `categories.yaml` order. */
export interface Comparison {
  exercice: string;
  months: number;
  income: CategoryChange[];
  expenses: CategoryChange[];
  inKind: CategoryChange[];
  totals: { income: Change; expenses: Change; result: Change; inKind: Change };
}

export interface Budget {
  /** The exercice the budget is for: the one after. */
  exercice: string;
  income: CategoryTotal[];
  expenses: CategoryTotal[];
  totals: Totals;
  outcome: Outcome;
  /** Budget (as `current`) against the actual figures of the exercice that voted it (as `previous`). */
  versusActual: { income: CategoryChange[]; expenses: CategoryChange[] };
}

export interface Exercice {
  exercice: string;
  /** ISO dates, `end` included. */
  start: string;
  end: string;
  /** Length in whole months (12 for a usual year): comparisons across lengths need a warning. */
  months: number;
  /** The figures are examples, not the association's accounts. */
  example: boolean;
  currency: string;
  /** Source, relative to the project root. */
  file: string;
  income: CategoryTotal[];
  expenses: CategoryTotal[];
  inKind: CategoryTotal[];
  totals: Totals & { inKind: Cents };
  outcome: Outcome;
  budget?: Budget;
  previous?: Comparison;
}

/** Categories of one kind in file order, code → label. */
export type CategoryList = Map<string, LocalizedText>;
export type Categories = Record<CategoryKind, CategoryList>;

export function categoriesFrom(file: CategoriesFile): Categories {
  return {
    income: new Map(Object.entries(file.income)),
    expenses: new Map(Object.entries(file.expenses)),
    inKind: new Map(Object.entries(file.inKind)),
  };
}

/** Groups lines by category, in the order of `categories` (codes it lacks were reported before). */
export function sumByCategory(lines: readonly LineInput[], categories: CategoryList): CategoryTotal[] {
  const totals: CategoryTotal[] = [];
  for (const [code, label] of categories) {
    const own = lines.filter((l) => l.category === code);
    if (own.length === 0) continue;
    totals.push({
      code,
      label,
      amount: sum(own.map((l) => l.amount)),
      lines: own.map((l) => (l.label ? { category: code, label: l.label, amount: l.amount } : { category: code, amount: l.amount })),
    });
  }
  return totals;
}

export function sum(amounts: readonly Cents[]): Cents {
  return amounts.reduce((a, b) => a + b, 0);
}

export function outcomeOf(result: Cents): Outcome {
  return result > 0 ? "surplus" : result < 0 ? "deficit" : "balanced";
}

export function change(current: Cents, previous: Cents): Change {
  const absolute = current - previous;
  return { current, previous, absolute, percent: previous === 0 ? null : (absolute / Math.abs(previous)) * 100 };
}

/** Whole months from `start` to `end` included: 2024-09-01 → 2025-08-31 is 12. */
export function monthsBetween(start: string, end: string): number {
  const after = DateTime.fromISO(end, { zone: "utc" }).plus({ days: 1 });
  return Math.round(after.diff(DateTime.fromISO(start, { zone: "utc" }), "months").months);
}

/** An exercice's figures, without the comparison (added once all are sorted). */
export function computeExercice(data: ExerciceFile, categories: Categories, file: string, next: string): Exercice {
  const income = sumByCategory(data.income, categories.income);
  const expenses = sumByCategory(data.expenses, categories.expenses);
  const inKind = sumByCategory(data.inKind, categories.inKind);
  const totals = totalsOf(income, expenses);
  const exercice: Exercice = {
    exercice: data.exercice,
    start: data.start,
    end: data.end,
    months: monthsBetween(data.start, data.end),
    example: data.example,
    currency: data.currency,
    file,
    income,
    expenses,
    inKind,
    totals: { ...totals, inKind: sum(inKind.map((c) => c.amount)) },
    outcome: outcomeOf(totals.result),
  };
  if (data.budget) {
    const bIncome = sumByCategory(data.budget.income, categories.income);
    const bExpenses = sumByCategory(data.budget.expenses, categories.expenses);
    const bTotals = totalsOf(bIncome, bExpenses);
    exercice.budget = {
      exercice: next,
      income: bIncome,
      expenses: bExpenses,
      totals: bTotals,
      outcome: outcomeOf(bTotals.result),
      versusActual: {
        income: compareLists(bIncome, income, categories.income),
        expenses: compareLists(bExpenses, expenses, categories.expenses),
      },
    };
  }
  return exercice;
}

function totalsOf(income: readonly CategoryTotal[], expenses: readonly CategoryTotal[]): Totals {
  const i = sum(income.map((c) => c.amount));
  const e = sum(expenses.map((c) => c.amount));
  return { income: i, expenses: e, result: i - e };
}

/** Every category present in either list, in `order`, with its change. */
export function compareLists(current: readonly CategoryTotal[], previous: readonly CategoryTotal[], order: CategoryList): CategoryChange[] {
  const rows: CategoryChange[] = [];
  for (const [code, label] of order) {
    const now = current.find((c) => c.code === code);
    const before = previous.find((c) => c.code === code);
    if (now || before) rows.push({ code, label, ...change(now?.amount ?? 0, before?.amount ?? 0) });
  }
  return rows;
}

/** `current` against `previous`, category by category. */
export function compare(current: Exercice, previous: Exercice, categories: Categories): Comparison {
  const kind = (k: CategoryKind): CategoryChange[] => compareLists(current[k], previous[k], categories[k]);
  return {
    exercice: previous.exercice,
    months: previous.months,
    income: kind("income"),
    expenses: kind("expenses"),
    inKind: kind("inKind"),
    totals: {
      income: change(current.totals.income, previous.totals.income),
      expenses: change(current.totals.expenses, previous.totals.expenses),
      result: change(current.totals.result, previous.totals.result),
      inKind: change(current.totals.inKind, previous.totals.inKind),
    },
  };
}
