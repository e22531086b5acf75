import assert from "node:assert/strict";
import { test } from "node:test";
import { formatBytes, formatPlan, formatSummary } from "./format.ts";
import type { PhasePlan } from "./plan.ts";

test("bytes are shown in decimal units", () => {
  assert.equal(formatBytes(0), "0 B");
  assert.equal(formatBytes(999), "999 B");
  assert.equal(formatBytes(1500), "1.5 kB");
  assert.equal(formatBytes(2_345_678), "2.3 MB");
});

test("the plan shows counts and bytes per phase, deletes and skips", () => {
  const phases: PhasePlan[] = [
    { phase: "assets", waves: [], count: 0, bytes: 0 },
    { phase: "pages", waves: [], count: 3, bytes: 4500 },
    { phase: "feeds", waves: [], count: 1, bytes: 10 },
    { phase: "home", waves: [], count: 2, bytes: 2000 },
  ];
  const text = formatPlan({ phases, unchanged: 7, stale: ["old/index.html"] });
  assert.match(text, /assets\s+0 files\s+0 B/);
  assert.match(text, /pages\s+3 files\s+4\.5 kB/);
  assert.match(text, /feeds\s+1 file\s+10 B/);
  assert.match(text, /delete\s+1 object/);
  assert.match(text, /skip\s+7 files/);
});

test("the summary names uploaded, skipped and deleted counts, bytes and time", () => {
  const s = { uploaded: 2, uploadedBytes: 2048, skipped: 5, deleted: 1, retries: 0, seconds: 1.23, dryRun: false };
  assert.equal(formatSummary(s), "Done: uploaded 2 files (2.0 kB), skipped 5 unchanged, deleted 1 stale, in 1.2 s.");
  assert.match(formatSummary({ ...s, retries: 3 }), /3 requests needed retries/);
  assert.match(formatSummary({ ...s, dryRun: true }), /^Dry run: would upload 2 files .* Nothing was changed\.$/);
});
