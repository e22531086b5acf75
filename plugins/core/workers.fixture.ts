/** A worker for ./workers.test.ts (not a `*.worker.ts`: no build bundles it): adds what it is posted, answers the total. */
import { writeFileSync } from "node:fs";
import { serveMessages } from "./workers.ts";

export type SumMessage = { add: number } | { total: true } | { fail: string } | { exit: number } | { onStopWrite: string };

let sum = 0;
/** A file the worker's own stop writes the total into. */
let stopFile: string | undefined;
serveMessages(
  (message: SumMessage) => {
    if ("fail" in message) throw new Error(message.fail);
    if ("exit" in message) process.exit(message.exit);
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
