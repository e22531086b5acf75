/**
 * The one tree walker: every file below a folder, as paths relative to that
 * folder with forward slashes (the form URLs, bucket keys and content paths
 * take), sorted so every run sees the same order whatever the file system.
 * Folders it is told to leave out are not read at all.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { ListMessage } from "./files.worker.ts";
import { perKey } from "./memo.ts";
import { WorkerThread } from "./workers.ts";

export interface FilesUnderOptions {
  /** Folder names whose contents are left out wherever they stand (`node_modules`, `fixtures`). */
  skipDirs?: Iterable<string>;
  /** Leave out files and folders whose name starts with a dot. */
  skipHidden?: boolean;
  /** Folders left out, as paths relative to the folder walked (`pagefind`, `en/pagefind`). */
  skipPaths?: Iterable<string>;
}

/**
 * A file's stamp, from its stats: what tells a file changed between two looks
 * (../core/file-memo.ts, and the worker that reads the content early).
 */
export function statStamp(stat: { mtimeMs: number; size: number }): string {
  return `${stat.mtimeMs}:${stat.size}`;
}

/** How a content folder is walked: the folders that hold no pages, and hidden files, left out. */
export const CONTENT_WALK: FilesUnderOptions = { skipDirs: ["node_modules", "_includes", "_data"], skipHidden: true };

export function filesUnder(dir: string, options: FilesUnderOptions = {}): string[] {
  const skipNames = new Set(options.skipDirs);
  const skipPaths = new Set(options.skipPaths);
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(rel ? path.join(dir, rel) : dir, { withFileTypes: true })) {
      if (options.skipHidden && entry.name.startsWith(".")) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skipNames.has(entry.name) && !skipPaths.has(child)) walk(child);
      } else if (entry.isFile()) found.push(child);
    }
  };
  walk("");
  return found.sort();
}

/**
 * {@link filesUnder}, walked in a worker thread (./files.worker.ts) while the
 * calling thread goes on. `npm run build` lists the last build's output as it
 * begins, for the sweep at its end (scripts/deploy/build-marker.ts): read
 * there, the 3,000 folders of a 1,000-post site took the thread that renders
 * 0.2 s, after the last page.
 */
export async function filesUnderInWorker(dir: string, options: ListMessage["options"] = {}): Promise<string[]> {
  const worker = new WorkerThread(new URL("./files.worker.ts", import.meta.url), { yieldCores: true });
  try {
    return await worker.call<string[]>({ dir, options } satisfies ListMessage);
  } finally {
    await worker.stop();
  }
}

/**
 * A path as Eleventy's passthrough copy wants it: relative to the working
 * folder, with forward slashes. (Eleventy cannot copy from a content folder
 * outside the working folder: scripts/build.ts refuses one with a message.)
 */
export function passthroughPath(absolute: string): string {
  return path.relative(process.cwd(), absolute).split(path.sep).join("/") || ".";
}

/**
 * `path.resolve(file)`, kept: Eleventy gives each template's path relative
 * (`./content/blog/…`), and several passes of every rebuild ask for the
 * absolute one of every template (thousands at 4,000 posts).
 */
export const absolutePath: (file: string) => string = perKey((file: string) => path.resolve(file), 100_000);

/** A relative path that is not written the shortest way: a `.` or `..` segment, a leading, doubled or trailing separator. */
const NOT_NORMAL = /(^|[\\/])\.{1,2}([\\/]|$)|^[\\/]|[\\/]{2}|[\\/]$/;

/**
 * `path.relative(dir, file)`, with forward slashes, for `file` inside the
 * absolute `dir`, from the two strings alone: the passes over every page of a
 * build ask it of each, and path.relative resolves both paths again each time
 * (0.1 s of a 4,000-post rebuild's profile). Any other pair goes through
 * path.relative.
 */
export function relativePath(dir: string, file: string): string {
  const prefix = dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`;
  const rest = file.startsWith(prefix) && path.isAbsolute(dir) ? file.slice(prefix.length) : undefined;
  const rel = rest !== undefined && !NOT_NORMAL.test(rest) ? rest : path.relative(dir, file);
  return path.sep === "/" ? rel : rel.split(path.sep).join("/");
}

