import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { copiesShowText } from "./copies.ts";
import { isIncrementalMatch, listsCards, markChange, markWholeRebuild, narrowRebuildFiles, pageOnlyFiles, readsOnlyPagesIn, rebuildEnds, rebuildStarts, rendersAgainWhen, savedFiles, showsNoChangedCard, showsPagesIn } from "./incremental.ts";

const post = path.resolve("content/blog/2025/ag/index.fr.md");
const other = path.resolve("content/blog/2025/atelier/index.fr.md");

test("a rebuild is page-only when every file it takes in changed its own page only, and only until it ends", () => {
  markWholeRebuild(false);
  markChange(post, "page");
  rebuildStarts(["./content/blog/2025/ag/index.fr.md"]);
  assert.deepEqual(pageOnlyFiles(), new Set([post]));
  rebuildEnds();
  assert.equal(pageOnlyFiles(), undefined);
});

test("one file whose lists or feeds change makes the whole rebuild an ordinary one", () => {
  markChange(post, "page");
  markChange(other, "site");
  rebuildStarts([post, other]);
  assert.equal(pageOnlyFiles(), undefined);
  rebuildStarts(["content/assets/site.css"]);
  assert.equal(pageOnlyFiles(), undefined);
});

test("after a failed build or a page added, no rebuild is page-only until a whole one ran", () => {
  markChange(post, "page");
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
  markChange(post, "site");
  markChange(event, "site");
  // What Eleventy answers for a configured collection: relevant, whatever the file.
  const question = { inputPath: "./content/events/event-ics.fr.11ty.ts", isFullTemplate: true, isFileRelevantToInputPath: true, doesFileHaveDependencies: true };
  assert.equal(isIncrementalMatch.call(question, "./content/blog/2025/ag/index.fr.md"), false);
  assert.equal(isIncrementalMatch.call(question, event), true);
  // A layout or the UI strings still render it again.
  assert.equal(isIncrementalMatch.call(question, path.resolve("layouts/components/Base.tsx")), true);
  assert.equal(isIncrementalMatch.call(question, path.resolve("content/_data/strings/fr.json")), true);
  // Other templates keep Eleventy's answer.
  assert.equal(isIncrementalMatch.call({ ...question, inputPath: "./content/blog/index.fr.11ty.tsx" }, post), true);
  // The agenda, which does not paginate: Eleventy does not see that it reads the events; it renders again for one.
  const agenda = path.resolve("content/events/index.fr.11ty.tsx");
  readsOnlyPagesIn(agenda, path.resolve("content/events"));
  const unseen = { inputPath: "./content/events/index.fr.11ty.tsx", isFullTemplate: true, isFileRelevantToInputPath: false, doesFileHaveDependencies: true };
  assert.equal(isIncrementalMatch.call(unseen, event), true);
  assert.equal(isIncrementalMatch.call(unseen, post), false);
  // Not when only the event's own page changed.
  markChange(event, "page");
  assert.equal(isIncrementalMatch.call(unseen, event), false);
});

test("a template, or every template of a folder, that shows pages of a folder renders again for one, beyond its own page", () => {
  showsPagesIn(path.resolve("content/index.fr.md"), path.resolve("content/blog"));
  showsPagesIn(path.resolve("content/docs"), path.resolve("content/docs"));
  const unseen = { isFullTemplate: true, isFileRelevantToInputPath: false, doesFileHaveDependencies: true };
  const home = { ...unseen, inputPath: "./content/index.fr.md" };
  const doc = { ...unseen, inputPath: "./content/docs/ecrire/traduire.fr.md" };
  const otherDoc = path.resolve("content/docs/ecrire/publier.fr.md");
  markChange(post, "site");
  markChange(otherDoc, "card");
  assert.equal(isIncrementalMatch.call(home, post), true);
  assert.equal(isIncrementalMatch.call(home, otherDoc), false);
  assert.equal(isIncrementalMatch.call(doc, otherDoc), true);
  assert.equal(isIncrementalMatch.call(doc, post), false);
  // A change its page alone shows renders that page alone.
  markChange(post, "page");
  assert.equal(isIncrementalMatch.call(home, post), false);
  // Something else than a page (a layout) keeps Eleventy's answer.
  assert.equal(isIncrementalMatch.call(home, path.resolve("content/blog/2025/ag/photo.jpg")), false);
});

test("a template that shows only the front matter of a folder's pages (the sitemap) renders for a new title, not for a new first paragraph", () => {
  showsPagesIn(path.resolve("content/site-files/sitemap.11ty.ts"), path.resolve("content"), { shows: "front matter" });
  const sitemap = { inputPath: "./content/site-files/sitemap.11ty.ts", isFullTemplate: true, isFileRelevantToInputPath: false, doesFileHaveDependencies: true };
  markChange(post, "card");
  assert.equal(isIncrementalMatch.call(sitemap, post), false);
  markChange(post, "site");
  assert.equal(isIncrementalMatch.call(sitemap, post), true);
});

test("a rebuild after new first paragraphs leaves the list pages that show none of those posts", () => {
  const list = path.resolve("content/blog/index.fr.11ty.tsx");
  listsCards(list, (data, files) => (data.posts as string[]).some((file) => files.has(file)));
  const pageWith = { inputPath: "./content/blog/index.fr.11ty.tsx", data: { posts: [post, other] } };
  const pageWithout = { inputPath: "./content/blog/index.fr.11ty.tsx", data: { posts: [path.resolve("content/blog/2024/x/index.fr.md")] } };
  const home = { inputPath: "./content/index.fr.md", data: { posts: [] } };
  markWholeRebuild(false);
  markChange(post, "card");
  markChange(other, "page");
  rebuildStarts([post, other]);
  assert.equal(pageOnlyFiles(), undefined);
  // Checks of the other pages, and the readings of the folder, stand from the build before.
  assert.deepEqual(narrowRebuildFiles(), new Set([post, other]));
  assert.equal(showsNoChangedCard(pageWith), false);
  assert.equal(showsNoChangedCard(pageWithout), true);
  // A page of no list template always renders.
  assert.equal(showsNoChangedCard(home), false);
  rebuildEnds();
  assert.equal(showsNoChangedCard(pageWithout), false);
  // A new title moves the post in the lists: every page renders again.
  markChange(post, "site");
  rebuildStarts([post]);
  assert.equal(showsNoChangedCard(pageWithout), false);
  assert.equal(narrowRebuildFiles(), undefined);
  // So does any rebuild before a whole one, after a failed build or a page added.
  markChange(post, "card");
  markWholeRebuild(true);
  rebuildStarts([post]);
  assert.equal(showsNoChangedCard(pageWithout), false);
  assert.equal(narrowRebuildFiles(), undefined);
  markWholeRebuild(false);
  rebuildEnds();
});

test("a template a plugin's test names renders again after any save, a page-only one included", () => {
  const translation = path.resolve("content/blog/2025/ag/index.en.md");
  let due = new Set<string>();
  rendersAgainWhen("translations", (template) => due.has(template));
  const question = { inputPath: "./content/blog/2025/ag/index.en.md", isFullTemplate: false, isFileRelevantToInputPath: false, doesFileHaveDependencies: true };
  markChange(post, "page");
  assert.equal(isIncrementalMatch.call(question, post), false);
  due = new Set([translation]);
  assert.equal(isIncrementalMatch.call(question, post), true);
  assert.equal(isIncrementalMatch.call({ ...question, inputPath: "./content/blog/2025/atelier/index.en.md" }, post), false);
  // A configuration load registers the plugin's test again: it replaces the one before.
  rendersAgainWhen("translations", () => false);
  assert.equal(isIncrementalMatch.call(question, post), false);
});

test("an original's untranslated copy renders again with it, as far as the original's change reaches", () => {
  const copy = path.resolve("content/blog/2025/atelier/index.en.md");
  copiesShowText(new Map([[copy, other]]));
  const question = { inputPath: "./content/blog/2025/atelier/index.en.md", isFullTemplate: false, isFileRelevantToInputPath: false, doesFileHaveDependencies: true };
  markWholeRebuild(false);
  markChange(other, "page");
  rebuildStarts(["./content/blog/2025/atelier/index.fr.md"]);
  // Both are the rebuild's pages: checked, and listed as saved, the copy with its original's reach.
  assert.deepEqual(pageOnlyFiles(), new Set([other, copy]));
  assert.deepEqual(savedFiles(), new Map([[other, "page"], [copy, "page"]]));
  assert.equal(isIncrementalMatch.call(question, other), true);
  // Another post's copy, and a save of another post, leave it.
  assert.equal(isIncrementalMatch.call({ ...question, inputPath: "./content/blog/2025/ag/index.en.md" }, other), false);
  markChange(post, "page");
  assert.equal(isIncrementalMatch.call(question, post), false);
  rebuildEnds();
  // A new first paragraph: the lists that show the copy's card render again.
  markChange(other, "card");
  const list = path.resolve("content/blog/index.en.11ty.tsx");
  listsCards(list, (data, files) => (data.posts as string[]).some((file) => files.has(file)));
  rebuildStarts([other]);
  assert.equal(showsNoChangedCard({ inputPath: "./content/blog/index.en.11ty.tsx", data: { posts: [copy] } }), false);
  assert.equal(showsNoChangedCard({ inputPath: "./content/blog/index.en.11ty.tsx", data: { posts: [post] } }), true);
  rebuildEnds();
  // A configuration load after a translation was added: no copy any more.
  copiesShowText(new Map());
  assert.equal(isIncrementalMatch.call(question, other), false);
});
