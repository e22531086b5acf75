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
 *
 * The history itself is read once per build by ../core/git-history.ts; this file only
 * looks a bundle up in it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { historyOf, readGitHistory, realTarget, type GitHistory } from "../core/git-history.ts";
import { buildNow } from "../core/project.ts";

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

/** Revision of `target` (an absolute real path: the bundle folder, or `…/name.*`) in a history already read. */
export function revisionIn(history: GitHistory, target: string): Revision {
  if (history.unavailable) return { sequence: 0, source: history.unavailable === "shallow clone" ? "shallow" : "no-git" };
  const { commits, dirty } = historyOf(history, target);
  const date = (iso: string | undefined) => (iso === undefined ? undefined : DateTime.fromISO(iso, { setZone: true }));
  const last = date(commits[0]?.date);
  const first = date(commits.at(-1)?.date);
  return {
    sequence: commits.length + (dirty ? 1 : 0),
    ...(last && last.isValid && !dirty ? { lastChange: last.toUTC() } : {}),
    ...(first && first.isValid ? { firstChange: first.toUTC() } : {}),
    source: "git",
  };
}

/**
 * Revision of a bundle of the content folder `input` (`events/2025/ag`): its folder's
 * history, or its files' (`name.*`) for a single-file page.
 */
export function bundleRevision(history: GitHistory, input: string, bundle: string): Revision {
  const folder = path.join(input, bundle);
  return revisionIn(history, realTarget(existsSync(folder) ? folder : `${folder}.*`));
}

/**
 * A feed entry's dates from its bundle's revision, in `zone`: published at the first
 * commit (the build's time before it has one: a preview, or the commit being tested),
 * updated at the last one when later.
 */
export function feedDates(revision: Revision, zone: string): { published: DateTime; updated: DateTime | undefined } {
  const published = (revision.firstChange ?? DateTime.fromJSDate(buildNow())).setZone(zone);
  const updated = revision.lastChange && revision.lastChange > published ? revision.lastChange.setZone(zone) : undefined;
  return { published, updated };
}

/**
 * Revision of the bundle folder `bundleDir` (absolute, or relative to `repoRoot`).
 * Reads the history of `repoRoot` unless given the build's (see ../core/git-history.ts).
 */
export function deriveRevision(bundleDir: string, repoRoot: string, history: GitHistory = readGitHistory(repoRoot)): Revision {
  return revisionIn(history, realTarget(path.resolve(repoRoot, bundleDir)));
}



