/** Text shown to the person running the deploy: plan, progress, summary. */
import { sizeParts } from "../../plugins/core/file-size.ts";
import type { PhasePlan, Reason, Upload } from "./plan.ts";

/** "999 B", "1.5 kB", "2.3 MB": one decimal above a kilobyte. */
export function formatBytes(n: number): string {
  const { unit, value } = sizeParts(n, { kB: 1, MB: 1, GB: 1, TB: 1 });
  return unit === "bytes" ? `${value} B` : `${value.toFixed(1)} ${unit}`;
}

export function plural(n: number, one: string, many = one + "s"): string {
  return `${n} ${n === 1 ? one : many}`;
}

function reasons(uploads: readonly Upload[]): string {
  const counts: Record<Reason, number> = { new: 0, changed: 0, headers: 0 };
  for (const u of uploads) counts[u.reason] += 1;
  const parts = (Object.keys(counts) as Reason[]).filter((r) => counts[r] > 0).map((r) => `${counts[r]} ${r === "headers" ? "new headers" : r}`);
  return parts.length > 0 ? `  (${parts.join(", ")})` : "";
}

export interface PlanText {
  phases: readonly PhasePlan[];
  unchanged: number;
  stale: readonly string[];
}

export function formatPlan(plan: PlanText): string {
  const lines = ["Plan:"];
  for (const p of plan.phases) {
    const uploads = p.waves.flat();
    lines.push(`  ${p.phase.padEnd(8)} ${plural(p.count, "file").padStart(10)}  ${formatBytes(p.bytes).padStart(9)}${reasons(uploads)}`);
  }
  lines.push(`  ${"delete".padEnd(8)} ${plural(plan.stale.length, "object").padStart(10)}  (after every upload succeeded)`);
  lines.push(`  ${"skip".padEnd(8)} ${plural(plan.unchanged, "file").padStart(10)}  (unchanged)`);
  return lines.join("\n");
}

export function formatVerbosePlan(plan: PlanText): string {
  const lines: string[] = [];
  for (const p of plan.phases) {
    for (const u of p.waves.flat()) {
      lines.push(`  + [${p.phase}] ${u.file.key} (${u.reason}, ${formatBytes(u.file.size)}, ${u.file.contentType}, ${u.file.cacheControl})`);
    }
  }
  for (const key of plan.stale) lines.push(`  - ${key}`);
  return lines.join("\n");
}

export interface Summary {
  uploaded: number;
  uploadedBytes: number;
  skipped: number;
  deleted: number;
  retries: number;
  seconds: number;
  dryRun: boolean;
}

export function formatSummary(s: Summary): string {
  const retries = s.retries > 0 ? ` ${plural(s.retries, "request")} needed retries.` : "";
  if (s.dryRun) {
    return `Dry run: would upload ${plural(s.uploaded, "file")} (${formatBytes(s.uploadedBytes)}), skip ${s.skipped} unchanged, delete ${s.deleted} stale; ${s.seconds.toFixed(1)} s. Nothing was changed.`;
  }
  return `Done: uploaded ${plural(s.uploaded, "file")} (${formatBytes(s.uploadedBytes)}), skipped ${s.skipped} unchanged, deleted ${s.deleted} stale, in ${s.seconds.toFixed(1)} s.${retries}`;
}

export function formatProgress(phase: string, done: number, total: number, bytes: number, totalBytes: number): string {
  return `  ${phase}: ${done}/${total} files, ${formatBytes(bytes)} of ${formatBytes(totalBytes)}`;
}
