/**
 * The pages a build wrote, read for their links and ids as they are written,
 * then checked together once the build is over. `npm run build` keeps them in
 * a worker thread (./scan.worker.ts), `npm start` in the dev server itself
 * (a rebuild writes a few pages).
 */
import { readFileSync } from "node:fs";
import { exactFile } from "../core/exact-names.ts";
import type { KeptResults } from "../core/kept-results.ts";
import path from "node:path";
import { detachedScan, LinkChecker, scanPage, sharedText, type BrokenLink, type CheckOptions, type OutputFolder, type PageScan } from "./links.ts";

/** A written page, as Eleventy's results name it. */
export interface WrittenPage {
  outputPath: string;
  url: string;
}

/** What the check needs besides the pages read. */
export interface CheckRequest {
  /** The build's pages (Eleventy's results); those not read are left out. */
  pages: WrittenPage[];
  /** The output folder (absolute). */
  output: string;
  /** `templateHandling.writtenSince()`: a file on disk counts only if this build wrote or touched it. */
  since: number | undefined;
  siteUrl: string;
  skip: string[];
}

export interface CheckReport {
  broken: BrokenLink[];
  /** Whether the output has a home page (index.html). */
  hasHome: boolean;
}

/**
 * A page's scan as kept between builds: the JSON of its references as
 * [raw, via, offset] and of its ids, one string per page. Kept as objects, the
 * scans of 4,000 posts' pages took the worker 100 MB more than as strings.
 */
type KeptScan = string;

/** The share of a build's pages whose scans may be left for the next build to make again ({@link WrittenPages.save}). */
const RESCAN_SHARE = 0.05;

export class WrittenPages {
  /** This build's pages as read (output path → links and ids), and the texts they share. */
  private scans = new Map<string, PageScan>();
  private texts = new Map<string, string>();
  /** Set by {@link start}: each page whose URL comes with it is checked as far as it can be when it is read. */
  private checker: LinkChecker | undefined;

  /**
   * `kept`: the scans of the last build's pages, by their HTML (`npm run build`:
   * a page that comes out the same is not parsed again; 0.7 s of the link check's
   * worker at 1,000 posts, on the core Pagefind and the main thread share).
   */
  constructor(private readonly kept?: KeptResults<KeptScan>) {}

  /** A build begins whose links are checked against `options`: its pages are checked as they are added (see {@link LinkChecker}). */
  start(options: CheckOptions): void {
    this.forget();
    this.checker = new LinkChecker(options);
  }

  /**
   * A page as written (after every other transform): its HTML, or how to read
   * it, its digest when known (a page whose scan is kept is then not read), and
   * its URL, once {@link start} was called.
   */
  add(outputPath: string, page: string | (() => string), digest?: string, url?: string): void {
    let html = typeof page === "string" ? page : undefined;
    const read = () => (html ??= (page as () => string)());
    const stored = digest !== undefined ? this.kept?.findDigest(digest) : this.kept?.find(read());
    let kept: PageScan;
    if (stored === undefined) {
      const text = read();
      const scan = scanPage(text);
      this.kept?.keep(text, JSON.stringify([scan.refs.map((r) => [r.raw, r.via, r.offset]), [...scan.ids]]));
      kept = detachedScan(scan, this.texts);
    } else {
      // Strings of their own (JSON.parse's), shared with the other pages' as they are, not copied.
      const [refs, ids] = JSON.parse(stored) as [[string, string, number][], string[]];
      const shared = (text: string) => sharedText(this.texts, text, { copied: false });
      kept = { refs: refs.map(([raw, via, offset]) => ({ raw: shared(raw), via: shared(via), offset })), ids: new Set(ids.map(shared)) };
    }
    if (this.checker && url !== undefined) this.checker.page(url, kept, outputPath);
    else this.scans.set(outputPath, kept);
  }

  /**
   * Keeps the scans of this build's pages for the next one. A few pages change
   * at every build (the status page says when it was built, a feed or an event
   * without git history dates itself by the build): their scans alone made the
   * worker rewrite the 25 MB of 4,000 posts' scans before it answered, 400 to
   * 500 ms the build waited for. Up to {@link RESCAN_SHARE} of the pages are
   * scanned again by the next build instead.
   */
  save(): void {
    this.kept?.save({ unlessFew: RESCAN_SHARE });
  }

  /** A new build: the pages read so far are not its own. */
  forget(): void {
    this.scans = new Map();
    this.texts = new Map();
    this.checker = undefined;
  }

  /** The broken links of the pages read, which are forgotten. */
  async check({ pages: results, output, since, siteUrl, skip }: CheckRequest): Promise<CheckReport> {
    const checker = this.checker ?? new LinkChecker({ siteUrl, skip });
    // Every file the build made (its feeds and calendars too): a file it found as it would
    // have written it is left as it is, its ctime as the last build left it.
    const made = new Set<string>();
    const only = new Set<string>();
    for (const page of results) {
      const file = path.relative(output, path.resolve(page.outputPath)).split(path.sep).join("/");
      made.add(file);
      only.add(page.outputPath);
      const scan = this.scans.get(page.outputPath);
      if (scan) checker.page(page.url, scan, page.outputPath);
    }
    this.forget();
    // Every page links the same stylesheets, icons and feeds: ask the disk once per file.
    // npm run build writes over the last build and deletes its leftovers while this check
    // runs: a file counts once this build wrote or touched it (its ctime, scripts/build.ts).
    const onDisk = new Map<string, boolean>();
    const isFile = (file: string) => {
      let found = onDisk.get(file);
      if (found === undefined) {
        // By its exact name: a Mac's disk would find Bilan.pdf for bilan.pdf, the web server will not (../core/exact-names.ts).
        const { stats } = exactFile(file);
        onDisk.set(file, (found = stats !== undefined && (since === undefined || stats.ctimeMs >= since)));
      }
      return found;
    };
    const folder: OutputFolder = {
      exists: (file) => made.has(file) || isFile(path.join(output, file)),
      // Asked only of a page this build did not write (the checker knows the ids of those it did):
      // npm start rebuilds only what changed, and the others are read from the disk.
      ids: (file) => {
        if (!file.endsWith(".html")) return undefined;
        return isFile(path.join(output, file)) ? scanPage(readFileSync(path.join(output, file), "utf8")).ids : undefined;
      },
    };
    const found = checker.finish(folder, only);
    return { broken: found.broken, hasHome: folder.exists("index.html") };
  }
}
