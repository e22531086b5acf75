/**
 * What gets deployed is what `npm run build` made, and only that: a deleted
 * page disappears from the output and then from the bucket, a dev build
 * (`npm start`) or a build that stopped half-way is refused, and a failed read
 * of the deploy manifest is retried, never taken for "no manifest".
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, test } from "node:test";
import { BUILD_MARKER, writeMarker } from "../../scripts/deploy/build-marker.ts";
import { contentWorkFolder } from "../helpers/build.ts";
import { runScript } from "../tools/helpers.ts";
import { MANIFEST, ROOT, bucketEtags, freshServer, internalError, runDeploy, s3Proxy, syntheticSite, writeSite, type Fixture } from "./helpers.ts";

let fx: Fixture;
const work = contentWorkFolder("build-kinds");
const content = path.join(work, "content");

before(async () => {
  fx = await freshServer();
  cpSync(path.join(ROOT, "test/fixtures/other-editors/content"), content, { recursive: true });
});
after(async () => {
  await fx.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const GONE = "blog/2025/marque-d-ordre/index.html";

const searchFragments = (output: string) => readdirSync(path.join(output, "pagefind/fragment")).map((f) => `fragment/${f}`);
/** The page a search fragment is of (Pagefind's files: gzip of "pagefind_dcd" and JSON). */
const fragmentUrl = (output: string, file: string) =>
  (JSON.parse(gunzipSync(readFileSync(path.join(output, "pagefind", file))).toString("utf8", "pagefind_dcd".length)) as { url: string }).url;

test("a deleted page disappears from the output of npm run build, then from the bucket", async () => {
  const output = path.join(work, "site");
  const first = runScript("build.ts", [`--input=${content}`, `--output=${output}`, "--quiet"]);
  assert.equal(first.status, 0, first.stderr);
  assert.ok(existsSync(path.join(output, GONE)));
  assert.equal(JSON.parse(readFileSync(path.join(output, BUILD_MARKER), "utf8")).kind, "production");
  const firstIndex = new Map(searchFragments(output).map((f) => [f, statSync(path.join(output, "pagefind", f)).mtimeMs]));
  assert.ok(searchFragments(output).some((f) => fragmentUrl(output, f) === `/${GONE.replace("index.html", "")}`));
  const deployed = await runDeploy(["--site", output], { endpoint: fx.s3.endpoint });
  assert.equal(deployed.code, 0, deployed.stderr);
  const bucket = await bucketEtags(fx.client);
  assert.ok(bucket.has(GONE));
  assert.ok(!bucket.has(BUILD_MARKER), "the build marker is not part of the site");

  rmSync(path.join(content, "blog/2025/marque-d-ordre"), { recursive: true });
  // Files of the last build in the way of this one's: a file where a folder goes, a folder where a file goes.
  rmSync(path.join(output, "blog/2025/copie-d-un-pdf"), { recursive: true });
  writeFileSync(path.join(output, "blog/2025/copie-d-un-pdf"), "a file of an older build");
  rmSync(path.join(output, "feed.xml"));
  mkdirSync(path.join(output, "feed.xml"));
  writeFileSync(path.join(output, "feed.xml/index.html"), "an older build's page");
  const second = runScript("build.ts", [`--input=${content}`, `--output=${output}`, "--quiet"]);
  assert.equal(second.status, 0, second.stderr);
  assert.ok(!existsSync(path.join(output, GONE)), "the deleted page is gone");
  assert.ok(!existsSync(path.join(output, path.dirname(GONE))), "and so is its folder, left empty");
  assert.match(readFileSync(path.join(output, "blog/2025/copie-d-un-pdf/index.html"), "utf8"), /<html/);
  assert.match(readFileSync(path.join(output, "feed.xml"), "utf8"), /^<\?xml/);
  // No older build's leftovers.
  assert.deepEqual(readdirSync(output).filter((entry) => entry.startsWith(".previous-build-")), []);
  // The search index was written over the last one (plugins/search/carry-over.ts): the
  // unchanged pages' fragments were left as they were, the deleted page's is gone, and
  // the folder holds one fragment per indexed page, none more.
  const fragments = searchFragments(output);
  assert.ok(fragments.some((f) => firstIndex.get(f) === statSync(path.join(output, "pagefind", f)).mtimeMs));
  assert.ok(!fragments.some((f) => fragmentUrl(output, f) === `/${GONE.replace("index.html", "")}`));
  const entry = JSON.parse(readFileSync(path.join(output, "pagefind/pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  assert.equal(fragments.length, Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0));
  const again = await runDeploy(["--site", output], { endpoint: fx.s3.endpoint });
  assert.equal(again.code, 0, again.stderr);
  assert.ok(!(await bucketEtags(fx.client)).has(GONE), "the deleted page is gone from the bucket");

  // The deleted page's file would still be on disk while the link check runs, had
  // this build not deleted it: a link to a page deleted since is broken all the same.
  mkdirSync(path.join(output, path.dirname(GONE)));
  writeFileSync(path.join(output, GONE), "<!doctype html><title>the last build's copy</title>");
  const linking = path.join(content, "blog/2025/photo-d-ete/index.fr.md");
  const text = readFileSync(linking, "utf8");
  writeFileSync(linking, `${text}\nVoir aussi [le billet retiré](/${GONE.replace("index.html", "")}).\n`);
  const refused = runScript("build.ts", [`--input=${content}`, `--output=${output}`, "--quiet"]);
  assert.equal(refused.status, 1, refused.stderr);
  assert.match(refused.stderr, /photo-d-ete\/index\.fr\.md:\d+ · \/blog\/2025\/marque-d-ordre\/ · /);
  assert.equal(JSON.parse(readFileSync(path.join(output, BUILD_MARKER), "utf8")).kind, "incomplete");

  // Fixed: a page that comes out the same is not written again (same file, same time).
  writeFileSync(linking, text);
  const UNCHANGED = "blog/2025/fin-de-ligne-windows/index.html";
  const unchanged = statSync(path.join(output, UNCHANGED));
  const fixed = runScript("build.ts", [`--input=${content}`, `--output=${output}`, "--quiet"]);
  assert.equal(fixed.status, 0, fixed.stderr);
  const after = statSync(path.join(output, UNCHANGED));
  assert.equal(after.ino, unchanged.ino);
  assert.equal(after.mtimeMs, unchanged.mtimeMs);
  assert.ok(!existsSync(path.join(output, GONE)));
});

test("a dev build made by npm start is refused, and nothing is uploaded", async () => {
  const output = path.join(work, "dev");
  // `npm start` without the server: the same script in watch mode.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts", "--watch", `--input=${content}`, `--output=${output}`, "--quiet"], {
    cwd: ROOT,
    stdio: "ignore",
  });
  try {
    for (let waited = 0; !existsSync(path.join(output, "index.html")) && waited < 120_000; waited += 250) await new Promise((r) => setTimeout(r, 250));
  } finally {
    child.kill("SIGINT");
  }
  assert.ok(existsSync(path.join(output, "index.html")), "the dev build wrote its pages");
  const before = await bucketEtags(fx.client);
  const run = await runDeploy(["--site", output], { endpoint: fx.s3.endpoint });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^Refused: .*dev holds a dev build made by npm start \(drafts, scheduled posts and dev-only image URLs included\)\. Run npm run build, then deploy again/m);
  assert.doesNotMatch(run.stderr, /^\s+at /m);
  assert.deepEqual(await bucketEtags(fx.client), before);
});

test("a build that stopped half-way is refused", async () => {
  const site = await writeSite(syntheticSite());
  writeMarker(site, "incomplete");
  const run = await runDeploy(["--site", site], { endpoint: fx.s3.endpoint });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /Refused: the last npm run build into .* did not finish, so the folder is incomplete/);
  rmSync(site, { recursive: true, force: true });
});

/** A proxy that answers 500 to the first `failures` reads of the manifest and counts HEAD requests. */
async function manifestFailing(target: number, failures: number) {
  const stats = { manifestFailures: 0, heads: 0 };
  const proxy = await s3Proxy(target, (req, res) => {
    if (req.method === "HEAD") stats.heads += 1;
    if (req.method !== "GET" || !req.url?.includes(MANIFEST) || stats.manifestFailures >= failures) return false;
    stats.manifestFailures += 1;
    internalError(req, res);
    return true;
  });
  return { ...proxy, stats };
}

test("a failed read of the manifest is retried, and without retries it is a clean failure, never 'no manifest'", async () => {
  const own = await freshServer();
  const site = await writeSite(syntheticSite());
  const first = await runDeploy(["--site", site], { endpoint: own.s3.endpoint });
  assert.equal(first.code, 0, first.stderr);

  const once = await manifestFailing(own.s3.port, 1);
  try {
    const run = await runDeploy(["--site", site], { endpoint: once.endpoint });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(once.stats.manifestFailures, 1);
    assert.equal(once.stats.heads, 0, "the manifest was read on the retry: no object needed a HEAD");
    assert.equal(run.uploaded, 0);
  } finally {
    await once.close();
  }

  const always = await manifestFailing(own.s3.port, 100);
  try {
    const run = await runDeploy(["--site", site, "--max-attempts", "1"], { endpoint: always.endpoint });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^Could not read the deploy manifest \(\.deploy-manifest\.json\) of bucket "site": InternalError \(HTTP 500\).*Nothing was changed/m);
    assert.equal(always.stats.heads, 0, "no HEAD storm");
  } finally {
    await always.close();
    await own.cleanup();
  }
  rmSync(site, { recursive: true, force: true });
});
