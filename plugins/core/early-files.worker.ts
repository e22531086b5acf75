/**
 * Reads the content folder for ./early-files.ts while the build loads: its
 * files (as the languages plugin walks it), then each Markdown file's stamp
 * and text, posted in batches on the port scripts/compiled.mjs hands it; then
 * the kept-results files the main thread read in the last build, as its record
 * names them (./kept-results.ts, EARLY_KEPT_READS), each on a port of its own.
 * Then it ends.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { MessageChannel, workerData, type MessagePort } from "node:worker_threads";
import type { EarlyMessage } from "./early-files.ts";
import { CONTENT_WALK, filesUnder, statStamp } from "./files.ts";
import { EARLY_KEPT_READS } from "./kept-results.ts";

/** Files a message: small enough for the build to find the first ones soon. */
const BATCH = 100;

const { dir, kept, port } = workerData as { dir: string; kept?: string; port: MessagePort };
const post = (message: EarlyMessage) => port.postMessage(message);
const files = filesUnder(dir, CONTENT_WALK);
post({ files });
let batch: [string, string, string][] = [];
for (const file of files) {
  if (!file.endsWith(".md")) continue;
  const absolute = path.join(dir, file);
  try {
    // As ./file-memo.ts does: the stamp, then the text.
    batch.push([absolute, statStamp(statSync(absolute)), readFileSync(absolute, "utf8")]);
  } catch {
    continue; // gone, or unreadable: the build finds out itself
  }
  if (batch.length === BATCH) {
    post({ read: batch });
    batch = [];
  }
}
post({ read: batch });
for (const file of keptReads()) {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    continue; // none yet
  }
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(text);
  port1.close();
  port.postMessage({ kept: file, port: port2 } satisfies EarlyMessage, [port2]);
}
post({ done: true });
port.close();

/** The kept files (absolute) the main thread read in the last build, as its record names them. */
function keptReads(): string[] {
  if (kept === undefined) return [];
  try {
    const names: unknown = JSON.parse(readFileSync(path.join(kept, EARLY_KEPT_READS), "utf8"));
    if (!Array.isArray(names)) return [];
    return names.filter((name): name is string => typeof name === "string" && /^[\w.-]+$/.test(name)).map((name) => path.join(kept, name));
  } catch {
    return [];
  }
}
