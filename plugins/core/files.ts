/**
 * The one tree walker: every file below a folder, through Node's own recursive
 * `readdir`, as paths relative to that folder with forward slashes (the form
 * URLs, bucket keys and content paths take), sorted so every run sees the same
 * order whatever the file system.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { perKey } from "./memo.ts";

export interface FilesUnderOptions {
  /** Folder names whose contents are left out wherever they stand (`node_modules`, `fixtures`). */
  skipDirs?: Iterable<string>;
  /** Leave out files and folders whose name starts with a dot. */
  skipHidden?: boolean;
}

export function filesUnder(dir: string, options: FilesUnderOptions = {}): string[] {
  const skip = new Set(options.skipDirs);
  const found: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    // parentPath is Node ≥ 20.12's name; `path` the older one.
    const rel = path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join("/");
    const parts = rel.split("/");
    if (parts.slice(0, -1).some((part) => skip.has(part))) continue;
    if (options.skipHidden && parts.some((part) => part.startsWith("."))) continue;
    found.push(rel);
  }
  return found.sort();
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
