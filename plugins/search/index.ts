/**
 * Site search without any third-party service: a search page per language
 * (`/search/`, `/en/search/`, Pagefind's UI in that language) and, after every
 * build, a Pagefind index per language written to `<output>/pagefind/`.
 *
 * Pages mark what is indexed with the attributes of ./attributes.ts (Base.tsx
 * puts them on `<main>`); navigation inside `<main>` carries
 * `data-pagefind-ignore`; links to PDFs become results of their own (./pdf-records.ts).
 */
import type { EleventyConfig } from "../core/eleventy.ts";
import { registerPlugin, UNIQUE_PLUGIN } from "../core/options.ts";
import { onPageWritten } from "../core/page-written.ts";
import path from "node:path";
import { timed } from "../core/timings.ts";
import { SearchOptionsSchema, type SearchOptionsInput } from "./options.ts";
import { startIndexer, type Indexer } from "./indexer.ts";
import { BUNDLE_DIR, type IndexOptions, type IndexSummary } from "./pagefind.ts";
import { WorkerThread } from "../core/workers.ts";
import type { IndexingMessage } from "./indexing.worker.ts";

/** After a rebuild of `npm start`, how long the search index waits (another save restarts the wait). */
const REINDEX_DELAY_MS = 1500;

// npm start's indexing, kept across configuration reloads (each registers the plugin again).
let indexing: Promise<void> = Promise.resolve();
let queued: string | undefined;
/** The indexer at work, if any. */
let indexer: Indexer | undefined;

/** The search page's path inside a language (the header links to it). */
export const SEARCH_PATH = "search/";

export default function searchPlugin(eleventyConfig: EleventyConfig, options: SearchOptionsInput) {
  const { project, layout, excludeSelectors } = registerPlugin(eleventyConfig, "search", SearchOptionsSchema, options);
  const { site } = project;
  const indexOptions: IndexOptions = { excludeSelectors };
  for (const { code } of site.languages) {
    // The languages plugin gives it its URL (/search/, /en/search/) and pairs the two.
    eleventyConfig.addTemplate(`${SEARCH_PATH}index.${code}.11ty.tsx`, { render: () => "" }, { layout, type: "search", search: false });
  }

  const logger = eleventyConfig.logger as { message?: (m: string, type: string, color: undefined, force: boolean, prefix: string) => void } | undefined;
  const report = (summary: IndexSummary) => {
    const perLanguage = Object.entries(summary.languages)
      .map(([lang, count]) => `${lang} ${count}`)
      .join(", ");
    logger?.message?.(`Indexed ${summary.pages} pages and ${summary.pdfs} PDF (${perLanguage || "nothing"}) into /${BUNDLE_DIR}/`, "log", undefined, false, "[search]");
  };

  // npm run build: each page goes to Pagefind (a process of its own, so another
  // core) as soon as it is written, through a worker thread that reads it, makes
  // the copy Pagefind reads and sends it (./indexing.worker.ts); the build waits
  // for the index at the end.
  let builder: WorkerThread | undefined;
  eleventyConfig.on("eleventy.before", ({ runMode, outputMode, directories }: { runMode: string; outputMode?: string; directories: { output: string } }) => {
    void builder?.stop(); // a failed build's (its Pagefind process ends with it)
    builder = undefined;
    // Only a build written to disk has pages to index (not toJSON()/toNDJSON()).
    if (runMode !== "build" || outputMode !== "fs") return;
    // At the main thread's priority, unlike the link check's worker: Pagefind's own work
    // is the longest after the last page (../core/workers.ts, `yieldCores`).
    builder = new WorkerThread(new URL("./indexing.worker.ts", import.meta.url));
    builder.post({
      kind: "open",
      site: { url: site.url, defaultLanguage: site.defaultLanguage },
      options: indexOptions,
      output: path.resolve(directories.output),
      // What the pages are made of, besides the kit: its last index may be kept (./last-index.ts).
      inputs: [project.input, project.data, project.ownData, project.strings],
    } satisfies IndexingMessage);
  });
  // The worker reads each page from its file, once it is there.
  // With its digest, a page the last index saw as it is now is not read again (./last-index.ts).
  onPageWritten(eleventyConfig, ({ url, outputPath, digest }) => {
    if (!builder || !url || !outputPath.endsWith(".html")) return;
    builder.post({ kind: "page", url, file: outputPath, digest } satisfies IndexingMessage);
  });

  // npm start: the whole output is indexed again after each rebuild, in the
  // background, once the reloaded page has been served, by a process at the
  // lowest priority (./indexer.ts); one indexing at a time, the latest output
  // wins. A save gives the rebuild the machine: an indexing under way stops,
  // and starts again after that rebuild.
  let reindexSoon: ReturnType<typeof setTimeout> | undefined;
  eleventyConfig.on("eleventy.beforeWatch", () => {
    clearTimeout(reindexSoon);
    indexer?.stop();
  });
  const reindex = (output: string) => {
    const idle = queued === undefined;
    queued = output;
    if (!idle) return;
    indexing = indexing.then(async () => {
      const dir = queued!;
      queued = undefined;
      indexer = startIndexer({ output: dir, site: { url: site.url, defaultLanguage: site.defaultLanguage }, options: indexOptions });
      try {
        const summary = await indexer.done;
        if (summary) report(summary);
      } catch (error) {
        console.warn(`[search] the search index could not be written: ${(error as Error).message}`);
      } finally {
        indexer = undefined;
      }
    });
  };

  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, runMode }) => {
    if (outputMode !== "fs") return;
    // `directories`, not the deprecated `dir`: only it honours --output.
    const output = path.resolve(directories.output);
    if (runMode !== "build") {
      clearTimeout(reindexSoon);
      reindexSoon = setTimeout(() => reindex(output), REINDEX_DELAY_MS);
      return;
    }
    const worker = builder;
    builder = undefined;
    if (!worker) return;
    try {
      const finish: IndexingMessage = { kind: "finish", output };
      report(await timed("search index (after the last page)", () => worker.call<IndexSummary>(finish)));
    } finally {
      await worker.stop();
    }
  });
}

searchPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
