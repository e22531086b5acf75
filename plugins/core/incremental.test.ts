import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { markChange, markWholeRebuild, pageOnlyFiles, rebuildEnds, rebuildStarts } from "./incremental.ts";

const post = path.resolve("content/blog/2025/ag/index.fr.md");
const other = path.resolve("content/blog/2025/atelier/index.fr.md");

test("a rebuild is page-only when every file it takes in changed its own page only, and only until it ends", () => {
  markWholeRebuild(false);
  markChange(post, true);
  rebuildStarts(["./content/blog/2025/ag/index.fr.md"]);
  assert.deepEqual(pageOnlyFiles(), new Set([post]));
  rebuildEnds();
  assert.equal(pageOnlyFiles(), undefined);
});

test("one file whose lists or feeds change makes the whole rebuild an ordinary one", () => {
  markChange(post, true);
  markChange(other, false);
  rebuildStarts([post, other]);
  assert.equal(pageOnlyFiles(), undefined);
  rebuildStarts(["content/assets/site.css"]);
  assert.equal(pageOnlyFiles(), undefined);
});

test("after a failed build or a page added, no rebuild is page-only until a whole one ran", () => {
  markChange(post, true);
  markWholeRebuild(true);
  rebuildStarts([post]);
  assert.equal(pageOnlyFiles(), undefined);
  markWholeRebuild(false);
  rebuildStarts([post]);
  assert.deepEqual(pageOnlyFiles(), new Set([post]));
  rebuildEnds();
});
