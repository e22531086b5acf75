/**
 * Results of pure computations kept from one `npm run build` to the next: an
 * answer that depends only on its key (a text and what the key says) and on
 * the kit's code is not worked out again when neither changed.
 *
 * scripts/compiled.mjs says where they are kept (one file per content folder,
 * in .cache/compiled/) and what the code is: a digest of every source file it
 * compiled, the lockfile, the patches of node_modules and Node's version. Any
 * change to one of them starts afresh. Under tsx (`npm start`, the tests)
 * nothing is kept on disk; a store opened `inMemory` keeps its results for the
 * life of the process (whose code does not change), others compute every call.
 *
 * A file keeps the entries the last build used, no more: it does not grow with
 * the edits of years.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { earlyKeptText } from "./early-files.ts";

/**
 * The digest a kept result is found by (SHA-1, base64url). The record of
 * written files (scripts/deploy/written-files.ts) and the search index's
 * (plugins/search/last-index.ts) digest with it too: the link check's worker
 * looks up a page's kept links by the digest of the written files' record
 * ({@link KeptResults.findDigest}), which must be this one.
 */
export function contentDigest(content: string | Uint8Array): string {
  return createHash("sha1").update(content).digest("base64url");
}

/** Published by scripts/compiled.mjs (its KEPT_RESULTS). */
export const KEPT_RESULTS = Symbol.for("chatons-site.kept-results");

export interface KeptResultsPlace {
  /** The folder of this content folder's files. */
  dir: string;
  /** The digest of the code that computes (see above). */
  code: string;
}

/** Where this build keeps its results (undefined under tsx): a worker thread it starts is handed it (./workers.ts). */
export function keptResultsPlace(): KeptResultsPlace | undefined {
  return (globalThis as Record<symbol, KeptResultsPlace | undefined>)[KEPT_RESULTS];
}

/** In a worker thread: keep results where the build that started it does. */
export function useKeptResultsPlace(at: KeptResultsPlace | undefined): void {
  (globalThis as Record<symbol, KeptResultsPlace | undefined>)[KEPT_RESULTS] = at;
}

/** Where a build keeps a file of its own between builds; undefined under tsx. */
export function keptFile(name: string): string | undefined {
  const at = keptResultsPlace();
  return at && path.join(at.dir, name);
}

/** The names of the kept files this thread read in this build ({@link readKeptFile}). */
const readHere = new Set<string>();

/**
 * The text of a kept file: as the worker that reads the content while the
 * build loads read it (./early-files.ts), else from the disk.
 */
export function readKeptFile(file: string): string {
  readHere.add(path.basename(file));
  return earlyKeptText(file) ?? readFileSync(file, "utf8");
}

/** Names the kept files {@link readKeptFile} read on the main thread, for the next build's worker to read them early. */
export const EARLY_KEPT_READS = "early-kept-reads.json";

/**
 * Once a build finished: which kept files the main thread read ({@link EARLY_KEPT_READS}),
 * in the order it read them, the order the worker reads them in. Alphabetical, the
 * HTML of 4,000 posts' Markdown came after 11 MB of others, too late.
 */
export function saveKeptReads(): void {
  const file = keptFile(EARLY_KEPT_READS);
  if (file && readHere.size) writeWhole(file, JSON.stringify([...readHere]));
}

/** Writes `text` into `file` whole: a build running alongside reads the old file or the new, never half of one. */
export function writeWhole(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}`, text);
  renameSync(`${file}.${process.pid}`, file);
}

/** The last store opened under each name (a configuration reload opens them again), written by {@link saveKeptResults}. */
const stores = new Map<string, KeptResults<unknown>>();

/**
 * Where an entry of the file read is: its value is taken from the file's text
 * when it is first asked for. The file is a line of JSON (the stamp, then each
 * entry's digest, length and whether it is JSON or text) followed by the values
 * end to end. Most values are text (HTML, feeds): kept as they are, they are
 * not unescaped from JSON. At 1,000 posts, JSON.parse took 149 ms for the feeds'
 * 8 MB and 99 ms for the HTML's 4.7 MB, on the thread that renders.
 */
class Stored {
  constructor(
    readonly text: string,
    readonly start: number,
    readonly length: number,
    readonly json: boolean,
  ) {}

  value(): unknown {
    const raw = this.text.slice(this.start, this.start + this.length);
    return this.json ? JSON.parse(raw) : raw;
  }
}

/** The head line of a file: its stamp, then each entry as [digest, length, 1 when JSON]. */
type Head = { stamp: string; entries: [string, number, 0 | 1][] };

/** A file's stamp and entries, each value read when asked for; undefined when it is not whole. */
function storedEntries(text: string): { stamp: string; entries: Map<string, Stored> } | undefined {
  const end = text.indexOf("\n");
  const head = JSON.parse(end === -1 ? text : text.slice(0, end)) as Head;
  if (end === -1 || typeof head.stamp !== "string" || !Array.isArray(head.entries)) return undefined;
  const entries = new Map<string, Stored>();
  let start = end + 1;
  for (const [digest, length, json] of head.entries) {
    entries.set(digest, new Stored(text, start, length, json === 1));
    start += length;
  }
  // Cut short (a disk full): nothing of it is taken.
  return start === text.length ? { stamp: head.stamp, entries } : undefined;
}

/** Writes a store's file: `entries` by their digests. */
export function writeStore(file: string, stamp: string, entries: Iterable<[string, unknown]>): void {
  const head: Head = { stamp, entries: [] };
  const values: string[] = [];
  for (const [digest, value] of entries) {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    head.entries.push([digest, text.length, typeof value === "string" ? 0 : 1]);
    values.push(text);
  }
  writeWhole(file, `${JSON.stringify(head)}\n${values.join("")}`);
}

/** A store's file read whole. */
export function readStore(file: string): { stamp: string; entries: Map<string, unknown> } {
  const kept = storedEntries(readFileSync(file, "utf8"));
  if (!kept) throw new Error(`${file} is not a whole store of kept results`);
  return { stamp: kept.stamp, entries: new Map([...kept.entries].map(([digest, stored]) => [digest, stored.value()])) };
}

/**
 * Rewrites each value a store's file keeps as `change` makes it: a test marks
 * what a build kept, to tell the next build's use of it from a result of its own.
 * Returns how many values there are.
 */
export function changeStore<T>(file: string, change: (value: T) => T): number {
  const { stamp, entries } = readStore(file);
  writeStore(file, stamp, [...entries].map(([digest, value]) => [digest, change(value as T)]));
  return entries.size;
}

/** A kept value written as text, and read back from it. */
export interface KeptText<T> {
  write(value: T): string;
  read(text: string): T;
}

export class KeptResults<T> {
  private last = new Map<string, T | Stored>();
  private used = new Map<string, T>();
  /** Entries computed since the file was read or written: without any, and none dropped, the file stays as it is. */
  private computed = 0;
  private loaded = false;
  /** The last key digested, and its digest: a miss looks up, then keeps, the same key. */
  private lastKey: string | undefined;
  private lastDigest = "";
  /** Kept for the process when there is no place on disk. */
  private readonly inMemory: boolean;
  /** How a value is written as text and read back, when it is not kept as JSON. */
  private readonly text: KeptText<T> | undefined;

  /**
   * `name`: the file's name; `version`: what else the results depend on that
   * their keys do not say (the parser's options…). A store is written by
   * {@link saveKeptResults}, after the validation pass, unless its owner saves
   * it (`ownSave`: results computed during the build, saved at its end).
   * `inMemory`: without a place on disk (tsx), kept for the process: `npm
   * start` then parses again only the texts a rebuild changed. `text`: how a
   * value that is mostly text is written as text (not JSON, which a value read
   * back would be parsed from whole, its text unescaped) and read back.
   */
  constructor(
    private readonly name: string,
    private readonly version: string,
    { ownSave = false, inMemory = false, text }: { ownSave?: boolean; inMemory?: boolean; text?: KeptText<T> } = {},
  ) {
    if (!ownSave) stores.set(name, this as KeptResults<unknown>);
    this.inMemory = inMemory;
    this.text = text;
  }

  /** `compute(key)`, or what the last build kept for that key. */
  get(key: string, compute: () => T): T {
    const found = this.find(key);
    if (found !== undefined) return found;
    const value = compute();
    this.keep(key, value);
    return value;
  }

  /** What the last build (or this one) kept for `key`; undefined when nothing is, or nothing is kept (tsx, unless `inMemory`). */
  find(key: string): T | undefined {
    if (!keptResultsPlace() && !this.inMemory) return undefined;
    return this.findDigest(this.digestOf(key));
  }

  /**
   * {@link find} by the key's digest (SHA-1, base64url), when the caller has it
   * already: the link check's worker is handed each written page's digest
   * (scripts/deploy/written-files.ts) and need not read the page to look it up.
   */
  findDigest(digest: string): T | undefined {
    const at = keptResultsPlace();
    if (at) this.load(at);
    else if (!this.inMemory) return undefined;
    let value = this.used.get(digest);
    if (value === undefined) {
      const kept = this.last.get(digest);
      value = kept instanceof Stored ? this.read(kept) : kept;
    }
    if (value !== undefined) this.used.set(digest, value);
    return value;
  }

  /** Keeps `value` for `key`, for this build and the next. */
  keep(key: string, value: T): void {
    if (!keptResultsPlace() && !this.inMemory) return;
    this.used.set(this.digestOf(key), value);
    this.computed++;
  }

  /** A value of the file read, through the store's text form when it has one. */
  private read(kept: Stored): T {
    return this.text ? this.text.read(kept.value() as string) : (kept.value() as T);
  }

  private digestOf(key: string): string {
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.lastDigest = contentDigest(key);
    }
    return this.lastDigest;
  }

  private file(at: KeptResultsPlace): string {
    return path.join(at.dir, `${this.name}.json`);
  }

  private stamp(at: KeptResultsPlace): string {
    return `${at.code} ${this.version}`;
  }

  private load(at: KeptResultsPlace): void {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const kept = storedEntries(readKeptFile(this.file(at)));
      if (kept?.stamp === this.stamp(at)) this.last = kept.entries;
    } catch {
      // None yet, or unreadable: computed afresh.
    }
  }

  /**
   * Writes what this build used, unless that is what the file holds already.
   * `unlessFew`: nor when the entries computed or no longer used are at most
   * this share of those used: the next build computes the few again, and the
   * file, still right for every other, is not rewritten whole for them.
   */
  save({ unlessFew = 0 }: { unlessFew?: number } = {}): void {
    const at = keptResultsPlace();
    if (!at || !this.used.size) return;
    // Entries of the file this build did not use (pages deleted or changed), and entries it computed.
    const unused = this.last.size - (this.used.size - this.computed);
    const changed = this.computed + Math.max(0, unused);
    // Nothing computed and nothing dropped: every entry used came from the file, and it holds no other.
    const same = changed === 0 || (this.last.size > 0 && changed <= unlessFew * this.used.size);
    const text = this.text;
    if (!same) writeStore(this.file(at), this.stamp(at), text ? [...this.used].map(([digest, value]) => [digest, text.write(value)]) : this.used);
    this.last = this.used;
    this.used = new Map();
    this.computed = 0;
  }
}



/** Writes the files of the stores their owners do not save (after the validation pass, whose checks use them). */
export function saveKeptResults(): void {
  for (const store of stores.values()) store.save();
}
