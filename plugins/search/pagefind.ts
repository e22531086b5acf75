/**
 * The search index of a built site, written with Pagefind's Node API: every
 * HTML page with `data-pagefind-body` (the copy of ./indexed-copy.ts: words
 * kept apart, French elisions split), one index per `<html lang>`, plus a
 * record per linked PDF. `<output>/pagefind/` ends up holding this index and
 * nothing else; Pagefind writes only the files the last index there lacks
 * (./carry-over.ts).
 *
 * Pagefind indexes in a process of its own: `SearchIndexWriter` hands it each
 * page as soon as the page is rendered, so indexing runs on another core while
 * Eleventy renders the rest (`npm run build`); `writeSearchIndex` reads a
 * finished output folder instead (`npm start`, between rebuilds).
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { filesUnder } from "../core/files.ts";
import { indexedCopy } from "./indexed-copy.ts";
import { carryOver, readCarriedOver, settleCarryOver, type CarriedOver } from "./carry-over.ts";
import { pdfRecords, type PdfRecord } from "./pdf-records.ts";

/** Folder of the output where the index and Pagefind's UI are written (also its URL). */
export const BUNDLE_DIR = "pagefind";

export interface IndexSummary {
  /** HTML pages in the index (pages without `data-pagefind-body` are read for their PDF links, not indexed). */
  pages: number;
  /** PDF records added. */
  pdfs: number;
  /** Pages per language, as Pagefind's entry file lists them (PDF records included). */
  languages: Record<string, number>;
}

/** The HTML files of an output folder (relative paths), Pagefind's own bundle left out. */
function htmlFiles(output: string): string[] {
  return filesUnder(output, { skipPaths: [BUNDLE_DIR] }).filter((f) => f.endsWith(".html"));
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

/** `<html lang="fr">` → `fr`. */
const HTML_LANG = /<html\b[^>]*?\slang="([^"]+)"/i;

/**
 * An index being filled. `add` does not wait for Pagefind: pages queue in its
 * process while the caller goes on; `write` waits for them all, then writes.
 */
export class SearchIndexWriter {
  private readonly pending: Promise<void>[] = [];
  private readonly errors: string[] = [];
  private readonly records: PdfRecord[] = [];
  private readonly languages: Record<string, number> = {};
  /** The URL of every page and record sent. */
  private readonly urls = new Set<string>();
  private carried: CarriedOver | undefined;

  private constructor(
    private readonly index: pagefind.PagefindIndex,
    private readonly site: { url: string; defaultLanguage: string },
  ) {}

  static async open(site: { url: string; defaultLanguage: string }, options: IndexOptions = {}): Promise<SearchIndexWriter> {
    const created = await pagefind.createIndex({ excludeSelectors: options.excludeSelectors ?? [] });
    check("start", created.errors);
    return new SearchIndexWriter(created.index!, site);
  }

  /** One built page, `url` being its site path (`/blog/2025/ag/`). */
  add(url: string, html: string): void {
    this.records.push(...pdfRecords(html, url, this.site.url));
    // Pages without data-pagefind-body (lists, tag pages, feeds' pages…) are left out
    // by Pagefind itself once one page has it, as every content page of the kit does;
    // they are not sent: Pagefind parsed them only to drop them (774 of 2,735 pages
    // at 1,000 posts).
    if (!html.includes("data-pagefind-body")) return;
    const lang = HTML_LANG.exec(html)?.[1] ?? "unknown";
    this.languages[lang] = (this.languages[lang] ?? 0) + 1;
    this.urls.add(url);
    this.pending.push(
      this.index.addHTMLFile({ url, content: indexedCopy(html) }).then((added) => {
        for (const error of added.errors) this.errors.push(`index ${url}: ${error}`);
      }),
    );
  }

  /**
   * Waits for every page, adds the PDF records and writes the index into
   * `bundleDir`, over the last index if there is one (./carry-over.ts): then
   * `settle` must follow once Pagefind has exited.
   */
  async write(bundleDir: string): Promise<IndexSummary> {
    await Promise.all(this.pending);
    check("index every page", this.errors);
    const records = distinctUrls(this.records, this.site.defaultLanguage);
    for (const record of records) {
      const result = await this.index.addCustomRecord(record);
      check(`add ${record.url}`, result.errors);
      this.languages[record.language] = (this.languages[record.language] ?? 0) + 1;
      this.urls.add(record.url);
    }
    this.carried = carryOver(bundleDir);
    const writing = this.index.writeFiles({ outputPath: bundleDir });
    // While Pagefind's process writes: what the files of the last index hold.
    readCarriedOver(bundleDir, this.carried);
    const written = await writing;
    check(`write ${bundleDir}`, written.errors);
    const pdfs = records.length;
    const total = Object.values(this.languages).reduce((sum, n) => sum + n, 0);
    return { pages: total - pdfs, pdfs, languages: { ...this.languages } };
  }

  /**
   * Once Pagefind has exited (`closeSearch`): leaves in `bundleDir` only the
   * index's files. False when a file of the last index was not this one's:
   * the caller empties `bundleDir` and writes the index again. `exited`: Pagefind
   * exited of itself, every file written whole; only then is the index kept as
   * the next build's record (./carry-over.ts).
   */
  async settle(bundleDir: string, { exited }: { exited: boolean }): Promise<boolean> {
    return !this.carried || settleCarryOver(bundleDir, this.carried, this.urls, { keep: exited });
  }

  /**
   * Writes nothing, and stops Pagefind's process at once: the pages already sent
   * are not indexed (the process fails them), so a save of `npm start` gets the
   * machine instead of waiting behind an index nobody will read.
   */
  async abandon(): Promise<undefined> {
    const settled = Promise.allSettled(this.pending); // handled before the process fails them
    await pagefind.close();
    await settled;
    return undefined;
  }

  /** Frees the index in Pagefind's process (which stays up for the next one). */
  async discard(): Promise<void> {
    await this.index.deleteIndex();
  }
}

/** Stops Pagefind's process: left open, it would keep Node (and a test run) alive. */
export async function closeSearch(): Promise<boolean> {
  // patches/pagefind+1.5.2.patch: Pagefind 1.5.2 answers `writeFiles` before its
  // writes reach the disk, and `close()` kills it: about one build in ten under
  // load shipped a cut-off `pagefind-worker.js` (32,768 of 41,255 bytes). Ending
  // its input instead was not enough: it then exits at once, and a build still
  // shipped a `pagefind.js` cut at 40,960 of 45,555 bytes. Its input is now
  // ended once it holds no file open (Linux's /proc), so once every file is written.
  const { closeGracefully } = pagefind as typeof pagefind & { closeGracefully(): Promise<boolean> };
  const exited = await closeGracefully();
  if (!exited) console.warn("[search] Pagefind had not exited 10 s after writing the index: it was stopped.");
  return exited;
}

/**
 * Writes the index `writer` holds (or will hold once opened) into
 * `<output>/pagefind/` and stops Pagefind: over the last index when one is
 * there (./carry-over.ts), and once more from the written pages, into an empty
 * folder, when a file of the last index was not this one's.
 */
export async function finishIndex(
  writer: SearchIndexWriter | Promise<SearchIndexWriter>,
  output: string,
  site: { url: string; defaultLanguage: string },
  options: IndexOptions = {},
): Promise<IndexSummary> {
  const bundleDir = path.join(output, BUNDLE_DIR);
  let filled: SearchIndexWriter;
  let summary: IndexSummary;
  let exited = false;
  try {
    filled = await writer;
    summary = await filled.write(bundleDir);
  } finally {
    exited = await closeSearch();
  }
  if (await filled.settle(bundleDir, { exited })) return summary;
  await rm(bundleDir, { recursive: true, force: true });
  return (await writeSearchIndex(output, site, options))!;
}

/**
 * The index of a finished output folder, read from disk. When `outdated()`
 * turns true while pages are read (a rebuild started: the pages are changing),
 * nothing is written and the answer is undefined.
 */
export async function writeSearchIndex(
  outputDir: string,
  site: { url: string; defaultLanguage: string },
  options: IndexOptions = {},
  outdated: () => boolean = () => false,
): Promise<IndexSummary | undefined> {
  const output = path.resolve(outputDir);
  const writer = await SearchIndexWriter.open(site, options);
  let read = false;
  try {
    for (const file of htmlFiles(output)) {
      if (outdated()) return await writer.abandon();
      writer.add(urlOf(file), await readFile(path.join(output, file), "utf8"));
    }
    read = true;
  } finally {
    if (!read) await closeSearch();
  }
  return finishIndex(writer, output, site, options);
}
