/**
 * Whole-site passes that read the content folder (validation, the tag
 * spellings, the translation report) share one reading per build: each
 * rebuild of `npm start` walked the folder three times, 0.5 s each at 4,000
 * posts. Outside a build (a script, a test), every call reads afresh.
 */
import { pageOnlyFiles } from "./incremental.ts";

let current: object | undefined;
/** The last build's pass, until a configuration load. */
let last: object | undefined;

/**
 * Called by the core plugin when a build starts (`eleventy.before`) and ends
 * (`eleventy.after`); a configuration load ends any pass and forgets the last.
 * A page-only rebuild of `npm start` (./incremental.ts) adds, deletes and
 * renames nothing: it shares the last build's readings.
 */
export function startBuildPass(): void {
  current = pageOnlyFiles() && last ? last : {};
}
export function endBuildPass(): void {
  last = current;
  current = undefined;
}
export function forgetBuildPasses(): void {
  last = current = undefined;
}

/** `compute(key)`, computed once per build for each key, and on every call outside a build. */
export function perBuild<T>(compute: (key: string) => T): (key: string) => T {
  let pass: object | undefined;
  let memo = new Map<string, T>();
  return (key) => {
    if (!current) return compute(key);
    if (pass !== current) {
      pass = current;
      memo = new Map();
    }
    if (!memo.has(key)) memo.set(key, compute(key));
    return memo.get(key)!;
  };
}
