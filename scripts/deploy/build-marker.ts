/**
 * What kind of build an output folder holds, so a folder that must never be
 * published (a dev build with drafts, or a build that stopped half-way) is
 * refused by `npm run deploy` and `npm run preview:s3` with a clear message.
 *
 * `npm run build` empties its output folder first (a deleted post must not
 * survive in it), marks it "incomplete", and marks it "production" once
 * Eleventy has finished. `npm start` marks it "dev" before its first build.
 * The marker is a dot-file the deploy never uploads.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";
import path from "node:path";

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
 * Empties `output` before a production build. Refuses (gives the reason) a
 * folder that holds the project or its content, or a non-empty folder that does
 * not look like a build, rather than deleting someone's files.
 *
 * The previous build's files are moved aside at once (renamed into a folder of
 * `output`, so on the same disk) and deleted while the build runs: deleting
 * them first took 1.2 s at 1,000 posts, as long as the build's slowest plugin.
 * The build is done once `removed` is. A build that dies before leaves the
 * folder aside, and the next build empties it with the rest.
 *
 * `carried` names folders of a finished production build left in place for the
 * new build to write over: the search index, of which Pagefind then writes only
 * what changed, and which the search plugin leaves holding the new index only.
 */
export function emptyOutput(output: string, protectedDirs: readonly string[], carried: readonly string[] = []): { refused: string } | { removed: Promise<void>; carried: string[] } {
  const target = path.resolve(output);
  for (const dir of protectedDirs.map((d) => path.resolve(d))) {
    if (dir === target || dir.startsWith(target + path.sep)) return { refused: `${output} holds ${dir}: choose another output folder.` };
  }
  if (!existsSync(target)) return { removed: Promise.resolve(), carried: [] };
  const entries = readdirSync(target);
  const looksBuilt = entries.includes(BUILD_MARKER) || entries.includes("index.html") || entries.length === 0;
  if (!looksBuilt) return { refused: `${output} is not empty and holds no previous build (no index.html): choose an empty or new output folder.` };
  if (entries.length === 0) return { removed: Promise.resolve(), carried: [] };
  const kept = readMarker(target) === "production" ? new Set(carried.filter((dir) => entries.includes(dir))) : new Set<string>();
  const aside = mkdtempSync(path.join(target, ".previous-build-"));
  for (const entry of entries) if (!kept.has(entry)) renameSync(path.join(target, entry), path.join(aside, entry));
  return { removed: removeInChild(aside), carried: [...kept].map((dir) => path.join(target, dir)) };
}

/** Deletes `dir`, and answers why not in one line. */
const REMOVE = "try { require('node:fs').rmSync(process.argv[1], { recursive: true, force: true }) } catch (e) { process.stderr.write(e.message); process.exit(1) }";

/**
 * Deletes `dir` in a child Node process at the lowest CPU priority. Deleted
 * in this process, its thousands of deletions queued on the same four I/O
 * threads as the build's own reads of content files and layouts: the build
 * sat waiting for about 0.45 s of a 1,000-post rebuild.
 */
function removeInChild(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", REMOVE, dir], { stdio: ["ignore", "ignore", "pipe"] });
    let why = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (why += chunk));
    child.on("spawn", () => {
      try {
        setPriority(child.pid!, 19);
      } catch {
        // Not allowed here (some containers): it runs at the build's priority.
      }
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(why.trim() || `the deleting process ended with code ${code}`))));
  });
}
