import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import { BUILD_MARKER, sweepFiles, writeMarker } from "../../scripts/deploy/build-marker.ts";
import { EncodedCache } from "./encoded-cache.ts";

let root: string;
let out: string;
let cacheDir: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "encoded-cache-"));
  out = path.join(root, "_site/img");
  cacheDir = path.join(root, ".cache/eleventy-img");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** What eleventy-img does for a file it did not find: encode it (here: write it). */
const encode = (name: string) => {
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, name), `bytes of ${name}`);
};

describe("EncodedCache", () => {
  it("keeps what a build encoded, and gives it back to a build whose output was wiped", () => {
    const first = new EncodedCache(cacheDir);
    first.prepare(out, "abc-480.avif");
    assert.equal(existsSync(path.join(out, "abc-480.avif")), false, "nothing to restore on a cold build");
    encode("abc-480.avif");
    assert.deepEqual(first.save(), { files: 1, encoded: 1, reused: 0 });
    const cached = statSync(path.join(cacheDir, "abc-480.avif"));

    rmSync(path.join(root, "_site"), { recursive: true });
    const second = new EncodedCache(cacheDir);
    second.prepare(out, "abc-480.avif");
    const restored = path.join(out, "abc-480.avif");
    assert.equal(readFileSync(restored, "utf8"), "bytes of abc-480.avif");
    assert.equal(statSync(restored).ino, cached.ino, "hard-linked, not copied");
    assert.deepEqual(second.save(), { files: 1, encoded: 0, reused: 1 });
  });

  it("counts a file once however many pages use it, and forgets it on reset", () => {
    const cache = new EncodedCache(cacheDir);
    cache.prepare(out, "abc-480.webp");
    cache.prepare(out, "abc-480.webp");
    encode("abc-480.webp");
    assert.deepEqual(cache.save(), { files: 1, encoded: 1, reused: 0 });
    cache.reset();
    cache.prepare(out, "abc-480.webp");
    assert.deepEqual(cache.save(), { files: 1, encoded: 0, reused: 1 });
  });

  it("restores only the files a build asks for, so no stale image is published", () => {
    const first = new EncodedCache(cacheDir);
    for (const name of ["old-480.jpeg", "new-480.jpeg"]) {
      first.prepare(out, name);
      encode(name);
    }
    first.save();
    rmSync(path.join(root, "_site"), { recursive: true });
    const second = new EncodedCache(cacheDir);
    second.prepare(out, "new-480.jpeg");
    second.save();
    assert.equal(existsSync(path.join(out, "new-480.jpeg")), true);
    assert.equal(existsSync(path.join(out, "old-480.jpeg")), false);
  });

  it("fills the cache from an output that predates it", () => {
    encode("abc-960.jpeg");
    const cache = new EncodedCache(cacheDir);
    cache.prepare(out, "abc-960.jpeg");
    assert.deepEqual(cache.save(), { files: 1, encoded: 0, reused: 1 });
    assert.equal(existsSync(path.join(cacheDir, "abc-960.jpeg")), true);
  });
  // npm run build writes over the last build, then deletes every file it neither
  // wrote nor touched (scripts/deploy/build-marker.ts): an image the last build
  // encoded, that this build's pages still show, must count as this build's.
  it("touches an image of the last build that this build still uses, so the sweep after the build keeps it", () => {
    const last = new EncodedCache(cacheDir);
    for (const name of ["abc-480.avif", "old-480.avif"]) {
      last.prepare(out, name);
      encode(name);
    }
    last.save();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30); // a later tick of the file system's clock
    writeMarker(path.join(root, "_site"), "incomplete");
    const since = statSync(path.join(root, "_site", BUILD_MARKER)).ctimeMs;
    const cache = new EncodedCache(cacheDir);
    cache.prepare(out, "abc-480.avif");
    assert.deepEqual(cache.save(), { files: 1, encoded: 0, reused: 1 });
    assert.equal(sweepFiles(path.join(root, "_site"), since), 1);
    assert.equal(existsSync(path.join(out, "abc-480.avif")), true);
    assert.equal(existsSync(path.join(out, "old-480.avif")), false, "no page shows it any more");
  });
});
