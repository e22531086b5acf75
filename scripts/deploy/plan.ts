/**
 * The deploy plan: what to upload, in which order, and what to delete.
 * Pure functions of the local files, the bucket listing and the manifest.
 *
 * Phases (each waits for the previous one):
 *   assets  everything a page may load (fingerprinted files first)
 *   pages   HTML pages
 *   feeds   RSS/Atom/JSON feeds, iCalendar files, sitemaps, robots.txt
 *   home    index.html, <lang>/index.html, 404.html, <lang>/404.html
 * so a visitor never gets a page that points to something not uploaded yet.
 */
import type { CacheClass } from "./content-types.ts";

export interface LocalFile {
  key: string;
  /** Absolute path on disk. */
  path: string;
  size: number;
  /** Hex MD5 of the bytes: what S3 returns as ETag for a single-part upload. */
  md5: string;
  contentType: string;
  cacheControl: string;
  cacheClass: CacheClass;
  headerHash: string;
}

export interface RemoteObject {
  key: string;
  /** ETag without quotes, lower case. */
  etag: string;
  size: number;
}

export type Phase = "assets" | "pages" | "feeds" | "home";
export const PHASES: readonly Phase[] = ["assets", "pages", "feeds", "home"];

/** new: not in the bucket; changed: other bytes; headers: same bytes, other Content-Type or Cache-Control. */
export type Reason = "new" | "changed" | "headers";

export interface Upload {
  file: LocalFile;
  reason: Reason;
}

export interface Diff {
  uploads: Upload[];
  /** Same bytes, but the manifest cannot vouch for their headers: HEAD them. */
  verify: LocalFile[];
  unchanged: LocalFile[];
  /** Keys in the bucket that the build no longer has. */
  stale: string[];
}

export interface PhasePlan {
  phase: Phase;
  /** Uploaded one after the other; within a wave, in parallel. */
  waves: Upload[][];
  count: number;
  bytes: number;
}

export const REQUIRED_FILES = ["index.html", "404.html"] as const;
export const DELETE_BATCH = 1000;

const LANG_HOME = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?\/(index|404)\.html$/;
const FEED_TYPE = /^(application\/(rss\+xml|atom\+xml|feed\+json)|text\/calendar)\b/;

export function phaseOf(key: string, contentType: string): Phase {
  if (key === "index.html" || key === "404.html" || LANG_HOME.test(key)) return "home";
  const base = key.slice(key.lastIndexOf("/") + 1);
  if (FEED_TYPE.test(contentType) || /^sitemap.*\.xml$/.test(base) || key === "robots.txt") return "feeds";
  if (/\.html?$/.test(base)) return "pages";
  return "assets";
}

export function normaliseEtag(etag: string | undefined): string {
  return (etag ?? "").replace(/^W\//, "").replace(/"/g, "").toLowerCase();
}

export function diff(
  local: readonly LocalFile[],
  remote: ReadonlyMap<string, RemoteObject>,
  manifest: ReadonlyMap<string, string> | null,
  reserved: ReadonlySet<string> = new Set(),
): Diff {
  const result: Diff = { uploads: [], verify: [], unchanged: [], stale: [] };
  const localKeys = new Set<string>();
  for (const file of local) {
    localKeys.add(file.key);
    const object = remote.get(file.key);
    if (!object) result.uploads.push({ file, reason: "new" });
    else if (object.etag !== file.md5) result.uploads.push({ file, reason: "changed" });
    else if (manifest?.get(file.key) === file.headerHash) result.unchanged.push(file);
    else result.verify.push(file);
  }
  for (const key of remote.keys()) {
    if (!localKeys.has(key) && !reserved.has(key)) result.stale.push(key);
  }
  result.stale.sort();
  return result;
}

/** Settles the files that were HEADed: same header hash in their metadata, or upload again. */
export function resolveVerified(
  verified: readonly LocalFile[],
  remoteHashes: ReadonlyMap<string, string | undefined>,
): { uploads: Upload[]; unchanged: LocalFile[] } {
  const uploads: Upload[] = [];
  const unchanged: LocalFile[] = [];
  for (const file of verified) {
    if (remoteHashes.get(file.key) === file.headerHash) unchanged.push(file);
    else uploads.push({ file, reason: "headers" });
  }
  return { uploads, unchanged };
}

export function phasesOf(uploads: readonly Upload[]): PhasePlan[] {
  return PHASES.map((phase) => {
    const mine = uploads
      .filter((u) => phaseOf(u.file.key, u.file.contentType) === phase)
      .sort((a, b) => (a.file.key < b.file.key ? -1 : a.file.key > b.file.key ? 1 : 0));
    const fingerprinted = mine.filter((u) => u.file.cacheClass === "immutable");
    const rest = mine.filter((u) => u.file.cacheClass !== "immutable");
    return {
      phase,
      waves: [fingerprinted, rest].filter((w) => w.length > 0),
      count: mine.length,
      bytes: mine.reduce((sum, u) => sum + u.file.size, 0),
    };
  });
}

export interface SafetyInput {
  localKeys: ReadonlySet<string>;
  remoteCount: number;
  staleCount: number;
  maxDeleteShare: number;
  allowMassDelete: boolean;
}

/** Reasons to refuse the whole deploy, before anything is uploaded. */
export function safetyProblems(input: SafetyInput): string[] {
  const problems: string[] = [];
  const missing = REQUIRED_FILES.filter((f) => !input.localKeys.has(f));
  if (missing.length > 0) {
    problems.push(`The build lacks ${missing.join(" and ")}: it looks incomplete, so nothing was uploaded or deleted.`);
  }
  if (!input.allowMassDelete && input.remoteCount > 0) {
    const share = input.staleCount / input.remoteCount;
    if (share > input.maxDeleteShare) {
      problems.push(
        `This deploy would delete ${input.staleCount} of the ${input.remoteCount} objects in the bucket ` +
          `(${Math.round(share * 100)}%, more than the ${Math.round(input.maxDeleteShare * 100)}% limit). ` +
          `Check the build; if that is really intended, run again with --allow-mass-delete (or --max-delete <percent>).`,
      );
    }
  }
  return problems;
}

export function batches<T>(items: readonly T[], size = DELETE_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
