/**
 * The link check's worker thread in `npm run build` (./index.ts starts it):
 * reads each page for its links and ids from its file, as soon as the build
 * has written it (../core/page-written.ts), and works out what they lead to;
 * once the build is written, whether each leads to a file (./links.ts,
 * LinkChecker). Reading the pages took the main thread 0.54 s of a 1,000-post
 * build; here it runs beside the rendering.
 */
import { readFileSync } from "node:fs";
import { KeptResults } from "../core/kept-results.ts";
import { serveMessages } from "../core/workers.ts";
import type { CheckOptions } from "./links.ts";
import { WrittenPages, type CheckReport, type CheckRequest } from "./written-pages.ts";

export type ScanMessage =
  /** A build begins: its links are checked against these options, each page's as far as it can be when it is read. */
  | ({ kind: "start" } & CheckOptions)
  /** A page written (after every other transform): its file holds it; `digest`, its bytes' SHA-1 (base64url), when known. */
  | { kind: "page"; outputPath: string; url: string; digest?: string }
  /** The build is written: check the links of its pages. Answered with a {@link CheckReport}. */
  | ({ kind: "check" } & CheckRequest);

// Each page's scan kept for the next build, by its HTML (../core/kept-results.ts).
const pages = new WrittenPages(new KeptResults("link-scans", "", { ownSave: true }));

serveMessages(async (message: ScanMessage): Promise<CheckReport | undefined> => {
  if (message.kind === "start") pages.start(message);
  else if (message.kind === "page") pages.add(message.outputPath, () => readFileSync(message.outputPath, "utf8"), message.digest, message.url);
  else {
    const report = await pages.check(message);
    // Only once a build is written whole: a failed build never reaches its check.
    pages.save();
    return report;
  }
  return undefined;
});
