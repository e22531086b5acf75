/**
 * A value computed from one file, computed again only when the file changed
 * (its modification time or size). `npm start` runs the build's whole-site
 * passes (translation report, originals, tag spellings) before every rebuild:
 * with this, a saved post costs one file's reading, not the whole site's.
 * In `npm run build` each file is read once, as before, plus one `stat`.
 */
import { statSync } from "node:fs";

export function perFile<T>(compute: (absolute: string) => T): (absolute: string) => T {
  const memo = new Map<string, { stamp: string; value: T }>();
  return (absolute) => {
    let stamp: string;
    try {
      const stat = statSync(absolute);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return compute(absolute);
    }
    const kept = memo.get(absolute);
    if (kept?.stamp === stamp) return kept.value;
    const value = compute(absolute);
    memo.set(absolute, { stamp, value });
    return value;
  };
}
