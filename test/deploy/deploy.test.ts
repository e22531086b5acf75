/**
 * The deploy against a local S3 server: first upload, no-change rerun,
 * one edited post, header policy changes, dry run.
 */
import assert from "node:assert/strict";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { DeleteObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import {
  BUCKET,
  MANIFEST,
  bucketEtags,
  freshServer,
  getBytes,
  head,
  md5,
  runDeploy,
  siteMd5s,
  syntheticSite,
  writeSite,
  type Fixture,
} from "./helpers.ts";

let fx: Fixture;
let site: string;
const files = syntheticSite();

before(async () => {
  fx = await freshServer();
  site = await writeSite(files);
});
after(async () => {
  await fx.cleanup();
  await rm(site, { recursive: true, force: true });
});

const EXPECTED: Array<[string, string, string]> = [
  ["index.html", "text/html; charset=utf-8", "public, max-age=0, must-revalidate"],
  ["404.html", "text/html; charset=utf-8", "public, max-age=0, must-revalidate"],
  ["en/index.html", "text/html; charset=utf-8", "public, max-age=0, must-revalidate"],
  ["blog/2025/assemblee-generale/index.html", "text/html; charset=utf-8", "public, max-age=0, must-revalidate"],
  ["feed.xml", "application/rss+xml; charset=utf-8", "public, max-age=0, must-revalidate"],
  ["en/feed.xml", "application/atom+xml; charset=utf-8", "public, max-age=0, must-revalidate"],
  ["feed.json", "application/feed+json; charset=utf-8", "public, max-age=0, must-revalidate"],
  ["agenda.ics", "text/calendar; charset=utf-8", "public, max-age=0, must-revalidate"],
  ["sitemap.xml", "application/xml; charset=utf-8", "public, max-age=0, must-revalidate"],
  ["robots.txt", "text/plain; charset=utf-8", "public, max-age=0, must-revalidate"],
  ["css/site.css", "text/css; charset=utf-8", "public, max-age=0, must-revalidate"],
  ["img/AbCdEfGh12-600.avif", "image/avif", "public, max-age=31536000, immutable"],
  ["pagefind/fragment/fr_553b104.pf_fragment", "application/octet-stream", "public, max-age=31536000, immutable"],
  ["pagefind/pagefind.js", "text/javascript; charset=utf-8", "public, max-age=0, must-revalidate"],
];

test("a first deploy uploads every file with its type, cache policy and exact bytes", async () => {
  const run = await runDeploy(["--site", site], { endpoint: fx.s3.endpoint });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.uploaded, Object.keys(files).length);
  assert.equal(run.skipped, 0);
  assert.match(run.stdout, /Uploading assets[\s\S]*Uploading pages[\s\S]*Uploading feeds[\s\S]*Uploading home/);
  for (const [key, type, cache] of EXPECTED) {
    const h = await head(fx.client, key);
    assert.equal(h.ContentType, type, key);
    assert.equal(h.CacheControl, cache, key);
  }
  for (const [key, content] of Object.entries(files)) {
    assert.equal(md5(await getBytes(fx.client, key)), md5(content), `body of ${key}`);
  }
  assert.deepEqual(await bucketEtags(fx.client), await siteMd5s(site));
});

test("a second deploy of the same build uploads nothing", async () => {
  const run = await runDeploy(["--site", site], { endpoint: fx.s3.endpoint });
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual([run.uploaded, run.skipped, run.deleted], [0, Object.keys(files).length, 0]);
});

test("editing one post uploads only what changed and deletes what disappeared", async () => {
  const post = "blog/2025/assemblee-generale/index.html";
  await writeFile(path.join(site, post), String(files[post]).replace("Compte rendu.", "Compte rendu, corrigé."));
  await writeFile(path.join(site, "feed.xml"), String(files["feed.xml"]).replace("</item>", "<description>corrigé</description></item>"));
  await rm(path.join(site, "blog/2025/nouveau-service"), { recursive: true });
  const run = await runDeploy(["--site", site, "--verbose"], { endpoint: fx.s3.endpoint });
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual([run.uploaded, run.deleted], [2, 1]);
  assert.match(run.stdout, /\+ \[pages\] blog\/2025\/assemblee-generale\/index\.html \(changed/);
  assert.match(run.stdout, /\+ \[feeds\] feed\.xml \(changed/);
  assert.match(run.stdout, /- blog\/2025\/nouveau-service\/index\.html/);
  assert.deepEqual(await bucketEtags(fx.client), await siteMd5s(site));
});

test("a dry run prints the plan per phase and changes nothing", async () => {
  await writeFile(path.join(site, "css/site.css"), "body { color: black; }\n");
  const before = await bucketEtags(fx.client);
  const run = await runDeploy(["--site", site, "--dry-run"], { endpoint: fx.s3.endpoint });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /assets\s+1 file\s+23 B\s+\(1 changed\)/);
  assert.match(run.stdout, /pages\s+0 files/);
  assert.match(run.stdout, /Dry run: would upload 1 file .*Nothing was changed\./);
  assert.deepEqual(await bucketEtags(fx.client), before);
  const real = await runDeploy(["--site", site], { endpoint: fx.s3.endpoint });
  assert.equal(real.uploaded, 1);
});

test("an object whose headers no longer match the policy is uploaded again", async () => {
  // Same bytes, but stored with another Content-Type, as an older deploy script might have done.
  const key = "agenda.ics";
  const body = await getBytes(fx.client, key);
  await fx.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentType: "text/plain", Metadata: { "deploy-headers": "older-policy" } }));
  const manifest = JSON.parse((await getBytes(fx.client, MANIFEST)).toString("utf8")) as { headers: Record<string, string> };
  manifest.headers[key] = "older-policy";
  await fx.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: MANIFEST, Body: JSON.stringify(manifest), ContentType: "application/json" }));

  const run = await runDeploy(["--site", site, "--verbose"], { endpoint: fx.s3.endpoint });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.uploaded, 1);
  assert.match(run.stdout, /agenda\.ics \(headers/);
  assert.equal((await head(fx.client, key)).ContentType, "text/calendar; charset=utf-8");
});

test("without the manifest, unchanged objects are checked with HEAD and not uploaded again", async () => {
  await fx.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: MANIFEST }));
  const run = await runDeploy(["--site", site, "--verbose"], { endpoint: fx.s3.endpoint });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.uploaded, 0);
  assert.match(run.stdout, /Checking the headers of \d+ objects \(HEAD\)/);
  const again = await runDeploy(["--site", site, "--verbose"], { endpoint: fx.s3.endpoint });
  assert.doesNotMatch(again.stdout, /Checking the headers/, "the manifest was written again");
});
