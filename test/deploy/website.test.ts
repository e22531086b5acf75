/**
 * After a deploy, the bucket's website endpoint serves the site as visitors
 * will get it: home pages, pretty URLs with and without a trailing slash, and
 * the 404 document for anything else.
 */
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { after, before, test } from "node:test";
import { startWebsiteProxy, type WebsiteProxy } from "../../scripts/deploy/local-s3.ts";
import { BUCKET, freshServer, runDeploy, syntheticSite, writeSite, type Fixture } from "./helpers.ts";

let fx: Fixture;
let web: WebsiteProxy;
let site: string;

before(async () => {
  fx = await freshServer();
  site = await writeSite(syntheticSite());
  const run = await runDeploy(["--site", site], { endpoint: fx.s3.endpoint });
  assert.equal(run.code, 0, run.stderr);
  web = await startWebsiteProxy({ port: fx.s3.port, bucket: BUCKET });
});
after(async () => {
  await web.close();
  await fx.cleanup();
  await rm(site, { recursive: true, force: true });
});

async function get(p: string) {
  const res = await fetch(new URL(p, web.url), { redirect: "manual" });
  return { status: res.status, location: res.headers.get("location"), type: res.headers.get("content-type"), body: await res.text() };
}

test("the home pages are served at / and /en/", async () => {
  const fr = await get("/");
  assert.equal(fr.status, 200);
  assert.equal(fr.type, "text/html; charset=utf-8");
  assert.match(fr.body, /<h1>Accueil<\/h1>/);
  const en = await get("/en/");
  assert.equal(en.status, 200);
  assert.match(en.body, /<h1>Home<\/h1>/);
});

test("a post is served with a trailing slash, and redirected there without one", async () => {
  const post = await get("/blog/2025/assemblee-generale/");
  assert.equal(post.status, 200);
  assert.match(post.body, /Assemblée générale/);
  const bare = await get("/blog/2025/assemblee-generale");
  assert.ok([301, 302].includes(bare.status), `status ${bare.status}`);
  assert.equal(bare.location, "/blog/2025/assemblee-generale/");
  const followed = await fetch(new URL("/blog/2025/assemblee-generale", web.url));
  assert.equal(followed.status, 200);
  assert.match(await followed.text(), /Assemblée générale/);
});

test("feeds and images are served with their types", async () => {
  assert.equal((await get("/feed.xml")).type, "application/rss+xml; charset=utf-8");
  assert.equal((await get("/agenda.ics")).type, "text/calendar; charset=utf-8");
  assert.equal((await get("/img/AbCdEfGh12-600.avif")).type, "image/avif");
});

test("an unknown address gets the 404 document with status 404", async () => {
  const missing = await get("/nulle-part/");
  assert.equal(missing.status, 404);
  assert.equal(missing.type, "text/html; charset=utf-8");
  assert.match(missing.body, /Page introuvable/);
  const deleted = await get("/blog/2025/jamais-publie");
  assert.equal(deleted.status, 404);
});
