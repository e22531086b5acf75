/** A worker for ./workers.test.ts (not a `*.worker.ts`: no build bundles it): adds what it is posted, answers the total. */
import { execFileSync } from "node:child_process";
import { readlinkSync, writeFileSync } from "node:fs";
import { getPriority } from "node:os";
import path from "node:path";
import { serveMessages } from "./workers.ts";

export type SumMessage = { add: number } | { total: true } | { fail: string } | { exit: number } | { onStopWrite: string } | { niceness: true };

/** The niceness of the worker's thread (Linux), and of a process it starts. */
export interface Niceness {
  thread: number;
  child: number;
}

let sum = 0;
/** A file the worker's own stop writes the total into. */
let stopFile: string | undefined;
serveMessages(
  (message: SumMessage) => {
    if ("fail" in message) throw new Error(message.fail);
    if ("exit" in message) process.exit(message.exit);
    if ("niceness" in message) {
      const thread = getPriority(Number(path.basename(readlinkSync("/proc/thread-self"))));
      const child = Number(execFileSync(process.execPath, ["-p", "require('node:os').getPriority()"], { encoding: "utf8" }));
      return { thread, child } satisfies Niceness;
    }
    if ("onStopWrite" in message) {
      stopFile = message.onStopWrite;
      return undefined;
    }
    if ("add" in message) {
      sum += message.add;
      return undefined;
    }
    return sum;
  },
  () => {
    if (stopFile) writeFileSync(stopFile, String(sum));
  },
);
