/**
 * Build phases timed for `npm run bench`: set SITE_TIMINGS to a file and the
 * build writes there, when it exits, the milliseconds spent in each phase, its
 * counts (pages rendered ahead…), its peak memory and its CPU time. Unset (every real build), timing costs one
 * boolean test per call.
 */
import { writeFileSync } from "node:fs";

const FILE = process.env.SITE_TIMINGS;
const totals: Record<string, number> = {};
const counts: Record<string, number> = {};

if (FILE) {
  const started = performance.now();
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      FILE,
      JSON.stringify({
        phases: totals,
        counts,
        wallMs: performance.now() - started,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        // kilobytes on Linux
        maxRssBytes: usage.maxRSS * 1024,
      }),
    );
  });
}

/** A phase timed while its caller runs, and the time of the phases timed within it. */
let running: { within: number } | undefined;

/**
 * Adds the time `fn` takes (until its promise settles, if it returns one) to
 * `phase`, less that of the phases timed within it as it runs: a layout's
 * render that writes a calendar counts in "iCalendar", not twice.
 */
export function timed<T>(phase: string, fn: () => T): T {
  if (!FILE) return fn();
  const start = performance.now();
  const outer = running;
  const frame = { within: 0 };
  running = frame;
  let result: T;
  try {
    result = fn();
  } finally {
    running = outer;
    if (outer) outer.within += performance.now() - start;
  }
  const add = () => {
    totals[phase] = (totals[phase] ?? 0) + performance.now() - start - frame.within;
  };
  if (result instanceof Promise) return result.finally(add) as T;
  add();
  return result;
}

/** Adds `n` to the count `name` (things a build did, printed by the bench beside the phases). */
export function counted(name: string, n: number): void {
  if (FILE) counts[name] = (counts[name] ?? 0) + n;
}
