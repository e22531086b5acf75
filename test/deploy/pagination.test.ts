/**
 * A bucket of more than 1000 objects is listed page by page (ListObjectsV2
 * returns at most 1000 keys at a time), so a rerun still uploads nothing.
 */
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { after, before, test } from "node:test";
import { bucketEtags, freshServer, runDeploy, syntheticSite, writeSite, type Fixture } from "./helpers.ts";

let fx: Fixture;
let site: string;
const COUNT = 1010;

before(async () => {
  fx = await freshServer();
  const files = syntheticSite();
  for (let i = 0; i < COUNT; i++) files[`archives/${String(i).padStart(4, "0")}/index.html`] = `<p>${i}</p>`;
  site = await writeSite(files);
});
after(async () => {
  await fx.cleanup();
  await rm(site, { recursive: true, force: true });
});

test("more than 1000 objects: listed across pages, nothing uploaded twice", async () => {
  const first = await runDeploy(["--site", site, "--concurrency", "16"], { endpoint: fx.s3.endpoint });
  assert.equal(first.code, 0, first.stderr);
  const total = COUNT + Object.keys(syntheticSite()).length;
  assert.equal(first.uploaded, total);
  assert.equal((await bucketEtags(fx.client)).size, total);
  const second = await runDeploy(["--site", site], { endpoint: fx.s3.endpoint });
  assert.equal(second.code, 0, second.stderr);
  assert.deepEqual([second.uploaded, second.skipped, second.deleted], [0, total, 0]);
});
