import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs, { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";

// patches/@11ty+eleventy+3.1.7.patch, applied by `npm ci` (postinstall: patch-package),
// backports 11ty/eleventy#3939: without it a build's time grows with the square of its pages.
test("the installed Eleventy finds a template by its input path in a Map, not by a search through all of them", () => {
  // `exports` hides the package's files: find its folder from its main module (src/Eleventy.js).
  const eleventy = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  const source = readFileSync(path.join(eleventy, "TemplateMap.js"), "utf8");
  assert.match(source, /#entriesByInputPath\.get\(inputPath\)/);
  assert.doesNotMatch(source, /return this\.map\.find\(\(entry\) => \{\s*if \(entry\.inputPath === inputPath/);
});

// The same patch remembers PathNormalizer.fullNormalization's answers: every
// incremental rebuild of `npm start` asked it again for every template.
test("the installed Eleventy remembers normalised paths, and answers anew in another working directory", async () => {
  const eleventy = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  const file = path.join(eleventy, "Util/PathNormalizer.js");
  assert.match(readFileSync(file, "utf8"), /#normalized\.get\(inputPath\)/);
  const { default: PathNormalizer } = (await import(pathToFileURL(file).href)) as { default: { fullNormalization(p: string): string } };
  const page = path.join(process.cwd(), "content", "blog", "index.fr.md");
  assert.equal(PathNormalizer.fullNormalization(page), "content/blog/index.fr.md");
  assert.equal(PathNormalizer.fullNormalization(`./content/blog/index.fr.md`), "content/blog/index.fr.md");
  const before = process.cwd();
  try {
    process.chdir(path.join(before, "content"));
    assert.equal(PathNormalizer.fullNormalization(page), "blog/index.fr.md");
  } finally {
    process.chdir(before);
  }
  assert.equal(PathNormalizer.fullNormalization(page), "content/blog/index.fr.md");
});

// And it keeps the date-sorted list of all pages that every tag and configured
// collection starts from, and the pages of each tag, until a page is added.
test("the installed Eleventy sorts all pages and finds each tag's pages once, and again after a page is added", async () => {
  const eleventy = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  const file = path.join(eleventy, "TemplateCollection.js");
  assert.match(readFileSync(file, "utf8"), /TemplateCollection\.#merge\(this\.#sortedAll, added\)/);
  assert.match(readFileSync(file, "utf8"), /this\.#byTag\.get\(tagName\)/);
  type Item = { date: Date; inputPath: string; data: { tags?: string[] } };
  const { default: TemplateCollection } = (await import(pathToFileURL(file).href)) as {
    default: new () => { add(item: Item): void; getAllSorted(): Item[]; getFilteredByTag(tag: string): Item[] };
  };
  const collection = new TemplateCollection();
  const page = (inputPath: string, date: string, tags: string[] = []): Item => ({ inputPath, date: new Date(date), data: { tags } });
  collection.add(page("./b.md", "2025-03-01", ["agenda"]));
  collection.add(page("./a.md", "2025-01-01"));
  const first = collection.getAllSorted();
  assert.deepEqual(first.map((p) => p.inputPath), ["./a.md", "./b.md"]);
  first.reverse(); // A caller's own copy: changing it changes nothing kept.
  assert.deepEqual(collection.getAllSorted().map((p) => p.inputPath), ["./a.md", "./b.md"]);
  collection.add(page("./c.md", "2024-12-01", ["agenda"]));
  assert.deepEqual(collection.getAllSorted().map((p) => p.inputPath), ["./c.md", "./a.md", "./b.md"]);
  assert.deepEqual(collection.getFilteredByTag("agenda").map((p) => p.inputPath), ["./c.md", "./b.md"]);
  collection.getFilteredByTag("agenda").pop(); // Again the caller's own copy.
  collection.add(page("./d.md", "2025-02-01", ["agenda", "vie de l'asso", "agenda"]));
  assert.deepEqual(collection.getFilteredByTag("agenda").map((p) => p.inputPath), ["./c.md", "./d.md", "./b.md"]);
  assert.deepEqual(collection.getFilteredByTag("vie de l'asso").map((p) => p.inputPath), ["./d.md"]);
  assert.deepEqual(collection.getFilteredByTag("absent"), []);
});

// Pages added in batches between reads (Eleventy adds each paginated template's
// pages as it goes) are merged into the sorted list: the order must be the one
// a stable sort of all pages gives, ties (a template's pages share date and
// input path) in the order they were added.
test("the installed Eleventy sorts pages added in batches as one stable sort of all of them would", async () => {
  const eleventy = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  type Item = { date: Date; inputPath: string; data: { tags?: string[] }; n: number };
  const { default: TemplateCollection } = (await import(pathToFileURL(path.join(eleventy, "TemplateCollection.js")).href)) as {
    default: new () => { add(item: Item): void; getAllSorted(): Item[]; getFilteredByTag(tag: string): Item[] };
  };
  let seed = 7;
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const collection = new TemplateCollection();
  const all: Item[] = [];
  const order = (a: Item, b: Item) => a.date.getTime() - b.date.getTime() || (a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0);
  for (let batch = 0; batch < 12; batch++) {
    for (let k = random(40); k >= 0; k--) {
      const item = { date: new Date(Date.UTC(2025, 0, 1 + random(4))), inputPath: `./${"abc"[random(3)]}.md`, data: { tags: ["agenda", "atelier", "asso"].filter(() => random(3) === 0) }, n: all.length };
      all.push(item);
      collection.add(item);
    }
    const expected = [...all].sort(order);
    assert.deepEqual(collection.getAllSorted().map((i) => i.n), expected.map((i) => i.n));
    if (batch % 3 === 1) {
      for (const tag of ["agenda", "atelier", "asso"]) {
        assert.deepEqual(collection.getFilteredByTag(tag).map((i) => i.n), expected.filter((i) => i.data.tags!.includes(tag)).map((i) => i.n));
      }
    }
  }
});

// patches/dependency-graph+1.0.0.patch: Eleventy adds every page's edge to its
// collections on every build; whether an edge exists was found by scanning the
// collection's list (750 ms of a one-page rebuild at 4,000 posts), now by a Set.
test("the installed dependency graph keeps each edge once, through removals, and in the order edges were added", async () => {
  const file = createRequire(import.meta.url).resolve("dependency-graph");
  assert.match(readFileSync(file, "utf8"), /edgeSetsOf\(this\)\.get\(from\)/);
  const { DepGraph } = (await import(pathToFileURL(file).href)) as {
    DepGraph: new () => {
      addNode(n: string): void;
      removeNode(n: string): void;
      addDependency(from: string, to: string): void;
      removeDependency(from: string, to: string): void;
      directDependenciesOf(n: string): string[];
      directDependantsOf(n: string): string[];
      overallOrder(): string[];
    };
  };
  const graph = new DepGraph();
  for (const node of ["feed", "posts", "a.md", "b.md"]) graph.addNode(node);
  graph.addDependency("feed", "posts");
  graph.addDependency("posts", "a.md");
  graph.addDependency("posts", "b.md");
  graph.addDependency("posts", "a.md");
  assert.deepEqual(graph.directDependenciesOf("posts"), ["a.md", "b.md"]);
  assert.deepEqual(graph.directDependantsOf("a.md"), ["posts"]);
  graph.removeDependency("posts", "a.md");
  assert.deepEqual(graph.directDependenciesOf("posts"), ["b.md"]);
  graph.addDependency("posts", "a.md");
  assert.deepEqual(graph.directDependenciesOf("posts"), ["b.md", "a.md"]);
  graph.removeNode("b.md");
  graph.addNode("b.md");
  graph.addDependency("posts", "b.md");
  graph.addDependency("posts", "b.md");
  assert.deepEqual(graph.directDependenciesOf("posts"), ["a.md", "b.md"]);
  assert.deepEqual(graph.directDependantsOf("b.md"), ["posts"]);
  assert.deepEqual(graph.overallOrder(), ["a.md", "b.md", "posts", "feed"]);
  // The order is kept until the graph changes; each caller gets its own copy.
  graph.overallOrder().reverse();
  graph.addNode("tags");
  graph.addDependency("feed", "tags");
  assert.deepEqual(graph.overallOrder(), ["a.md", "b.md", "posts", "tags", "feed"]);
  graph.addDependency("tags", "b.md");
  assert.deepEqual(graph.overallOrder(), ["a.md", "b.md", "posts", "tags", "feed"]);
  graph.removeDependency("feed", "posts");
  assert.deepEqual(graph.overallOrder(), ["b.md", "tags", "feed", "a.md", "posts"]);
  // Eleventy's graph tolerates cycles: nodes only reachable through one still come once.
  const cyclic = new (DepGraph as unknown as new (o: { circular: boolean }) => InstanceType<typeof DepGraph>)({ circular: true });
  for (const node of ["layout", "page", "data", "alone"]) cyclic.addNode(node);
  cyclic.addDependency("layout", "page");
  cyclic.addDependency("page", "layout");
  cyclic.addDependency("page", "data");
  assert.deepEqual(cyclic.overallOrder(), ["alone", "data", "page", "layout"]);
});

// Both patches: the graph gets a new `_version` at each change, and Eleventy keeps
// each template's dependencies, and each file's users, until then. An incremental
// build asked for them again for each page, through `isFileRelevantTo` (700 ms of
// a new first paragraph at 1,000 posts): every answer walked the graph.
test("the installed Eleventy answers which files a template uses anew after each change to the graph", async () => {
  const eleventy = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  const file = path.join(eleventy, "GlobalDependencyMap.js");
  assert.match(readFileSync(file, "utf8"), /this\.#dependencies\.get\(key\)/);
  const { default: GlobalDependencyMap } = (await import(pathToFileURL(file).href)) as {
    default: new () => {
      map: { setNodeData(n: string, data: unknown): void; removeDependency(from: string, to: string): void; removeNode(n: string): void };
      addDependency(from: string, to: string[]): void;
      getDependencies(node: string, includeLayouts?: boolean): string[] | false;
      isFileRelevantTo(template: string, file: string, includeLayouts?: boolean): boolean;
    };
  };
  const uses = new GlobalDependencyMap();
  uses.addDependency("blog.11ty.js", ["posts.js"]);
  uses.addDependency("post.md", []);
  uses.addDependency("base.njk", []);
  assert.deepEqual(uses.getDependencies("blog.11ty.js"), ["posts.js"]);
  assert.equal(uses.isFileRelevantTo("blog.11ty.js", "post.md"), false);
  uses.addDependency("posts.js", ["post.md", "base.njk"]);
  assert.deepEqual(uses.getDependencies("blog.11ty.js"), ["post.md", "base.njk", "posts.js"]);
  assert.equal(uses.isFileRelevantTo("blog.11ty.js", "post.md"), true);
  uses.map.setNodeData("base.njk", { type: "layout" });
  assert.deepEqual(uses.getDependencies("blog.11ty.js", false), ["post.md", "posts.js"]);
  assert.deepEqual(uses.getDependencies("blog.11ty.js", true), ["post.md", "base.njk", "posts.js"]);
  assert.equal(uses.isFileRelevantTo("blog.11ty.js", "base.njk", false), false);
  assert.equal(uses.isFileRelevantTo("blog.11ty.js", "base.njk", true), true);
  assert.equal(uses.isFileRelevantTo("posts.js", "blog.11ty.js"), false);
  assert.equal(uses.isFileRelevantTo("absent.md", "post.md"), false);
  uses.map.removeDependency("posts.js", "post.md");
  assert.equal(uses.isFileRelevantTo("blog.11ty.js", "post.md"), false);
  uses.map.removeNode("posts.js");
  assert.deepEqual(uses.getDependencies("blog.11ty.js"), []);
  assert.equal(uses.getDependencies("absent.md"), false);
  assert.throws(() => (uses.getDependencies("blog.11ty.js") as string[]).push("x"), TypeError);
});

/** A site of `files` (relative path → text) with its own configuration (not the project's), in a folder of its own. */
function miniSite(files: Record<string, string>, config = "export default function () {}\n"): string {
  const root = mkdtempSync(path.join(tmpdir(), "eleventy-site-"));
  for (const [file, text] of Object.entries({ ...files, "eleventy.config.mjs": config })) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** The pages Eleventy makes of the site in `root`, and every path it handed `fs[watched]` meanwhile. */
async function buildWatching(root: string, watched: "readFileSync" | "readdirSync"): Promise<{ pages: { content: string }[]; paths: string[] }> {
  const original = fs[watched];
  const paths: string[] = [];
  (fs as Record<string, unknown>)[watched] = (file: unknown, ...rest: unknown[]) => {
    if (typeof file === "string") paths.push(path.resolve(file));
    return (original as (...args: unknown[]) => unknown)(file, ...rest);
  };
  // Eleventy reads a folder's data only for an input below its working directory.
  const before = process.cwd();
  process.chdir(root);
  try {
    const { default: Eleventy } = (await import("@11ty/eleventy")) as unknown as { default: new (input: string, output: string, options: object) => { toJSON(): Promise<{ content: string }[]> } };
    return { pages: await new Eleventy("content", "_site", { quietMode: true, configPath: "eleventy.config.mjs" }).toJSON(), paths };
  } finally {
    process.chdir(before);
    (fs as Record<string, unknown>)[watched] = original;
  }
}

// It reads a folder's data file once per build: a 1,000-post build read
// content.11tydata.json once for each of its 2,266 templates.
test("the installed Eleventy reads a folder's data file once per build, and gives it to every page below", async () => {
  const notes = Object.fromEntries([1, 2, 3].map((n) => [`content/notes/note-${n}.md`, `# Note ${n}\n\n{{ section }} {{ meta.count }}\n`]));
  const root = miniSite({ ...notes, "content/notes/notes.11tydata.json": JSON.stringify({ section: "Notes", meta: { count: 3 } }) });
  try {
    const { pages, paths } = await buildWatching(root, "readFileSync");
    assert.equal(pages.length, 3);
    for (const page of pages) assert.match(page.content, /Notes 3/);
    const reads = paths.filter((file) => file === path.join(root, "content/notes/notes.11tydata.json")).length;
    assert.equal(reads, 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

// And it answers a page's look for its data files from the folders a plugin
// listed (templateHandling.folderListings), without listing them again.
test("the installed Eleventy takes the folders' listings it is given for its data files", async () => {
  // The listing given names the data file: Eleventy must not list the folder itself.
  const config = `import path from "node:path";
export default function (c) {
  const content = path.resolve("content");
  const given = new Map([[content, new Set()], [path.join(content, "notes"), new Set(["note.md", "notes.11tydata.json"])]]);
  c.configureTemplateHandling({ folderListings: () => given });
}
`;
  const root = miniSite({ "content/notes/notes.11tydata.json": JSON.stringify({ section: "Notes" }), "content/notes/note.md": "{{ section }}\n" }, config);
  const notes = path.join(root, "content", "notes");
  try {
    const { pages, paths: listed } = await buildWatching(root, "readdirSync");
    assert.match(pages[0]!.content, /Notes/);
    assert.ok(!listed.includes(notes), `Eleventy listed ${notes} itself`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

// And it takes a template's text from templateHandling.readInput when a plugin
// gives one (npm run build: the text its plugins read before the build), without
// reading the file again; a template it gives nothing for is read as before.
test("the installed Eleventy takes a template's text from readInput, and reads the file itself when given nothing", async () => {
  const config = `import path from "node:path";
export default function (c) {
  c.configureTemplateHandling({ readInput: (inputPath) => (path.basename(inputPath) === "given.md" ? "# Given by the plugin\\n" : undefined) });
}
`;
  const root = miniSite({ "content/given.md": "# On disk\n", "content/read.md": "# Read from disk\n" }, config);
  try {
    const { pages, paths } = await buildWatching(root, "readFileSync");
    const contents = pages.map((page) => page.content).sort();
    assert.deepEqual(contents, ["<h1>Given by the plugin</h1>\n", "<h1>Read from disk</h1>\n"]);
    assert.ok(!paths.includes(path.join(root, "content/given.md")), "Eleventy read the file it was given");
    assert.ok(paths.includes(path.join(root, "content/read.md")));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

// patches/luxon+3.7.2.patch: a zone remembers its offset at each instant (asked
// 17,000 times for 4,700 instants in a 1,000-post build, each through Intl).
test("the installed luxon remembers a zone's offsets, and still gives the right one on each side of a change of time", async () => {
  const { DateTime, IANAZone } = await import("luxon");
  const paris = IANAZone.create("Europe/Paris");
  // 2025-03-30: 02:00 in Paris became 03:00 at 01:00 UTC; 2025-10-26: back at 01:00 UTC.
  const spring = Date.UTC(2025, 2, 30, 1);
  const autumn = Date.UTC(2025, 9, 26, 1);
  for (let twice = 0; twice < 2; twice++) {
    assert.deepEqual([paris.offset(spring - 1), paris.offset(spring), paris.offset(autumn - 1), paris.offset(autumn)], [60, 120, 120, 60]);
  }
  assert.equal((paris as unknown as { knownOffsets?: Map<number, number> }).knownOffsets?.get(spring), 120);
  // As luxon without the patch: 02:30, skipped in spring, is 03:30; 02:30, twice in autumn, is the second one.
  assert.equal(DateTime.fromObject({ year: 2025, month: 3, day: 30, hour: 2, minute: 30 }, { zone: "Europe/Paris" }).toISO(), "2025-03-30T03:30:00.000+02:00");
  assert.equal(DateTime.fromObject({ year: 2025, month: 10, day: 26, hour: 2, minute: 30 }, { zone: "Europe/Paris" }).toISO(), "2025-10-26T02:30:00.000+01:00");
  assert.ok(Number.isNaN(IANAZone.create("Europe/Nulle-Part").offset(spring)));
});

// patches/@11ty+eleventy-utils+2.0.7.patch: Eleventy normalises the same paths
// over and over (90,000 calls for 15,000 paths in a 1,000-post build).
test("the installed eleventy-utils remembers normalised paths, with the same answers", async () => {
  // @ts-expect-error: the package ships no type declarations
  const { TemplatePath } = (await import("@11ty/eleventy-utils")) as { TemplatePath: { normalize(p: string): string; join(...p: string[]): string } };
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy-utils")), "src/TemplatePath.js");
  assert.match(readFileSync(file, "utf8"), /normalizedPaths\.get\(thePath\)/);
  for (let twice = 0; twice < 2; twice++) {
    assert.equal(TemplatePath.normalize("./content/blog/../docs/"), "content/docs");
    assert.equal(TemplatePath.normalize("/"), "/");
    assert.equal(TemplatePath.normalize("./"), ".");
    assert.equal(TemplatePath.join("_site", "./blog/", "index.html"), "_site/blog/index.html");
  }
});

// The same patch hands each caller of TemplateContent#getTemplateRender the render
// once initialised: npm start stopped a rebuild on "Cannot read properties of
// undefined (reading 'engine')" after two files were saved at once (a CI run's
// dev-loop test), when a layout's render was asked for again while it initialised.
test("the installed Eleventy hands out a template's render once initialised, whoever asks and whatever is reset meanwhile", async () => {
  const src = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  const load = async <T>(file: string) => ((await import(pathToFileURL(path.join(src, file)).href)) as { default: T }).default;
  type Render = { engine: unknown };
  type Content = { extensionMap: unknown; getTemplateRender(): Promise<Render | undefined>; resetCaches(types: { render: boolean }): void };
  const TemplateConfig = await load<new () => { init(): Promise<void> }>("TemplateConfig.js");
  const TemplateContent = await load<new (inputPath: string, config: unknown) => Content>("TemplateContent.js");
  const ExtensionMap = await load<new (config: unknown) => { setFormats(f: string[]): void; engineManager: unknown }>("EleventyExtensionMap.js");
  const EngineManager = await load<new (config: unknown) => unknown>("Engines/TemplateEngineManager.js");
  const config = new TemplateConfig();
  await config.init();
  const extensionMap = new ExtensionMap(config);
  extensionMap.setFormats(["md"]);
  extensionMap.engineManager = new EngineManager(config);
  const root = mkdtempSync(path.join(tmpdir(), "template-render-"));
  try {
    writeFileSync(path.join(root, "layout.md"), "{{ content }}\n");
    const content = () => {
      const made = new TemplateContent(path.join(root, "layout.md"), config);
      made.extensionMap = extensionMap;
      return made;
    };
    // Two pages asking at once: the engine is there when each gets the render.
    const layout = content();
    const engineOnArrival = (render: Render | undefined) => render !== undefined && Boolean(render.engine);
    assert.deepEqual(await Promise.all([layout.getTemplateRender().then(engineOnArrival), layout.getTemplateRender().then(engineOnArrival)]), [true, true]);
    // A reset while it initialises (the next rebuild's): the first caller still gets its render.
    const reset = content();
    const pending = reset.getTemplateRender();
    reset.resetCaches({ render: true });
    assert.equal(engineOnArrival(await pending), true);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

// The same patch keeps Eleventy's queue of saved files across a configuration
// reset: a reset made a new queue while its own rebuild ran, and a file saved
// during that rebuild started a second one beside it (npm start then crashed on
// "Benchmark after() without a before()", or dropped the save).
test("the installed Eleventy queues a file saved while a configuration reset rebuilds, and builds it next", async () => {
  const { default: Eleventy } = (await import("@11ty/eleventy")) as unknown as {
    default: new (input: string, output: string, options: Record<string, unknown>) => {
      init(): Promise<void>;
      watch(): Promise<(file: string) => Promise<void>>;
      stopWatch(): Promise<void>;
      setIncrementalBuild(on: boolean): void;
    };
  };
  const root = mkdtempSync(path.join(tmpdir(), "watch-queue-"));
  const record = globalThis as { watchQueueTest?: { builds: string[]; during?: () => void } };
  const cwd = process.cwd();
  try {
    process.chdir(root);
    mkdirSync("src");
    writeFileSync("src/page.md", "First text.\n");
    // Each build says when it starts and ends; `during` runs once, in the next build that starts.
    writeFileSync(
      "eleventy.config.mjs",
      `export default function (config) {
  config.on("eleventy.before", () => { const t = globalThis.watchQueueTest; t.builds.push("start"); const d = t.during; t.during = undefined; d?.(); });
  config.on("eleventy.after", () => { globalThis.watchQueueTest.builds.push("end"); });
}
`,
    );
    record.watchQueueTest = { builds: [] };
    const eleventy = new Eleventy("src", "out", { configPath: "eleventy.config.mjs", runMode: "watch", quietMode: true });
    await eleventy.init();
    eleventy.setIncrementalBuild(true);
    const watchRun = await eleventy.watch();
    try {
      assert.deepEqual(record.watchQueueTest.builds, ["start", "end"]);
      // The configuration file is saved: its rebuild, once it has loaded the new configuration, sees the page saved.
      let saved: Promise<void> | undefined;
      record.watchQueueTest.during = () => {
        writeFileSync("src/page.md", "Second text.\n");
        saved = watchRun("./src/page.md");
      };
      await watchRun("./eleventy.config.mjs");
      await saved;
      assert.deepEqual(record.watchQueueTest.builds, ["start", "end", "start", "end", "start", "end"], "one rebuild after the other");
      assert.match(readFileSync("out/page/index.html", "utf8"), /Second text\./);
      // The other way round: the configuration saved while a page's rebuild runs is loaded by the next rebuild.
      record.watchQueueTest.during = () => {
        writeFileSync("eleventy.config.mjs", readFileSync("eleventy.config.mjs", "utf8").replace("config.on(", 'config.addGlobalData("said", "from the new configuration");\n  config.on('));
        saved = watchRun("./eleventy.config.mjs");
      };
      writeFileSync("src/page.md", "Third text, {{ said }}.\n");
      await watchRun("./src/page.md");
      await saved;
      assert.match(readFileSync("out/page/index.html", "utf8"), /Third text, from the new configuration\./);
    } finally {
      await eleventy.stopWatch();
    }
  } finally {
    process.chdir(cwd);
    delete record.watchQueueTest;
    rmSync(root, { recursive: true, force: true });
  }
});

// The same patch leaves Eleventy's per-template benchmarks alone when nothing
// prints them (38 ms of each npm start rebuild at 4,000 posts); DEBUG still shows them.
test("the installed Eleventy still prints its per-template benchmarks under DEBUG=Eleventy:Benchmark*", () => {
  const root = mkdtempSync(path.join(tmpdir(), "benchmarks-"));
  try {
    mkdirSync(path.join(root, "src"));
    writeFileSync(path.join(root, "src/page.md"), "# A page\n");
    const script = `import Eleventy from "@11ty/eleventy"; await new Eleventy("src", "_site", { quietMode: true }).write();`;
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8", env: { ...process.env, NODE_PATH: "", ...env } });
    // Eleventy is resolved from the project's node_modules: the script runs from a link to it.
    symlinkSync(path.join(process.cwd(), "node_modules"), path.join(root, "node_modules"));
    const shown = run({ DEBUG: "Eleventy:Benchmark*" });
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stderr, /Benchmark\s+\d+ms\s+\d+%\s+\d+× \(Aggregate\) > Render Content > \.\/src\/page\.md/);
    assert.equal(readFileSync(path.join(root, "_site/page/index.html"), "utf8").trim(), '<h1>A page</h1>');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
