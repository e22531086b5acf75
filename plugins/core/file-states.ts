/**
 * What a build found in files, kept for the next build with each file's size
 * and modification time then: given back only while the file still has both.
 * A file edited, cut short, put back by a copy or never recorded is read again
 * by the caller. Kept in .cache/compiled/ (./kept-results.ts), one file per
 * record and folder; nothing is kept under tsx (npm start, the tests).
 *
 * The written pages' record (scripts/deploy/written-files.ts: each file's
 * digest) and the search index's (plugins/search/carry-over.ts: each file
 * checked whole, each fragment's page) are two.
 */
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";
import { filesUnder } from "./files.ts";
import { contentDigest, keptFile, readKeptFile, writeWhole } from "./kept-results.ts";

/** What the record asks of a file's stats. */
export type FileStamp = { size: number; mtimeMs: number };

type Recorded<T> = FileStamp & { value: T };

export class FileStates<T> {
  private readonly last: Map<string, Recorded<T>>;
  private readonly now = new Map<string, Recorded<T>>();

  /** `file`: where the record is kept (none: nothing is recorded, every file is read). */
  constructor(private readonly file: string | undefined) {
    let last: Record<string, Recorded<T>> = {};
    try {
      if (file) last = JSON.parse(readKeptFile(file)) as Record<string, Recorded<T>>;
    } catch {
      // None yet, or unreadable: every file is read once.
    }
    this.last = new Map(Object.entries(last));
  }

  /** The record `name` of the files of `folder`, where a compiled build keeps its results. */
  static of<T>(name: string, folder: string): FileStates<T> {
    return new FileStates<T>(keptFile(`${name}-${createHash("sha1").update(path.resolve(folder)).digest("hex").slice(0, 12)}.json`));
  }

  /** Whether anything is recorded (a compiled build). */
  get kept(): boolean {
    return this.file !== undefined;
  }

  /** What the last build recorded of `file`, while `stamp` is still the one it had then. */
  get(file: string, stamp: FileStamp): T | undefined {
    const was = this.last.get(file);
    return was && was.size === stamp.size && was.mtimeMs === stamp.mtimeMs ? was.value : undefined;
  }

  /** `file`, with this `stamp`, holds what `value` says (for the next build). */
  set(file: string, stamp: FileStamp, value: T): void {
    if (this.file) this.now.set(file, { size: stamp.size, mtimeMs: stamp.mtimeMs, value });
  }

  /** What this build set for `file`, if it did. */
  recorded(file: string): T | undefined {
    return this.now.get(file)?.value;
  }

  /** The files this build set, as they were named. */
  recordedFiles(): IterableIterator<string> {
    return this.now.keys();
  }

  /** Keeps what this build set for the next one (only that). */
  save(): void {
    if (this.file) writeWhole(this.file, JSON.stringify(Object.fromEntries(this.now)));
  }
}

/** Files (relative paths) → `size:mtime`. */
export type Stamps = { [file: string]: string };

/**
 * The files under `folder` with their size and modification time; none when it
 * does not exist. Read afresh, not through ./file-memo.ts's `fileStamp`, whose
 * answers last a build: the search index's folder changes during one.
 */
export function folderStamps(folder: string): Stamps {
  const stamps: Stamps = {};
  let files: string[] = [];
  try {
    files = filesUnder(folder);
  } catch {
    return stamps;
  }
  for (const file of files) {
    const { size, mtimeMs } = statSync(path.join(folder, file));
    stamps[file] = `${size}:${mtimeMs}`;
  }
  return stamps;
}

/** A digest of the path, size and modification time of every file under `folders` (absolute). */
export function inputsDigest(folders: readonly string[]): string {
  const distinct = [...new Set(folders)].sort();
  // A folder inside another is walked with the one that holds it; a folder a site does not have holds nothing.
  const walked = distinct.filter((folder) => !distinct.some((other) => folder.startsWith(other + path.sep)));
  return contentDigest(JSON.stringify(walked.map((folder) => [folder, folderStamps(folder)])));
}
