/**
 * The git commands that read a content folder's history (./git-history.ts),
 * in plain JavaScript: scripts/compiled.mjs starts them before the build loads
 * (`startGitAside`), and the build takes their answers when it reads the
 * history (`gitAside`). Started from the build, once Eleventy and the site's
 * data were loaded, each of the three git processes cost the thread that
 * renders 20 to 30 ms: Node copies its whole memory map to start a process
 * (80 ms of a 1,000-post build); before the build loads, a few milliseconds.
 */
import { execFile, execFileSync } from "node:child_process";
import path from "node:path";

/** Marks the start of a commit in the log output; never part of a date or a path. */
export const COMMIT = "\u001e";
/** The history of a large content folder can exceed Node's default 1 MiB of output. */
const MAX_OUTPUT = 64 * 1024 * 1024;

// quotePath=false: accented file names come out as they are, not octal-escaped.
const GIT_OPTIONS = ["-c", "core.quotePath=false"];
export const REV_PARSE = ["rev-parse", "--show-toplevel", "--is-shallow-repository", "--absolute-git-dir"];
export const LOG = ["log", `--format=${COMMIT}%cI`, "--name-only", "--no-renames", "--", "."];
export const STATUS = ["status", "--porcelain", "-z", "--no-renames", "--untracked-files=all", "--", "."];

/** Where compiled.mjs leaves the answers it started: folder → command → its outcome. */
const STARTED = Symbol.for("chatons-site.git-aside");

/**
 * @param {string} cwd
 * @param {string[]} args
 * @returns {string} git's output
 */
export function git(cwd, args) {
  return execFileSync("git", [...GIT_OPTIONS, ...args], { cwd, encoding: "utf8", maxBuffer: MAX_OUTPUT, stdio: ["ignore", "pipe", "ignore"] });
}

/**
 * @param {string} cwd
 * @param {string[]} args
 * @returns {Promise<string>}
 */
function run(cwd, args) {
  return new Promise((resolve, reject) => {
    execFile("git", [...GIT_OPTIONS, ...args], { cwd, encoding: "utf8", maxBuffer: MAX_OUTPUT }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

/** @returns {Map<string, Map<string, Promise<string>>>} */
function started() {
  const all = /** @type {Record<symbol, any>} */ (globalThis);
  return (all[STARTED] ??= new Map());
}

/**
 * `npm run build`, before the build loads: starts the three commands of
 * `dir`'s history. Each answer is taken once, by the first {@link gitAside} of
 * the same folder and command.
 * @param {string} dir
 */
export function startGitAside(dir) {
  const commands = new Map();
  for (const args of [REV_PARSE, LOG, STATUS]) {
    const answer = run(dir, args);
    answer.catch(() => undefined); // a failure is the taker's to see, and no taker is no failure
    commands.set(args.join(" "), answer);
  }
  started().set(path.resolve(dir), commands);
}

/**
 * `git` in a process the build does not wait for: the answer of the one
 * {@link startGitAside} started for this folder and command, else a new one.
 * @param {string} cwd
 * @param {string[]} args
 * @returns {Promise<string>}
 */
export function gitAside(cwd, args) {
  const commands = started().get(path.resolve(cwd));
  const key = args.join(" ");
  const early = commands?.get(key);
  if (!early) return run(cwd, args);
  commands.delete(key);
  return early;
}
