/**
 * Work moved off the build's main thread. Eleventy renders and writes every
 * page on one thread, and the machines the site builds on have two cores or
 * more: a pass that only reads the written pages (the link check's scan) runs
 * in a worker thread while the main thread goes on with the next page.
 *
 * A worker's module is a `*.worker.ts` file beside the plugin that starts it.
 * `npm run build` runs it compiled, like the rest (scripts/compiled.mjs
 * bundles every `plugins/**\/*.worker.ts`). Under tsx (`npm start`, the tests)
 * a worker thread does not inherit tsx's loader: ./worker-tsx.mjs registers
 * it in the thread, then imports the module.
 *
 * The main side posts messages, which the worker reads in order, and calls
 * (a message that waits for the worker's answer). A worker that fails makes
 * the next call, or the one waiting, fail with its error.
 */
import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parentPort, Worker, workerData } from "node:worker_threads";
import { compiledModule } from "./compiled.ts";
import { keptResultsPlace, useKeptResultsPlace, type KeptResultsPlace } from "./kept-results.ts";

/**
 * What a worker is started with: its module (read by ./worker-tsx.mjs), whether
 * it yields the cores, and where the build keeps its results (./kept-results.ts).
 */
interface WorkerSetup {
  module: string;
  yieldCores: boolean;
  kept: KeptResultsPlace | undefined;
}

/**
 * What a worker receives: messages in order, the last one a call when `id` is
 * set (answered); or the request to stop, answered with `{ stopped: true }`.
 */
type Incoming = { id?: number; messages: unknown[] } | { stop: true };
/** Messages posted in one `postMessage` (see {@link WorkerThread.post}). */
const BATCH = 64;

/** What a worker answers a call with (or a stop with). */
type Answer = { id: number; result?: unknown; error?: string } | { stopped: true };

/**
 * How much nicer than the main thread a worker that yields the cores is
 * ({@link WorkerThread}'s `yieldCores`): Linux gives a thread 10 steps nicer
 * than another about a tenth of a core they both want.
 */
const YIELDING_STEPS = 10;
/** The nicest a thread can be. */
const NICEST = 19;

/** How long {@link WorkerThread.stop} lets the worker's own stop run before ending the thread. */
const STOP_WAIT_MS = 10_000;

export class WorkerThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private queued: unknown[] = [];
  private failure: Error | undefined;
  private stopped: (() => void) | undefined;

  /**
   * Starts the worker of `moduleUrl` (its `import.meta.url`-relative URL, `*.worker.ts`).
   * A `background` worker never keeps the process running, not even while a
   * call waits for it: its work is only worth having while something else runs.
   *
   * A worker that `yieldCores` runs at a lower priority (Linux only), and so do
   * the processes it starts: its work is waited for only once the main thread
   * has rendered every page, and the main thread is what a build waits for. In a
   * 1,000-post build, the link check's worker and Pagefind's kept the main
   * thread waiting for a core 1.4 s in all (its run-queue time in
   * /proc/<pid>/task/<tid>/schedstat); yielding, 0.9 s, and the build's wall
   * time went down 3 % (medians of 8 builds taking turns: 5.63 → 5.45 s). Only
   * the link check's worker yields now: Pagefind's work grows with the pages'
   * text, and yielding, it was left with most of it after the last page (its
   * tail at 4,000 posts: 5.2-5.9 s, against 1.8-2.3 s at its own priority).
   */
  constructor(
    moduleUrl: URL,
    private readonly options: { background?: boolean; yieldCores?: boolean } = {},
  ) {
    const source = fileURLToPath(moduleUrl);
    const compiled = compiledModule(source);
    // Pages pass through a worker, few of its objects live long: a young
    // generation of 16 MB. At 4 MB, the two workers of a 1,000-post build
    // spent 441 ms in 221 scavenges, against 171 ms in 57 (8 MB: 231 ms in
    // 109; 32 MB: 172 ms in 44), for 20 MB more at the build's peak (40 MB at 4,000 posts).
    const resourceLimits = { maxYoungGenerationSizeMb: 16 };
    const data: WorkerSetup = { module: pathToFileURL(source).href, yieldCores: options.yieldCores ?? false, kept: keptResultsPlace() };
    this.worker = compiled
      ? new Worker(compiled, { resourceLimits, workerData: data })
      : new Worker(new URL("./worker-tsx.mjs", import.meta.url), { resourceLimits, workerData: data });
    this.worker.on("message", (answer: Answer) => {
      if ("stopped" in answer) return this.stopped?.();
      const { id, result, error } = answer;
      const call = this.waiting.get(id);
      this.waiting.delete(id);
      if (this.waiting.size === 0) this.worker.unref();
      if (error === undefined) call?.resolve(result);
      else call?.reject(new Error(error));
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const call of this.waiting.values()) call.reject(this.failure);
      this.waiting.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => {
      fail(new Error(`the worker ${source} stopped (exit code ${code})`));
      this.stopped?.();
    });
    // A dev server's worker lives as long as the process; it keeps it running
    // only while a call waits for it.
    this.worker.unref();
  }

  /**
   * A message the worker handles in turn; nothing is waited for. Messages go
   * in batches: one `postMessage` a page cost the 1,000-post build 0.3 s of
   * its main thread, one every 64 pages a third of that.
   */
  post(message: unknown): void {
    if (this.failure) return;
    this.queued.push(message);
    if (this.queued.length >= BATCH) this.flush();
  }

  /** A message whose answer is waited for, after every message posted before it. */
  call<T>(message: unknown): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (!this.options.background) this.worker.ref();
      this.queued.push(message);
      this.flush(id);
    });
  }

  private flush(id?: number): void {
    const messages = this.queued;
    this.queued = [];
    this.worker.postMessage({ id, messages } satisfies Incoming);
  }

  /**
   * Stops the worker (a one-off build is over, or failed): messages not yet
   * handled are dropped, the worker's own stop runs (serveMessages' `onStop`:
   * a child process to end, for one), then the thread ends.
   */
  async stop(): Promise<void> {
    if (!this.failure) {
      this.failure = new Error("the worker was stopped");
      this.queued = [];
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.stopped = resolve;
        timer = setTimeout(resolve, STOP_WAIT_MS);
        this.worker.ref();
        this.worker.postMessage({ stop: true } satisfies Incoming);
      });
      clearTimeout(timer);
    }
    await this.worker.terminate();
  }
}

/**
 * In the worker's module: handles each message in the order posted, and
 * answers calls. A message that throws fails the next call. `onStop` runs when
 * the main side stops the worker, the messages still queued left unhandled.
 */
export function serveMessages(handle: (message: never) => unknown, onStop?: () => unknown): void {
  if (!parentPort) throw new Error("serveMessages runs in a worker thread");
  const port = parentPort;
  const setup = workerData as WorkerSetup | undefined;
  if (setup?.yieldCores) yieldCores();
  useKeptResultsPlace(setup?.kept);
  let failed: string | undefined;
  let stopping = false;
  let queue = Promise.resolve();
  port.on("message", (incoming: Incoming) => {
    if ("stop" in incoming) {
      stopping = true;
      void (async () => onStop?.())()
        .catch(() => undefined)
        .finally(() => port.postMessage({ stopped: true } satisfies Answer));
      return;
    }
    const { id, messages } = incoming;
    queue = queue.then(async () => {
      for (const [i, message] of messages.entries()) {
        if (stopping) return;
        const answered = id !== undefined && i === messages.length - 1;
        try {
          if (failed !== undefined) throw new Error(failed);
          const result = await handle(message as never);
          if (answered) port.postMessage({ id, result } satisfies Answer);
        } catch (error) {
          const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
          if (answered) port.postMessage({ id, error: text } satisfies Answer);
          else failed ??= text;
        }
      }
    });
  });
}

/**
 * Lowers the calling thread's priority, which the threads and processes it
 * starts inherit. On Linux a thread has a priority of its own, set through its
 * id (/proc/thread-self names it); elsewhere the priority is the whole
 * process's, and it is left as it is.
 */
function yieldCores(): void {
  if (process.platform !== "linux") return;
  try {
    const tid = Number(path.basename(readlinkSync("/proc/thread-self")));
    setPriority(tid, Math.min(getPriority(tid) + YIELDING_STEPS, NICEST));
  } catch {
    // No /proc, or a system that refuses it: the worker runs at the main thread's priority.
  }
}
