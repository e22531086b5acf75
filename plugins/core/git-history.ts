/**
 * The git history of the content folder, read once per build: for each file, the
 * commits that changed it (newest first) and whether it has uncommitted changes.
 * The docs date their pages by it ("last updated") and the events derive their
 * calendar SEQUENCE, DTSTAMP and feed dates from it.
 *
 * Three git processes whatever the number of pages: `rev-parse` (where the work tree
 * is, whether it is shallow), one `log --name-only` pass and one `status`. One process
 * per page or event would cost seconds on a few hundred of them.
 *
 * A shallow clone (CI checkouts fetch one commit by default) would date every file
 * to that one commit and count one commit per event, and a copy without `.git` has no
 * history at all: both give an empty history with the reason in `unavailable`, and
 * callers fall back (front matter date, SEQUENCE 0, build time). File modification
 * times are never used: in CI they are the checkout time.
 */
import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import { isWatched, onFilesChanged } from "./file-memo.ts";
import type { EleventyConfig } from "./eleventy.ts";
import { COMMIT, git, gitAside, LOG, REV_PARSE, STATUS } from "./git-aside.mjs";

export interface Commit {
  /** Committer date, ISO 8601 with the committer's offset. */
  readonly date: string;
}

export type HistoryUnavailable = "not a git repository" | "shallow clone" | "git not installed";

export interface GitHistory {
  /** The work tree holding the folder (a real path); undefined outside git. */
  root?: string;
  /** Every commit that changed a file of the folder, newest first. */
  commits: Commit[];
  /** Absolute (real) file path → the commits that changed it, newest first (shared with `commits`). */
  files: Map<string, Commit[]>;
  /** Absolute (real) paths with uncommitted changes: modified, staged, deleted or untracked. */
  dirty: Set<string>;
  /** Why the history is empty, when git cannot give it. */
  unavailable?: HistoryUnavailable;
  /** git's own folder and the stamp of what a commit, checkout or `git add` changes there, when read (npm start keeps a history until it changes). */
  gitState?: { dir: string; stamp: string | undefined };
}

/** Paths relative to the work tree, as `git log` and `git status --porcelain` print them. */
export interface ParsedLog {
  commits: Commit[];
  files: Map<string, Commit[]>;
}

/** Reads `git log --format=<COMMIT>%cI --name-only` output (newest first). */
export function parseGitLog(output: string): ParsedLog {
  const commits: Commit[] = [];
  const files = new Map<string, Commit[]>();
  for (const chunk of output.split(COMMIT)) {
    const [date, ...names] = chunk.split("\n");
    if (!date?.trim()) continue;
    const commit: Commit = { date: date.trim() };
    commits.push(commit);
    for (const file of names) {
      const name = file.trim();
      if (!name) continue;
      const list = files.get(name);
      if (list) list.push(commit);
      else files.set(name, [commit]);
    }
  }
  return { commits, files };
}

/** Paths of `git status --porcelain -z --no-renames` output ("XY path\0" entries). */
export function parseGitStatus(output: string): string[] {
  return output
    .split("\0")
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3));
}

type WorkTree = { root: string; shallow: boolean; gitDir: string } | { unavailable: HistoryUnavailable };

/** The work tree `git rev-parse` describes, or why there is none (`revParse` throws git's failure). */
function workTreeOf(revParse: () => string): WorkTree {
  try {
    const [root, shallow, gitDir] = revParse().trim().split("\n");
    return { root: root!, shallow: shallow === "true", gitDir: gitDir! };
  } catch (error) {
    // Not a repository, a folder that does not exist, or a "dubious ownership" refusal.
    return { unavailable: (error as NodeJS.ErrnoException).code === "ENOENT" ? "git not installed" : "not a git repository" };
  }
}

/** Where the work tree of `dir` is and whether it is a shallow clone. */
export function workTree(dir: string): WorkTree {
  return workTreeOf(() => git(dir, REV_PARSE));
}

/** A work tree whose history can be read: a repository, not a shallow clone. */
function readable(tree: WorkTree): tree is { root: string; shallow: false; gitDir: string } {
  return !("unavailable" in tree) && !tree.shallow;
}

/** The empty history of a work tree that has none to read, and why. */
function noHistory(tree: WorkTree): GitHistory {
  const empty = { commits: [], files: new Map<string, Commit[]>(), dirty: new Set<string>() };
  return "unavailable" in tree ? { ...empty, unavailable: tree.unavailable } : { ...empty, root: tree.root, unavailable: "shallow clone" };
}

function historyFrom(tree: { root: string; gitDir: string }, logOutput: string, statusOutput: string): GitHistory {
  const log = parseGitLog(logOutput);
  const status = parseGitStatus(statusOutput);
  const absolute = (file: string) => path.join(tree.root, file);
  return {
    root: tree.root,
    commits: log.commits,
    files: new Map([...log.files].map(([file, commits]) => [absolute(file), commits])),
    dirty: new Set(status.map(absolute)),
    gitState: { dir: tree.gitDir, stamp: gitStamp(tree.gitDir) },
  };
}

/** The history of every file under `dir` (see the top of this file), read now. */
export function readGitHistory(dir: string): GitHistory {
  const tree = workTree(dir);
  return readable(tree) ? historyFrom(tree, git(dir, LOG), git(dir, STATUS)) : noHistory(tree);
}

/**
 * The same history, read by git processes the build does not wait for: `log`
 * and `status` run beside each other, on the cores Eleventy leaves while it
 * reads the templates. Rejects when git fails.
 */
export async function readGitHistoryAside(dir: string): Promise<GitHistory> {
  const revParse = await gitAside(dir, REV_PARSE).then(
    (output) => () => output,
    (error: unknown) => () => {
      throw error;
    },
  );
  const tree = workTreeOf(revParse);
  if (!readable(tree)) return noHistory(tree);
  const [log, status] = await Promise.all([gitAside(dir, LOG), gitAside(dir, STATUS)]);
  return historyFrom(tree, log, status);
}

/** What a commit, a checkout, a reset or `git add` changes in git's folder: the index, HEAD and HEAD's log. */
function gitStamp(gitDir: string): string | undefined {
  const stamps = ["index", "HEAD", "logs/HEAD"].map((name) => statSync(path.join(gitDir, name), { throwIfNoEntry: false })?.mtimeMs ?? "-");
  return stamps.every((stamp) => stamp === "-") ? undefined : stamps.join(":");
}

/** git reports real paths; the project may sit behind a symbolic link. The last segment may not exist (`name.*`, a deleted file). */
export function realTarget(target: string): string {
  try {
    return path.join(realpathSync.native(path.dirname(target)), path.basename(target));
  } catch {
    return target; // its folder is not on disk: no history either way
  }
}

/**
 * What changed `target` (an absolute real path: a folder, a file, or `…/name.*` for
 * the files of one name in any extension): its commits, newest first, and whether
 * it has uncommitted changes.
 */
export function historyOf(history: GitHistory, target: string): { commits: Commit[]; dirty: boolean } {
  const { files, dirty } = foldersOf(history);
  // A file or a folder is a key of the index; `name.*` is found among its folder's files.
  const stem = target.endsWith(".*") ? target.slice(0, -1) : undefined;
  const under = (index: Map<string, string[]>) => (stem === undefined ? (index.get(target) ?? []) : (index.get(path.dirname(target)) ?? []).filter((file) => file.startsWith(stem)));
  const touched = new Set(under(files).flatMap((file) => history.files.get(file)!));
  return {
    commits: history.commits.filter((c) => touched.has(c)),
    dirty: under(dirty).length > 0,
  };
}

/**
 * Each file and folder, with the files it is or holds at any depth, in the
 * history and among the uncommitted ones: each event asked about its folder
 * scanned every file of the history (all the content's, untracked ones
 * included), 40 ms of a 1,000-post build. Made again when `npm start` adds a
 * saved file to the uncommitted ones.
 */
const folderIndexes = new WeakMap<GitHistory, { dirtySize: number; files: Map<string, string[]>; dirty: Map<string, string[]> }>();

function foldersOf(history: GitHistory): { files: Map<string, string[]>; dirty: Map<string, string[]> } {
  let index = folderIndexes.get(history);
  if (!index || index.dirtySize !== history.dirty.size) {
    // From the file itself up to the work tree's root, the highest folder a target can be.
    const byFolder = (paths: Iterable<string>) => {
      const folders = new Map<string, string[]>();
      for (const file of paths) {
        for (let dir = file; ; dir = path.dirname(dir)) {
          const list = folders.get(dir);
          if (list) list.push(file);
          else folders.set(dir, [file]);
          if (dir === history.root || dir === path.dirname(dir)) break;
        }
      }
      return folders;
    };
    index = { dirtySize: history.dirty.size, files: index?.files ?? byFolder(history.files.keys()), dirty: byFolder(history.dirty) };
    folderIndexes.set(history, index);
  }
  return index;
}

interface BuildHistories {
  /** The histories of this build (or kept from the last, npm start), by folder. */
  fresh: Map<string, GitHistory>;
  /** The folders asked about. */
  dirs: Set<string>;
  /** Counts builds: a history read aside for an earlier one is not this one's. */
  build: number;
}

const perBuild = new WeakMap<EleventyConfig, BuildHistories>();

/**
 * The history of `dir` for the current build: read on first use, shared by every
 * plugin of the configuration. `npm run build` reads it once, starting git as the
 * build starts, aside (`readGitHistoryAside`): Eleventy reads its templates
 * meanwhile, and the history is there when the first page asks. `npm start` keeps it
 * from one rebuild to the next while git's own files show no commit, checkout or
 * `git add`; the files the watcher reports saved meanwhile count as uncommitted
 * changes (three git processes cost 100 ms of each rebuild that lists show).
 */
export function buildGitHistory(eleventyConfig: EleventyConfig, dir: string): () => GitHistory {
  let state = perBuild.get(eleventyConfig);
  if (!state) {
    const histories: BuildHistories = { fresh: new Map(), dirs: new Set(), build: 0 };
    const { fresh } = histories;
    eleventyConfig.on("eleventy.before", ({ runMode }: { runMode?: string }) => {
      const build = ++histories.build;
      for (const [key, history] of fresh) {
        const state = history.gitState;
        if (runMode === "build" || !state || !isWatched(key) || gitStamp(state.dir) !== state.stamp) fresh.delete(key);
      }
      if (runMode !== "build") return;
      for (const folder of histories.dirs) {
        // Taken if it is there when first asked for; otherwise git is asked again, then.
        readGitHistoryAside(folder).then(
          (history) => {
            if (histories.build === build && !fresh.has(folder)) fresh.set(folder, history);
          },
          () => undefined,
        );
      }
    });
    onFilesChanged((files) => {
      if (!files) return fresh.clear();
      for (const [key, history] of fresh) for (const file of files) if (file.startsWith(key + path.sep)) history.dirty.add(realTarget(file));
    });
    perBuild.set(eleventyConfig, histories);
    state = histories;
  }
  state.dirs.add(dir);
  const { fresh } = state;
  return () => {
    let history = fresh.get(dir);
    if (!history) fresh.set(dir, (history = readGitHistory(dir)));
    return history;
  };
}
