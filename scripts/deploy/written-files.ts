/**
 * What `npm run build` wrote into its output folder: each file's digest, with
 * its size and modification time then. A build writes over the last one, and a
 * page that comes out the same is only touched
 * (patches/@11ty+eleventy+3.1.7.patch, `templateHandling.lastWritten`). Telling
 * that the bytes are the same meant reading each file back: 0.2 s of a
 * 1,000-post rebuild, on the thread that renders. A file whose size and
 * modification time are still those recorded holds the bytes recorded, so the
 * digest of the new bytes is enough; any other file (edited by hand, put back
 * by a copy, never recorded) is still read and compared.
 *
 * Kept between builds in .cache/compiled/ (plugins/core/kept-results.ts), one
 * file per output folder; written only by a build that finished.
 */
import { createHash } from "node:crypto";
import { readFileSync, type Stats } from "node:fs";
import path from "node:path";
import { keptFile, writeWhole } from "../../plugins/core/kept-results.ts";

interface Written {
  digest: string;
  size: number;
  mtimeMs: number;
}

const digestOf = (content: string | Uint8Array) => createHash("sha1").update(content).digest("base64url");

export class WrittenFiles {
  private readonly last: Map<string, Written>;
  private readonly now = new Map<string, Written>();
  /** The digest {@link same} worked out, for {@link record} of the same file. */
  private readonly digests = new Map<string, string>();

  /**
   * `file`: where the record is kept (none: every file is compared by reading it).
   * Files are named as Eleventy names them (from the output folder as it was given).
   */
  constructor(private readonly file: string | undefined) {
    let last: Record<string, Written> = {};
    try {
      if (file) last = JSON.parse(readFileSync(file, "utf8")) as Record<string, Written>;
    } catch {
      // None yet, or unreadable: every file is read back once.
    }
    this.last = new Map(Object.entries(last));
  }

  /** The record of `output` in the place a compiled build keeps its files; without one, nothing is recorded. */
  static forOutput(output: string): WrittenFiles {
    return new WrittenFiles(keptFile(`written-${createHash("sha1").update(path.resolve(output)).digest("hex").slice(0, 12)}.json`));
  }

  /**
   * Whether the file at `filePath` (as `stat` found it) holds `content`, when
   * its record tells: undefined when the file is not as the last build left it.
   */
  same(filePath: string, content: string | Uint8Array, stat: Stats): boolean | undefined {
    if (!this.file) return undefined;
    const was = this.last.get(filePath);
    const digest = digestOf(content);
    this.digests.set(filePath, digest);
    if (!was || was.size !== stat.size || was.mtimeMs !== stat.mtimeMs) return undefined;
    return was.digest === digest;
  }

  /** `filePath` holds `content` now, with this `stat` (after writing it, or finding it the same). */
  record(filePath: string, content: string | Uint8Array, stat: Stats): void {
    if (!this.file) return;
    const digest = this.digests.get(filePath) ?? digestOf(content);
    this.digests.delete(filePath);
    this.now.set(filePath, { digest, size: stat.size, mtimeMs: stat.mtimeMs });
  }

  /** Keeps the record of this build's files for the next one. */
  save(): void {
    if (!this.file) return;
    writeWhole(this.file, JSON.stringify(Object.fromEntries(this.now)));
  }
}
