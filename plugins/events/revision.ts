/**
 * SEQUENCE and DTSTAMP of an event, derived from git so writers never maintain them.
 *
 * SEQUENCE is the number of commits that touched the event's bundle folder (both
 * languages and its images), plus one while the folder has uncommitted changes, so a
 * local preview already shows the number the commit will give. RFC 5545 asks that it
 * grow on every significant change; growing on a typo fix too is harmless (clients
 * only compare it), and one number per bundle keeps the French and the English
 * calendars, which share the UID, in agreement.
 *
 * DTSTAMP/LAST-MODIFIED is the date of the last of those commits: the RFC's "last
 * revision" of a calendar published without METHOD, and stable from one build to the
 * next, so the deploy uploads a calendar only when an event changed.
 *
 * CI must clone with full history (`fetch-depth: 0`): in a shallow clone the counts
 * are wrong, so this reports `shallow` and falls back to 0 and the build time.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { DateTime } from "luxon";

export interface Revision {
  /** Value for SEQUENCE: 0 when git cannot tell. */
  sequence: number;
  /** When the bundle last changed in git; undefined when uncommitted or unknown (use the build time). */
  lastChange?: DateTime;
  /** When the bundle was first committed: the event's publication, for feeds; undefined before its first commit. */
  firstChange?: DateTime;
  /** Where the numbers come from, so the plugin can warn when it is not `git`. */
  source: "git" | "shallow" | "no-git";
}

const shallowCache = new Map<string, boolean | undefined>();

function git(repoRoot: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined; // no git, not a repository, or a "dubious ownership" refusal
  }
}

/** Whether `repoRoot` is a shallow clone; undefined when it is not a git work tree. */
function isShallow(repoRoot: string): boolean | undefined {
  if (!shallowCache.has(repoRoot)) {
    const answer = git(repoRoot, ["rev-parse", "--is-shallow-repository"])?.trim();
    shallowCache.set(repoRoot, answer === undefined ? undefined : answer === "true");
  }
  return shallowCache.get(repoRoot);
}

/** Revision of the bundle folder `bundleDir` (absolute, or relative to `repoRoot`). */
export function deriveRevision(bundleDir: string, repoRoot: string): Revision {
  const shallow = isShallow(repoRoot);
  if (shallow === undefined) return { sequence: 0, source: "no-git" };
  if (shallow) return { sequence: 0, source: "shallow" };
  const dir = path.relative(repoRoot, path.resolve(repoRoot, bundleDir)) || ".";
  const log = git(repoRoot, ["log", "--format=%cI", "--", dir]);
  if (log === undefined) return { sequence: 0, source: "no-git" };
  const dates = log.split("\n").filter(Boolean);
  const dirty = (git(repoRoot, ["status", "--porcelain", "--untracked-files=all", "--", dir]) ?? "").trim() !== "";
  const last = dates[0] && DateTime.fromISO(dates[0], { setZone: true });
  const first = dates.at(-1) && DateTime.fromISO(dates.at(-1)!, { setZone: true });
  return {
    sequence: dates.length + (dirty ? 1 : 0),
    ...(last && last.isValid && !dirty ? { lastChange: last.toUTC() } : {}),
    ...(first && first.isValid ? { firstChange: first.toUTC() } : {}),
    source: "git",
  };
}

/**
 * The work tree that holds `dir` (the content folder may sit in another repository than
 * the code, as a test's temporary site does); undefined outside git.
 */
export function gitRoot(dir: string): string | undefined {
  return git(dir, ["rev-parse", "--show-toplevel"])?.trim() || undefined;
}

/** SEQUENCE for the event in `bundleDir`: how many commits changed it (see above). */
export function deriveSequence(bundleDir: string, repoRoot: string): number {
  return deriveRevision(bundleDir, repoRoot).sequence;
}
