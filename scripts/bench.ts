/**
 * `npm run bench -- --posts 1000[,4000] [--events 60] [--images 40] [--docs 20] [--runs 3] [--no-dev] [--keep]`
 *
 * Builds a synthetic site (./bench/corpus.ts: the starter content plus that many
 * bilingual posts, events and docs) with the kit, and in the same run the same
 * posts with a bare Eleventy and, when installed, Hugo (./bench/peers.ts). Prints
 * per phase where the kit's time goes, peak memory, files written, the ratios
 * kit/bare and kit/Hugo, and the `npm start` reload time measured in a real
 * Chromium tab; exits 1 when a budget is missed. Speed is measured here, never
 * asserted in tests.
 *
 * The kit's measured build and the peers' builds run `--runs` times, taking
 * turns, and the median of each is the figure: on a 2-core machine shared with
 * other work, two single runs an hour apart, of code with no speed change
 * between them, gave 5.33× and 4.82× at 4,000 posts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, cpSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { spawnSync } from "node:child_process";
import { PROJECT_ROOT } from "../plugins/core/project.ts";
import { writeKitCorpus, type CorpusSize } from "./bench/corpus.ts";
import { writeBareEleventy, writeHugo } from "./bench/peers.ts";
import { measureDevReload } from "./bench/dev.ts";
import { buildNodeOptions, compiledCacheDir, forgetGoneContent } from "./compiled.mjs";

/** The budgets of issue 13: the bench exits 1 when one is missed. */
const BUDGET = {
  /** Full kit build (search index and link check included, images cached) / bare Eleventy. */
  bareRatio: 2,
  /** Cost growth between two sizes, relative to the growth in posts (4,000 vs 1,000 posts: 4.4×). */
  growth: 1.1,
  /** Peak memory of a build. */
  memoryBytes: 1024 ** 3,
  /** One saved post shown in the open tab, up to 1,000 posts / beyond. */
  reloadMs: (posts: number) => (posts <= 1000 ? 1000 : 2000),
};

let args;
try {
  args = parseArgs({
    options: {
      posts: { type: "string", default: "1000" },
      events: { type: "string", default: "60" },
      images: { type: "string", default: "40" },
      docs: { type: "string", default: "20" },
      runs: { type: "string", default: "3" },
      dev: { type: "boolean", default: true },
      "no-dev": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: npm run bench -- --posts 1000[,4000] [--events 60] [--images 40] [--docs 20] [--runs 3] [--no-dev] [--keep]`);
  process.exit(2);
}
const whole = (name: string, value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} takes a whole number, not "${value}"`);
    process.exit(2);
  }
  return n;
};
const sizes = args.posts.split(",").map((p) => whole("posts", p));
const runs = whole("runs", args.runs);
if (runs < 1) {
  console.error("--runs takes at least 1");
  process.exit(2);
}
const extra = { events: whole("events", args.events), images: whole("images", args.images), docs: whole("docs", args.docs) };
const PHOTO = path.join(PROJECT_ROOT, "content/blog/2025/install-party-printemps/groupe.jpg");
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds of this process's finished children (and theirs), from /proc (Linux); 0 elsewhere. */
function childrenCpu(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

interface Run {
  wall: number;
  cpu: number;
  files: number;
  stdout: string;
  timings?: { phases: Record<string, number>; counts?: Record<string, number>; maxRssBytes: number; wallMs: number };
}

function run(label: string, command: string, argv: string[], cwd: string, env: Record<string, string> = {}, outputDir?: string): Run {
  const cpuBefore = childrenCpu();
  const started = performance.now();
  const done = spawnSync(command, argv, { cwd, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  const cpu = childrenCpu() - cpuBefore;
  if (done.status !== 0) {
    console.error(done.stdout?.slice(-4000), done.stderr?.slice(-4000));
    throw new Error(`the ${label} build failed (exit ${done.status})`);
  }
  const files = outputDir && existsSync(outputDir) ? readdirSync(outputDir, { recursive: true }).filter((f) => !String(f).startsWith("pagefind")).length : 0;
  return { wall, cpu, files, stdout: `${done.stdout}${done.stderr}` };
}

function kitBuild(content: string, output: string, timingsFile: string): Run {
  // As npm run build runs it (package.json), without npm's own start.
  const result = run("kit", process.execPath, [...buildNodeOptions(PROJECT_ROOT), "scripts/compiled.mjs", `--input=${content}`, `--output=${output}`, "--quiet"], PROJECT_ROOT, { SITE_TIMINGS: timingsFile }, output);
  result.timings = JSON.parse(readFileSync(timingsFile, "utf8")) as Run["timings"];
  return result;
}

/** Encoded images in the kit's cache folder (a warm rebuild must add none). */
function cachedImages(): number {
  const dir = path.join(PROJECT_ROOT, ".cache", "eleventy-img");
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).length : 0;
}

/** The run of median wall time (the lower of the two middle ones for an even count). */
const median = (all: Run[]): Run => [...all].sort((a, b) => a.wall - b.wall)[Math.floor((all.length - 1) / 2)]!;

const fmt = (s: number) => `${s.toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const missed: string[] = [];
const results: { posts: number; kit: Run; bare: Run }[] = [];
const hasHugo = spawnSync("hugo", ["version"], { encoding: "utf8" }).status === 0;

/**
 * The kit's content and data committed in a repository of their own, as a
 * site's are: the kit dates the events' and the status page's feeds by their
 * files' last commits (plugins/core/git-history.ts). Outside Git they were dated
 * by each build's time, so each build made those feeds, and the pages that show
 * those dates, again: work a site in Git does not do.
 */
function commitCorpus(root: string): void {
  const git = (...argv: string[]) => spawnSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false", ...argv], { cwd: root, encoding: "utf8" });
  for (const argv of [["init", "-q"], ["add", "content", "data"], ["commit", "-q", "-m", "The bench's corpus"]]) {
    const done = git(...argv);
    if (done.status !== 0) throw new Error(`git ${argv[0]} failed in ${root}: ${done.stderr.trim()}`);
  }
}

mkdirSync(path.join(PROJECT_ROOT, ".bench"), { recursive: true });
for (const posts of sizes) {
  const size: CorpusSize = { posts, ...extra };
  // Inside the project (not under .cache/, which .gitignore hides from Eleventy): bundle files are copied from the input.
  const root = mkdtempSync(path.join(PROJECT_ROOT, ".bench", `site-${posts}-`));
  const content = path.join(root, "content");
  cpSync(path.join(PROJECT_ROOT, "content"), content, { recursive: true });
  // The services the starter's status notices name, beside the content as in the project.
  mkdirSync(path.join(root, "data"));
  cpSync(path.join(PROJECT_ROOT, "data", "services.yaml"), path.join(root, "data", "services.yaml"));
  const corpus = writeKitCorpus(content, size, PHOTO);
  commitCorpus(root);
  writeBareEleventy(path.join(root, "bare"), corpus, PHOTO);
  if (hasHugo) writeHugo(path.join(root, "hugo"), corpus, PHOTO);
  const translated = corpus.filter((p) => p.lang === "en").length;
  console.log(`\n## ${posts} posts (${translated} translated), ${size.events} events, ${size.docs} docs, ${size.images} photos: ${path.relative(PROJECT_ROOT, root)}`);

  // The first kit build fills the image cache; the measured ones follow, into the
  // same folder: npm run build run again, or the deploy workflow's build after the tests'
  // (image cache restored; Pagefind writes only what changed in the index: plugins/search/carry-over.ts).
  const cold = kitBuild(content, path.join(root, "_site"), path.join(root, "timings-cold.json"));
  const encodedBefore = cachedImages();
  const eleventyCmd = path.join(PROJECT_ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
  const kitRuns: Run[] = [];
  const bareRuns: Run[] = [];
  const hugoRuns: Run[] = [];
  for (let i = 0; i < runs; i++) {
    kitRuns.push(kitBuild(content, path.join(root, "_site"), path.join(root, `timings-${i + 1}.json`)));
    bareRuns.push(run("bare Eleventy", process.execPath, [eleventyCmd, "--quiet"], path.join(root, "bare"), {}, path.join(root, "bare", "_site")));
    if (hasHugo) hugoRuns.push(run("Hugo", "hugo", ["--quiet", "-d", "public"], path.join(root, "hugo"), {}, path.join(root, "hugo", "public")));
  }
  const reencoded = cachedImages() - encodedBefore;
  const kit = median(kitRuns);
  const bare = median(bareRuns);
  const hugo = hasHugo ? median(hugoRuns) : undefined;
  const peakBytes = Math.max(...kitRuns.map((r) => r.timings!.maxRssBytes));

  const t = kit.timings!;
  const phases = Object.entries(t.phases).sort((a, b) => b[1] - a[1]);
  const inPhases = phases.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`\nkit, first build (image cache cold): ${fmt(cold.wall)} wall, ${fmt(cold.cpu)} CPU`);
  console.log(`\nkit, rebuild of median time, by phase (ms; layouts: the layouts and JavaScript templates run, their JSX written to HTML):`);
  for (const [phase, ms] of phases) console.log(`  ${phase.padEnd(40)} ${ms.toFixed(0).padStart(8)}`);
  console.log(`  ${"Eleventy itself (data, collections, writing)".padEnd(40)} ${(t.wallMs - inPhases).toFixed(0).padStart(8)}   (rest of the wall time)`);
  for (const [name, n] of Object.entries(t.counts ?? {})) console.log(`  ${name}: ${n}`);
  console.log("\n| build | wall | CPU (incl. Pagefind) | peak memory | files | kit/peer (wall) | kit/peer (CPU) |");
  console.log("|---|---|---|---|---|---|---|");
  console.log(`| kit | ${fmt(kit.wall)} | ${fmt(kit.cpu)} | ${mib(peakBytes)} | ${kit.files} | | |`);
  console.log(`| bare Eleventy 3.1.7 | ${fmt(bare.wall)} | ${fmt(bare.cpu)} | | ${bare.files} | ${(kit.wall / bare.wall).toFixed(2)}× | ${(kit.cpu / bare.cpu).toFixed(2)}× |`);
  if (hugo) console.log(`| Hugo | ${fmt(hugo.wall)} | ${fmt(hugo.cpu)} | | ${hugo.files} | ${(kit.wall / hugo.wall).toFixed(2)}× | ${(kit.cpu / hugo.cpu).toFixed(2)}× |`);
  const walls = (all: Run[]) => all.map((r) => r.wall.toFixed(2)).join(", ");
  console.log(`\nmedians of ${runs} runs taking turns (wall, s): kit ${walls(kitRuns)}; bare Eleventy ${walls(bareRuns)}${hugo ? `; Hugo ${walls(hugoRuns)}` : ""}. Peak memory: the largest of the kit's runs.`);
  console.log(`images encoded by the warm rebuilds: ${reencoded}`);

  const ratio = kit.wall / bare.wall;
  if (ratio > BUDGET.bareRatio) missed.push(`${posts} posts: the kit takes ${ratio.toFixed(2)}× a bare Eleventy build (budget ${BUDGET.bareRatio}×)`);
  if (peakBytes > BUDGET.memoryBytes) missed.push(`${posts} posts: peak memory ${mib(peakBytes)} (budget ${mib(BUDGET.memoryBytes)})`);
  if (reencoded > 0) missed.push(`${posts} posts: the warm rebuild encoded ${reencoded} image files again (budget 0)`);

  if (args.dev && !args["no-dev"]) {
    const reload = await measureDevReload(root, content, corpus).catch((error: Error) => {
      console.error(`\n${error.message}`);
      missed.push(`${posts} posts: npm start did not show a saved post: ${error.message.split("\n")[0]}`);
      return undefined;
    });
    for (const { kind, times, median, added } of reload?.kinds ?? []) {
      const what = added ? `a page added (${kind}; no budget: the budget is a save's)` : `one post saved (${kind})`;
      console.log(`npm start, ${what} → shown in the open tab: ${times.map((ms) => `${ms.toFixed(0)} ms`).join(", ")} (median ${median.toFixed(0)} ms; ${reload!.how})`);
      if (!added && median > BUDGET.reloadMs(posts)) missed.push(`${posts} posts: a saved post (${kind}) takes ${median.toFixed(0)} ms to show in the browser (budget ${BUDGET.reloadMs(posts)} ms)`);
    }
  }
  results.push({ posts, kit, bare });
  if (!args.keep) {
    rmSync(root, { recursive: true, force: true });
    // And what npm run build kept for its content (23 MB at 1,000 posts).
    forgetGoneContent(compiledCacheDir(PROJECT_ROOT));
  }
}

for (let i = 1; i < results.length; i++) {
  const [a, b] = [results[i - 1]!, results[i]!];
  const allowed = (BUDGET.growth * b.posts) / a.posts;
  const growth = b.kit.wall / a.kit.wall;
  console.log(`\ngrowth ${a.posts} → ${b.posts} posts: ${growth.toFixed(2)}× the time (budget ${allowed.toFixed(2)}×)`);
  if (growth > allowed) missed.push(`growth ${a.posts} → ${b.posts} posts: ${growth.toFixed(2)}× (budget ${allowed.toFixed(2)}×)`);
}

if (missed.length) {
  console.log(`\n${missed.length} budget(s) missed:\n${missed.map((m) => `  ${m}`).join("\n")}`);
  process.exit(1);
}
console.log("\nEvery budget met.");
