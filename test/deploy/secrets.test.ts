/**
 * Credentials never appear in what the deploy prints: not on success, not
 * with --verbose, not when the server echoes the access key in its error,
 * not when the endpoint is down, not when settings are missing.
 */
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { FAKE_KEY, FAKE_SECRET, freshServer, runDeploy, syntheticSite, writeSite, type Fixture, type RunResult } from "./helpers.ts";

let fx: Fixture;
let site: string;

before(async () => {
  fx = await freshServer();
  site = await writeSite(syntheticSite());
});
after(async () => {
  await fx.cleanup();
  await rm(site, { recursive: true, force: true });
});

function assertClean(run: RunResult, secrets: string[] = [FAKE_KEY, FAKE_SECRET]): void {
  const all = run.stdout + run.stderr;
  for (const secret of secrets) {
    assert.ok(!all.includes(secret), `a credential was printed:\n${all}`);
    assert.ok(!all.includes(secret.slice(0, 12)), `part of a credential was printed:\n${all}`);
  }
}

test("a verbose deploy and a verbose dry run print no credentials", async () => {
  const run = await runDeploy(["--site", site, "--verbose"], { endpoint: fx.s3.endpoint });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /credentials set/);
  assertClean(run);
  const dry = await runDeploy(["--site", site, "--verbose", "--dry-run"], { endpoint: fx.s3.endpoint });
  assert.equal(dry.code, 0, dry.stderr);
  assertClean(dry);
});

test("an access key the server rejects (and echoes back) is not printed", async () => {
  const key = "GKunknownKeyZZ9QWERTY1234";
  const secret = "unknown-secret-PLEASE-HIDE-77aa";
  const run = await runDeploy(["--site", site, "--verbose", "--max-attempts", "1"], {
    endpoint: fx.s3.endpoint,
    env: { AWS_ACCESS_KEY_ID: key, AWS_SECRET_ACCESS_KEY: secret },
  });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /Could not list bucket "site": InvalidAccessKeyId \(HTTP 403\).*Nothing was changed/);
  assertClean(run, [key, secret]);
});

test("an endpoint that is down gives a clear error without credentials", async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", () => resolve()));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const run = await runDeploy(["--site", site, "--verbose", "--max-attempts", "1", "--timeout", "2"], { endpoint: `http://127.0.0.1:${port}` });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /Could not list bucket "site": .*ECONNREFUSED/);
  assertClean(run);
});

test("missing settings do not echo the ones that are set", async () => {
  const run = await runDeploy(["--site", site, "--verbose"], { endpoint: "", env: { AWS_ACCESS_KEY_ID: undefined } });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /Missing settings: S3_ENDPOINT, AWS_ACCESS_KEY_ID/);
  assertClean(run);
});
