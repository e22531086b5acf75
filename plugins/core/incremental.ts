/**
 * How far an `npm start` rebuild reaches. Eleventy re-renders, after any saved
 * Markdown file, every template that paginates over a collection (lists, tag
 * pages, feeds, `.ics` files): its dependency graph cannot tell a post's title
 * from its third paragraph. The dev loop (scripts/dev/loop.ts) can: when only
 * what the page alone shows changed, it narrows the next incremental build to
 * that page, as Hugo's fast render mode does. `npm run build` always builds
 * everything (Eleventy never asks this without a changed file).
 */
import path from "node:path";

/** Saved files whose last change reaches their own page only (absolute paths). */
const pageOnly = new Set<string>();

/** A whole rebuild is due (a page added or deleted, a failed build): no rebuild is page-only until it ran. */
let wholeRebuildDue = false;
/** The files of the rebuild under way, when each of them changed its own page only. */
let pageOnlyRebuild: ReadonlySet<string> | undefined;

/** The dev loop says whether the next rebuild must be whole. */
export function markWholeRebuild(due: boolean): void {
  wholeRebuildDue = due;
}

/** Eleventy's `eleventy.beforeWatch`: the files whose changes the coming rebuild takes in. */
export function rebuildStarts(queue: readonly string[]): void {
  const files = queue.map((file) => path.resolve(file));
  pageOnlyRebuild = !wholeRebuildDue && files.length > 0 && files.every((file) => pageOnly.has(file)) ? new Set(files) : undefined;
}

/** Eleventy's `eleventy.after`. */
export function rebuildEnds(): void {
  pageOnlyRebuild = undefined;
}

/**
 * During an `npm start` rebuild where every saved file changed only what its
 * own page shows: those files (absolute paths). Whole-site work that depends
 * on nothing such a change touches (cross-page checks, the feeds' catalog)
 * keeps the previous build's answer; the previous build succeeded, or this
 * one would be whole. Undefined in every other build, `npm run build` included.
 */
export function pageOnlyFiles(): ReadonlySet<string> | undefined {
  return pageOnlyRebuild;
}

/** What the dev loop found in a saved file: `true` when only its own page shows what changed. */
export function markChange(file: string, ownPageOnly: boolean): void {
  if (ownPageOnly) pageOnly.add(path.resolve(file));
  else pageOnly.delete(path.resolve(file));
}

/** Templates that read the pages of one content folder only (absolute path → that folder, with a trailing separator). */
const readsOneFolder = new Map<string, string>();

/**
 * A template whose output comes from the Markdown pages of one folder only
 * (an event's `.ics`, the agenda): Eleventy cannot tell which pages a
 * configured collection holds, so it rendered these again after every saved
 * post. A saved Markdown file outside `folder` now leaves them as they are.
 */
export function readsOnlyPagesIn(template: string, folder: string): void {
  readsOneFolder.set(path.resolve(template), path.resolve(folder) + path.sep);
}

/** What Eleventy tells `isIncrementalMatch` about a template and the changed file. */
interface IncrementalQuestion {
  inputPath: string;
  isFullTemplate: boolean;
  isFileRelevantToInputPath: boolean;
  doesFileHaveDependencies: boolean;
}

/**
 * Eleventy's `isIncrementalMatch`, for every template language the kit uses.
 * Eleventy's own answer (the changed file is the template, or one it uses, or
 * a file of unknown use) stands, with two changes: after a page-only change
 * no other template renders, and the templates of one folder's pages render
 * only for a Markdown file of that folder.
 */
export function isIncrementalMatch(this: IncrementalQuestion, changed: string): boolean {
  const file = path.resolve(changed);
  const template = path.resolve(this.inputPath);
  if (pageOnly.has(file)) return template === file;
  const folder = readsOneFolder.get(template);
  if (folder && file.endsWith(".md") && !file.startsWith(folder)) return false;
  return this.isFileRelevantToInputPath || (!this.doesFileHaveDependencies && !this.isFullTemplate);
}

/**
 * Eleventy 3.1 looks `isIncrementalMatch` up under the engine's name, which for
 * an alias (`11ty.tsx` of 11ty.js) is the alias, not the key its `addExtension`
 * entry carries: an entry under each name, for an extension no file has, is
 * found (and changes nothing else).
 */
export function answerIncrementalQuestions(extensionMap: Set<Record<string, unknown>>, engines: readonly string[]): void {
  for (const key of engines) extensionMap.add({ key, extension: `${key}-incremental-match`, isIncrementalMatch });
}
