/**
 * The README's test command. Node 20's `--test` cannot expand globs, so this
 * script finds every `*.test.ts` beside the code and under test/, builds the
 * starter site once (whole-site tests read `_site/`), then hands the list to
 * Node's own test runner through tsx.
 *
 *   npm test                      everything
 *   npm test -- feeds             only test files whose path contains "feeds"
 *   npm test -- --no-build        reuse the existing _site/
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { filesUnder } from "../plugins/core/files.ts";
import { buildNodeOptions } from "./compiled.mjs";

const ROOTS = ["plugins", "scripts", "layouts", "test"];
// Fixture sites hold their own files; never collect tests from them.
const SKIP_DIRS = new Set(["node_modules", "fixtures", "_site", ".cache"]);

function findTests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return filesUnder(dir, { skipDirs: SKIP_DIRS })
    .filter((file) => file.endsWith(".test.ts") || file.endsWith(".test.tsx"))
    .map((file) => path.join(dir, file));
}

const args = process.argv.slice(2);
const noBuild = args.includes("--no-build");
const filters = args.filter((a) => !a.startsWith("--"));
const files = ROOTS.flatMap((r) => findTests(r))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

if (files.length === 0) {
  console.error(`No test file matches ${filters.join(", ") || "(none)"}.`);
  process.exit(1);
}

if (!noBuild) {
  console.log("Building the starter site into _site/ for the whole-site tests…");
  // npm run build itself (compiled, ../scripts/compiled.mjs), so content errors print as a short summary.
  const build = spawnSync(process.execPath, [...buildNodeOptions(process.cwd()), "scripts/compiled.mjs", "--quiet"], {
    stdio: "inherit",
  });
  if (build.status !== 0) {
    console.error("The starter site does not build: fix that first (see above).");
    process.exit(build.status ?? 1);
  }
}

// --test-force-exit: a test file's process ends once its tests are done, even
// if one left a server or a child open (say, after a failed `before`): such a
// file used to keep `npm test`, and CI, waiting forever instead of failing.
// --test-timeout: a test still running after 5 minutes fails (the longest, the
// screenshots of every page kind, took 58 s of a 467 s run).
// A run still going after RUN_LIMIT_MS is stopped, every test process with it: a
// test stuck in a loop of its own (once, on the failure of an assertion against a
// whole page) cannot answer a timeout, and kept a core busy for an hour and a half.
const RUN_LIMIT_MS = 30 * 60_000;
// The tests' scratch folders (built sites, buckets, browser profiles) go in one
// folder of the run's own, removed when the run ends however it ends: a test that
// fails or is stopped never removes its own, and a few hundred were left in /tmp
// by a day's runs (165 folders, 348 MB, in twenty minutes of them).
const scratch = mkdtempSync(path.join(tmpdir(), "site-tests-"));

// Two runs, one after the other. The tests beside the code (plugins/, scripts/,
// layouts/) are mostly small, and their time is mostly each file's own process
// starting: two at a time (115 files: 109 → 82 s). The tests under test/ build
// sites, drive Chromium or wait on a dev server's saves: they already keep both
// cores busy, so they run one at a time (two at a time saved nothing and made
// the timing of the dev-loop tests depend on the other file).
const besideCode = files.filter((f) => !f.startsWith(`test${path.sep}`));
const wholeSite = files.filter((f) => f.startsWith(`test${path.sep}`));
const runs = [
  { files: besideCode, concurrency: 2 },
  { files: wholeSite, concurrency: 1 },
].filter((r) => r.files.length > 0);

let child: ReturnType<typeof spawn> | undefined;
/** Stops the current run's process group: the test files' processes, and anything they left behind. */
const stopRun = () => {
  try {
    if (child?.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
};
const stopAll = () => {
  stopRun();
  rmSync(scratch, { recursive: true, force: true, maxRetries: 3 }); // retries: a killed process may still be closing its files
};
const limit = setTimeout(() => {
  console.error(`\nThe tests were still running after ${RUN_LIMIT_MS / 60_000} minutes: stopped, every test process with them.`);
  stopAll();
  process.exit(1);
}, RUN_LIMIT_MS);
// Ctrl-C reaches this process only (the tests are in a group of their own): it stops them too.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

function runTests(testFiles: string[], concurrency: number): Promise<number> {
  const args = ["--import", "tsx", "--test", "--test-force-exit", "--test-timeout=300000", `--test-concurrency=${concurrency}`, "--test-reporter=spec", ...testFiles];
  child = spawn(process.execPath, args, {
    stdio: "inherit",
    env: { ...process.env, SITE_TESTS_BUILT: noBuild ? "" : "1", TMPDIR: scratch },
    detached: true, // a process group of its own, stopped whole (the test files' processes too)
  });
  return new Promise((resolve) => child!.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

let failed = 0;
for (const run of runs) {
  const code = await runTests(run.files, run.concurrency);
  stopRun(); // anything a test file left behind
  failed ||= code;
}
clearTimeout(limit);
stopAll();
if (runs.length > 1) {
  console.log(failed ? "\nSome tests failed: see the summaries above (tests beside the code, then under test/)." : "\nEvery test passed (tests beside the code, then under test/).");
}
process.exit(failed);
