/**
 * Writes the search index of a built site with Pagefind's Node API: every
 * HTML page with `data-pagefind-body`, one index per `<html lang>`, plus a
 * record per linked PDF. The result replaces `<output>/pagefind/` whole, so
 * no fragment of an older build lingers.
 */
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { pdfRecords } from "./pdf-records.ts";

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

async function htmlFiles(dir: string, base = dir): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path.relative(base, full) !== BUNDLE_DIR) found.push(...(await htmlFiles(full, base)));
    } else if (entry.name.endsWith(".html")) {
      found.push(full);
    }
  }
  return found;
}

/** `reports/2024-2025/index.html` → `/reports/2024-2025/`. */
export function urlOf(relativeFile: string): string {
  return `/${relativeFile.split(path.sep).join("/")}`.replace(/index\.html$/, "");
}

function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind could not ${step}:\n  ${errors.join("\n  ")}`);
}

export async function writeSearchIndex(outputDir: string, site: { url: string; defaultLanguage: string }): Promise<IndexSummary> {
  const { url: siteUrl, defaultLanguage } = site;
  const output = path.resolve(outputDir);
  const bundle = path.join(output, BUNDLE_DIR);
  const created = await pagefind.createIndex({});
  try {
    check("start", created.errors);
    const index = created.index!;
    const added = await index.addDirectory({ path: output });
    check(`index ${output}`, added.errors);
    let pdfs = 0;
    for (const file of await htmlFiles(output)) {
      for (const record of pdfRecords(await readFile(file, "utf8"), urlOf(path.relative(output, file)), siteUrl)) {
        // Pagefind keeps one record per URL across languages: the French and the
        // English report link the same PDF, so the translation's record gets its own fragment.
        if (record.language !== defaultLanguage) record.url += `#${record.language}`;
        const result = await index.addCustomRecord(record);
        check(`add ${record.url}`, result.errors);
        pdfs++;
      }
    }
    await rm(bundle, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: bundle });
    check(`write ${bundle}`, written.errors);
    const entry = JSON.parse(await readFile(path.join(bundle, "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    const languages = Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
    const records = Object.values(languages).reduce((sum, n) => sum + n, 0);
    // addDirectory counts every HTML file it read; the index holds those with data-pagefind-body.
    return { pages: records - pdfs, pdfs, languages };
  } finally {
    // The service is a child process: left open, it would keep Node (and a test run) alive.
    await pagefind.close();
  }
}
