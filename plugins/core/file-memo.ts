/**
 * A value computed from one file, computed again only when the file changed
 * (its modification time or size). `npm start` runs the build's whole-site
 * passes (translation report, originals, tag spellings) before every rebuild:
 * with this, a saved post costs one file's reading, not the whole site's.
 * In `npm run build` each file is read once, as before, plus one `stat`.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { perBuild } from "./build-pass.ts";
import { earlyRead, takeEarlyText } from "./early-files.ts";
import { statStamp } from "./files.ts";

export function perFile<T>(compute: (absolute: string) => T, stampOf: (absolute: string) => string | undefined = fileStamp): (absolute: string) => T {
  const memo = new Map<string, { stamp: string; value: T }>();
  return (absolute) => {
    const stamp = stampOf(absolute);
    if (stamp === undefined) return compute(absolute);
    const kept = memo.get(absolute);
    if (kept?.stamp === stamp) return kept.value;
    const value = compute(absolute);
    memo.set(absolute, { stamp, value });
    return value;
  };
}

/**
 * npm start: the folder whose every change the watcher reports (the content
 * folder; scripts/dev/loop.ts watches all its files). Stamps of the files and
 * folders in it are kept from one rebuild to the next, each until the watcher
 * reports a change to it or beside it ({@link filesChanged}): a saved post at
 * 4,000 posts asked the disk for the stamp of every page and its folder (380 ms
 * of statSync in a profile). Unset in
 * `npm run build`, where every stamp is read.
 */
let watchedFolder: string | undefined;
const keptStamps = new Map<string, string | undefined>();

/** The dev loop says which folder the watcher reports every change of (undefined: none). */
export function trustWatcher(folder: string | undefined): void {
  watchedFolder = folder === undefined ? undefined : path.resolve(folder) + path.sep;
  keptStamps.clear();
  for (const listener of changeListeners) listener(undefined);
}

/** Whether the watcher reports every change of `file` (a file or folder, absolute or relative). */
export function isWatched(file: string): boolean {
  return watchedAbsolute(path.resolve(file));
}

function watchedAbsolute(absolute: string): boolean {
  return watchedFolder !== undefined && (absolute.startsWith(watchedFolder) || `${absolute}${path.sep}` === watchedFolder);
}

const changeListeners = new Set<(files: readonly string[] | undefined) => void>();

/**
 * Called with the absolute paths of each rebuild's changed files, before its
 * passes read anything; with undefined when the watched folder changes (forget all).
 */
export function onFilesChanged(listener: (files: readonly string[] | undefined) => void): void {
  changeListeners.add(listener);
}

/** Eleventy's `eleventy.beforeWatch`: these files changed, were added or were deleted. */
export function filesChanged(files: readonly string[]): void {
  const absolute = files.map((file) => path.resolve(file));
  for (const file of absolute) {
    keptStamps.delete(file);
    keptStamps.delete(path.dirname(file));
    changesIn.set(path.dirname(file), (changesIn.get(path.dirname(file)) ?? 0) + 1);
  }
  for (const listener of changeListeners) listener(absolute);
}

/**
 * The stamp of a file or folder: kept while the watcher reports no change to
 * it (npm start), or for the build (no watcher). Asked for every page by
 * several passes of each rebuild: a kept stamp is found first.
 */
function stampIn(absolute: string): string | undefined {
  const kept = keptStamps.get(absolute);
  if (kept !== undefined) return kept;
  if (watchedFolder === undefined) return buildStamp(absolute);
  if (!watchedAbsolute(absolute)) return readStamp(absolute);
  if (keptStamps.has(absolute)) return undefined;
  const stamp = readStamp(absolute);
  keptStamps.set(absolute, stamp);
  return stamp;
}

function readStamp(absolute: string): string | undefined {
  // npm run build: as a worker thread found it while the build loaded (./early-files.ts; none under tsx).
  const early = earlyRead(absolute);
  if (early) return early.stamp;
  try {
    const stat = statSync(absolute, { throwIfNoEntry: false });
    return stat && statStamp(stat);
  } catch {
    return undefined; // unreadable (permissions): computed afresh, as a missing file
  }
}

/**
 * Without a watcher (`npm run build`), a file's stamp is read once per build:
 * the passes that ask it of every page (originals, tags, translation status,
 * images) made 5 `stat` calls per file.
 */
const buildStamp = perBuild(readStamp);

/**
 * A file's text, read again only when the file changed. Validation, the
 * originals, the translation status, the tag and image checks and the bundle
 * files each read every Markdown file: six reads of each per build (about
 * 45 ms a pass over the 1,967 files of 1,000 bench posts) are now one.
 */
export const fileText: (absolute: string) => string = perFile((absolute) => takeEarlyText(absolute, fileStamp(absolute)) ?? readFileSync(absolute, "utf8"));

/** A file's modification time and size; undefined when it cannot be read (it does not exist). */
export function fileStamp(absolute: string): string | undefined {
  // npm run build: once per build, by the path as given (resolving it at each of the
  // passes' calls made 22 MB of garbage at 1,000 posts).
  if (watchedFolder === undefined) return buildStamp(absolute);
  return keptStamps.get(absolute) ?? stampIn(path.resolve(absolute));
}

/**
 * {@link fileStamp} plus its folder's modification time, for a value that also
 * depends on the files beside it (a photo added or removed changes the folder).
 */
export function fileAndFolderStamp(absolute: string): string | undefined {
  const own = fileStamp(absolute);
  if (own === undefined) return undefined;
  const dir = path.dirname(watchedFolder === undefined ? absolute : path.resolve(absolute));
  const folder = stampIn(dir);
  // A photo copied over another leaves the folder's time as it was: the watcher's reports count too.
  return folder === undefined ? undefined : `${own}:${folder}:${changesIn.get(dir) ?? 0}`;
}

/** npm start: how many changes the watcher reported in each folder (see fileAndFolderStamp). */
const changesIn = new Map<string, number>();
