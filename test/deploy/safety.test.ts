/**
 * The deploy refuses what would break the live site: an incomplete build,
 * a build that would empty most of the bucket, missing settings.
 */
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { after, before, test } from "node:test";
import { bucketEtags, freshServer, runDeploy, siteMd5s, syntheticSite, writeSite, type Fixture } from "./helpers.ts";

let fx: Fixture;
const dirs: string[] = [];

before(async () => {
  fx = await freshServer();
});
after(async () => {
  await fx.cleanup();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function site(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await writeSite(files);
  dirs.push(dir);
  return dir;
}

test("a build without index.html is refused before anything is sent", async () => {
  const { "index.html": _home, ...rest } = syntheticSite();
  const run = await runDeploy(["--site", await site(rest)], { endpoint: fx.s3.endpoint });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /Refused: The build lacks index\.html/);
  assert.equal((await bucketEtags(fx.client)).size, 0);
});

test("a build without 404.html is refused too", async () => {
  const { "404.html": _notFound, ...rest } = syntheticSite();
  const run = await runDeploy(["--site", await site(rest)], { endpoint: fx.s3.endpoint });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /lacks 404\.html/);
});

test("a missing site folder is explained", async () => {
  const run = await runDeploy(["--site", "/nonexistent/_site"], { endpoint: fx.s3.endpoint });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /No built site at \/nonexistent\/_site: run `npm run build` first/);
});

test("a build that would delete most of the bucket is refused, and nothing is deleted", async () => {
  const full = await site(syntheticSite());
  const first = await runDeploy(["--site", full], { endpoint: fx.s3.endpoint });
  assert.equal(first.code, 0, first.stderr);
  const before = await bucketEtags(fx.client);

  const files = syntheticSite();
  const tiny = await site({ "index.html": "<p>almost empty</p>", "404.html": files["404.html"] ?? "" });
  const run = await runDeploy(["--site", tiny], { endpoint: fx.s3.endpoint });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /would delete 15 of the 17 objects .*more than the 30% limit.*--allow-mass-delete/);
  assert.match(run.stderr, /Nothing was uploaded or deleted/);
  assert.deepEqual(await bucketEtags(fx.client), before, "the bucket is untouched");

  const higher = await runDeploy(["--site", tiny, "--max-delete", "80", "--dry-run"], { endpoint: fx.s3.endpoint });
  assert.equal(higher.code, 1, "88% is still above an 80% limit");

  const allowed = await runDeploy(["--site", tiny, "--allow-mass-delete"], { endpoint: fx.s3.endpoint });
  assert.equal(allowed.code, 0, allowed.stderr);
  assert.deepEqual([allowed.uploaded, allowed.deleted], [1, 15]);
  assert.deepEqual(await bucketEtags(fx.client), await siteMd5s(tiny));
});

test("missing settings are listed in one message", async () => {
  const run = await runDeploy(["--site", "."], { endpoint: "", env: { S3_BUCKET: undefined, AWS_SECRET_ACCESS_KEY: undefined } });
  assert.equal(run.code, 2);
  assert.equal(run.stderr.trim().split("\n").length, 1, run.stderr);
  assert.match(run.stderr, /Missing settings: S3_ENDPOINT, S3_BUCKET, AWS_SECRET_ACCESS_KEY/);
});
