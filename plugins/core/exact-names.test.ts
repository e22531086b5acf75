import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { exactFile } from "./exact-names.ts";

// A Mac's or a Windows PC's disk would find Groupe.jpg for groupe.jpg; the
// lookup answers as the Linux machine that publishes the site does, everywhere.
test("a file is found under its exact name only, and a name in other capitals is told the folder's", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "exact-names-"));
  writeFileSync(path.join(dir, "groupe.jpg"), "photo");
  mkdirSync(path.join(dir, "Photos"));
  const found = exactFile(path.join(dir, "groupe.jpg"));
  assert.equal(found.stats?.size, 5);
  assert.equal(found.file, path.join(dir, "groupe.jpg"));
  assert.deepEqual(exactFile(path.join(dir, "Groupe.jpg")), { otherCase: "groupe.jpg" });
  assert.deepEqual(exactFile(path.join(dir, "GROUPE.JPG")), { otherCase: "groupe.jpg" });
  assert.deepEqual(exactFile(path.join(dir, "absente.jpg")), {});
  // A folder is not a file; a missing folder has nothing.
  assert.deepEqual(exactFile(path.join(dir, "Photos")), {});
  assert.deepEqual(exactFile(path.join(dir, "ailleurs", "groupe.jpg")), {});
  // Renamed: the folder changed, and is read again.
  renameSync(path.join(dir, "groupe.jpg"), path.join(dir, "Groupe.jpg"));
  assert.equal(exactFile(path.join(dir, "Groupe.jpg")).stats?.size, 5);
  assert.deepEqual(exactFile(path.join(dir, "groupe.jpg")), { otherCase: "Groupe.jpg" });
});

test("a name listed with its accents decomposed (e and an accent) is found where the disk finds it, not told in other capitals", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "exact-names-"));
  const decomposed = "e\u0301te\u0301.jpg";
  writeFileSync(path.join(dir, decomposed), "photo");
  assert.equal(exactFile(path.join(dir, decomposed)).stats?.size, 5);
  // A Mac's disk finds "été.jpg" composed; Linux's does not, and neither will the published site.
  const composed = exactFile(path.join(dir, "été.jpg"));
  if (process.platform === "linux") assert.deepEqual(composed, {});
  assert.equal(exactFile(path.join(dir, "Été.jpg")).otherCase, decomposed);
});
