/**
 * Reads the built site: every file becomes a LocalFile with its key (the path
 * with forward slashes), size, MD5 and headers.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { filesUnder } from "../../plugins/core/files.ts";
import { BUILD_MARKER } from "./build-marker.ts";
import { headerHash, headersFor } from "./content-types.ts";
import type { LocalFile } from "./plan.ts";

export interface ScanResult {
  files: LocalFile[];
  warnings: string[];
}

export async function scanSite(root: string): Promise<ScanResult> {
  // The build's own note on what kind of build this is (at the top) is not part of the site.
  const paths = filesUnder(root)
    .filter((key) => key !== BUILD_MARKER)
    .map((key) => path.join(root, key));
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
