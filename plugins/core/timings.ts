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

/** Adds the time `fn` takes (until its promise settles, if it returns one) to `phase`. */
export function timed<T>(phase: string, fn: () => T): T {
  if (!FILE) return fn();
  const start = performance.now();
  const add = () => {
    totals[phase] = (totals[phase] ?? 0) + performance.now() - start;
  };
  const result = fn();
  if (result instanceof Promise) return result.finally(add) as T;
  add();
  return result;
}

/** `render`, its time added to the phase "layouts": a layout's default export (its JSX is written as it runs). */
export function timedLayout<D, R>(render: (data: D) => R): (data: D) => R {
  return FILE ? (data) => timed("layouts", () => render(data)) : render;
}

/** Adds `n` to the count `name` (things a build did, printed by the bench beside the phases). */
export function counted(name: string, n: number): void {
  if (FILE) counts[name] = (counts[name] ?? 0) + n;
}
