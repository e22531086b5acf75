import assert from "node:assert/strict";
import { test } from "node:test";
import { describeSettings, parseSettings, redact } from "./settings.ts";

const ENV = {
  S3_ENDPOINT: "https://s3.example.org",
  S3_BUCKET: "site",
  AWS_ACCESS_KEY_ID: "GKfakeaccess0123",
  AWS_SECRET_ACCESS_KEY: "fakesecret-abcdef-0123456789",
};

test("defaults: _site, region garage, 30% delete limit", () => {
  const r = parseSettings([], ENV);
  assert.ok(r.ok);
  assert.equal(r.settings.site, "_site");
  assert.equal(r.settings.region, "garage");
  assert.equal(r.settings.maxDeleteShare, 0.3);
  assert.equal(r.settings.dryRun, false);
  assert.equal(r.settings.concurrency, 8);
});

test("flags override the defaults", () => {
  const r = parseSettings(
    ["--site", "out", "--dry-run", "--verbose", "--max-delete", "50", "--allow-mass-delete", "--concurrency", "2", "--max-attempts", "1", "--timeout", "5"],
    { ...ENV, S3_REGION: "eu-paris" },
  );
  assert.ok(r.ok);
  assert.deepEqual(
    [r.settings.site, r.settings.region, r.settings.dryRun, r.settings.verbose, r.settings.maxDeleteShare, r.settings.allowMassDelete, r.settings.concurrency, r.settings.maxAttempts, r.settings.timeoutMs],
    ["out", "eu-paris", true, true, 0.5, true, 2, 1, 5000],
  );
});

test("every missing setting is listed in one message", () => {
  const r = parseSettings([], { S3_BUCKET: "site", AWS_SECRET_ACCESS_KEY: "  " });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0] ?? "", /S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY/);
});

test("bad values and unknown flags are refused", () => {
  const bad = parseSettings(["--max-delete", "150", "--concurrency", "zero"], { ...ENV, S3_ENDPOINT: "s3.example.org" });
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.equal(bad.errors.length, 3);
  const unknown = parseSettings(["--force"], ENV);
  assert.equal(unknown.ok, false);
  const help = parseSettings(["--help"], {});
  assert.deepEqual(help, { ok: false, help: true, errors: [] });
});

test("the settings summary never shows the credentials", () => {
  const r = parseSettings([], ENV);
  assert.ok(r.ok);
  const text = describeSettings(r.settings);
  assert.match(text, /credentials set/);
  assert.ok(!text.includes(ENV.AWS_ACCESS_KEY_ID));
  assert.ok(!text.includes(ENV.AWS_SECRET_ACCESS_KEY));
});

test("redact removes secrets and the places where S3 echoes a key", () => {
  const secrets = [ENV.AWS_ACCESS_KEY_ID, ENV.AWS_SECRET_ACCESS_KEY];
  const text = `key ${ENV.AWS_ACCESS_KEY_ID} secret ${ENV.AWS_SECRET_ACCESS_KEY} Credential=OTHERKEY/20250101/garage/s3 <AWSAccessKeyId>OTHERKEY</AWSAccessKeyId>`;
  const out = redact(text, secrets);
  assert.ok(!out.includes(ENV.AWS_ACCESS_KEY_ID));
  assert.ok(!out.includes(ENV.AWS_SECRET_ACCESS_KEY));
  assert.ok(!out.includes("OTHERKEY"));
  assert.equal(redact("nothing here", secrets), "nothing here");
});
