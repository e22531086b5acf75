/**
 * `npm start`'s search index, written by a process of its own at the lowest
 * CPU priority: it reads the finished output folder and writes its index
 * (./pagefind.ts), Pagefind's own process inheriting that priority. Indexing
 * in the dev server itself slowed the next save down: with saves a few seconds
 * apart, a save often came while the output was being read and sent to
 * Pagefind (about 0.2 s more per save at 1,000 posts, measured with the bench).
 * Now a rebuild takes the cores first, and stopping the indexer is one signal.
 *
 * Run as a script, this file is that process: its one argument is the JSON of
 * `IndexerJob`, and it prints the index's summary as JSON when it wrote one.
 */
import { spawn } from "node:child_process";
import { setPriority } from "node:os";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../core/project.ts";
import { writeSearchIndex, type IndexOptions, type IndexSummary } from "./pagefind.ts";

/** The lowest priority (the highest niceness) on Linux and macOS. */
const LOWEST_PRIORITY = 19;

export interface IndexerJob {
  output: string;
  site: { url: string; defaultLanguage: string };
  options: IndexOptions;
}

export interface Indexer {
  /** The index's summary, or undefined when stopped before it was written. Rejects when the indexer failed. */
  done: Promise<IndexSummary | undefined>;
  /** Stops it: pages not yet read are not indexed, and nothing is written. */
  stop(): void;
  /** Its process id (tests check its priority). */
  pid: number | undefined;
}

/** Starts indexing `job.output` in a low-priority process. */
export function startIndexer(job: IndexerJob): Indexer {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), JSON.stringify(job)], {
    cwd: PROJECT_ROOT,
    // Its input stays open while the dev server lives: when it closes, the indexer stops.
    stdio: ["pipe", "pipe", "pipe"],
  });
  try {
    if (child.pid !== undefined) setPriority(child.pid, LOWEST_PRIORITY);
  } catch {
    // A system that refuses it indexes at normal priority.
  }
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
  let stopped = false;
  const done = new Promise<IndexSummary | undefined>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (stopped) resolve(undefined);
      else if (code === 0) resolve(stdout.trim() ? (JSON.parse(stdout) as IndexSummary) : undefined);
      else reject(new Error(stderr.trim() || `the indexer stopped (exit ${code})`));
    });
  });
  return {
    done,
    pid: child.pid,
    stop() {
      stopped = true;
      child.kill("SIGTERM");
    },
  };
}

/** The indexer process itself. */
async function main(job: IndexerJob): Promise<void> {
  let outdated = false;
  process.on("SIGTERM", () => {
    outdated = true;
  });
  process.stdin.on("end", () => {
    outdated = true;
  });
  process.stdin.resume();
  (process.stdin as typeof process.stdin & { unref(): void }).unref();
  const summary = await writeSearchIndex(job.output, job.site, job.options, () => outdated);
  if (summary) process.stdout.write(JSON.stringify(summary));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main(JSON.parse(process.argv[2]!) as IndexerJob);
}
