/**
 * A value computed from one file, computed again only when the file changed
 * (its modification time or size). `npm start` runs the build's whole-site
 * passes (translation report, originals, tag spellings) before every rebuild:
 * with this, a saved post costs one file's reading, not the whole site's.
 * In `npm run build` each file is read once, as before, plus one `stat`.
 */
import { statSync } from "node:fs";
import path from "node:path";

export function perFile<T>(compute: (absolute: string) => T, stampOf: (absolute: string) => string | undefined = fileStamp): (absolute: string) => T {
  const memo = new Map<string, { stamp: string; value: T }>();
  return (absolute) => {
    const stamp = stampOf(absolute);
    if (stamp === undefined) return compute(absolute);
    const kept = memo.get(absolute);
    if (kept?.stamp === stamp) return kept.value;
    const value = compute(absolute);
    memo.set(absolute, { stamp, value });
    return value;
  };
}

/** A file's modification time and size; undefined when it cannot be read. */
export function fileStamp(absolute: string): string | undefined {
  try {
    const stat = statSync(absolute);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return undefined;
  }
}

/**
 * {@link fileStamp} plus its folder's modification time, for a value that also
 * depends on the files beside it (a photo added or removed changes the folder).
 */
export function fileAndFolderStamp(absolute: string): string | undefined {
  const own = fileStamp(absolute);
  if (own === undefined) return undefined;
  try {
    return `${own}:${statSync(path.dirname(absolute)).mtimeMs}`;
  } catch {
    return undefined;
  }
}
