/**
 * A search index written over the last one, which writes only what changed.
 *
 * Pagefind names each file of an index (a page's fragment, a chunk of the word
 * index, a filter, a language's metadata) after a hash of its content, and
 * leaves alone a file of that name already in place (`WriteBehavior::Immutable`
 * in pagefind/src/output/mod.rs). Writing the 1,961 fragments of 1,000 posts
 * into an empty folder took it 2.0 to 2.4 s, mostly in the kernel (creating
 * files, and memory for its many threads); over the last index, 0.5 to 0.6 s.
 *
 * So the last index stays in the bundle folder while Pagefind writes the new
 * one (`npm run build` carries it over from the build it replaces: see
 * scripts/deploy/build-marker.ts). Before: its other files (scripts, styles,
 * the entry file), which Pagefind writes again anyway, are deleted. After:
 * - each old file the new index does not name is deleted: the folder holds what
 *   a write into an empty folder gives, not one file more;
 * - each old file the index names is read whole (a compressed file cut short
 *   by a stopped process fails its checksum) and each old fragment is checked
 *   to be its page's. Names are short hashes (7 hex digits after the language),
 *   so a new page's fragment may bear the name of another page's old one: about
 *   1 chance in 150 when every page of 1,000 posts changes. An old fragment must
 *   hold a URL of this index that no other fragment holds, and the word count
 *   the metadata gives that name.
 * When a check fails, the caller empties the folder and writes the index again.
 *
 * `npm run build` keeps, beside its other results (../core/kept-results.ts), what
 * the index it settled holds: each file's size and modification time, and each
 * fragment's page. The next build reads only the files no longer as they were
 * (written since, cut short, replaced): reading every file of the last index
 * took 0.35 to 0.8 s of CPU at the end of a 1,000-post build, beside Pagefind's
 * own writing.
 */
import { existsSync, readFileSync, statSync, unlinkSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { filesUnder } from "../core/files.ts";
import { FileStates } from "../core/file-states.ts";

/** What Pagefind writes before the CBOR or JSON of each of its compressed files. */
const PAGEFIND_PREFIX = "pagefind_dcd";

/** `fragment/en_0528eb0.pf_fragment`, `index/…`, `filter/…`, `pagefind.fr_4f525203f8.pf_meta`: the files named by their content. */
const NAMED = /^(?:(?:fragment|index|filter)\/[^/]+|pagefind\.[^/]+\.pf_meta)$/;

const ENTRY = "pagefind-entry.json";

/** A fragment's page: its URL and word count. */
interface PageId {
  url: string;
  word_count: number;
}

/** What the last index left in a bundle folder. */
export interface CarriedOver {
  /** Pagefind's version that wrote it: another version may write other bytes under the same names. */
  pagefind: string | undefined;
  /** Its files named by their content. */
  files: Set<string>;
  /**
   * What each of them holds, once read ({@link readCarriedOver}): a fragment's
   * page, true for another file that reads whole, false for a file cut short or
   * not Pagefind's. Files not read are read by settleCarryOver.
   */
  read?: Map<string, PageId | boolean>;
}

/** Pagefind's compressed file → its content after the prefix (throws when cut short). */
function unpack(file: string): Buffer {
  const raw = gunzipSync(readFileSync(file));
  if (raw.subarray(0, PAGEFIND_PREFIX.length).toString() !== PAGEFIND_PREFIX) throw new Error(`${file} is not a Pagefind file`);
  return raw.subarray(PAGEFIND_PREFIX.length);
}

function versionOf(bundleDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(bundleDir, ENTRY), "utf8")) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * Readies `bundleDir` for Pagefind to write over: keeps the files named by
 * their content, deletes the others. Nothing carried over when it does not exist.
 */
export function carryOver(bundleDir: string): CarriedOver {
  const files = new Set<string>();
  if (!existsSync(bundleDir)) return { pagefind: undefined, files };
  const pagefind = versionOf(bundleDir);
  for (const file of filesUnder(bundleDir)) {
    if (NAMED.test(file)) files.add(file);
    else unlinkSync(path.join(bundleDir, file));
  }
  return { pagefind, files };
}

/**
 * The record of the index settled in `bundleDir` by Pagefind `pagefind` (see the
 * top of this file): each file read whole, each fragment's page.
 */
function settledRecord(bundleDir: string, pagefind: string): FileStates<PageId | true> {
  return FileStates.of<PageId | true>(`search-index-${pagefind}`, bundleDir);
}

/**
 * Reads the files carried over while Pagefind writes the new index (it adds
 * files and leaves these alone): reading them after it, one after the other,
 * held the end of a 1,000-post build 0.2 s. A file still as the last settled
 * index left it is not read again.
 */
export function readCarriedOver(bundleDir: string, carried: CarriedOver): void {
  carried.read = new Map();
  const record = carried.pagefind === undefined ? undefined : settledRecord(bundleDir, carried.pagefind);
  for (const file of carried.files) {
    try {
      const stamp = record?.kept ? statSync(path.join(bundleDir, file)) : undefined;
      carried.read.set(file, (stamp && record!.get(file, stamp)) ?? contentOf(bundleDir, file));
    } catch {
      carried.read.set(file, false);
    }
  }
}

/** A file of the index read whole: a fragment's page, true for another file. Throws when it is cut short. */
function contentOf(bundleDir: string, file: string): PageId | true {
  const content = unpack(path.join(bundleDir, file));
  return file.startsWith("fragment/") ? (JSON.parse(content.toString("utf8")) as PageId) : true;
}

/**
 * The files a written index names, with each fragment's word count: from the
 * entry file, the metadata of each language it lists (CBOR arrays,
 * pagefind/src/index/index_metadata.rs: version, pages [hash, words], index
 * chunks [from, to, hash], filters [name, hash], sorts).
 */
async function namedFiles(bundleDir: string): Promise<{ pagefind: string; files: Map<string, number | undefined> }> {
  // Loaded here, not with the configuration: a build into an empty folder never needs it.
  const { decode } = await import("cborg");
  const entry = JSON.parse(readFileSync(path.join(bundleDir, ENTRY), "utf8")) as { version: string; languages: Record<string, { hash: string }> };
  const files = new Map<string, number | undefined>();
  for (const { hash } of Object.values(entry.languages)) {
    const meta = `pagefind.${hash}.pf_meta`;
    files.set(meta, undefined);
    const [, pages, chunks, filters] = decode(unpack(path.join(bundleDir, meta))) as [string, [string, number][], [string, string, string][], [string, string][]];
    for (const [page, words] of pages) files.set(`fragment/${page}.pf_fragment`, words);
    for (const [, , chunk] of chunks) files.set(`index/${chunk}.pf_index`, undefined);
    for (const [, filter] of filters) files.set(`filter/${filter}.pf_filter`, undefined);
  }
  return { pagefind: entry.version, files };
}

/**
 * Once Pagefind has written `bundleDir` and exited: deletes the old files the
 * index does not name, and answers whether the old files it does name are its
 * own. `urls` holds every page and record sent to it. False means the folder
 * must be emptied and written again. `keep`: Pagefind exited of itself, so the
 * files it wrote are whole, and the index is kept as the next build's record.
 */
export async function settleCarryOver(bundleDir: string, carried: CarriedOver, urls: ReadonlySet<string>, { keep = false }: { keep?: boolean } = {}): Promise<boolean> {
  if (carried.files.size === 0) return true;
  try {
    const { pagefind, files } = await namedFiles(bundleDir);
    for (const file of carried.files) if (!files.has(file)) unlinkSync(path.join(bundleDir, file));
    if (carried.pagefind !== pagefind) return false;
    const holders = new Map<string, number>();
    const kept: [PageId, number][] = [];
    const held = (file: string): PageId | true => {
      const known = carried.read?.get(file);
      if (known === false) throw new Error(`${file} is cut short`);
      return known ?? contentOf(bundleDir, file);
    };
    const pages = new Map<string, PageId>();
    for (const [file, words] of files) {
      const old = carried.files.has(file);
      if (words === undefined) {
        if (old) held(file);
        continue;
      }
      // Read whether old or new: a new fragment may hold the URL an old one claims.
      const page = held(file) as PageId;
      pages.set(file, page);
      holders.set(page.url, (holders.get(page.url) ?? 0) + 1);
      if (old) kept.push([page, words]);
    }
    const settled = kept.every(([page, words]) => page.word_count === words && urls.has(page.url) && holders.get(page.url) === 1);
    if (settled && keep) keepRecord(bundleDir, pagefind, files.keys(), pages);
    return settled;
  } catch {
    return false; // a file cut short, or not Pagefind's
  }
}

/** Keeps, for the next build, what the files of a settled index hold (`npm run build` only: ../core/file-states.ts). */
function keepRecord(bundleDir: string, pagefind: string, files: Iterable<string>, pages: ReadonlyMap<string, PageId>): void {
  const record = settledRecord(bundleDir, pagefind);
  if (!record.kept) return;
  for (const name of files) {
    const page = pages.get(name);
    // Only what the check reads: a fragment also holds its page's whole text.
    record.set(name, statSync(path.join(bundleDir, name)), page ? { url: page.url, word_count: page.word_count } : true);
  }
  record.save();
}
