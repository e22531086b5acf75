/**
 * "Last updated" dates from git: the committer date of the last commit that
 * touched each file, read in one `git log` pass over a folder (one process per
 * file would cost seconds on a few hundred pages).
 *
 * A shallow clone (CI checkouts fetch one commit by default) would date every
 * file to that one commit, and a copy without `.git` has no history at all:
 * in both cases no date is given, and the layout falls back to the page's
 * `updated` front matter, or shows no date. File modification times are never
 * used: in CI they are the checkout time.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
/** Marks the start of a commit in the log output; never part of a date or a path. */
const COMMIT = "\u001e";
/** The history of a large content folder can exceed Node's default 1 MiB of output. */
const MAX_OUTPUT = 64 * 1024 * 1024;

export interface GitDates {
  /** Absolute file path → ISO 8601 committer date with offset. */
  dates: Map<string, string>;
  /** Why there are no dates, when there are none. */
  unavailable?: "not a git repository" | "shallow clone" | "git not installed";
}

/**
 * Reads `git log --format=<COMMIT>%cI --name-only` output (newest first):
 * each path gets the date of the first commit that lists it.
 */
export function parseGitLog(output: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const chunk of output.split(COMMIT)) {
    const [date, ...files] = chunk.split("\n");
    if (!date?.trim()) continue;
    for (const file of files) {
      const name = file.trim();
      if (name && !dates.has(name)) dates.set(name, date.trim());
    }
  }
  return dates;
}

/** Last commit dates of every file under `dir` (absolute paths as keys). */
export async function gitDates(dir: string): Promise<GitDates> {
  let top: string;
  try {
    const { stdout } = await run("git", ["rev-parse", "--show-toplevel", "--is-shallow-repository"], { cwd: dir });
    const [root, shallow] = stdout.trim().split("\n");
    if (shallow === "true") return { dates: new Map(), unavailable: "shallow clone" };
    top = root!;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return { dates: new Map(), unavailable: missing ? "git not installed" : "not a git repository" };
  }
  const { stdout } = await run(
    "git",
    // quotePath=false: accented file names come out as they are, not octal-escaped.
    ["-c", "core.quotePath=false", "log", `--format=${COMMIT}%cI`, "--name-only", "--no-renames", "--", "."],
    { cwd: dir, maxBuffer: MAX_OUTPUT },
  );
  const dates = new Map<string, string>();
  for (const [file, date] of parseGitLog(stdout)) dates.set(path.join(top, file), date);
  return { dates };
}
