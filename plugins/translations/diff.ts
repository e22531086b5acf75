/**
 * What changed in an original since its translation was made: the translation
 * records the original's content hash (`translationOf`); the git history of
 * the original holds every version; the newest version with that hash is the
 * one the translator worked from, and `git diff` from it to the file as it is
 * now is what is left to carry over.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { contentHash, sameHash } from "./status.ts";

export interface OriginalVersion {
  /** Full commit id. */
  commit: string;
  /** Committer date, ISO 8601. */
  date: string;
  /** The original's text in that commit. */
  source: string;
}

/** The newest version (versions come newest first) whose content hash is the recorded one. */
export function recordedVersion(versions: readonly OriginalVersion[], recorded: string): OriginalVersion | undefined {
  return versions.find((v) => sameHash(recorded, contentHash(v.source)));
}

const git = (args: string[], cwd: string) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });

/** Every committed version of `file`, newest first (empty outside git). */
export function committedVersions(file: string): OriginalVersion[] {
  const cwd = path.dirname(file);
  const name = `./${path.basename(file)}`;
  let log: string;
  try {
    log = git(["log", "--format=%H %cI", "--", name], cwd);
  } catch {
    return [];
  }
  return log
    .split("\n")
    .filter(Boolean)
    .flatMap((line) => {
      const [commit = "", date = ""] = line.split(" ");
      try {
        return [{ commit, date, source: git(["show", `${commit}:${name}`], cwd) }];
      } catch {
        return []; // the commit that deleted the file
      }
    });
}

/** `git diff` of `file` from `commit` to the file as it is now (uncommitted edits included). */
export function diffSince(file: string, commit: string, color: boolean): string {
  return git(["diff", color ? "--color=always" : "--no-color", commit, "--", `./${path.basename(file)}`], path.dirname(file));
}
