/**
 * What `npm run build` wrote into its output folder: each file's digest, with
 * its size and modification time then. A build writes over the last one, and a
 * page that comes out the same is left as it is
 * (patches/@11ty+eleventy+3.1.7.patch, `templateHandling.lastWritten`): the
 * record tells the sweep after the build that it is this build's. Telling
 * that the bytes are the same meant reading each file back: 0.2 s of a
 * 1,000-post rebuild, on the thread that renders. A file whose size and
 * modification time are still those recorded holds the bytes recorded, so the
 * digest of the new bytes is enough; any other file (edited by hand, put back
 * by a copy, never recorded) is still read and compared. A file found the same
 * was touched (its ctime, by which the sweep told this build's files from the
 * last one's): 71 ms of chmod at 1,000 posts; a recorded one no longer is.
 *
 * Kept between builds in .cache/compiled/ (plugins/core/kept-results.ts), one
 * file per output folder; written only by a build that finished.
 */
import type { Stats } from "node:fs";
import path from "node:path";
import { FileStates } from "../../plugins/core/file-states.ts";
import { contentDigest } from "../../plugins/core/kept-results.ts";

export class WrittenFiles {
  /** The digest {@link same} worked out, for {@link record} of the same file. */
  private readonly digests = new Map<string, string>();

  /** Files are named as Eleventy names them (from the output folder as it was given). */
  constructor(private readonly states: FileStates<string>) {}

  /** The record of `output` in the place a compiled build keeps its files; without one, nothing is recorded. */
  static forOutput(output: string): WrittenFiles {
    return new WrittenFiles(FileStates.of<string>("written", output));
  }

  /**
   * Whether the file at `filePath` (as `stat` found it) holds `content`, when
   * its record tells: undefined when the file is not as the last build left it.
   */
  same(filePath: string, content: string | Uint8Array, stat: Stats): boolean | undefined {
    if (!this.states.kept) return undefined;
    const digest = contentDigest(content);
    this.digests.set(filePath, digest);
    const was = this.states.get(filePath, stat);
    return was === undefined ? undefined : was === digest;
  }

  /**
   * `filePath` holds `content` now, with this `stat` (after writing it, or finding it the same).
   * Returns whether it is recorded: then the build's sweep knows it is this build's
   * ({@link files}), and a file found the same need not be touched.
   */
  record(filePath: string, content: string | Uint8Array, stat: Stats): boolean {
    if (!this.states.kept) return false;
    const digest = this.digests.get(filePath) ?? contentDigest(content);
    this.digests.delete(filePath);
    this.states.set(filePath, stat, digest);
    return true;
  }

  /** The files this build wrote or found the same, as absolute paths. */
  files(): Set<string> {
    return new Set([...this.states.recordedFiles()].map((file) => path.resolve(file)));
  }

  /** The digest of what this build wrote (or found) in `filePath`, once recorded: the link check's worker looks up its kept scan of the page by it. */
  written(filePath: string): string | undefined {
    return this.states.recorded(filePath);
  }

  /** Keeps the record of this build's files for the next one. */
  save(): void {
    this.states.save();
  }
}
