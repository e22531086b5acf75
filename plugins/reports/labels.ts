/**
 * The words of the financial tables and chart, per language. `{{name}}` marks a
 * value filled in at build time (i18next's syntax, so these can move to
 * `data/i18n/*.json` unchanged). Category names are not here: they live in
 * `data/finances/categories.yaml`, beside the figures.
 */
export interface FinanceLabels {
  /** Shown before the tables and in the chart when `example: true`. */
  exampleNotice: string;
  /** Short form for the chart. */
  exampleShort: string;
  /** `{{exercice}}`, `{{outcome}}` (surplus/deficit word), `{{amount}}` (without sign). */
  resultSentence: string;
  /** `{{exercice}}`: when income equals expenses. */
  balancedSentence: string;
  surplus: string;
  deficit: string;
  balanced: string;
  /** Appended to captions when there is a previous exercice: `{{previous}}`. */
  comparedWith: string;
  /** `{{exercice}}`, `{{months}}`, `{{previous}}`, `{{previousMonths}}`: exercices of unequal length. */
  durationNote: string;
  summaryCaption: string;
  incomeCaption: string;
  expensesCaption: string;
  inKindCaption: string;
  budgetCaption: string;
  /** First column header of the summary table. */
  item: string;
  category: string;
  /** Column of an exercice's amounts: `{{exercice}}`. */
  exerciceColumn: string;
  change: string;
  changePercent: string;
  /** Budget table columns: `{{exercice}}`. */
  budgetColumn: string;
  actualColumn: string;
  income: string;
  expenses: string;
  totalIncome: string;
  totalExpenses: string;
  totalInKind: string;
  /** Result row header: `{{outcome}}`. */
  resultRow: string;
  /** Percent cell when the previous amount was zero and this one is not. */
  newLine: string;
  /** Percent cell when no percent makes sense (a result that was zero, or that changed sign): short… */
  notComparable: string;
  /** …and spelt out (the abbreviation's title). */
  notComparableTitle: string;
  /** Header of a result row whose amounts may differ in sign (budget against actual): each amount carries its sign. */
  resultSigned: string;
  /** One detail line under a category: `{{label}}`, `{{amount}}`. */
  detailLine: string;
  chartTitle: string;
  /** How to read the chart; the exact figures are in the tables. */
  chartDesc: string;
  /** `{{exercice}}`, `{{previous}}`: which bar is which year. */
  chartCompareDesc: string;
  /** `{{income}}`, `{{expenses}}`, `{{result}}`. */
  chartTotals: string;
}

const fr: FinanceLabels = {
  exampleNotice: "Ces chiffres sont des exemples\u00a0: ils ne décrivent pas les comptes réels de l’association.",
  exampleShort: "Chiffres d’exemple",
  resultSentence: "Résultat de l’exercice {{exercice}}\u00a0: {{outcome}} de {{amount}}.",
  balancedSentence: "Résultat de l’exercice {{exercice}}\u00a0: à l’équilibre, les produits couvrent exactement les charges.",
  surplus: "excédent",
  deficit: "déficit",
  balanced: "équilibre",
  comparedWith: " (comparaison avec l’exercice {{previous}})",
  durationNote:
    "L’exercice {{exercice}} dure {{months}} mois et l’exercice {{previous}} {{previousMonths}} mois\u00a0: les évolutions sont à lire avec prudence.",
  summaryCaption: "Synthèse de l’exercice {{exercice}}",
  incomeCaption: "Produits de l’exercice {{exercice}} par catégorie",
  expensesCaption: "Charges de l’exercice {{exercice}} par catégorie",
  inKindCaption: "Contributions volontaires en nature de l’exercice {{exercice}}, hors résultat",
  budgetCaption: "Budget prévisionnel de l’exercice {{exercice}}",
  item: "Poste",
  category: "Catégorie",
  exerciceColumn: "{{exercice}}",
  change: "Évolution",
  changePercent: "Évolution en\u00a0%",
  budgetColumn: "Budget {{exercice}}",
  actualColumn: "Réalisé {{exercice}}",
  income: "Produits",
  expenses: "Charges",
  totalIncome: "Total des produits",
  totalExpenses: "Total des charges",
  totalInKind: "Total des contributions en nature",
  resultRow: "Résultat ({{outcome}})",
  newLine: "nouveau",
  notComparable: "n.\u00a0s.",
  notComparableTitle: "non significatif",
  resultSigned: "Résultat (+\u00a0excédent, \u2212\u00a0déficit)",
  detailLine: "{{label}}\u00a0: {{amount}}",
  chartTitle: "Produits et charges par catégorie, exercice {{exercice}}",
  chartDesc:
    "Diagramme en barres horizontales\u00a0: une barre par catégorie, de longueur proportionnelle au montant. Les montants exacts figurent dans les tableaux de la page.",
  chartCompareDesc: " Pour chaque catégorie, la barre épaisse montre l’exercice {{exercice}} et la barre fine en dessous l’exercice {{previous}}.",
  chartTotals: " Total des produits\u00a0: {{income}}\u00a0; total des charges\u00a0: {{expenses}}\u00a0; résultat\u00a0: {{result}}.",
};

const en: FinanceLabels = {
  exampleNotice: "These figures are examples: they do not describe the association's real accounts.",
  exampleShort: "Example figures",
  resultSentence: "Result for the {{exercice}} financial year: {{outcome}} of {{amount}}.",
  balancedSentence: "Result for the {{exercice}} financial year: break-even, income exactly covers expenses.",
  surplus: "surplus",
  deficit: "deficit",
  balanced: "break-even",
  comparedWith: " (compared with {{previous}})",
  durationNote:
    "The {{exercice}} financial year lasts {{months}} months and {{previous}} lasted {{previousMonths}}: read the changes with care.",
  summaryCaption: "Summary of the {{exercice}} financial year",
  incomeCaption: "Income by category, {{exercice}} financial year",
  expensesCaption: "Expenses by category, {{exercice}} financial year",
  inKindCaption: "In-kind contributions, {{exercice}} financial year, not included in the result",
  budgetCaption: "Budget for the {{exercice}} financial year",
  item: "Item",
  category: "Category",
  exerciceColumn: "{{exercice}}",
  change: "Change",
  changePercent: "Change (%)",
  budgetColumn: "Budget {{exercice}}",
  actualColumn: "Actual {{exercice}}",
  income: "Income",
  expenses: "Expenses",
  totalIncome: "Total income",
  totalExpenses: "Total expenses",
  totalInKind: "Total in-kind contributions",
  resultRow: "Result ({{outcome}})",
  newLine: "new",
  notComparable: "n/a",
  notComparableTitle: "not applicable",
  resultSigned: "Result (+\u00a0surplus, \u2212\u00a0deficit)",
  detailLine: "{{label}}: {{amount}}",
  chartTitle: "Income and expenses by category, {{exercice}} financial year",
  chartDesc:
    "Horizontal bar chart: one bar per category, its length proportional to the amount. The exact amounts are in the tables on this page.",
  chartCompareDesc: " For each category, the thick bar shows {{exercice}} and the thin bar below it {{previous}}.",
  chartTotals: " Total income: {{income}}; total expenses: {{expenses}}; result: {{result}}.",
};

export interface FinanceRenderOptions {
  /** Language code: picks category names in `categories.yaml`. */
  lang: string;
  labels: FinanceLabels;
  /** Intl locale for amounts ("fr-FR", "en-GB"). */
  locale: string;
  /** Prefix of the ids (captions, chart title): change it to show two exercices on one page. */
  idPrefix?: string;
}

/** Default words per language code; pass your own `FinanceLabels` for another language. */
export const FINANCE_LABELS: Readonly<Record<string, FinanceLabels>> = { fr, en };

export function financeLabels(lang: string): FinanceLabels {
  const labels = FINANCE_LABELS[lang];
  if (!labels) throw new Error(`reports: no default finance labels for language "${lang}" (have: ${Object.keys(FINANCE_LABELS).join(", ")}); pass your own labels`);
  return labels;
}
