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
 * finished output folder instead (`npm start`, between rebuilds). When the last
 * `npm run build` wrote an index of the same pages, it is left as it is
 * (./last-index.ts).
 */
import { readFileSync, utimesSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { filesUnder } from "../core/files.ts";
import { indexedCopy } from "./indexed-copy.ts";
import { carryOver, readCarriedOver, settleCarryOver, type CarriedOver } from "./carry-over.ts";
import { pdfRecords, type PdfRecord } from "./pdf-records.ts";
import { inputsDigest } from "../core/file-states.ts";
import { indexKey, keepLastIndex, LastIndex, type PageFacts } from "./last-index.ts";
import { contentDigest } from "../core/kept-results.ts";

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
 * While every page is one the last index of the bundle folder got as it is
 * (./last-index.ts), Pagefind is not started: the pages are held, and sent only
 * once one differs.
 */
export class SearchIndexWriter {
  private readonly pending: Promise<void>[] = [];
  private readonly errors: string[] = [];
  private readonly records: PdfRecord[] = [];
  private readonly languages: Record<string, number> = {};
  /** The URL of every page and record sent. */
  private readonly urls = new Set<string>();
  /** Each indexed page's URL → digest of its copy. */
  private readonly copies = new Map<string, string>();
  /** What was taken from each page given with its file's digest, for the next build (./last-index.ts). */
  private readonly seen = new Map<string, PageFacts>();
  /** Pages the last index got as they are, not sent while Pagefind is not started: URL and file. */
  private held: [string, string][] = [];
  private index: Promise<pagefind.PagefindIndex> | undefined;
  private carried: CarriedOver | undefined;
  /** The last index, left as it is: nothing was written. */
  private unchanged = false;
  /** Digest of the PDF records, once `write` has them. */
  private recordsDigest = "";

  private constructor(
    private readonly site: { url: string; defaultLanguage: string },
    private readonly options: IndexOptions,
    /** What the index is made of besides its pages and records (./last-index.ts). */
    private readonly made: { key: string | undefined; inputs: string },
    private readonly last: LastIndex | undefined,
  ) {}

  /**
   * `at.bundleDir`: where the index will be written, if the last one there may
   * be kept; `at.inputs`: the folders the pages are made from (./last-index.ts).
   */
  static async open(site: { url: string; defaultLanguage: string }, options: IndexOptions = {}, at?: { bundleDir: string; inputs?: readonly string[] }): Promise<SearchIndexWriter> {
    const key = indexKey(site, options);
    const inputs = at?.inputs && key ? inputsDigest(at.inputs) : "";
    const last = at && LastIndex.read(at.bundleDir, key);
    const writer = new SearchIndexWriter(site, options, { key, inputs }, last);
    // Inputs as they were: the pages are held while the last index got them (see `add`).
    if (!last?.madeOf(inputs)) await writer.start();
    return writer;
  }

  /** Pagefind's index, started at the first call, which sends it the pages held. */
  private start(): Promise<pagefind.PagefindIndex> {
    if (this.index) return this.index;
    this.index = pagefind.createIndex({ excludeSelectors: this.options.excludeSelectors ?? [] }).then((created) => {
      check("start", created.errors);
      return created.index!;
    });
    const held = this.held;
    this.held = [];
    for (const [url, file] of held) this.send(url, indexedCopy(readFileSync(file, "utf8")));
    return this.index;
  }

  private send(url: string, copy: string): void {
    const index = this.start();
    this.pending.push(
      index
        .then((i) => i.addHTMLFile({ url, content: copy }))
        .then((added) => {
          for (const error of added.errors) this.errors.push(`index ${url}: ${error}`);
        }),
    );
  }

  /**
   * One built page, `url` being its site path (`/blog/2025/ag/`), `file` the file
   * that holds it, `written` the digest of the file's bytes when known (the page
   * is then read only if the last index did not see it so).
   */
  addWritten(url: string, file: string, written: string, read: () => string | undefined): void {
    const facts = this.last?.factsOf(url, written);
    if (!facts) {
      const html = read();
      if (html !== undefined) this.add(url, html, file, written);
      return;
    }
    this.seen.set(url, facts);
    this.records.push(...facts.records);
    if (facts.copy === "") return;
    this.counted(url, facts.lang);
    this.copies.set(url, facts.copy);
    // The last index got this copy: held while Pagefind is not started, read again once it is.
    if (this.index) this.send(url, indexedCopy(readFileSync(file, "utf8")));
    else this.held.push([url, file]);
  }

  /** One built page, `url` being its site path (`/blog/2025/ag/`), `file` the file that holds it, `written` as for {@link addWritten}. */
  add(url: string, html: string, file: string, written?: string): void {
    const records = pdfRecords(html, url, this.site.url);
    this.records.push(...records);
    const lang = HTML_LANG.exec(html)?.[1] ?? "unknown";
    // Pages without data-pagefind-body (lists, tag pages, feeds' pages…) are left out
    // by Pagefind itself once one page has it, as every content page of the kit does;
    // they are not sent: Pagefind parsed them only to drop them (774 of 2,735 pages
    // at 1,000 posts).
    if (!html.includes("data-pagefind-body")) {
      if (written !== undefined) this.seen.set(url, { file: written, copy: "", lang, records });
      return;
    }
    this.counted(url, lang);
    const copy = indexedCopy(html);
    const digest = contentDigest(copy);
    this.copies.set(url, digest);
    if (written !== undefined) this.seen.set(url, { file: written, copy: digest, lang, records });
    if (!this.index && this.last?.has(url, digest)) this.held.push([url, file]);
    else this.send(url, copy);
  }

  private counted(url: string, lang: string): void {
    this.languages[lang] = (this.languages[lang] ?? 0) + 1;
    this.urls.add(url);
  }

  /**
   * Waits for every page, adds the PDF records and writes the index into
   * `bundleDir`, over the last index if there is one (./carry-over.ts): then
   * `settle` must follow once Pagefind has exited. Writes nothing when the last
   * index there was made from the same pages and records (./last-index.ts).
   */
  async write(bundleDir: string): Promise<IndexSummary> {
    const records = distinctUrls(this.records, this.site.defaultLanguage);
    const pdfs = records.length;
    const recordsDigest = contentDigest(JSON.stringify(records.map((r) => JSON.stringify(r)).sort()));
    this.unchanged = this.last?.madeFrom(this.copies, recordsDigest) === true;
    for (const record of records) this.languages[record.language] = (this.languages[record.language] ?? 0) + 1;
    const total = Object.values(this.languages).reduce((sum, n) => sum + n, 0);
    const summary = { pages: total - pdfs, pdfs, languages: { ...this.languages } };
    this.recordsDigest = recordsDigest;
    if (this.unchanged) {
      // Pages sent all the same (inputs touched, not changed) are let through before Pagefind is stopped.
      await Promise.allSettled(this.pending);
      return summary;
    }
    const index = await this.start();
    await Promise.all(this.pending);
    check("index every page", this.errors);
    for (const record of records) {
      const result = await index.addCustomRecord(record);
      check(`add ${record.url}`, result.errors);
      this.urls.add(record.url);
    }
    this.carried = carryOver(bundleDir);
    const writing = index.writeFiles({ outputPath: bundleDir });
    // While Pagefind's process writes: what the files of the last index hold.
    readCarriedOver(bundleDir, this.carried);
    const written = await writing;
    check(`write ${bundleDir}`, written.errors);
    return summary;
  }

  /**
   * Once Pagefind has exited (`closeSearch`): leaves in `bundleDir` only the
   * index's files. False when a file of the last index was not this one's:
   * the caller empties `bundleDir` and writes the index again. `exited`: Pagefind
   * exited of itself, every file written whole; only then is the index kept as
   * the next build's record (./carry-over.ts).
   */
  async settle(bundleDir: string, { exited }: { exited: boolean }): Promise<boolean> {
    if (this.unchanged) {
      // Its folder, not written into, is this build's all the same (scripts/deploy/build-marker.ts, `dropUnwritten`).
      const now = new Date();
      utimesSync(bundleDir, now, now);
      // Inputs touched (a fresh clone's dates), not changed, or pages read again (a page
      // outside the index that changes at every build, the status page): the next build holds and skips them again.
      if (!this.last!.madeOf(this.made.inputs) || !this.last!.sawTheSame(this.seen)) this.keep(bundleDir);
      return true;
    }
    const settled = !this.carried || (await settleCarryOver(bundleDir, this.carried, this.urls, { keep: exited }));
    if (settled && exited) this.keep(bundleDir);
    return settled;
  }

  private keep(bundleDir: string): void {
    keepLastIndex(bundleDir, { ...this.made, pages: this.copies, seen: this.seen, records: this.recordsDigest });
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
  const writer = await SearchIndexWriter.open(site, options, { bundleDir: path.join(output, BUNDLE_DIR) });
  let read = false;
  try {
    for (const file of htmlFiles(output)) {
      if (outdated()) return await writer.abandon();
      const absolute = path.join(output, file);
      writer.add(urlOf(file), await readFile(absolute, "utf8"), absolute);
    }
    read = true;
  } finally {
    if (!read) await closeSearch();
  }
  return finishIndex(writer, output, site, options);
}
