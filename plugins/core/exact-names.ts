/**
 * Files looked up by their exact name. A Mac's or a Windows PC's disk finds
 * `Groupe.jpg` when the folder holds `groupe.jpg`; the Linux machine that
 * builds the site for publishing does not, and neither does the web server.
 * A name found only because the writer's disk ignores case builds there, and
 * breaks once published: a missing photo in CI, a broken link on the site.
 *
 * So a name counts only when its folder lists it with these very letters, on
 * every system alike (and the check of a wrong case runs, and is tested, on
 * Linux too). Names are compared in NFC, the form the content is read in: a
 * Mac may list "é" as "e" and an accent, and finds it either way.
 */
import { readdirSync, statSync, type Stats } from "node:fs";
import path from "node:path";

/** A file under its exact name, or what the folder has instead: the same name in other capitals, if any. */
export type ExactLookup = { stats: Stats; file: string; otherCase?: undefined } | { stats?: undefined; file?: undefined; otherCase?: string };

interface Listing {
  mtimeMs: number;
  /** NFC name → name on disk. */
  names: Map<string, string>;
  /** Lowercase NFC name → name on disk. */
  lower: Map<string, string>;
}

/** Each folder's names, read again when the folder changed (a file added, removed or renamed in it). */
const listings = new Map<string, Listing>();

function listing(dir: string): Listing | undefined {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return undefined;
  const kept = listings.get(dir);
  if (kept?.mtimeMs === stat.mtimeMs) return kept;
  const names = new Map<string, string>();
  const lower = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const nfc = name.normalize("NFC");
    names.set(nfc, name);
    lower.set(nfc.toLowerCase(), name);
  }
  const read = { mtimeMs: stat.mtimeMs, names, lower };
  listings.set(dir, read);
  return read;
}

/** `file` (absolute) if its folder lists it by exactly that name and it is a file; else the folder's name for it in other capitals. */
export function exactFile(file: string): ExactLookup {
  const dir = path.dirname(file);
  const listed = listing(dir);
  if (!listed) return {};
  const name = path.basename(file).normalize("NFC");
  const onDisk = listed.names.get(name);
  if (onDisk !== undefined) {
    // Asked for as written: a name listed with its accents composed otherwise is found where
    // the disk finds it (a Mac's does; Linux's, which publishes, does not).
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats?.isFile() ? { stats, file } : {};
  }
  const other = listed.lower.get(name.toLowerCase());
  return other === undefined ? {} : { otherCase: other };
}

/** Said after the name the folder has, whenever a file was written in other capitals. */
export const CASE_SENSITIVE = "(names are case-sensitive once published)";

/** A path as written (`photos/Stand.jpg`) with its file name replaced by `name`, the folder's (`photos/stand.JPG`): what to write instead. */
export function writtenAs(written: string, name: string): string {
  return written.slice(0, written.length - path.posix.basename(written).length) + name;
}
