import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { isIncrementalMatch, markChange, markWholeRebuild, pageOnlyFiles, readsOnlyPagesIn, rebuildEnds, rebuildStarts } from "./incremental.ts";

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

test("a template of one folder's pages renders again for a saved page of that folder, not for a saved post", () => {
  const ics = path.resolve("content/events/event-ics.fr.11ty.ts");
  readsOnlyPagesIn(ics, path.resolve("content/events"));
  const event = path.resolve("content/events/2025/install-party/index.fr.md");
  markChange(post, false);
  markChange(event, false);
  // What Eleventy answers for a configured collection: relevant, whatever the file.
  const question = { inputPath: "./content/events/event-ics.fr.11ty.ts", isFullTemplate: true, isFileRelevantToInputPath: true, doesFileHaveDependencies: true };
  assert.equal(isIncrementalMatch.call(question, "./content/blog/2025/ag/index.fr.md"), false);
  assert.equal(isIncrementalMatch.call(question, event), true);
  // A layout or the UI strings still render it again.
  assert.equal(isIncrementalMatch.call(question, path.resolve("layouts/components/Base.tsx")), true);
  assert.equal(isIncrementalMatch.call(question, path.resolve("content/_data/strings/fr.json")), true);
  // Other templates keep Eleventy's answer.
  assert.equal(isIncrementalMatch.call({ ...question, inputPath: "./content/blog/index.fr.11ty.tsx" }, post), true);
});
