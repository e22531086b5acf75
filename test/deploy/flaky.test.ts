/**
 * A flaky S3 endpoint: a proxy in front of the local server answers 500,
 * drops the connection or never answers for every 3rd request (a bounded
 * number of times). The deploy must end in success or in a clean failure
 * that deleted nothing; a rerun through a healthy path then converges.
 */
import assert from "node:assert/strict";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, test } from "node:test";
import { FAKE_KEY, FAKE_SECRET, bucketEtags, freshServer, internalError, runDeploy, s3Proxy, siteMd5s, syntheticSite, writeSite, type Fixture, type RunResult, type S3Proxy } from "./helpers.ts";

type Fault = "500" | "reset" | "hang";

interface FlakyProxy extends S3Proxy {
  stats: { requests: number; faults: number; deletesForwarded: number };
}

async function flakyProxy(target: number, faults: Fault[], every = 3): Promise<FlakyProxy> {
  const stats = { requests: 0, faults: 0, deletesForwarded: 0 };
  const proxy = await s3Proxy(target, (req, res) => {
    stats.requests += 1;
    if (stats.requests % every === 0 && stats.faults < faults.length) {
      const fault = faults[stats.faults++];
      if (fault === "reset") req.socket.destroy();
      else if (fault === "500") internalError(req, res);
      else req.resume(); // "hang": never answer
      return true;
    }
    if (req.method === "POST" && /[?&]delete(=|&|$)/.test(req.url ?? "")) stats.deletesForwarded += 1;
    return false;
  });
  return { ...proxy, stats };
}

let fx: Fixture;
let site: string;

/** A deployed site, then a new build with 3 changed files and 1 removed. */
beforeEach(async () => {
  fx = await freshServer();
  const files = syntheticSite();
  site = await writeSite(files);
  const first = await runDeploy(["--site", site], { endpoint: fx.s3.endpoint });
  assert.equal(first.code, 0, first.stderr);
  await writeFile(path.join(site, "blog/2025/assemblee-generale/index.html"), "<p>v2</p>");
  await writeFile(path.join(site, "css/site.css"), "body { color: #222; }\n");
  await writeFile(path.join(site, "index.html"), "<h1>Accueil v2</h1>");
  await rm(path.join(site, "blog/2025/nouveau-service"), { recursive: true });
});
afterEach(async () => {
  await fx.cleanup();
  await rm(site, { recursive: true, force: true });
});

function assertNoSecrets(run: RunResult): void {
  for (const secret of [FAKE_KEY, FAKE_SECRET]) {
    assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), "credentials printed");
  }
}

async function assertConverges(): Promise<void> {
  const rerun = await runDeploy(["--site", site], { endpoint: fx.s3.endpoint });
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.deepEqual(await bucketEtags(fx.client), await siteMd5s(site), "the bucket equals the site");
}

test("with retries, a flaky endpoint ends in success or a clean failure, and a rerun converges", async () => {
  const proxy = await flakyProxy(fx.s3.port, ["500", "reset", "hang", "500", "reset", "500"]);
  try {
    const run = await runDeploy(["--site", site, "--timeout", "1", "--verbose"], { endpoint: proxy.endpoint });
    assertNoSecrets(run);
    assert.ok(proxy.stats.faults >= 3, `faults injected: ${proxy.stats.faults}`);
    if (run.code === 0) {
      assert.match(run.stdout, /needed retries/);
      assert.deepEqual(await bucketEtags(fx.client), await siteMd5s(site));
    } else {
      assert.equal(run.code, 1);
      assert.match(run.stderr, /live site still serves the previous version/);
      assert.equal(proxy.stats.deletesForwarded, 0, "no delete after a failed upload");
    }
  } finally {
    await proxy.close();
  }
  await assertConverges();
});

test("without retries, the failure is clean: it says what failed and deletes nothing", async () => {
  const proxy = await flakyProxy(fx.s3.port, ["500", "reset", "500", "reset"]);
  const stale = "blog/2025/nouveau-service/index.html";
  try {
    const run = await runDeploy(["--site", site, "--max-attempts", "1"], { endpoint: proxy.endpoint });
    assertNoSecrets(run);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stderr, /Deploy failed in phase "(assets|pages|home)": \d+ of \d+ uploads failed \(.*(InternalError|ECONNRESET|socket hang up)/);
    assert.match(run.stderr, /the live site still serves the previous version of the files not yet uploaded, and nothing was deleted/);
    assert.equal(proxy.stats.deletesForwarded, 0);
    assert.ok((await bucketEtags(fx.client)).has(stale), "the stale page is still there");
  } finally {
    await proxy.close();
  }
  await assertConverges();
});
