/**
 * `npm start` as writers want it: a saved Markdown file rebuilds incrementally
 * (the page and the pages that list it, and its untranslated copies) and the
 * open tab reloads. A page added renders with the pages that list it and
 * those of its bundle (the languages plugin makes or drops the untranslated
 * copies between two builds); a page deleted has its files removed from the
 * output and renders the site whole, since Eleventy no longer knows which
 * lists showed it. Neither loads the configuration again. After every rebuild,
 * the files of pages the site no longer has (a tag no post uses any more, a
 * year left without posts) are removed. A save that changes nothing lists and feeds show
 * (front matter, excerpt or first paragraph, reading time) re-renders its own
 * page alone, with its translation and the translations report when what
 * they say of it changed (plugins/core/incremental.ts); feeds then keep the post's previous
 * full text until the next wider rebuild. One that changes the post's card but
 * not its front matter re-renders only the list pages that show that card.
 * While content problems stop the build, every page of the dev server shows them.
 */
import { readdirSync, readFileSync, rmdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { copiesOf } from "../../plugins/core/copies.ts";
import { trustWatcher } from "../../plugins/core/file-memo.ts";
import { filesUnder, passthroughPath } from "../../plugins/core/files.ts";
import { splitFrontMatter } from "../../plugins/core/front-matter.ts";
import { markChange, markWholeRebuild, type Reach } from "../../plugins/core/incremental.ts";
import { readingMinutes } from "../../plugins/blog/posts.ts";
import type { ContentProblem } from "../../plugins/core/problems.ts";
import { errorPage } from "./error-page.tsx";

/** The part of Eleventy's user configuration the loop uses. */
interface DevConfig {
  addWatchTarget(target: string): void;
  setServerOptions(options: Record<string, unknown>): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  on(event: "eleventy.after", fn: (event: { results?: { inputPath: string; outputPath: string | false }[]; runMode: string }) => unknown): void;
  on(event: "eleventy.contentMap", fn: (event: { outputPaths: string[] }) => unknown): void;
}

/** The part of an Eleventy instance (and its chokidar watcher) the loop drives. */
export interface DevEleventy {
  setIncrementalBuild(on: boolean): void;
  watcher?: {
    prependListener(event: string, fn: (file: string) => void): unknown;
    on(event: string, fn: (file: string) => void): unknown;
    emit(event: string, file: string): unknown;
  };
  eleventyServe?: { reload(event: { files: string[]; build?: { templates: unknown[] } }): void };
}

/** Lead paragraphs: up to `<!-- more -->`, else up to the first paragraph of text (headings and figures before it included). */
function leadOf(body: string): string {
  const more = body.search(/<!--\s*more\s*-->/i);
  if (more >= 0) return body.slice(0, more);
  const blocks = body.split(/\n[ \t]*\r?\n/);
  const first = blocks.findIndex((block) => /^\s*[\p{L}\p{N}_*"«“'(\[]/u.test(block));
  return blocks.slice(0, first + 1).join("\n\n");
}

/**
 * What lists, tag pages, the home page and feed summaries show of a Markdown
 * page: its front matter (which lists show it, where, under what title) and
 * its card's text (lead paragraph, reading time).
 */
interface Listing {
  frontMatter: string;
  card: string;
}

function listingOf(file: string): Listing | undefined {
  try {
    const { yaml, body } = splitFrontMatter(readFileSync(file, "utf8"));
    return { frontMatter: yaml, card: JSON.stringify([leadOf(body), readingMinutes(body.replace(/^(```|~~~)[\s\S]*?^\1/gm, " "))]) };
  } catch {
    return undefined;
  }
}

/** How far a change from `before` to `after` reaches (plugins/core/incremental.ts). */
function reachOf(before: Listing | undefined, after: Listing | undefined): Reach {
  if (!before || !after || before.frontMatter !== after.frontMatter) return "site";
  return before.card === after.card ? "page" : "card";
}

/**
 * Removes the files this process wrote for pages the site no longer has: a tag
 * that no post uses any more, a year's archive left without posts, the pages
 * of a deleted file. `npm run build` deletes what it did not make; the dev
 * server writes over one folder for as long as it runs. Their folders go too
 * when nothing else is left in them.
 */
function removeGone(outputs: Map<string, Set<string>>, pages: ReadonlySet<string>, output: string): void {
  const isEmpty = (dir: string) => {
    try {
      return readdirSync(dir).length === 0;
    } catch {
      return false; // already gone
    }
  };
  for (const files of outputs.values()) {
    for (const file of files) {
      if (pages.has(file)) continue;
      rmSync(file, { force: true });
      files.delete(file);
      for (let dir = path.dirname(file); dir.startsWith(output + path.sep) && isEmpty(dir); dir = path.dirname(dir)) rmdirSync(dir);
    }
  }
}

/**
 * How long after chokidar reports a new folder of the content the loop looks in
 * it for files chokidar did not report. chokidar reads a new folder, then starts
 * watching it: a file written in between is never reported (paulmillr/chokidar#1471,
 * open in chokidar 5). `npm run new` makes a post's folder and writes the post into
 * it at once: about one new post in twenty never showed until npm start restarted.
 */
export const NEW_FOLDER_LOOK_MS = 1000;

/**
 * Each page's output file as an absolute path, kept for the next rebuilds: every
 * rebuild names the site's 20,000 files at 4,000 posts, the same ones again.
 */
const absoluteOutputs = new Map<string, string>();
function absoluteOutput(file: string): string {
  let absolute = absoluteOutputs.get(file);
  if (absolute === undefined) absoluteOutputs.set(file, (absolute = path.resolve(file)));
  return absolute;
}

/** `input` and `output`: the content and output folders (absolute). */
export function devLoop(options: { input: string; output: string }) {
  trustWatcher(options.input);
  let problems: { list?: ContentProblem[]; text: string } | undefined;
  /** Output files of each input file, from the builds so far (a deleted page's files are removed). */
  const outputs = new Map<string, Set<string>>();
  /** The files of every page of the build under way (Eleventy's map of the site, before it renders). */
  let pagesNow: Set<string> | undefined;
  let eleventy: DevEleventy | undefined;
  let fullBuildPending = false;
  /** What lists show of every content file, to tell how far a save reaches. */
  const listings = new Map<string, Listing | undefined>();

  const inContent = (file: string) => !path.relative(options.input, file).startsWith("..");
  const isContent = (file: string) => file.endsWith(".md") && inContent(file);
  const rebuildWhole = () => {
    eleventy?.setIncrementalBuild(false);
    fullBuildPending = true;
    markWholeRebuild(true);
  };

  return {
    /** Eleventy's `config` option: runs on every configuration load. */
    configure(cfg: DevConfig) {
      // Eleventy waits until a saved file has kept its size for 150 ms (polled every
      // 25 ms): about 170 ms of each reload. An editor writes a Markdown file at once.
      cfg.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 } });
      // Every file of the content folder, not only pages and data files: a photo added
      // beside a post rebuilds it, and the rebuilds can trust the watcher for what
      // changed (plugins/core/file-memo.ts) instead of asking the disk about every file.
      // Relative, like Eleventy's own targets: chokidar then reports paths as Eleventy names its templates.
      cfg.addWatchTarget(`${passthroughPath(options.input)}/**/*`);
      cfg.setServerOptions({
        onRequest: {
          "/*": ({ url }: { url: URL }) => {
            if (!problems || !(url.pathname.endsWith("/") || url.pathname.endsWith(".html"))) return undefined;
            return { status: 500, headers: { "Content-Type": "text/html; charset=utf-8" }, body: errorPage(problems.list, problems.text) };
          },
        },
      });
      cfg.on("eleventy.contentMap", ({ outputPaths }) => {
        pagesNow = new Set(outputPaths.map(absoluteOutput));
      });
      cfg.on("eleventy.after", ({ results }) => {
        problems = undefined;
        for (const r of results ?? []) {
          if (!r.outputPath) continue;
          const input = path.resolve(r.inputPath);
          outputs.set(input, (outputs.get(input) ?? new Set()).add(path.resolve(r.outputPath)));
        }
        if (pagesNow) removeGone(outputs, pagesNow, options.output);
        pagesNow = undefined;
        if (fullBuildPending) {
          fullBuildPending = false;
          markWholeRebuild(false);
          eleventy?.setIncrementalBuild(true);
        }
      });
    },

    /** After `eleventy.watch()`: structural changes rebuild whole, before Eleventy's own listeners run. */
    attach(instance: DevEleventy, watchRun: (file: string) => Promise<unknown>) {
      eleventy = instance;
      const watcher = instance.watcher;
      if (!watcher) return;
      /** The files of the content folder, as listed at the start and reported since. */
      const known = new Set<string>();
      for (const rel of filesUnder(options.input)) {
        const file = path.join(options.input, rel);
        known.add(file);
        if (isContent(file)) listings.set(file, listingOf(file));
      }
      // A file chokidar missed in a new folder (NEW_FOLDER_LOOK_MS) is reported as it would
      // have reported it, to Eleventy's listeners and these. One still being written is left
      // to chokidar, which watches the folder by then.
      watcher.on("addDir", (dir) => {
        if (!inContent(path.resolve(dir))) return;
        setTimeout(() => {
          let files: string[];
          try {
            files = filesUnder(dir);
          } catch {
            return; // the folder is gone again
          }
          for (const rel of files) {
            const file = path.join(dir, rel);
            if (known.has(path.resolve(file))) continue;
            const stats = statSync(file, { throwIfNoEntry: false });
            if (stats && Date.now() - stats.mtimeMs > NEW_FOLDER_LOOK_MS / 2) watcher.emit("add", file);
          }
        }, NEW_FOLDER_LOOK_MS);
      });
      // A new page reaches the lists, tags, feeds and neighbours that show it (Eleventy's
      // dependency graph knows its collections once it has read its data).
      watcher.prependListener("add", (file) => {
        const absolute = path.resolve(file);
        known.add(absolute);
        if (!isContent(absolute)) return;
        listings.set(absolute, listingOf(absolute));
        markChange(absolute, "site");
      });
      watcher.prependListener("change", (file) => {
        const absolute = path.resolve(file);
        if (!isContent(absolute)) return;
        const after = listingOf(absolute);
        markChange(absolute, reachOf(listings.get(absolute), after));
        listings.set(absolute, after);
      });
      // Eleventy itself does not rebuild when a file is deleted.
      watcher.on("unlink", (file) => {
        const absolute = path.resolve(file);
        known.delete(absolute);
        if (!inContent(absolute)) return;
        // A data file or an image: the pages that used it build again (and name it if they still do).
        if (!isContent(absolute)) return void watchRun(file);
        listings.delete(absolute);
        markChange(absolute, "site");
        // The page and its untranslated copies; a translation of the same bundle keeps its files.
        for (const input of [absolute, ...copiesOf(absolute)]) {
          for (const output of outputs.get(input) ?? []) rmSync(output, { force: true });
          outputs.delete(input);
        }
        rebuildWhole();
        void watchRun(file);
      });
    },

    /** A build stopped on content problems: every page of the dev server shows them until the next good build. */
    failed(list: ContentProblem[] | undefined, text: string) {
      problems = { list, text };
      // A build stopped half-way leaves Eleventy's incremental state behind (templates
      // never initialised): the next one, after the fix, builds whole.
      eleventy?.setIncrementalBuild(false);
      fullBuildPending = true;
      markWholeRebuild(true);
      eleventy?.eleventyServe?.reload({ files: [], build: { templates: [] } });
    },
  };
}
