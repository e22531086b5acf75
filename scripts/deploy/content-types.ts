/**
 * Content-Type and Cache-Control for every file of the built site.
 *
 * Garage never guesses a Content-Type: whatever we send is what visitors get,
 * so every file gets one from the site's table (plugins/core/content-types.ts:
 * mime-db plus the site's overrides; text types carry `charset=utf-8`). Feeds are told
 * apart by their content (`<rss`, `<feed`, JSON Feed's `version`), not only by
 * their name, so the feeds plugin may name them as it likes.
 *
 * Cache-Control has three classes (see README.md beside this file):
 *  - immutable: fingerprinted files (their name changes when their bytes do);
 *  - revalidate: documents and everything that points to fingerprinted files;
 *  - day: other media whose name is stable (PDFs, fonts, bundle images).
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { contentType, extensionOf, JSON_FEED_TYPE } from "../../plugins/core/content-types.ts";

export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
export const CACHE_REVALIDATE = "public, max-age=0, must-revalidate";
export const CACHE_DAY = "public, max-age=86400";

export type CacheClass = "immutable" | "revalidate" | "day";

const CACHE_VALUES: Record<CacheClass, string> = {
  immutable: CACHE_IMMUTABLE,
  revalidate: CACHE_REVALIDATE,
  day: CACHE_DAY,
};

export const FALLBACK_TYPE = "application/octet-stream";

/** eleventy-img's default file name: a 10-character base64url hash, "-", the width. */
export const IMG_HASH_LENGTH = 10;
const IMG_NAME = new RegExp(`^[A-Za-z0-9_-]{${IMG_HASH_LENGTH}}-\\d+\\.(avif|webp|jpe?g|png|gif|svg)$`, "i");
/** `name.<hex hash>.ext` or `name-<hex hash>.ext`: 8+ hex digits, with a letter and a digit. */
const HEX_FINGERPRINT = /[.-](?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}\.[a-z0-9]+$/;
const PAGEFIND_CHUNK = /\.pf_(meta|index|fragment|filter)$/;
const DOCUMENT_EXT = new Set(["html", "htm", "xml", "xsl", "rss", "atom", "json", "webmanifest", "ics", "txt", "css", "js", "mjs", "map", "vcf", "md", "csv"]);

export interface FileHeaders {
  contentType: string;
  cacheControl: string;
  cacheClass: CacheClass;
  /** Set when the extension is unknown: the file is sent as application/octet-stream. */
  warning?: string;
}

/** Refines `.xml` and `.json` by looking at the first bytes of the file. */
export function sniffType(ext: string, key: string, head: string): string | undefined {
  const base = path.posix.basename(key).toLowerCase();
  if (ext === "json") {
    if (base === "feed.json" || base.endsWith(".feed.json")) return JSON_FEED_TYPE;
    if (/"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(head)) return JSON_FEED_TYPE;
  }
  if (ext === "xml") {
    const body = head.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
    const root = /<([A-Za-z][\w:.-]*)/.exec(body)?.[1];
    if (root === "rss" || root === "rdf:RDF") return contentType("feed.rss");
    if (root === "feed") return contentType("feed.atom");
  }
  return undefined;
}

export function contentTypeOf(key: string, head = ""): { type: string; known: boolean } {
  const ext = extensionOf(key);
  const sniffed = sniffType(ext, key, head);
  if (sniffed) return { type: sniffed, known: true };
  const type = contentType(key);
  return type ? { type, known: true } : { type: FALLBACK_TYPE, known: false };
}

export function cacheClassOf(key: string): CacheClass {
  const segments = key.split("/");
  const base = segments[segments.length - 1] ?? key;
  const ext = extensionOf(key);
  if (segments[0] === "img" && IMG_NAME.test(base)) return "immutable";
  if (segments.includes("pagefind")) return PAGEFIND_CHUNK.test(base) ? "immutable" : "revalidate";
  if (HEX_FINGERPRINT.test(base.toLowerCase())) return "immutable";
  if (DOCUMENT_EXT.has(ext)) return "revalidate";
  return "day";
}

export function headersFor(key: string, head = ""): FileHeaders {
  const { type, known } = contentTypeOf(key, head);
  const cacheClass = cacheClassOf(key);
  const headers: FileHeaders = { contentType: type, cacheControl: CACHE_VALUES[cacheClass], cacheClass };
  if (!known) headers.warning = `${key}: unknown extension, sent as ${FALLBACK_TYPE}`;
  return headers;
}

/** Short fingerprint of the header policy of one object, stored as user metadata and in the manifest. */
export function headerHash(contentType: string, cacheControl: string): string {
  return createHash("sha256").update(`${contentType}\n${cacheControl}`).digest("hex").slice(0, 16);
}
