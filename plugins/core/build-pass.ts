/**
 * Whole-site passes that read the content folder (validation, the tag
 * spellings, the translation report) share one reading per build: each
 * rebuild of `npm start` walked the folder three times, 0.5 s each at 4,000
 * posts. Outside a build (a script, a test), every call reads afresh.
 */
import { narrowRebuildFiles } from "./incremental.ts";

let current: object | undefined;
/** The instant of the build under way ({@link buildInstant}). */
let instant: Date | undefined;
/** The last build's pass, until a configuration load. */
let last: object | undefined;
/** The pass a configuration load started, until its first build takes it over. */
let loading: object | undefined;

/**
 * Called by the core plugin when a build starts (`eleventy.before`) and ends
 * (`eleventy.after`); a configuration load forgets the last ({@link startConfigPass}).
 * An `npm start` rebuild after new texts, front matter the same
 * (./incremental.ts), adds, deletes and renames nothing: it shares the last
 * build's readings.
 */
export function startBuildPass(): void {
  if (current && current === loading) {
    loading = undefined;
    return;
  }
  current = narrowRebuildFiles() && last ? last : {};
  instant = new Date();
}
export function endBuildPass(): void {
  last = current;
  betweenBuilds();
}
/**
 * `npm start`, as a rebuild starts (`eleventy.beforeWatch`): a build that stopped on
 * an error never ended its pass, and what is read before the next build starts (the
 * languages plugin's bundles, after a page added or deleted) is read afresh.
 */
export function betweenBuilds(): void {
  current = undefined;
  instant = undefined;
}

/**
 * A configuration load starts a pass that its first build continues: the
 * plugins that read the content folder as they register (the languages, the
 * Markdown bundles) and that build's passes share one walk of the folder and
 * one `stat` per file. Each walked it again: 0.25 s to 0.35 s a walk at 4,000 posts.
 */
export function startConfigPass(): void {
  last = undefined;
  current = loading = {};
  instant = new Date();
}

/**
 * The instant a build (with the configuration load before it) started: every
 * page and file of one build sees the same "now". Read afresh at each call,
 * events a few milliseconds apart in one build were published at different
 * times in its feeds, in an order that changed from build to build, and an
 * event starting during a build could be upcoming on one page and past on
 * another. Outside a build, the current time.
 */
export function buildInstant(): Date {
  return new Date((instant ?? new Date()).getTime());
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
    // One lookup when the value is there (most calls: a file's stamp is asked by several passes).
    const value = memo.get(key);
    if (value !== undefined || memo.has(key)) return value as T;
    const computed = compute(key);
    memo.set(key, computed);
    return computed;
  };
}
