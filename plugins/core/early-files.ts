/**
 * `npm run build` reads the content folder in a worker thread while the build
 * loads (./early-files.worker.ts, started by scripts/compiled.mjs before
 * Eleventy is imported): its list of files and each Markdown file's text and
 * stamp. The passes that read every page (the languages' originals, the
 * validation, the tags…) then find them here instead of asking the disk on
 * the thread that renders: at 4,000 posts, 430 ms of `stat` and `readFileSync`
 * there (120 ms at 1,000), plus the walk of the folder.
 *
 * What the worker has not sent yet when a pass asks is read as before: nothing
 * waits for it. It serves one build, the one process of scripts/compiled.mjs;
 * under tsx (`npm start`, the tests) there is none.
 */
import { receiveMessageOnPort, type MessagePort } from "node:worker_threads";

/** Published by scripts/compiled.mjs. */
export const EARLY_FILES = Symbol.for("chatons-site.early-files");

/**
 * What the worker posts, in order: the folder's files, then the Markdown files'
 * texts in batches, then each kept-results file the main thread read in the last
 * build (its text waits on a port of its own, taken only if asked for), then the end.
 */
export type EarlyMessage =
  | { files: string[] }
  | { read: [absolute: string, stamp: string, text: string][] }
  | { kept: string; port: MessagePort }
  | { done: true };

/** A Markdown file as the worker read it: its stamp (./files.ts, statStamp) and text. */
export interface EarlyRead {
  stamp: string;
  text: string;
}

/** What scripts/compiled.mjs publishes under {@link EARLY_FILES}: the content folder (absolute) and the port the worker posts on. */
export interface EarlyFilesPort {
  dir: string;
  port: MessagePort;
}

interface Early extends EarlyFilesPort {
  files?: string[];
  reads: Map<string, EarlyRead>;
  /** Kept-results files (absolute) → the port their text waits on. */
  kept: Map<string, MessagePort>;
  /** Kept-results files asked for: one that arrives after is dropped unread. */
  keptAsked: Set<string>;
  done: boolean;
}

let state: Early | undefined;

function early(): Early | undefined {
  if (!state) {
    const published = (globalThis as Record<symbol, EarlyFilesPort | undefined>)[EARLY_FILES];
    if (!published) return undefined;
    state = { dir: published.dir, port: published.port, reads: new Map(), kept: new Map(), keptAsked: new Set(), done: false };
  }
  return state;
}

/** Takes what the worker posted so far, without waiting. */
function receive(early: Early): void {
  for (let received = receiveMessageOnPort(early.port); received; received = receiveMessageOnPort(early.port)) {
    const message = received.message as EarlyMessage;
    if ("files" in message) early.files = message.files;
    else if ("read" in message) for (const [absolute, stamp, text] of message.read) early.reads.set(absolute, { stamp, text });
    else if ("kept" in message) {
      if (early.keptAsked.has(message.kept)) message.port.close();
      else early.kept.set(message.kept, message.port);
    } else {
      early.done = true;
      early.port.close();
    }
  }
}

/** The files of the content folder `dir` (absolute) as the worker listed them (relative, sorted), if it has. */
export function earlyFiles(dir: string): string[] | undefined {
  const at = early();
  if (!at || at.dir !== dir) return undefined;
  if (!at.files && !at.done) receive(at);
  const { files } = at;
  at.files = undefined; // one build's
  return files;
}

/** The stamp and text of the Markdown file `absolute`, if the worker has read it; its text is handed over once. */
export function earlyRead(absolute: string): EarlyRead | undefined {
  const at = early();
  if (!at) return undefined;
  if (!at.reads.has(absolute) && !at.done) receive(at);
  return at.reads.get(absolute);
}

/** The text of {@link earlyRead}, once: the build keeps it from then on (./file-memo.ts). */
export function takeEarlyText(absolute: string, stamp: string | undefined): string | undefined {
  const read = earlyRead(absolute);
  if (!read || read.stamp !== stamp) return undefined;
  early()!.reads.delete(absolute);
  return read.text;
}

/**
 * The text of a kept-results file (../core/kept-results.ts), if the worker has
 * read it: undefined when it has not (yet), and then never. Taking a 17 MB text
 * from the worker cost the main thread 105 to 133 ms where reading it took 275
 * to 283 ms (the HTML of 4,000 posts' Markdown: decoding it from UTF-8 is the
 * most of it).
 */
export function earlyKeptText(file: string): string | undefined {
  const at = early();
  if (!at) return undefined;
  if (!at.kept.has(file) && !at.done) receive(at);
  const port = at.kept.get(file);
  if (!port) {
    at.keptAsked.add(file); // read by the caller now
    return undefined;
  }
  at.kept.delete(file);
  const text = receiveMessageOnPort(port)?.message;
  port.close();
  return typeof text === "string" ? text : undefined;
}
