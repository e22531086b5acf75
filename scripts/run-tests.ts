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
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { filesUnder } from "../plugins/core/files.ts";

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
  const build = spawnSync(process.execPath, ["scripts/compiled.mjs", "--quiet"], {
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
const run = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-force-exit", "--test-reporter=spec", ...files], {
  stdio: "inherit",
  env: { ...process.env, SITE_TESTS_BUILT: noBuild ? "" : "1" },
});
process.exit(run.status ?? 1);
