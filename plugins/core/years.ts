/** The years of a list of pages (posts, event folders), each with its number of pages per language: the pages of archives by year. */
export interface YearCounts {
  year: number;
  counts: Record<string, number>;
}

/** Years with pages, newest first, with the number of pages per language. */
export function collectYears(pages: readonly { lang: string; year: number }[]): YearCounts[] {
  const byYear = new Map<number, YearCounts>();
  for (const { lang, year } of pages) {
    const entry = byYear.get(year) ?? { year, counts: {} };
    entry.counts[lang] = (entry.counts[lang] ?? 0) + 1;
    byYear.set(year, entry);
  }
  return [...byYear.values()].sort((a, b) => b.year - a.year);
}
