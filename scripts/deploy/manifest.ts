/**
 * The deploy manifest: one small object in the bucket that records, for every
 * key, the hash of the Content-Type and Cache-Control it was uploaded with.
 *
 * ListObjectsV2 gives each object's ETag (its MD5) but not its headers. With the
 * manifest, an unchanged file whose header policy is also unchanged costs no
 * request at all; only files the manifest does not vouch for are HEADed (their
 * `x-amz-meta-deploy-headers` metadata holds the same hash). A lost or stale
 * manifest therefore costs HEAD requests, never a wrong result.
 */
import type { LocalFile } from "./plan.ts";

export const MANIFEST_KEY = ".deploy-manifest.json";
export const META_HEADER_HASH = "deploy-headers";

interface ManifestJson {
  version: 1;
  generator: string;
  headers: Record<string, string>;
}

/** Key → header hash, or null when the text is not a manifest this script wrote. */
export function parseManifest(text: string): Map<string, string> | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof json !== "object" || json === null) return null;
  const { version, headers } = json as Partial<ManifestJson>;
  if (version !== 1 || typeof headers !== "object" || headers === null) return null;
  const map = new Map<string, string>();
  for (const [key, hash] of Object.entries(headers)) {
    if (typeof hash === "string") map.set(key, hash);
  }
  return map;
}

export function serializeManifest(files: readonly LocalFile[]): string {
  const headers: Record<string, string> = {};
  for (const file of [...files].sort((a, b) => (a.key < b.key ? -1 : 1))) headers[file.key] = file.headerHash;
  const json: ManifestJson = { version: 1, generator: "scripts/deploy.ts", headers };
  return JSON.stringify(json, null, 0) + "\n";
}
