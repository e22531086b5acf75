import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { contentWorkFolder } from "../test/helpers/build.ts";
import { buildNodeOptions, compile, entryPoints, forgetGoneContent, mapStackTraces, syntaxErrors } from "./compiled.mjs";

type Compile = (root: string, entries: string[], cacheDir: string) => Promise<{ modules: Map<string, string>; compiled: boolean }>;
const compileTo = compile as Compile;

/** A project in miniature: inside the project's folder, so that the JSX runtime (`#jsx`) and the packages resolve from its package.json. */
function miniProject(): string {
  const root = contentWorkFolder("compiled");
  const files: Record<string, string> = {
    "scripts/build.ts": `import { state } from "../plugins/shared.ts";\nexport const fromBuild = state;\n`,
    ".eleventy.ts": `import { state } from "./plugins/shared.ts";\nimport { where } from "./plugins/where.ts";\nexport const fromConfig = state;\nexport { where };\n`,
    "plugins/shared.ts": `export const state: { calls: number } = { calls: 0 };\n`,
    "plugins/checks/scan.worker.ts": `import { state } from "../shared.ts";\nexport const fromWorker = state;\n`,
    "plugins/where.ts": `export const where = { dirname: import.meta.dirname, url: import.meta.url };\nexport function stack(): string { return new Error("here").stack ?? ""; }\n`,
    "layouts/page.11ty.tsx": `import { state } from "../plugins/shared.ts";\nimport { stack } from "../plugins/where.ts";\nexport const fromLayout = state;\nexport { stack };\nexport const render = () => <p>Bonjour</p>;\n`,
    "layouts/notes.md": "not a template\n",
    "content/agenda/list.11ty.ts": `export const title: string = "Agenda";\n`,
    "content/blog/post.md": "---\ntitle: Post\n---\n",
    "data/site.ts": `const site: { name: string } = { name: "Chatons" };\nexport default site;\n`,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const load = (modules: Map<string, string>, source: string) => import(pathToFileURL(modules.get(source)!).href);

test("a build's entries: the build script, the configuration, the layouts, the content's TypeScript templates, the settings, the workers", () => {
  const root = miniProject();
  try {
    const entries = (entryPoints(root) as string[]).map((file) => path.relative(root, file));
    assert.deepEqual(entries, [".eleventy.ts", "content/agenda/list.11ty.ts", "data/site.ts", "layouts/page.11ty.tsx", "plugins/checks/scan.worker.ts", "scripts/build.ts"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the content's last scan stands while none of its folders changed, and a template added is found", () => {
  const root = miniProject();
  const scanFile = path.join(root, ".cache/content-scan.json");
  const rel = (entries: string[]) => entries.map((file) => path.relative(root, file)).filter((file) => file.startsWith("content/"));
  try {
    // Folders last changed long ago (the scan does not trust a folder changed in the last second).
    for (const dir of ["content", "content/agenda", "content/blog"]) utimesSync(path.join(root, dir), 1_700_000_000, 1_700_000_000);
    assert.deepEqual(rel(entryPoints(root, { scanFile })), ["content/agenda/list.11ty.ts"]);
    // Reused as it is: a name put into the kept scan comes back.
    const scan = JSON.parse(readFileSync(scanFile, "utf8")) as { templates: string[] };
    writeFileSync(scanFile, JSON.stringify({ ...scan, templates: [...scan.templates, path.join(root, "content/blog/kept.11ty.ts")] }));
    assert.deepEqual(rel(entryPoints(root, { scanFile })), ["content/agenda/list.11ty.ts", "content/blog/kept.11ty.ts"]);
    // A template added to a folder changes the folder: the content is walked again.
    writeFileSync(path.join(root, "content/agenda/calendar.11ty.tsx"), `export const render = () => <p>Agenda</p>;\n`);
    assert.deepEqual(rel(entryPoints(root, { scanFile })), ["content/agenda/calendar.11ty.tsx", "content/agenda/list.11ty.ts"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("compiled modules share one instance of a module, keep their source's import.meta, and map stack traces to the source", async () => {
  const root = miniProject();
  try {
    const { modules, compiled } = await compileTo(root, entryPoints(root), path.join(root, ".cache"));
    assert.equal(compiled, true);
    const build = await load(modules, path.join(root, "scripts/build.ts"));
    const config = await load(modules, path.join(root, ".eleventy.ts"));
    const layout = await load(modules, path.join(root, "layouts/page.11ty.tsx"));
    // One state for the build script, the configuration and the layouts (an i18n instance, a cache…).
    assert.equal(build.fromBuild, config.fromConfig);
    assert.equal(layout.fromLayout, config.fromConfig);
    // Plugins find their stylesheets from their own folder.
    assert.equal(config.where.dirname, path.join(root, "plugins"));
    assert.equal(config.where.url, pathToFileURL(path.join(root, "plugins/where.ts")).href);
    const site = await load(modules, path.join(root, "data/site.ts"));
    assert.equal(site.default.name, "Chatons");
    // Read through the module's map when the trace is made (Node's own mapping stands aside for it).
    const before = Error.prepareStackTrace;
    mapStackTraces(path.join(root, ".cache"));
    try {
      assert.match(layout.stack(), new RegExp(`${path.join(root, "plugins", "where.ts").replaceAll("/", "\\/")}:2:`));
    } finally {
      Error.prepareStackTrace = before;
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the compile is reused until a source file or the list of entries changes", async () => {
  const root = miniProject();
  const cache = path.join(root, ".cache");
  const where = path.join(root, "plugins/where.ts");
  utimesSync(where, 1_700_000_000, 1_700_000_000); // whole seconds, so that it can be put back exactly
  try {
    const first = await compileTo(root, entryPoints(root), cache);
    const again = await compileTo(root, entryPoints(root), cache);
    assert.equal(again.compiled, false);
    assert.deepEqual(again.modules, first.modules);

    // A file that is no entry, imported by one: compiled again, with its new text,
    // even when it is put back with its old modification time (a checkout, cp -p).
    const before = statSync(where);
    const moved = `export const where = { dirname: "moved", url: "" };\nexport function stack(): string { return ""; }`;
    writeFileSync(where, `${moved.padEnd(before.size - 1)}\n`); // the same size, too
    utimesSync(where, 1_700_000_000, 1_700_000_000);
    assert.equal(statSync(where).size, before.size);
    assert.equal(statSync(where).mtimeMs, before.mtimeMs);
    const edited = await compileTo(root, entryPoints(root), cache);
    assert.equal(edited.compiled, true);
    assert.equal((await load(edited.modules, path.join(root, ".eleventy.ts"))).where.dirname, "moved");

    // A new layout.
    writeFileSync(path.join(root, "layouts/post.11ty.tsx"), `export const render = () => <p>Billet</p>;\n`);
    const added = await compileTo(root, entryPoints(root), cache);
    assert.equal(added.compiled, true);
    assert.ok(added.modules.has(path.join(root, "layouts/post.11ty.tsx")));
    // Each compile has its folder; the earlier ones are kept for a build that still runs from them.
    assert.equal(readdirSync(cache).filter((name) => name.startsWith("build-")).length, 3);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a slip in a settings file is shown at its line, with the line, and no stack", async () => {
  const root = miniProject();
  try {
    writeFileSync(path.join(root, "data/site.ts"), `const site = {\n  name: "Chatons"\n  url: "https://chatons.example",\n};\nexport default site;\n`);
    const failure = await compileTo(root, entryPoints(root), path.join(root, ".cache")).then(
      () => assert.fail("the compile should fail"),
      (error: { errors: Parameters<typeof syntaxErrors>[0] }) => error,
    );
    assert.equal(
      syntaxErrors(failure.errors, root),
      ['data/site.ts:3 · Expected "}" but found "url" (a comma missing at the end of the line above?)', '    3 |   url: "https://chatons.example",', "      |   ^"].join("\n"),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("what is kept for a content folder goes once the folder is gone, and only then", () => {
  const root = mkdtempSync(path.join(tmpdir(), "content-caches-"));
  try {
    const cacheDir = path.join(root, ".cache/compiled");
    /** A content folder built once: its last scan (naming it) and its kept results, as scripts/compiled.mjs leaves them. */
    const built = (name: string, hash: string) => {
      const input = path.join(root, name, "content");
      mkdirSync(input, { recursive: true });
      mkdirSync(path.join(cacheDir, `content-${hash}`), { recursive: true });
      writeFileSync(path.join(cacheDir, `content-${hash}/markdown-html.json`), "{}");
      writeFileSync(path.join(cacheDir, `content-${hash}.json`), JSON.stringify({ input, folders: [], templates: [] }));
      return input;
    };
    built("site", "aaaaaaaaaaaa");
    const bench = built(".bench/site-1000-x", "bbbbbbbbbbbb");
    rmSync(path.dirname(bench), { recursive: true });
    // A build of another folder writing its scan right now: not read whole, left alone.
    writeFileSync(path.join(cacheDir, "content-cccccccccccc.json"), '{"input":');

    assert.deepEqual(forgetGoneContent(cacheDir), [bench]);
    assert.deepEqual(readdirSync(cacheDir).sort(), ["content-aaaaaaaaaaaa", "content-aaaaaaaaaaaa.json", "content-cccccccccccc.json"]);
    assert.deepEqual(forgetGoneContent(cacheDir), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("npm run build's options of Node, which the bench and the tests' build start the script with too, are ones Node takes", () => {
  const root = path.resolve(import.meta.dirname, "..");
  const options = buildNodeOptions(root);
  const script = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts.build as string;
  assert.equal(script, ["node", ...options, "scripts/compiled.mjs"].join(" "));
  assert.ok(options.every((option) => option.startsWith("--")), `not options: ${options.join(" ")}`);
  const node = spawnSync(process.execPath, [...options, "-e", "process.stdout.write('ran')"], { encoding: "utf8" });
  assert.equal(node.stderr, "");
  assert.equal(node.stdout, "ran");
});
