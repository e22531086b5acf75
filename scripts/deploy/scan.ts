/**
 * Reads the built site: every file becomes a LocalFile with its key (the path
 * with forward slashes), size, MD5 and headers.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { BUILD_MARKER } from "./build-marker.ts";
import { headerHash, headersFor } from "./content-types.ts";
import type { LocalFile } from "./plan.ts";

async function walk(root: string, dir: string, found: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // The build's own note on what kind of build this is: not part of the site.
    if (dir === root && entry.name === BUILD_MARKER) continue;
    if (entry.isDirectory()) await walk(root, full, found);
    else if (entry.isFile()) found.push(full);
  }
}

export interface ScanResult {
  files: LocalFile[];
  warnings: string[];
}

export async function scanSite(root: string): Promise<ScanResult> {
  const paths: string[] = [];
  await walk(root, root, paths);
  const limit = pLimit(16);
  const warnings: string[] = [];
  const files = await Promise.all(
    paths.map((full) =>
      limit(async (): Promise<LocalFile> => {
        const bytes = await readFile(full);
        const key = path.relative(root, full).split(path.sep).join("/");
        const headers = headersFor(key, bytes.subarray(0, 4096).toString("utf8"));
        if (headers.warning) warnings.push(headers.warning);
        return {
          key,
          path: full,
          size: bytes.length,
          md5: createHash("md5").update(bytes).digest("hex"),
          contentType: headers.contentType,
          cacheControl: headers.cacheControl,
          cacheClass: headers.cacheClass,
          headerHash: headerHash(headers.contentType, headers.cacheControl),
        };
      }),
    ),
  );
  files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  warnings.sort();
  return { files, warnings };
}
