/**
 * `npm run build`: the build script, the configuration, its plugins and the
 * layouts, compiled ahead by esbuild and run without a TypeScript loader.
 *
 * Run through tsx, each of the 650 modules a build imports (Eleventy's and the
 * libraries' too) goes through tsx's loader thread: a build started its first
 * page 0.6 s later than the same code compiled. The project's TypeScript is
 * bundled into .cache/compiled/ (most libraries stay in node_modules, imported
 * as they are: see BUNDLED), again only when one of its files changed, and run
 * from there.
 * Eleventy imports the configuration and the layouts by their source paths:
 * patches/@11ty+eleventy+3.1.7.patch has it import their compiled modules, and
 * plugins/core/project.ts does the same for the site's settings (data/site.ts).
 *
 *   node scripts/compiled.mjs [the options of scripts/build.ts]
 *
 * `npm start` and the tests keep tsx: they load an edited file without this step.
 * Plain JavaScript, since it runs before any TypeScript can.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SourceMap } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { MessageChannel, Worker } from "node:worker_threads";
import { setFlagsFromString } from "node:v8";
import { startGitAside } from "../plugins/core/git-aside.mjs";
import { isSyntaxFailure, syntaxProblems } from "../plugins/core/syntax-errors.mjs";

/** The key under which the compiled modules' paths are published (read by Eleventy's patch and project.ts). */
export const COMPILED = Symbol.for("chatons-site.compiled");
/** The key under which the content read early is published (read by plugins/core/early-files.ts). */
const EARLY_FILES = Symbol.for("chatons-site.early-files");
/** The key under which the place of the results kept between builds is published (read by plugins/core/kept-results.ts). */
export const KEPT_RESULTS = Symbol.for("chatons-site.kept-results");

const TEMPLATE = /\.11ty\.tsx?$/;

/**
 * The modules a build imports by path: the build script, the configuration,
 * the layouts and any TypeScript template of the content, the site's settings,
 * the plugins' worker threads.
 * @param {string} root the project's folder
 * @param {{ input?: string, config?: string, scanFile?: string }} options build.ts's --input
 *   and --config; `scanFile` keeps the content's last scan between builds ({@link contentTemplates})
 * @returns {string[]} absolute paths, sorted
 */
export function entryPoints(root, options = {}) {
  const input = path.resolve(root, options.input ?? "content");
  const layouts = path.join(root, "layouts");
  const entries = [path.join(root, "scripts", "build.ts"), path.resolve(root, options.config ?? ".eleventy.ts")];
  for (const name of readdirSync(layouts)) if (TEMPLATE.test(name)) entries.push(path.join(layouts, name));
  // The plugins' worker threads (plugins/core/workers.ts).
  for (const name of readdirSync(path.join(root, "plugins"), { recursive: true, encoding: "utf8" })) {
    if (name.endsWith(".worker.ts")) entries.push(path.join(root, "plugins", name));
  }
  // An input outside the project is refused by build.ts: not walked here.
  if (!path.relative(root, input).startsWith("..") && existsSync(input)) entries.push(...contentTemplates(input, options.scanFile));
  // As in .eleventy.ts and project.ts: the data folder beside the content folder, else the project's.
  for (const data of [path.join(input, "..", "data"), path.join(root, "data")]) {
    if (existsSync(path.join(data, "site.ts"))) entries.push(path.join(data, "site.ts"));
  }
  return [...new Set(entries)].filter((file) => !path.relative(root, file).startsWith("..")).sort();
}

/**
 * The content's TypeScript templates. Walking the content folder took 75 to
 * 108 ms at 1,000 posts and 234 to 354 ms at 4,000, on every build, for
 * templates a site seldom has. So the last walk is kept in `scanFile` with
 * each folder's modification time, which a file added, removed or renamed in
 * it changes: while no folder's changed, the last answer stands (checking
 * them all: 9 ms at 1,000 posts, 37 ms at 4,000).
 * @param {string} input
 * @param {string} [scanFile]
 * @returns {string[]}
 */
function contentTemplates(input, scanFile) {
  /** @type {{ input: string, folders: Record<string, number>, templates: string[] } | undefined} */
  let last;
  try {
    last = scanFile ? JSON.parse(readFileSync(scanFile, "utf8")) : undefined;
  } catch {
    last = undefined;
  }
  if (last?.input === input && Object.entries(last.folders).every(([dir, mtime]) => statSync(dir, { throwIfNoEntry: false })?.mtimeMs === mtime)) {
    return last.templates;
  }
  // A folder changed while it was being listed, or just before (the file system's
  // clock is coarse), may hold a file the listing missed: it is not trusted, and
  // the next build walks again.
  const recent = Date.now() - 1000;
  const modified = (dir) => {
    const mtime = statSync(dir).mtimeMs;
    return mtime < recent ? mtime : -1;
  };
  const folders = { [input]: modified(input) };
  const templates = [];
  for (const entry of readdirSync(input, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isDirectory()) folders[file] = modified(file);
    else if (TEMPLATE.test(entry.name)) templates.push(file);
  }
  if (scanFile) {
    mkdirSync(path.dirname(scanFile), { recursive: true });
    writeFileSync(`${scanFile}.${process.pid}`, JSON.stringify({ input, folders, templates }));
    renameSync(`${scanFile}.${process.pid}`, scanFile);
  }
  return templates;
}

/**
 * A digest of the file's bytes: a file put back with its old modification time
 * (a `git checkout`, `cp -p`, an editor's undo) must not keep its last compile.
 * Hashing the 180 files of a build takes a few milliseconds.
 * @param {string} file
 */
function stamp(file) {
  try {
    return createHash("sha1").update(readFileSync(file)).digest("base64");
  } catch {
    return "missing";
  }
}

/**
 * @typedef {{ version: string, entries: string[], inputs: Record<string, string>, dir: string, modules: Record<string, string> }} Manifest
 * inputs: every source file of the bundle (relative to the root) with a digest of its bytes;
 * modules: each entry's compiled module, both absolute.
 */

/**
 * Compiles `entries` into a new folder of `cacheDir`, unless the last compile
 * was of the same entries and none of its source files changed since.
 * @param {string} root
 * @param {string[]} entries
 * @param {string} cacheDir
 * @returns {Promise<{ modules: Map<string, string>, inputs: Record<string, string>, compiled: boolean }>}
 */
export async function compile(root, entries, cacheDir) {
  const manifestFile = path.join(cacheDir, "manifest.json");
  // A change to this script (the compile's options) compiles again too.
  const version = `1 ${stamp(fileURLToPath(import.meta.url))}`;
  /** @type {Manifest | undefined} */
  let last;
  try {
    last = JSON.parse(readFileSync(manifestFile, "utf8"));
  } catch {
    last = undefined;
  }
  if (
    last &&
    last.version === version &&
    JSON.stringify(last.entries) === JSON.stringify(entries) &&
    existsSync(last.dir) &&
    Object.entries(last.inputs).every(([file, was]) => stamp(path.join(root, file)) === was)
  ) {
    return { modules: new Map(Object.entries(last.modules)), inputs: last.inputs, compiled: false };
  }

  const { build } = await import("esbuild");
  mkdirSync(cacheDir, { recursive: true });
  // A new folder each time: a build still running from the last one keeps its files.
  const dir = path.join(cacheDir, `build-${Date.now().toString(36)}-${process.pid}`);
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outbase: root,
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true, // one copy of each module the entries share: one i18n instance, one set of caches
    plugins: [importMetaOfSource, librariesOutside],
    format: "esm",
    platform: "node",
    target: "node20",
    jsx: "automatic",
    jsxImportSource: "#jsx",
    sourcemap: "linked",
    metafile: true,
    logLevel: "silent",
  });
  const modules = new Map();
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    if (meta.entryPoint) modules.set(path.join(root, meta.entryPoint), path.join(root, output));
  }
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((file) => [file, stamp(path.join(root, file))]));
  /** @type {Manifest} */
  const manifest = { version, entries, inputs, dir, modules: Object.fromEntries(modules) };
  writeFileSync(`${manifestFile}.${process.pid}`, JSON.stringify(manifest, null, 1));
  renameSync(`${manifestFile}.${process.pid}`, manifestFile);
  // Older compiles go once no build can still be running from them (a day later).
  for (const name of readdirSync(cacheDir)) {
    const old = path.join(cacheDir, name);
    if (name.startsWith("build-") && old !== dir && Date.now() - statSync(old).mtimeMs > 86_400_000) rmSync(old, { recursive: true, force: true });
  }
  forgetGoneContent(cacheDir);
  return { modules, inputs, compiled: true };
}

/**
 * Where the project at `root` keeps its compiles and, per content folder, its
 * last scan and kept results.
 * @param {string} root
 * @returns {string}
 */
export function compiledCacheDir(root) {
  return path.join(root, ".cache", "compiled");
}

/**
 * What `cacheDir` keeps for the content folder `input` (absolute): its results
 * in this folder, its last scan in the same path plus `.json`.
 * @param {string} cacheDir
 * @param {string} input
 * @returns {string}
 */
export function contentCacheDir(cacheDir, input) {
  return path.join(cacheDir, `content-${createHash("sha1").update(input).digest("hex").slice(0, 12)}`);
}

/**
 * Deletes what `cacheDir` keeps for content folders that are gone: each content
 * folder built has its last scan (`content-<hash>.json`, which names the folder)
 * and its kept results (`content-<hash>/`, 23 MB for the bench's 1,000 posts).
 * The bench's and the tests' folders are deleted after their builds, and their
 * results stayed: .cache/compiled/ held 33 of them, 578 MB in all, on a maintainer's
 * machine, and CI's cache of it gained four at each run. Called after a compile
 * and by the bench; the results of a folder that exists are left alone.
 * @param {string} cacheDir
 * @returns {string[]} the content folders whose results went
 */
export function forgetGoneContent(cacheDir) {
  const gone = [];
  for (const name of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
    if (!/^content-[0-9a-f]+\.json$/.test(name)) continue;
    const scan = path.join(cacheDir, name);
    let input;
    try {
      input = JSON.parse(readFileSync(scan, "utf8")).input;
    } catch {
      continue; // being written by a build, or not ours
    }
    if (typeof input !== "string" || existsSync(input)) continue;
    rmSync(scan.slice(0, -".json".length), { recursive: true, force: true });
    rmSync(scan, { force: true });
    gone.push(input);
  }
  return gone;
}

/**
 * What the build's code is, for the results kept between builds
 * (plugins/core/kept-results.ts): the project's sources compiled, the
 * libraries (the lockfile, and the patches applied to them) and Node.
 * @param {string} root
 * @param {Record<string, string>} inputs digests of the compiled sources
 * @returns {string}
 */
export function codeDigest(root, inputs) {
  const hash = createHash("sha1").update(JSON.stringify(inputs)).update(stamp(path.join(root, "package-lock.json"))).update(process.version);
  const patches = path.join(root, "patches");
  if (existsSync(patches)) for (const name of readdirSync(patches).sort()) hash.update(name).update(stamp(path.join(patches, name)));
  return hash.digest("base64url");
}

/**
 * Stack traces through the modules compiled into `cacheDir` name the lines of
 * their sources. Node's own mapping (process.setSourceMapsEnabled) reads the
 * map of every module as it loads, the libraries' too: 70 ms of each build, for
 * traces that a build without a bug in a plugin never prints. This one reads a
 * module's map when a trace first names it.
 * @param {string} cacheDir
 */
export function mapStackTraces(cacheDir) {
  const prefix = pathToFileURL(cacheDir).href + "/";
  /** @type {Map<string, import("node:module").SourceMap | undefined>} */
  const maps = new Map();
  const mapOf = (url) => {
    if (!maps.has(url)) {
      let map;
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, "utf8")));
      } catch {
        // No map (a module compiled by hand, a file gone): the frame stays as it is.
      }
      maps.set(url, map);
    }
    return maps.get(url);
  };
  /** `url:line:column` of a compiled module, as its source's path, line and column. */
  const FRAME = /(file:\/\/[^\s()]+?\.mjs)(?:\?[^\s():]*)?:(\d+):(\d+)/g;
  const mapFrame = (frame) =>
    frame.replace(FRAME, (whole, url, line, column) => {
      if (!url.startsWith(prefix)) return whole;
      const entry = mapOf(url)?.findEntry(Number(line) - 1, Number(column) - 1);
      if (!entry?.originalSource) return whole;
      const source = path.resolve(path.dirname(fileURLToPath(url)), entry.originalSource);
      return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    });
  Error.prepareStackTrace = (error, frames) => {
    let head;
    try {
      head = String(error);
    } catch {
      head = "Error";
    }
    return [head, ...frames.map((frame) => `    at ${mapFrame(String(frame))}`)].join("\n");
  };
}

/**
 * esbuild's errors as the build's other problems are written (`file:line · what`), each
 * followed by its line with a caret under the column.
 * @param {Parameters<typeof syntaxProblems>[0]} errors
 * @param {string} root
 * @returns {string}
 */
export function syntaxErrors(errors, root) {
  return syntaxProblems(errors, root)
    .map((p) => {
      if (!p.line) return `${p.file} · ${p.message}`;
      const gutter = " ".repeat(String(p.line).length);
      return [`${p.file}:${p.line} · ${p.message}`, `    ${p.line} | ${p.lineText}`, `    ${gutter} | ${" ".repeat(p.column ?? 0)}^`].join("\n");
    })
    .join("\n\n");
}

/**
 * The options of Node that `npm run build` starts this script with (package.json's
 * "build"), for the scripts that start it themselves: the bench, and the tests'
 * build of the starter site.
 *
 * `--initial-old-space-size=150`: V8's heap starts small and grows by full
 * collections, each marking the whole heap on V8's background threads, which the
 * build's own threads wait for on a machine of two cores: 7 in a 1,000-post build,
 * across its threads, 1 once the heap starts at 150 MB. Six builds of each,
 * taking turns: 3.26 s instead of 3.48 s (CPU 5.00 s instead of 5.42 s), 32 MB
 * more at the peak; at 4,000 posts, 8.58 s instead of 8.84 s, and a lower peak
 * (791 MB against 829 MB, three of each). It cannot be set once Node runs, nor in
 * NODE_OPTIONS.
 * @param {string} root the project's folder
 * @returns {string[]}
 */
export function buildNodeOptions(root) {
  const words = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts.build.split(/\s+/);
  return words.slice(1, words.indexOf("scripts/compiled.mjs"));
}

/**
 * The libraries bundled with the project's code rather than imported from
 * node_modules: ES modules of many small files (zod's 95, markdown-it's 53
 * with its helpers, entities' 35), only the kit imports them, and none reads a
 * file beside its own. Bundled, Node resolves, reads and compiles a few large
 * files instead of 217 small ones: the configuration's import took 186 ms
 * instead of 286 ms (5 runs each, after Eleventy's, 1,000-post bench content). Eleventy, the libraries it shares objects with (luxon: its dates
 * go through Eleventy's data) and those that find files beside their code
 * (pagefind, sharp, highlight.js's languages) stay outside.
 */
const BUNDLED = /^(zod|entities|markdown-it|markdown-it-[a-z]+|linkify-it|mdurl|uc\.micro|punycode\.js|i18next|@sindresorhus\/[a-z]+|htmlparser2|domhandler|domutils|dom-serializer|domelementtype|typograf)(\/|$)/;

/** @type {import("esbuild").Plugin} */
const librariesOutside = {
  name: "libraries-outside",
  setup(build) {
    build.onResolve({ filter: /^[^./#]/ }, (args) => (BUNDLED.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

/**
 * A bundled module's `import.meta` is the bundle's: each source file's own
 * (its URL, folder and name: plugins find their stylesheets by it) is written in.
 * @type {import("esbuild").Plugin}
 */
const importMetaOfSource = {
  name: "import-meta-of-source",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const contents = source.includes("import.meta")
        ? source
            .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
            .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(args.path)))
            .replaceAll("import.meta.filename", JSON.stringify(args.path))
        : source;
      return { contents, loader: args.path.endsWith("x") ? "tsx" : "ts" };
    });
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const { values } = parseArgs({ options: { input: { type: "string" }, config: { type: "string" } }, strict: false });
  if (process.argv.some((arg) => /^--(serve|watch)\b/.test(arg))) {
    process.stderr.write("scripts/compiled.mjs runs one build; for the dev server, run npm start.\n");
    process.exit(2);
  }
  // build.ts reads --input and --config from the working folder.
  const input = values.input ? path.resolve(String(values.input)) : path.join(root, "content");
  const hasInput = existsSync(input);
  // The content's git history, read while the build loads (../plugins/core/git-aside.mjs).
  if (hasInput) startGitAside(input);
  const cacheDir = compiledCacheDir(root);
  // What is kept for this content folder (the bench and the tests build others): its last scan, and the results of ../plugins/core/kept-results.ts.
  const contentCache = contentCacheDir(cacheDir, input);
  const options = {
    input,
    config: values.config && path.resolve(String(values.config)),
    scanFile: `${contentCache}.json`,
  };
  let modules;
  let inputs;
  try {
    ({ modules, inputs } = await compile(root, entryPoints(root, options), cacheDir));
  } catch (error) {
    // A slip in data/site.ts (a comma, a quote): where it is, not esbuild's stack.
    if (!isSyntaxFailure(error)) throw error;
    process.stderr.write(`${syntaxErrors(error.errors, root)}\nThe site was not built: fix the line above and run the command again.\n`);
    process.exit(1);
  }
  // One build, with no file edited during it: Eleventy's resolver, which busts the
  // import cache of a file saved under --watch, has nothing to do. On Node 20 it
  // runs in a loader thread that every import waits for (0.1 s to start it, and
  // Eleventy's import took 0.43 s instead of 0.54 s without it).
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "true";
  // A build runs a great deal of code a few thousand times each, then ends:
  // V8's background threads (half TurboFan, its optimizing compiler, half garbage
  // collection) used about as much CPU as the main thread (4 s for a 1,000-post
  // build, against 4.5 s), and Pagefind and the worker threads wait for that
  // core. TurboFan now optimizes a function after more calls, and inlines less
  // into it. Seven runs of 1,000-post builds, taking turns with V8's defaults:
  // those threads used 2.6-2.8 s instead of 3.7-4.3 s, user CPU 8.6 s instead
  // of 9.8 s, wall time 6.11 s instead of 6.58 s (averages).
  setFlagsFromString("--interrupt-budget=100000");
  setFlagsFromString("--max-inlined-bytecode-size-cumulative=300");
  // Stack traces of a plugin's error point into the sources, not the bundle.
  mapStackTraces(cacheDir);
  globalThis[COMPILED] = modules;
  // The content's files and Markdown texts, read in a worker thread while the build loads (plugins/core/early-files.ts).
  const earlyWorker = modules.get(path.join(root, "plugins", "core", "early-files.worker.ts"));
  if (earlyWorker && hasInput) {
    const { port1, port2 } = new MessageChannel();
    new Worker(earlyWorker, { workerData: { dir: input, kept: contentCache, port: port2 }, transferList: [port2] }).unref();
    port1.unref();
    globalThis[EARLY_FILES] = { dir: input, port: port1 };
  }
  globalThis[KEPT_RESULTS] = { dir: contentCache, code: codeDigest(root, inputs) };
  await import(pathToFileURL(modules.get(path.join(root, "scripts", "build.ts"))).href);
}
