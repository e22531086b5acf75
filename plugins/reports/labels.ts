/**
 * The words of the financial tables and chart: the `reports.finance` keys of
 * `data/i18n/<lang>.json`, with the placeholders each must hold (filled at build
 * time). A language added to the site adds them to its JSON file; the build names
 * any missing key or placeholder. Category names are not here: they live in
 * `data/finances/categories.yaml`, beside the figures.
 */
import type { Resources } from "../i18n/strings.ts";
import { uiSection, type SectionTexts } from "../i18n/ui-schema.ts";

export const FINANCE_TEXTS = uiSection("reports.finance", {
  /** Shown before the tables and in the chart when `example: true`. */
  exampleNotice: [],
  /** Short form for the chart. */
  exampleShort: [],
  /** `{{exercice}}`, `{{outcome}}` (surplus/deficit word), `{{amount}}` (without sign). */
  resultSentence: ["exercice", "outcome", "amount"],
  /** `{{exercice}}`: when income equals expenses. */
  balancedSentence: ["exercice"],
  surplus: [],
  deficit: [],
  balanced: [],
  /** Appended to captions when there is a previous exercice: `{{previous}}`. */
  comparedWith: ["previous"],
  /** `{{exercice}}`, `{{months}}`, `{{previous}}`, `{{previousMonths}}`: exercices of unequal length. */
  durationNote: ["exercice", "months", "previous", "previousMonths"],
  summaryCaption: ["exercice"],
  incomeCaption: ["exercice"],
  expensesCaption: ["exercice"],
  inKindCaption: ["exercice"],
  budgetCaption: ["exercice"],
  /** First column header of the summary table. */
  item: [],
  category: [],
  /** Column of an exercice's amounts: `{{exercice}}`. */
  exerciceColumn: ["exercice"],
  change: [],
  changePercent: [],
  /** Budget table columns: `{{exercice}}`. */
  budgetColumn: ["exercice"],
  actualColumn: ["exercice"],
  income: [],
  expenses: [],
  totalIncome: [],
  totalExpenses: [],
  totalInKind: [],
  /** Result row header: `{{outcome}}`. */
  resultRow: ["outcome"],
  /** Percent cell when the previous amount was zero and this one is not. */
  newLine: [],
  /** Percent cell when no percent makes sense (a result that was zero, or that changed sign): short… */
  notComparable: [],
  /** …and spelt out (the abbreviation's title). */
  notComparableTitle: [],
  /** Header of a result row whose amounts may differ in sign (budget against actual): each amount carries its sign. */
  resultSigned: [],
  /** One detail line under a category: `{{label}}`, `{{amount}}`. */
  detailLine: ["label", "amount"],
  chartTitle: ["exercice"],
  /** How to read the chart; the exact figures are in the tables. */
  chartDesc: [],
  /** `{{exercice}}`, `{{previous}}`: which bar is which year. */
  chartCompareDesc: ["exercice", "previous"],
  /** `{{income}}`, `{{expenses}}`, `{{result}}`. */
  chartTotals: ["income", "expenses", "result"],
});

export type FinanceLabels = SectionTexts<typeof FINANCE_TEXTS.spec>;

export interface FinanceRenderOptions {
  /** Language code: picks category names in `categories.yaml`. */
  lang: string;
  labels: FinanceLabels;
  /** Intl locale for amounts ("fr-FR", "en-GB"). */
  locale: string;
  /** Prefix of the ids (captions, chart title): change it to show two exercices on one page. */
  idPrefix?: string;
}

/** The finance words of one language from the site's UI strings; throws with every problem (the content check reports them first). */
export function financeLabels(resources: Resources, lang: string, file = `data/i18n/${lang}.json`): FinanceLabels {
  const { texts, problems } = FINANCE_TEXTS.read(resources, lang, file);
  if (!texts) throw new Error(`reports: the finance words of "${lang}" cannot be used: ${problems.map((p) => `${p.field} · ${p.message}`).join("; ")}`);
  return texts;
}
