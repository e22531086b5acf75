/**
 * Reads the content folder for ./early-files.ts while the build loads: its
 * files (as the languages plugin walks it), then each Markdown file's stamp
 * and text, posted in batches on the port scripts/compiled.mjs hands it. Then
 * it ends.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { workerData, type MessagePort } from "node:worker_threads";
import type { EarlyMessage } from "./early-files.ts";
import { CONTENT_WALK, filesUnder } from "./files.ts";

/** Files a message: small enough for the build to find the first ones soon. */
const BATCH = 100;

const { dir, port } = workerData as { dir: string; port: MessagePort };
const post = (message: EarlyMessage) => port.postMessage(message);
const files = filesUnder(dir, CONTENT_WALK);
post({ files });
let batch: [string, string, string][] = [];
for (const file of files) {
  if (!file.endsWith(".md")) continue;
  const absolute = path.join(dir, file);
  try {
    // As ./file-memo.ts does: the stamp, then the text.
    const stat = statSync(absolute);
    batch.push([absolute, `${stat.mtimeMs}:${stat.size}`, readFileSync(absolute, "utf8")]);
  } catch {
    continue; // gone, or unreadable: the build finds out itself
  }
  if (batch.length === BATCH) {
    post({ read: batch });
    batch = [];
  }
}
post({ read: batch });
post({ done: true });
port.close();
