/**
 * npm run build / npm start: Eleventy with the project's config. When content
 * errors stop a build, the terminal shows a short summary (how many, then one
 * line per problem: file:line · field · message) instead of a stack trace;
 * `npm start` shows the same summary and keeps serving the last good build.
 * Any other error (a bug in a plugin or a layout) keeps Eleventy's full report.
 *
 *   npm run build [-- --output=<dir>] [--input=<dir>] [--quiet] [--pathprefix=/x/]
 *   npm start [-- --port=8081] [--incremental]        (= --serve)
 *   --watch                                            rebuild on change, no server
 */
import { statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import EleventyModule from "@11ty/eleventy";
import type { EleventyConfig } from "../plugins/core/eleventy.ts";
import { loadProject, PROJECT_ROOT } from "../plugins/core/project.ts";
import { BUNDLE_DIR } from "../plugins/search/pagefind.ts";
import { formatProblems, type ContentProblem } from "../plugins/core/problems.ts";
import { heldBackReport } from "../plugins/core/held-back.ts";
import { BUILD_MARKER, dropUnwritten, listOutput, prepareOutput, sweepFiles, writeMarker } from "./deploy/build-marker.ts";
import { WrittenFiles } from "./deploy/written-files.ts";
import { fileText } from "../plugins/core/file-memo.ts";
import { absolutePath } from "../plugins/core/files.ts";
import { saveKeptReads } from "../plugins/core/kept-results.ts";
import { devLoop, type DevEleventy } from "./dev/loop.ts";

/** The part of Eleventy's instance API this script drives (not in our shared declaration). */
interface EleventyInstance {
  init(): Promise<void>;
  write(): Promise<unknown>;
  watch(): Promise<(file: string) => Promise<unknown>>;
  serve(port?: number): Promise<void>;
  stopWatch(): Promise<void>;
  readonly outputDir: string;
  readonly inputDir: string;
  setIncrementalBuild(on: boolean): void;
  errorHandler: { error(error: unknown, message?: string): void };
}
type EleventyClass = new (input?: string, output?: string, options?: Record<string, unknown>) => EleventyInstance;
const Eleventy = EleventyModule as unknown as EleventyClass;

// Between two full collections, V8 lets the heap grow to up to 4 times what
// was alive after the last one when the machine has memory to spare: a
// 4,000-post build that never holds more than about 550 MB peaked at 1.3 to
// 1.5 GiB. Growing by half instead keeps it under 1 GiB on any machine, at no
// cost in time (the fewer fresh pages cost the kernel less than the extra
// collections cost V8). V8 reads this at every collection, so setting it here works.
setFlagsFromString("--heap-growing-percent=50");

let args;
try {
  args = parseArgs({
    options: {
      input: { type: "string" },
      output: { type: "string" },
      config: { type: "string", default: ".eleventy.ts" },
      pathprefix: { type: "string" },
      serve: { type: "boolean", default: false },
      watch: { type: "boolean", default: false },
      port: { type: "string" },
      quiet: { type: "boolean" },
      incremental: { type: "boolean", default: false },
    },
  }).values;
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nUsage: npm run build -- [--output=<dir>] [--input=<dir>] [--quiet]   ·   npm start -- [--port=8081]\n`);
  process.exit(2);
}

const runMode = args.serve ? "serve" : args.watch ? "watch" : "build";

/** The content problems an error carries, wherever Eleventy wrapped it. */
function contentProblemsOf(error: unknown): { problems?: ContentProblem[]; text?: string } | undefined {
  for (let e = error as { name?: string; problems?: unknown; message?: string; originalError?: unknown; cause?: unknown } | undefined; e; ) {
    if (e.name === "ContentError" && Array.isArray(e.problems)) return { problems: e.problems as ContentProblem[] };
    // Some Eleventy paths keep only the message of the error they wrap.
    const at = e.message?.search(/\d+ (?:content|settings) problems? stopped the build:/) ?? -1;
    if (at >= 0) return { text: e.message!.slice(at).trim() };
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return undefined;
}

// Eleventy copies files (PDFs, photos, stylesheets) only from inside the working folder,
// and its incremental rebuilds go astray on an absolute input path (tags of one
// language, templates left uninitialised): the input is given to it relative.
let input = args.input;
if (input !== undefined) {
  const relative = path.relative(process.cwd(), path.resolve(input));
  if (relative.startsWith("..") || path.isAbsolute(relative)) {
    process.stderr.write(`Nothing was built: --input=${input} is outside ${process.cwd()}; Eleventy copies files only from inside the folder it runs in. Run the command from a folder that holds the content folder.\n`);
    process.exit(2);
  }
  input = relative || ".";
}

// npm start: incremental rebuilds, structural changes rebuilt whole, problems shown in the tab (./dev/loop.ts).
let dev: ReturnType<typeof devLoop> | undefined;
if (runMode !== "build") {
  const folder = input ?? "content";
  // As in .eleventy.ts: the data folder sits beside the content folder.
  let project;
  try {
    project = await loadProject({ input: folder, data: `${folder}/../data`, output: args.output ?? "_site" });
  } catch (error) {
    const found = contentProblemsOf(error);
    if (!found?.problems) throw error;
    // Before the server starts: said here, and npm start starts again at the next save of the file.
    process.stderr.write(`\n${formatProblems(found.problems)}\n\nNothing is served: fix the file above and save it.\n`);
    process.exit(1);
  }
  dev = devLoop({ input: project.input, output: project.output });
}

// npm run build writes over the last build: the status-change time (ctime) from
// which a file is this build's, known once the output folder is readied below.
let writtenSince: number | undefined;
/** …and what the last one wrote there (scripts/deploy/written-files.ts). */
let lastWritten: WrittenFiles | undefined;
/** The output's folders a plugin writes over itself (the search index: ./deploy/build-marker.ts). */
let carried: readonly string[] = [];
/** The files of the output as the build began, listed in a worker thread for the sweep at its end. */
let lastFiles: Promise<string[] | undefined> = Promise.resolve(undefined);

const eleventy = new Eleventy(input, args.output, {
  // Like Eleventy's own command line: --input and --output win over the config file's `dir`.
  source: "cli",
  configPath: args.config,
  runMode,
  // npm start prints what each rebuild did in one line, not one line per file written
  // (hundreds after a saved post: 100 ms of a 1,000-post rebuild went to printing them).
  ...(args.quiet !== undefined || runMode !== "build" ? { quietMode: args.quiet ?? true } : {}),
  ...(args.pathprefix ? { pathPrefix: args.pathprefix } : {}),
  config: (cfg: EleventyConfig) => {
    if (dev) dev.configure(cfg as unknown as Parameters<typeof dev.configure>[0]);
    else {
      cfg.configureTemplateHandling({
        // patches/@11ty+eleventy+3.1.7.patch: a page whose file already holds its bytes is not written
        // again; recorded in lastWritten, it is not even touched (the sweep below asks the record).
        writtenSince: () => writtenSince,
        lastWritten: () => lastWritten,
        // A content file's text as the plugins read it before the build (its front matter, its
        // checks), not read again by Eleventy: 0.2 s of a 4,000-post build.
        readInput: (inputPath: string) => fileText(absolutePath(inputPath)),
      });
      // Every page is written when the work after the build starts: the last build's files this
      // one did not write or touch go then, beside the search index and the link check, instead of after them.
      cfg.on("eleventy.after", async ({ runMode }: { runMode?: string }) => {
        if (runMode !== "build" || writtenSince === undefined) return;
        const since = writtenSince;
        await new Promise((resolve) => setImmediate(resolve)); // the other plugins' work after the build starts first
        sweepFiles(eleventy.outputDir, since, { carried, made: lastWritten?.files(), listed: await lastFiles });
      });
    }
  },
});

const handler = eleventy.errorHandler;
const eleventyReport = handler.error.bind(handler);
handler.error = (error: unknown, message?: string) => {
  const found = contentProblemsOf(error);
  if (!found) return eleventyReport(error, message);
  const summary = found.problems ? formatProblems(found.problems) : found.text!;
  const after = runMode === "build" ? "" : "\n(Still serving the last good build: fix the files above and save to rebuild.)";
  process.stderr.write(`\n${summary}${after}\n\n`);
  dev?.failed(found.problems, summary);
};

try {
  await eleventy.init();
} catch (error) {
  // A broken config or site settings: the same report as Eleventy's command line gives.
  handler.error(error, "Eleventy could not start");
  process.exit(1);
}
if (args.incremental || runMode === "serve") eleventy.setIncrementalBuild(true);

if (runMode === "build") {
  // The build writes over the last one (pages that come out the same are left as
  // they are), then deletes what it did not make: a deleted page must not survive
  // (and reach the bucket with the next hand deploy). Marked "incomplete" until it succeeds.
  const prepared = prepareOutput(eleventy.outputDir, [PROJECT_ROOT, eleventy.inputDir], [BUNDLE_DIR]);
  if ("refused" in prepared) {
    process.stderr.write(`Nothing was built: ${prepared.refused}\n`);
    process.exit(2);
  }
  carried = prepared.carried;
  writeMarker(eleventy.outputDir, "incomplete");
  // The file system's own clock (coarser than Date.now()): every file this build writes or touches has a ctime from here on.
  writtenSince = statSync(path.join(eleventy.outputDir, BUILD_MARKER)).ctimeMs;
  lastWritten = WrittenFiles.forOutput(eleventy.outputDir);
  lastFiles = listOutput(eleventy.outputDir, carried);
  try {
    await eleventy.write();
  } catch {
    // Already reported: content problems as a summary by the handler above, anything else by Eleventy.
    process.exitCode = 1;
  }
  if (!process.exitCode) {
    dropUnwritten(carried, writtenSince);
    lastWritten.save();
    saveKeptReads();
    writeMarker(eleventy.outputDir, "production");
    // Drafts and pages dated later: a writer who looks for one on the site is told where it went.
    const heldBack = heldBackReport();
    if (heldBack && !args.quiet) process.stdout.write(`\n${heldBack}\n`);
  }
} else {
  // Drafts and scheduled posts are in it: `npm run deploy` and `preview:s3` refuse it.
  writeMarker(eleventy.outputDir, "dev");
  const watchRun = await eleventy.watch();
  dev?.attach(eleventy as unknown as DevEleventy, watchRun);
  if (runMode === "serve") await eleventy.serve(args.port ? Number(args.port) : undefined);
  process.on("SIGINT", async () => {
    await eleventy.stopWatch();
    process.exit(0);
  });
}
