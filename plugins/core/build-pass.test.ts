import assert from "node:assert/strict";
import { test } from "node:test";
import { betweenBuilds, buildInstant, endBuildPass, perBuild, startBuildPass, startConfigPass } from "./build-pass.ts";

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

test("every reading of the time in one build gives the same instant; the next build has its own", async () => {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
  startConfigPass();
  const loaded = buildInstant().getTime();
  await pause();
  startBuildPass();
  assert.equal(buildInstant().getTime(), loaded, "the first build goes on with its configuration load's instant");
  await pause();
  assert.equal(buildInstant().getTime(), loaded);
  endBuildPass();
  await pause();
  const outside = buildInstant().getTime();
  assert.ok(outside > loaded, "outside a build: the current time");
  await pause();
  startBuildPass();
  const next = buildInstant().getTime();
  assert.ok(next > outside);
  await pause();
  assert.equal(buildInstant().getTime(), next);
  endBuildPass();
});

test("npm start: a build that stopped on an error leaves no pass behind once the next rebuild starts", () => {
  let reads = 0;
  const read = perBuild(() => ++reads);
  startConfigPass();
  startBuildPass();
  assert.equal(read("content"), 1);
  // The build stops on a content problem: Eleventy never says it ended.
  // The next rebuild starts: what is read before its build (a page added or deleted) is read afresh.
  betweenBuilds();
  assert.equal(read("content"), 2);
  assert.equal(read("content"), 3);
  startBuildPass();
  assert.equal(read("content"), 4);
  assert.equal(read("content"), 4);
  endBuildPass();
});
