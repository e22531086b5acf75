/** A worker for ./workers.test.ts (not a `*.worker.ts`: no build bundles it): adds what it is posted, answers the total. */
import { serveMessages } from "./workers.ts";

export type SumMessage = { add: number } | { total: true } | { fail: string } | { exit: number };

let sum = 0;
serveMessages((message: SumMessage) => {
  if ("fail" in message) throw new Error(message.fail);
  if ("exit" in message) process.exit(message.exit);
  if ("add" in message) {
    sum += message.add;
    return undefined;
  }
  return sum;
});
