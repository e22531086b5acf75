/**
 * How far an `npm start` rebuild reaches. Eleventy re-renders, after any saved
 * Markdown file, every template that paginates over a collection (lists, tag
 * pages, feeds, `.ics` files): its dependency graph cannot tell a post's title
 * from its third paragraph. The dev loop (scripts/dev/loop.ts) can: when only
 * what the page alone shows changed, it narrows the next incremental build to
 * that page, as Hugo's fast render mode does. When the change also shows in
 * the post's card (its first paragraph, its reading time) but not in its place
 * in the lists (its front matter is the same), the list pages that do not show
 * that card are not rendered again. `npm run build` always builds everything
 * (Eleventy never asks this without a changed file).
 */
import path from "node:path";
import { absolutePath } from "./files.ts";
import { copiesOf, textFileOf } from "./copies.ts";

/**
 * How far a saved file's last change reaches: only what its own page shows;
 * also its card in the lists that show it, but not which lists show it or
 * where (its front matter is the same); or anything.
 */
export type Reach = "page" | "card" | "site";

/** Each saved file's last reach (absolute paths); a file not here reaches the whole site. */
const reaches = new Map<string, Reach>();

/** A whole rebuild is due (a page added or deleted, a failed build): no rebuild is page-only until it ran. */
let wholeRebuildDue = false;
/** The rebuild under way, when it reaches less than the whole site: its files, and the widest reach among them. */
let narrowRebuild: { files: ReadonlySet<string>; reach: Exclude<Reach, "site"> } | undefined;

/** The dev loop says whether the next rebuild must be whole. */
export function markWholeRebuild(due: boolean): void {
  wholeRebuildDue = due;
}

/** The files the rebuild under way takes in (absolute paths), each with its reach; empty outside one. */
let saved: ReadonlyMap<string, Reach> = new Map();

/** During an `npm start` rebuild: the saved files it takes in (with the untranslated copies of saved originals), each with how far its change reaches. */
export function savedFiles(): ReadonlyMap<string, Reach> {
  return saved;
}

/** Eleventy's `eleventy.beforeWatch`: the files whose changes the coming rebuild takes in. */
export function rebuildStarts(queue: readonly string[]): void {
  const queued = queue.map((file) => path.resolve(file));
  const files = [...queued, ...queued.flatMap(copiesOf)];
  const known = files.map((file) => reaches.get(textFileOf(file)) ?? "site");
  saved = new Map(files.map((file, i) => [file, known[i]!]));
  narrowRebuild =
    wholeRebuildDue || files.length === 0 || known.includes("site")
      ? undefined
      : { files: new Set(files), reach: known.includes("card") ? "card" : "page" };
}

/** Eleventy's `eleventy.after`. */
export function rebuildEnds(): void {
  narrowRebuild = undefined;
  saved = new Map();
}

/**
 * During an `npm start` rebuild where every saved file changed only what its
 * own page shows: those files (absolute paths). Whole-site work that depends
 * on nothing such a change touches (cross-page checks, the feeds' catalog)
 * keeps the previous build's answer; the previous build succeeded, or this
 * one would be whole. Undefined in every other build, `npm run build` included.
 */
export function pageOnlyFiles(): ReadonlySet<string> | undefined {
  return narrowRebuild?.reach === "page" ? narrowRebuild.files : undefined;
}

/**
 * During an `npm start` rebuild where every saved file changed at most its
 * page and its card: those files (absolute paths, with their untranslated
 * copies). Every other page has the text, front matter and files beside it
 * that the previous build, which succeeded, checked. Undefined in every other
 * build, `npm run build` included.
 */
export function narrowRebuildFiles(): ReadonlySet<string> | undefined {
  return narrowRebuild?.files;
}

/** What the dev loop found in a saved file: how far its change reaches. */
export function markChange(file: string, reach: Reach): void {
  reaches.set(path.resolve(file), reach);
}

/** Tells whether a page of a list template shows the card of one of `files` (absolute paths). */
export type ShowsCards = (data: Record<string, unknown>, files: ReadonlySet<string>) => boolean;

/** List templates (absolute path) → which of their pages show a given card. */
const listTemplates = new Map<string, ShowsCards>();

/**
 * `template` (absolute path) lists cards of pages; `shows` tells whether one
 * of its pages shows a card among given files. Its pages that show none of the
 * cards a rebuild changed are not rendered again (`showsNoChangedCard`).
 */
export function listsCards(template: string, shows: ShowsCards): void {
  listTemplates.set(path.resolve(template), shows);
}

/**
 * Eleventy's `templateHandling.skipsRender` (patches/): during a rebuild where
 * every saved file changed at most its page and its card, true for a page of
 * a list template that shows none of those cards. Nothing else on such a page
 * can have changed: which cards it shows, and in what order, come from front
 * matter that stayed the same. Eleventy then leaves the page as this process
 * wrote it last, and renders it when it has not written it yet.
 */
export function showsNoChangedCard(page: { inputPath: string; data: Record<string, unknown> }): boolean {
  if (!narrowRebuild) return false;
  const shows = listTemplates.get(absolutePath(page.inputPath));
  return shows !== undefined && !shows(page.data, narrowRebuild.files);
}

/** Templates that read the pages of one content folder only (absolute path → that folder, with a trailing separator). */
const readsOneFolder = new Map<string, string>();

/**
 * A template whose output comes from the Markdown pages of one folder only
 * (an event's `.ics`, the agenda): Eleventy cannot tell which pages a
 * configured collection holds, so it rendered these again after every saved
 * post, and left the agenda, which does not paginate, as it was after an
 * event's new title. A saved Markdown file of `folder` (beyond its own page)
 * now renders them again, one outside it leaves them as they are.
 */
export function readsOnlyPagesIn(template: string, folder: string): void {
  readsOneFolder.set(path.resolve(template), path.resolve(folder) + path.sep);
}

/** What shows pages of a folder besides its own: a template, or every template under a folder; and that folder (with a trailing separator). */
const showsPagesOf: { templates: string; folder: string; cards: boolean }[] = [];

/**
 * `templates` (a template, or a folder: every template under it) shows pages of
 * `folder` without paginating over a collection: the home page shows the latest
 * posts and the next events, a docs page the whole docs tree. Eleventy cannot see
 * that they read those pages, and left them as they were after a page's new title.
 * A saved Markdown page of that folder whose change reaches beyond its own page now
 * renders them again. `shows: "front matter"`: they show only what front matter
 * says (addresses, languages, tags: the sitemap, the feeds page), so a new card
 * (first paragraph, reading time) leaves them as they are.
 */
export function showsPagesIn(templates: string, folder: string, { shows = "cards" }: { shows?: "cards" | "front matter" } = {}): void {
  const entry = { templates: path.resolve(templates), folder: path.resolve(folder) + path.sep, cards: shows === "cards" };
  const known = showsPagesOf.findIndex((e) => e.templates === entry.templates && e.folder === entry.folder);
  if (known >= 0) showsPagesOf[known] = entry;
  else showsPagesOf.push(entry);
}

function showsPageOf(template: string, file: string, reach: Exclude<Reach, "page">): boolean {
  return showsPagesOf.some(
    (e) => (reach === "site" || e.cards) && (template === e.templates || template.startsWith(e.templates + path.sep)) && file.startsWith(e.folder),
  );
}

/** Each plugin's test of whether a template (absolute path) renders again at this rebuild. */
const rendersAgainTests = new Map<string, (template: string) => boolean>();

/**
 * Templates that render again after any saved file, whatever its reach, when
 * `test(template)` (an absolute path) says so at that rebuild: pages whose
 * content comes from other pages in a way the plugin that made them can tell
 * changed (a translation's notice that its original changed, the translations
 * report). One test per `plugin`: a configuration load replaces it.
 */
export function rendersAgainWhen(plugin: string, test: (template: string) => boolean): void {
  rendersAgainTests.set(plugin, test);
}

function rendersAgain(template: string): boolean {
  for (const test of rendersAgainTests.values()) if (test(template)) return true;
  return false;
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
 * a file of unknown use) stands, with these changes: the templates a
 * plugin's test names render too; after a page-only change no other template
 * renders; the templates of one folder's pages render for a Markdown file of
 * that folder, and only for one; those that show pages of a folder render for
 * a Markdown file of it.
 */
export function isIncrementalMatch(this: IncrementalQuestion, changed: string): boolean {
  const file = absolutePath(changed);
  const template = absolutePath(this.inputPath);
  if (rendersAgain(template)) return true;
  if (template !== file && textFileOf(template) === file) return true; // an untranslated copy of the saved original
  const reach = reaches.get(file) ?? "site";
  if (reach === "page") return template === file;
  if (file.endsWith(".md")) {
    // The agenda and its calendar show the pages of their folder, whether or not they paginate over them.
    const folder = readsOneFolder.get(template);
    if (folder) return file.startsWith(folder);
    if (showsPageOf(template, file, reach)) return true;
  }
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
