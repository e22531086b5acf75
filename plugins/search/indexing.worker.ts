/**
 * `npm run build`'s search index, filled from a worker thread (./index.ts
 * starts it): each page goes to Pagefind as soon as it is written (read from
 * its file), and the index is written once the build is. Cutting the page down
 * for Pagefind and encoding it for Pagefind's process took the main thread
 * 0.4 s of a 1,000-post build; here it runs beside the rendering. When the
 * last build's index may be the same, Pagefind waits (./last-index.ts).
 */
import { readFileSync } from "node:fs";
import { serveMessages } from "../core/workers.ts";
import path from "node:path";
import { BUNDLE_DIR, finishIndex, SearchIndexWriter, type IndexOptions, type IndexSummary } from "./pagefind.ts";

type Site = { url: string; defaultLanguage: string };

/** A page starts with its doctype; a fragment of one does not. */
const WHOLE_PAGE = /^\s*<!doctype html/i;

export type IndexingMessage =
  /** A build of `inputs` (folders) begins, to be written into `output`: start Pagefind (or not yet: ./last-index.ts). */
  | { kind: "open"; site: Site; options: IndexOptions; output: string; inputs: string[] }
  /** A page written (`url`: its site path; `file`: its file, which holds it; `digest`: its bytes' digest, when known). */
  | { kind: "page"; url: string; file: string; digest?: string }
  /** The build is written: write the index into `output`. Answered with the {@link IndexSummary}. */
  | { kind: "finish"; output: string };

let writer: Promise<SearchIndexWriter> | undefined;
/** The site and options "open" was given, for the index written again from the pages (finishIndex). */
let opened: { site: Site; options: IndexOptions } | undefined;

serveMessages(async (message: IndexingMessage): Promise<IndexSummary | undefined> => {
  if (message.kind === "open") {
    opened = { site: message.site, options: message.options };
    writer = SearchIndexWriter.open(message.site, message.options, { bundleDir: path.join(message.output, BUNDLE_DIR), inputs: message.inputs });
    // Kept for "finish", which says why it failed.
    writer.catch(() => undefined);
    return undefined;
  }
  if (!writer || !opened) throw new Error(`search: "${message.kind}" before "open"`);
  if (message.kind === "page") {
    const { url, file, digest } = message;
    // Whole documents only: an .html file a template writes as a fragment is no page to search.
    const read = () => {
      const html = readFileSync(file, "utf8");
      return WHOLE_PAGE.test(html) ? html : undefined;
    };
    const filling = await writer;
    if (digest !== undefined) filling.addWritten(url, file, digest, read);
    else {
      const html = read();
      if (html !== undefined) filling.add(url, html, file);
    }
    return undefined;
  }
  const filling = writer;
  writer = undefined;
  return finishIndex(filling, message.output, opened.site, opened.options);
}, async () => {
  // A failed build's: Pagefind's process is stopped, and nothing written.
  const filling = writer;
  writer = undefined;
  await filling?.then((w) => w.abandon(), () => undefined);
});
