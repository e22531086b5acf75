import assert from "node:assert/strict";
import { test } from "node:test";
import { endBuildPass, perBuild, startBuildPass, startConfigPass } from "./build-pass.ts";

test("a configuration load and its first build share one reading; the next build reads again", () => {
  let reads = 0;
  const read = perBuild(() => ++reads);
  startConfigPass();
  // A plugin reading the content folder as it registers, twice.
  assert.equal(read("content"), 1);
  assert.equal(read("content"), 1);
  // The first build goes on with that reading.
  startBuildPass();
  assert.equal(read("content"), 1);
  endBuildPass();
  // Outside a build, every call reads.
  assert.equal(read("content"), 2);
  // The next build reads afresh, once.
  startBuildPass();
  assert.equal(read("content"), 3);
  assert.equal(read("content"), 3);
  endBuildPass();
});
