/**
 * {@link filesUnder} in a worker thread (./files.ts, `filesUnderInWorker`):
 * `npm run build` lists the last build's output while it renders, for the
 * sweep after the build (scripts/deploy/build-marker.ts).
 */
import { filesUnder, type FilesUnderOptions } from "./files.ts";
import { serveMessages } from "./workers.ts";

/** The options as a message carries them: arrays, not any iterable. */
export interface ListMessage {
  dir: string;
  options: { skipDirs?: string[]; skipHidden?: boolean; skipPaths?: string[] };
}

serveMessages(({ dir, options }: ListMessage): string[] => filesUnder(dir, options satisfies FilesUnderOptions));
