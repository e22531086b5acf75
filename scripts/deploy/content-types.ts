/**
 * Content-Type and Cache-Control for every file of the built site.
 *
 * Garage never guesses a Content-Type: whatever we send is what visitors get,
 * so the table is explicit. Text types carry `charset=utf-8`. Feeds are told
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

export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
export const CACHE_REVALIDATE = "public, max-age=0, must-revalidate";
export const CACHE_DAY = "public, max-age=86400";

export type CacheClass = "immutable" | "revalidate" | "day";

const CACHE_VALUES: Record<CacheClass, string> = {
  immutable: CACHE_IMMUTABLE,
  revalidate: CACHE_REVALIDATE,
  day: CACHE_DAY,
};

const UTF8 = "; charset=utf-8";

/** Extension (lower case, no dot) → Content-Type. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: "text/html" + UTF8,
  htm: "text/html" + UTF8,
  css: "text/css" + UTF8,
  js: "text/javascript" + UTF8,
  mjs: "text/javascript" + UTF8,
  txt: "text/plain" + UTF8,
  md: "text/markdown" + UTF8,
  csv: "text/csv" + UTF8,
  ics: "text/calendar" + UTF8,
  vcf: "text/vcard" + UTF8,
  asc: "text/plain" + UTF8,
  xml: "application/xml" + UTF8,
  xsl: "application/xslt+xml" + UTF8,
  rss: "application/rss+xml" + UTF8,
  atom: "application/atom+xml" + UTF8,
  json: "application/json" + UTF8,
  map: "application/json" + UTF8,
  webmanifest: "application/manifest+json" + UTF8,
  pdf: "application/pdf",
  avif: "image/avif",
  webp: "image/webp",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  svg: "image/svg+xml",
  ico: "image/vnd.microsoft.icon",
  woff2: "font/woff2",
  woff: "font/woff",
  ttf: "font/ttf",
  otf: "font/otf",
  wasm: "application/wasm",
  mp4: "video/mp4",
  webm: "video/webm",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  opus: "audio/ogg",
  zip: "application/zip",
  gz: "application/gzip",
  epub: "application/epub+zip",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
  // Pagefind: binary chunks, and its gzipped wasm named wasm.<lang>.pagefind.
  pf_meta: "application/octet-stream",
  pf_index: "application/octet-stream",
  pf_fragment: "application/octet-stream",
  pf_filter: "application/octet-stream",
  pagefind: "application/octet-stream",
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

function extensionOf(key: string): string {
  const base = path.posix.basename(key);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1).toLowerCase();
}

/** Refines `.xml` and `.json` by looking at the first bytes of the file. */
export function sniffType(ext: string, key: string, head: string): string | undefined {
  const base = path.posix.basename(key).toLowerCase();
  if (ext === "json") {
    if (base === "feed.json" || base.endsWith(".feed.json")) return "application/feed+json" + UTF8;
    if (/"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(head)) return "application/feed+json" + UTF8;
  }
  if (ext === "xml") {
    const body = head.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
    const root = /<([A-Za-z][\w:.-]*)/.exec(body)?.[1];
    if (root === "rss" || root === "rdf:RDF") return "application/rss+xml" + UTF8;
    if (root === "feed") return "application/atom+xml" + UTF8;
  }
  return undefined;
}

export function contentTypeOf(key: string, head = ""): { type: string; known: boolean } {
  const ext = extensionOf(key);
  const sniffed = sniffType(ext, key, head);
  if (sniffed) return { type: sniffed, known: true };
  const type = CONTENT_TYPES[ext];
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
