/**
 * The search index the last `npm run build` wrote, left as it is when this
 * build hands Pagefind the same pages and records.
 *
 * Pagefind's index is made from what it is given, nothing else: each indexed
 * page's URL and copy (./indexed-copy.ts), the PDF records, the options and
 * Pagefind's own version. Writing it took 0.9 s after the last page of a
 * 1,000-post build, and 2.8 s at 4,000, even when no page had changed (it
 * builds the whole word index again, then finds its files already there:
 * ./carry-over.ts).
 *
 * So `npm run build` keeps, beside its other results (../core/kept-results.ts),
 * what the index it settled was made from: a digest of each page's copy, one of
 * the records, and the size and modification time of every file of the bundle
 * folder. Once every page is written (./pagefind.ts, `SearchIndexWriter`): when
 * each has its digest there, no page is gone, the records are the same and the
 * folder still holds those files and no other, the index is the last one and
 * Pagefind writes nothing.
 *
 * Pagefind is then not even started when the build's inputs (the content and
 * data folders' files, by size and modification time) are the last build's:
 * the pages are held, not sent. At the first page that differs all the same
 * (a page that shows the day's date), Pagefind starts and gets the pages held
 * so far, read again from their files. When an input changed, the pages go to
 * Pagefind as they are written, as in a build without a last index: a changed
 * post found among the last pages made the index wait 3.2 s after the last
 * page of a 1,000-post build, instead of 1 s.
 *
 * The kit's code is in the key (a change to the copy or the writer starts
 * afresh), and so is Pagefind's version, through the lockfile. Nothing is kept
 * under tsx (`npm start`, the tests): every index is written.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { folderStamps, type Stamps } from "../core/file-states.ts";
import { contentDigest, keptFile, keptResultsPlace, writeWhole } from "../core/kept-results.ts";
import type { PdfRecord } from "./pdf-records.ts";

/**
 * What the index took from one written page: the digest of the page's file
 * (../core/page-written.ts), of its copy ("" for a page without
 * `data-pagefind-body`, not indexed), its language and its PDF records. A page
 * whose file has that digest again is not read: reading and cutting down the
 * 3,100 pages of a 1,000-post rebuild took the search index's worker about
 * 0.2 s of a core the main thread shares.
 */
export interface PageFacts {
  file: string;
  copy: string;
  lang: string;
  records: PdfRecord[];
}

interface Kept {
  /** The code, the site's URL and the options (see {@link indexKey}). */
  key: string;
  /** The inputs' files then (see ../core/file-states.ts, `inputsDigest`); "" when not known. */
  inputs: string;
  /** URL → digest of the copy Pagefind got. */
  pages: { [url: string]: string };
  /** URL → what the index took from each page given with its file's digest. */
  seen?: { [url: string]: PageFacts };
  /** Digest of the PDF records. */
  records: string;
  /** Every file of the bundle folder → its size and modification time ({@link folderStamps}). */
  files: Stamps;
}

/** What an index depends on besides its pages and records; undefined when nothing is kept (tsx). */
export function indexKey(site: { url: string; defaultLanguage: string }, options: unknown): string | undefined {
  const place = keptResultsPlace();
  return place && contentDigest(JSON.stringify([place.code, site, options]));
}

function recordFile(bundleDir: string): string | undefined {
  return keptFile(`search-inputs-${contentDigest(path.resolve(bundleDir)).slice(0, 12)}.json`);
}

export class LastIndex {
  private constructor(private readonly record: Kept) {}

  /**
   * The last index of `bundleDir`, when one was kept under `key` and the folder
   * still holds its files as they were, and no other.
   */
  static read(bundleDir: string, key: string | undefined): LastIndex | undefined {
    const file = recordFile(bundleDir);
    if (!key || !file) return undefined;
    try {
      const record = JSON.parse(readFileSync(file, "utf8")) as Kept;
      if (record.key !== key) return undefined;
      const now = folderStamps(bundleDir);
      const was = Object.entries(record.files);
      if (was.length === 0 || was.length !== Object.keys(now).length) return undefined;
      return was.every(([name, stamp]) => now[name] === stamp) ? new LastIndex(record) : undefined;
    } catch {
      return undefined; // none kept yet, or the folder is gone
    }
  }

  /** Whether the inputs were the same for the last index (their `inputsDigest`, ../core/file-states.ts). */
  madeOf(inputs: string): boolean {
    return inputs !== "" && this.record.inputs === inputs;
  }

  /** What the last index took from the page at `url`, when its file had the digest `file` then too. */
  factsOf(url: string, file: string): PageFacts | undefined {
    const facts = this.record.seen?.[url];
    return facts?.file === file ? facts : undefined;
  }

  /** Whether the last record holds exactly these facts of the pages. */
  sawTheSame(seen: ReadonlyMap<string, PageFacts>): boolean {
    const was = this.record.seen ?? {};
    return seen.size === Object.keys(was).length && [...seen].every(([url, facts]) => was[url] === facts);
  }

  /** Whether the last index got this page with this copy. */
  has(url: string, digest: string): boolean {
    return this.record.pages[url] === digest;
  }

  /** Whether the last index was made from exactly these pages (each one {@link has}) and records. */
  madeFrom(pages: ReadonlyMap<string, string>, records: string): boolean {
    return records === this.record.records && pages.size === Object.keys(this.record.pages).length && [...pages].every(([url, digest]) => this.has(url, digest));
  }
}

/** Keeps what the index just settled in `bundleDir` was made from, for the next build (nothing under tsx). */
export function keepLastIndex(
  bundleDir: string,
  made: { key: string | undefined; inputs: string; pages: ReadonlyMap<string, string>; seen: ReadonlyMap<string, PageFacts>; records: string },
): void {
  const file = recordFile(bundleDir);
  if (!made.key || !file) return;
  const record: Kept = { key: made.key, inputs: made.inputs, pages: Object.fromEntries(made.pages), seen: Object.fromEntries(made.seen), records: made.records, files: folderStamps(bundleDir) };
  writeWhole(file, JSON.stringify(record));
}
