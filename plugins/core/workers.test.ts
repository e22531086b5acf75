import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { getPriority, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { test } from "node:test";
import { PROJECT_ROOT } from "./project.ts";
import { WorkerThread } from "./workers.ts";
import type { Niceness, SumMessage } from "./workers.fixture.ts";

const SUM = new URL("./workers.fixture.ts", import.meta.url);

test("a call is answered once every message posted before it is handled, batches included", async () => {
  const worker = new WorkerThread(SUM);
  try {
    for (let n = 1; n <= 200; n++) worker.post({ add: n } satisfies SumMessage);
    assert.equal(await worker.call<number>({ total: true } satisfies SumMessage), 20100);
    worker.post({ add: 1 } satisfies SumMessage);
    assert.equal(await worker.call<number>({ total: true } satisfies SumMessage), 20101);
  } finally {
    await worker.stop();
  }
});

test("a worker that yields the cores runs at a lower priority, and so does a process it starts", { skip: process.platform !== "linux" && "thread priorities are Linux's" }, async () => {
  const main = getPriority();
  const yielding = new WorkerThread(SUM, { yieldCores: true });
  const plain = new WorkerThread(SUM);
  try {
    const lowered = Math.min(main + 10, 19);
    assert.deepEqual(await yielding.call<Niceness>({ niceness: true } satisfies SumMessage), { thread: lowered, child: lowered });
    assert.deepEqual(await plain.call<Niceness>({ niceness: true } satisfies SumMessage), { thread: main, child: main });
    // The main thread keeps its own.
    assert.equal(getPriority(), main);
  } finally {
    await Promise.all([yielding.stop(), plain.stop()]);
  }
});

test("a posted message that fails makes the next call fail with its error", async () => {
  const worker = new WorkerThread(SUM);
  try {
    worker.post({ add: 1 } satisfies SumMessage);
    worker.post({ fail: "page 12 could not be read" } satisfies SumMessage);
    await assert.rejects(worker.call({ total: true } satisfies SumMessage), /page 12 could not be read/);
  } finally {
    await worker.stop();
  }
});

test("a worker that stops makes the call waiting for it fail, and the next one", async () => {
  const worker = new WorkerThread(SUM);
  await assert.rejects(worker.call({ exit: 3 } satisfies SumMessage), /stopped \(exit code 3\)/);
  await assert.rejects(worker.call({ total: true } satisfies SumMessage), /stopped \(exit code 3\)/);
});

test("stopping a worker runs its own stop, the messages not yet sent left out", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "workers-"));
  const worker = new WorkerThread(SUM);
  try {
    worker.post({ onStopWrite: path.join(dir, "total") } satisfies SumMessage);
    worker.post({ add: 5 } satisfies SumMessage);
    assert.equal(await worker.call<number>({ total: true } satisfies SumMessage), 5);
    worker.post({ add: 100 } satisfies SumMessage); // still queued on this side: dropped
    await worker.stop();
    assert.equal(readFileSync(path.join(dir, "total"), "utf8"), "5");
    await assert.rejects(worker.call({ total: true } satisfies SumMessage), /stopped/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * What a script printed, run in a process of its own after `lines` (the
 * fixture's URL is `SUM`, WorkerThread imported); it must exit by itself: a
 * worker left holding it would keep it alive until the timeout.
 */
function outputOf(lines: string[]): string {
  const script = [`import { WorkerThread } from ${JSON.stringify(pathToFileURL(path.join(PROJECT_ROOT, "plugins/core/workers.ts")).href)};`, `const SUM = new URL(${JSON.stringify(SUM.href)});`, ...lines].join("\n");
  const dir = mkdtempSync(path.join(tmpdir(), "workers-"));
  try {
    writeFileSync(path.join(dir, "main.mts"), script);
    return execFileSync(process.execPath, ["--import", "tsx", path.join(dir, "main.mts")], { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 30_000 }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a call keeps the process running until it is answered; an idle worker does not", () => {
  const lines = [`const worker = new WorkerThread(SUM);`, `worker.post({ add: 2 });`, `console.log(await worker.call({ total: true }));`, `worker.post({ add: 3 });`];
  assert.equal(outputOf(lines), "2");
});

test("a call to a background worker does not keep the process running", () => {
  const lines = [
    `const worker = new WorkerThread(SUM, { background: true });`,
    `let answer = "not waited for";`,
    `process.on("exit", () => console.log(answer));`,
    `worker.post({ add: 2 });`,
    `worker.call({ total: true }).then((total) => (answer = String(total)));`,
  ];
  assert.equal(outputOf(lines), "not waited for");
});

test("npm run build starts a worker's compiled module, not its source", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "workers-"));
  const compiled = path.join(dir, "sum.worker.mjs");
  // What esbuild makes of a worker: here, one that answers every call "compiled".
  writeFileSync(
    compiled,
    `import { parentPort } from "node:worker_threads";\nparentPort.on("message", ({ id, stop }) => parentPort.postMessage(stop ? { stopped: true } : { id, result: "compiled" }));\n`,
  );
  const key = Symbol.for("chatons-site.compiled");
  const registry = globalThis as Record<symbol, unknown>;
  registry[key] = new Map([[fileURLToPath(SUM), compiled]]);
  const worker = new WorkerThread(SUM);
  try {
    assert.equal(await worker.call({ total: true } satisfies SumMessage), "compiled");
  } finally {
    delete registry[key];
    await worker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
