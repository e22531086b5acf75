/**
 * Reports as layouts and lists see them: front matter parsed by the schema
 * (the date as a luxon DateTime in the site's zone), grouped by exercice,
 * newest exercice first, and within one the moral report, the financial
 * report, then the minutes.
 */
import { EXERCICE_PATTERN } from "./finance-schema.ts";
import { typedData } from "../validate/typed-data.ts";
import { REPORT_KINDS, createReportSchema, type Report } from "./schema.ts";
import { addTo } from "../core/add-to.ts";

/** The typed report behind a page's data (validated before the build, so this does not fail). */
export const reportOf: (data: object, zone: string) => Report = typedData(createReportSchema, { kind: "report" });

/** Newest first: `2024-2025` before `2024` before `2023-2024`; a period (`2018-automne`) counts as its year. */
export function compareExercicesNewestFirst(a: string, b: string): number {
  const years = (name: string): [number, number] => {
    const [, first = "0", last = first] = EXERCICE_PATTERN.exec(name) ?? /^(\d{4})/.exec(name) ?? [];
    return [Number(first), Number(last)];
  };
  const [a1, a2] = years(a);
  const [b1, b2] = years(b);
  return b2 - a2 || b1 - a1 || b.localeCompare(a);
}

export interface ReportItem {
  url: string;
  data: object;
}

export interface ExerciceGroup<T extends ReportItem> {
  exercice: string;
  /** Moral, financial, assembly; two of a kind by date, then URL. */
  items: T[];
}

export function groupByExercice<T extends ReportItem>(items: readonly T[], zone: string): ExerciceGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const { exercice } = reportOf(item.data, zone);
    addTo(groups, exercice, item);
  }
  return [...groups.keys()].sort(compareExercicesNewestFirst).map((exercice) => ({
    exercice,
    items: sortReports(groups.get(exercice)!, zone),
  }));
}

export function sortReports<T extends ReportItem>(items: readonly T[], zone: string): T[] {
  const rank = (item: T) => REPORT_KINDS.indexOf(reportOf(item.data, zone).kind);
  const time = (item: T) => reportOf(item.data, zone).date.toMillis();
  return [...items].sort((a, b) => rank(a) - rank(b) || time(a) - time(b) || a.url.localeCompare(b.url));
}

/** Every report of the list, exercice by exercice (the order of the index). */
export function sortByExercice<T extends ReportItem>(items: readonly T[], zone: string): T[] {
  return groupByExercice(items, zone).flatMap((g) => g.items);
}
