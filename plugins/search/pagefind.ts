/**
 * Writes the search index of a built site with Pagefind's Node API: every
 * HTML page with `data-pagefind-body` (read from the output folder, with
 * ASCII apostrophes so French elisions split: ./apostrophes.ts), one index per
 * `<html lang>`, plus a record per linked PDF. The result replaces
 * `<output>/pagefind/` whole, so no fragment of an older build lingers.
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { filesUnder } from "../core/files.ts";
import { asciiApostrophes } from "./apostrophes.ts";
import { pdfRecords, type PdfRecord } from "./pdf-records.ts";

/** Folder of the output where the index and Pagefind's UI are written (also its URL). */
export const BUNDLE_DIR = "pagefind";

export interface IndexSummary {
  /** HTML pages in the index (pages without `data-pagefind-body` are read, not indexed). */
  pages: number;
  /** PDF records added. */
  pdfs: number;
  /** Pages per language, as Pagefind's entry file lists them (PDF records included). */
  languages: Record<string, number>;
}

/** The built pages, without Pagefind's own folder. */
function htmlFiles(dir: string): string[] {
  return filesUnder(dir)
    .filter((file) => file.endsWith(".html") && !file.startsWith(`${BUNDLE_DIR}/`))
    .map((file) => path.join(dir, file));
}

/** `reports/2024-2025/index.html` → `/reports/2024-2025/`. */
export function urlOf(relativeFile: string): string {
  return `/${relativeFile.split(path.sep).join("/")}`.replace(/index\.html$/, "");
}

/**
 * Pagefind keeps one record per URL, whatever its language: when the French
 * and the English page link the same PDF, the other languages' records get
 * a fragment of their own (`…/rapport.pdf#en`), which the PDF viewer ignores.
 */
export function distinctUrls(records: readonly PdfRecord[], defaultLanguage: string): PdfRecord[] {
  const languages = new Map<string, Set<string>>();
  for (const r of records) languages.set(r.url, (languages.get(r.url) ?? new Set()).add(r.language));
  return records.map((r) => (languages.get(r.url)!.size > 1 && r.language !== defaultLanguage ? { ...r, url: `${r.url}#${r.language}` } : r));
}

function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind could not ${step}:\n  ${errors.join("\n  ")}`);
}

export interface IndexOptions {
  /** CSS selectors of indexed pages' parts that are not text to search (e.g. heading anchor links). */
  excludeSelectors?: string[];
}

export async function writeSearchIndex(
  outputDir: string,
  site: { url: string; defaultLanguage: string },
  options: IndexOptions = {},
): Promise<IndexSummary> {
  const { url: siteUrl, defaultLanguage } = site;
  const output = path.resolve(outputDir);
  const bundle = path.join(output, BUNDLE_DIR);
  const created = await pagefind.createIndex({ excludeSelectors: options.excludeSelectors ?? [] });
  try {
    check("start", created.errors);
    const index = created.index!;
    const records: PdfRecord[] = [];
    for (const file of htmlFiles(output)) {
      const html = await readFile(file, "utf8");
      const url = urlOf(path.relative(output, file));
      // Pages without data-pagefind-body are read and left out by Pagefind itself.
      const added = await index.addHTMLFile({ url, content: asciiApostrophes(html) });
      check(`index ${url}`, added.errors);
      records.push(...pdfRecords(html, url, siteUrl));
    }
    for (const record of distinctUrls(records, defaultLanguage)) {
      const result = await index.addCustomRecord(record);
      check(`add ${record.url}`, result.errors);
    }
    const pdfs = records.length;
    await rm(bundle, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: bundle });
    check(`write ${bundle}`, written.errors);
    // The summary comes from the index in memory: reading the file just written raced with Pagefind's own write
    // (an empty pagefind-entry.json was seen once in a full test run).
    const inMemory = await index.getFiles();
    check("read the index", inMemory.errors);
    const entryFile = inMemory.files.find((f) => path.basename(f.path) === "pagefind-entry.json");
    if (!entryFile) throw new Error("Pagefind wrote no pagefind-entry.json");
    const entry = JSON.parse(Buffer.from(entryFile.content).toString("utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    const languages = Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
    const total = Object.values(languages).reduce((sum, n) => sum + n, 0);
    return { pages: total - pdfs, pdfs, languages };
  } finally {
    // The service is a child process: left open, it would keep Node (and a test run) alive.
    await pagefind.close();
  }
}
