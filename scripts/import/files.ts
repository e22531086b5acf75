/**
 * The old site's images and attachments, copied into the bundles that use
 * them. A file map (`import-files.json` beside content/) remembers where each
 * address went, so a rerun downloads nothing it already has (nor a file
 * another bundle already holds: it is copied from there); an address that
 * cannot be fetched (offline, 404) is listed with its destination so it can
 * be fetched by hand, and the page keeps its local name: the build then
 * names the missing file and the line that uses it.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pLimit from "p-limit";
import { slugify } from "../new/templates.ts";

/** Tunables: a slow old host must not stall the import, nor a crowd of requests hurt it. */
const FETCH_TIMEOUT_MS = 15_000;
const PARALLEL_DOWNLOADS = 4;

/** Links to these (on the old site) are files to bring along, not pages. */
export const ATTACHMENT = /\.(pdf|epub|odt|ods|odp|docx?|xlsx?|pptx?|zip|gz|txt|csv|mp3|ogg|opus|mp4|webm|png|jpe?g|gif|webp|avif|svg)$/i;

export interface FileMapEntry {
  /** Path from the site's root (`content/blog/2024/x/salle.png`). */
  file: string;
  /** Why it could not be fetched the last time. */
  missing?: string;
}

export type FileMap = Record<string, FileMapEntry>;

/** A safe, readable file name from an address (`/images/Salle%20B.PNG` → `salle-b.png`). */
export function fileNameOf(url: URL): string {
  const last = decodeURIComponent(url.pathname.split("/").filter(Boolean).at(-1) ?? "");
  const dot = last.lastIndexOf(".");
  const stem = slugify(dot > 0 ? last.slice(0, dot) : last, "en");
  const ext = dot > 0 ? last.slice(dot + 1).toLowerCase().replace(/[^a-z0-9]/g, "") : "";
  return `${stem || "file"}${ext ? `.${ext}` : ""}`;
}

/** The files one bundle needs: address → name in the bundle, unique names. */
export class BundleFiles {
  readonly byUrl = new Map<string, string>();
  name(url: URL): string {
    const key = url.href.replace(/#.*$/, "");
    const known = this.byUrl.get(key);
    if (known) return known;
    const wanted = fileNameOf(url);
    let name = wanted;
    const taken = new Set(this.byUrl.values());
    for (let n = 2; taken.has(name) || /^index\.\w+\.md$/.test(name); n++) name = `${n}-${wanted}`;
    this.byUrl.set(key, name);
    return name;
  }
}

export function readFileMap(file: string): FileMap {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as FileMap) : {};
}

export function writeFileMap(file: string, map: FileMap): void {
  const sorted = Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
}

/** The bytes at `url` (http, https or file), or why not. */
export async function fetchBytes(url: string): Promise<{ bytes: Buffer } | { error: string }> {
  if (url.startsWith("file:")) {
    try {
      return { bytes: await readFile(fileURLToPath(url)) };
    } catch (error) {
      return { error: (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message };
    }
  }
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "follow" });
    if (!response.ok) return { error: `HTTP ${response.status}` };
    return { bytes: Buffer.from(await response.arrayBuffer()) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as NodeJS.ErrnoException).code;
    return { error: cause ? `unreachable (${cause})` : (error as Error).message };
  }
}

export interface Download {
  url: string;
  /** Path from the site's root. */
  file: string;
}

export interface DownloadResult {
  fetched: Download[];
  /** Already in its bundle (an earlier run, or put there by hand). */
  present: Download[];
  missing: (Download & { error: string })[];
}

/** Fetches what is not on disk yet; `dryRun` fetches nothing and reports what would be fetched as missing "not fetched (dry run)". */
export async function download(root: string, wanted: Download[], map: FileMap, dryRun: boolean): Promise<DownloadResult> {
  const result: DownloadResult = { fetched: [], present: [], missing: [] };
  const limit = pLimit(PARALLEL_DOWNLOADS);
  await Promise.all(
    wanted.map((want) =>
      limit(async () => {
        const absolute = path.join(root, want.file);
        if (existsSync(absolute)) {
          result.present.push(want);
          map[want.url] = { file: want.file };
          return;
        }
        // Fetched before for another bundle: copied from there, not downloaded again.
        const earlier = map[want.url]?.file;
        if (!dryRun && earlier && earlier !== want.file && existsSync(path.join(root, earlier))) {
          mkdirSync(path.dirname(absolute), { recursive: true });
          copyFileSync(path.join(root, earlier), absolute);
          result.present.push(want);
          return;
        }
        if (dryRun) {
          result.missing.push({ ...want, error: "to fetch (dry run)" });
          return;
        }
        const got = await fetchBytes(want.url);
        if ("error" in got) {
          result.missing.push({ ...want, error: got.error });
          map[want.url] = { file: want.file, missing: got.error };
          return;
        }
        mkdirSync(path.dirname(absolute), { recursive: true });
        writeFileSync(absolute, got.bytes);
        result.fetched.push(want);
        map[want.url] = { file: want.file };
      }),
    ),
  );
  const order = (a: Download, b: Download) => a.file.localeCompare(b.file);
  result.fetched.sort(order);
  result.present.sort(order);
  result.missing.sort(order);
  return result;
}
