/**
 * What kind of build an output folder holds, so a folder that must never be
 * published (a dev build with drafts, or a build that stopped half-way) is
 * refused by `npm run deploy` and `npm run preview:s3` with a clear message.
 *
 * `npm run build` marks its output folder "incomplete", writes over the
 * previous build, deletes what this one did not make (a deleted post must not
 * survive in it), and marks it "production" once all went well. `npm start` marks it "dev" before its first build.
 * The marker is a dot-file the deploy never uploads.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { filesUnder, filesUnderInWorker } from "../../plugins/core/files.ts";

export const BUILD_MARKER = ".site-build.json";

export type BuildKind = "production" | "incomplete" | "dev";

export function writeMarker(output: string, kind: BuildKind): void {
  mkdirSync(output, { recursive: true });
  writeFileSync(path.join(output, BUILD_MARKER), `${JSON.stringify({ kind, at: new Date().toISOString() })}\n`);
}

/** The kind recorded in `output`, or undefined when nothing was recorded (a folder built by other means). */
export function readMarker(output: string): BuildKind | undefined {
  const file = path.join(output, BUILD_MARKER);
  if (!existsSync(file)) return undefined;
  try {
    const kind = (JSON.parse(readFileSync(file, "utf8")) as { kind?: unknown }).kind;
    return kind === "production" || kind === "dev" ? kind : "incomplete";
  } catch {
    return "incomplete";
  }
}

/** Why a folder must not be published, or undefined when it may be. */
export function refusal(output: string, shown: string): string | undefined {
  const kind = readMarker(output);
  if (kind === "dev") {
    return (
      `Refused: ${shown} holds a dev build made by npm start (drafts, scheduled posts and dev-only image URLs included). ` +
      `Run npm run build, then deploy again (npm run preview:s3 -- --build does both). Nothing was uploaded.`
    );
  }
  if (kind === "incomplete") {
    return `Refused: the last npm run build into ${shown} did not finish, so the folder is incomplete. Fix what stopped it, build again, then deploy. Nothing was uploaded.`;
  }
  return undefined;
}

/**
 * Readies `output` for a production build written over the previous one.
 * Refuses (gives the reason) a folder that holds the project or its content,
 * or a non-empty folder that does not look like a build, rather than touching
 * someone's files.
 *
 * The previous build stays in place: Eleventy writes only the pages whose bytes
 * changed and touches the others (patches/@11ty+eleventy+3.1.7.patch, with
 * `templateHandling.writtenSince`), and {@link sweepFiles} then deletes every
 * file this build neither wrote nor touched. Emptying the folder first (moved
 * aside, deleted by another process) made the build create every folder and
 * write every file again: a 1,000-post rebuild took 1.2 s more (five pairs:
 * 12.42 against 11.19 s on average, 3.5 against 2.2 s of system time).
 *
 * `carried` names folders left to a plugin that writes over them and removes
 * what it no longer needs: the search index (plugins/search/carry-over.ts).
 * They are carried over from a finished production build only; from any other
 * build (a dev build's index has drafts) they are deleted here.
 */
export function prepareOutput(output: string, protectedDirs: readonly string[], carried: readonly string[] = []): { refused: string } | { carried: string[] } {
  const target = path.resolve(output);
  for (const dir of protectedDirs.map((d) => path.resolve(d))) {
    if (dir === target || dir.startsWith(target + path.sep)) return { refused: `${output} holds ${dir}: choose another output folder.` };
  }
  if (!existsSync(target)) return { carried: [] };
  const entries = readdirSync(target);
  const looksBuilt = entries.includes(BUILD_MARKER) || entries.includes("index.html") || entries.length === 0;
  if (!looksBuilt) return { refused: `${output} is not empty and holds no previous build (no index.html): choose an empty or new output folder.` };
  const production = readMarker(target) === "production";
  const kept: string[] = [];
  for (const dir of carried.filter((d) => entries.includes(d))) {
    if (production) kept.push(path.join(target, dir));
    else rmSync(path.join(target, dir), { recursive: true, force: true });
  }
  return { carried: kept };
}

/**
 * After a build written over the previous one ({@link prepareOutput}), once
 * every page is written: deletes every file of `output` whose status did not
 * change since `since` (neither written nor touched by this build: a deleted
 * page, a draft of a dev build, a photo no page shows any more), then the
 * folders left empty. The marker is left, and so are the `carried` folders,
 * which their plugin cleans itself and may still be writing into (Pagefind,
 * its index: scripts/build.ts sweeps while it writes); they are not walked
 * (the search index's 2,015 files of the 5,154 at 1,000 posts). So are the
 * files of `made` (absolute paths), which this build wrote or found as it
 * would have written them (./written-files.ts), whatever their status.
 * `listed`: the files {@link listOutput} found as the build began (a file
 * the build made since is its own, a file it deleted is passed over); without
 * it, the folder is walked now. Returns how many files went.
 */
export function sweepFiles(
  output: string,
  since: number,
  { carried = [], made = new Set(), listed }: { carried?: readonly string[]; made?: ReadonlySet<string>; listed?: readonly string[] } = {},
): number {
  const root = path.resolve(output);
  const folders = new Set<string>();
  let deleted = 0;
  for (const file of listed ?? filesUnder(root, { skipPaths: skippedPaths(root, carried) })) {
    const absolute = path.join(root, file);
    if (file === BUILD_MARKER || made.has(absolute)) continue;
    let stat;
    try {
      stat = lstatSync(absolute, { throwIfNoEntry: false });
    } catch {
      stat = undefined; // under a file now (ENOTDIR): the build replaced its folder
    }
    if (!stat || stat.ctimeMs >= since) continue;
    rmSync(absolute);
    deleted += 1;
    for (let dir = path.dirname(absolute); dir !== root && dir.startsWith(root); dir = path.dirname(dir)) folders.add(dir);
  }
  // Deepest first: a folder emptied of its last file, then its parent if that left it empty.
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  }
  return deleted;
}

/**
 * The files of `output` {@link sweepFiles} will look at, listed in a worker
 * thread as the build begins (the `carried` folders left out); undefined when
 * that failed, and the sweep walks the folder itself.
 */
export async function listOutput(output: string, carried: readonly string[] = []): Promise<string[] | undefined> {
  const root = path.resolve(output);
  try {
    return await filesUnderInWorker(root, { skipPaths: skippedPaths(root, carried) });
  } catch {
    return undefined;
  }
}

/** The `carried` folders as paths relative to the output folder, as {@link filesUnder} leaves them out. */
function skippedPaths(root: string, carried: readonly string[]): string[] {
  return carried.map((dir) => path.relative(root, path.resolve(dir)).split(path.sep).join("/"));
}

/** After {@link sweepFiles}, once the build is over: the `carried` folders no plugin wrote into (a site without search) go whole. */
export function dropUnwritten(carried: readonly string[], since: number): void {
  for (const dir of carried) {
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (stat && stat.mtimeMs < since) rmSync(dir, { recursive: true });
  }
}
