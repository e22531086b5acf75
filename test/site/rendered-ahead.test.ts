import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { renderedAhead } from "../../plugins/markdown/index.ts";
import { writeKitCorpus } from "../../scripts/bench/corpus.ts";
import { buildSite, contentWorkFolder, copyStarter, holdingProcess } from "../helpers/build.ts";

// npm run build renders the Markdown ahead, in a worker thread, from the pages
// the languages plugin announces (plugins/markdown/prerender.ts): what it
// announces must be each page as the build renders it, untranslated copies included.
test("a build of 1,000 Markdown pages takes every page's HTML from the worker", async () => {
  const work = contentWorkFolder("rendered-ahead");
  try {
    const content = copyStarter(work);
    // 480 posts, 3 in 4 translated (the others get an English copy): with the starter site, past the plugin's 1,000 pages.
    writeKitCorpus(content, { posts: 480, events: 0, images: 0, docs: 0 }, "");
    const built = await buildSite({
      input: content,
      now: "2026-06-01T12:00",
      // The pages wait for the worker here, so that the test does not depend on the machine's speed.
      config: (cfg) => cfg.on("eleventy.before", () => holdingProcess(renderedAhead()?.done)),
    });
    const ahead = renderedAhead();
    assert.ok(ahead, "rendered ahead");
    assert.ok(ahead.pages >= 1000, `${ahead.pages} pages`);
    // A page that links to another page's Markdown file needs Eleventy's URLs, known only once
    // the build has read every page: the build renders it itself (prerender.worker.ts). Every
    // other page comes from the worker. (The starter's pages published at that date.)
    const linkingToSources = readdirSync(content, { recursive: true, encoding: "utf8" })
      // (A link written as an example in `code` is no link.)
      .filter((f) => f.endsWith(".md") && /\]\([^)\s]*\.md(#[^)\s]*)?\)/.test(readFileSync(path.join(content, f), "utf8").replace(/`[^`\n]*`/g, "")))
      .sort();
    assert.deepEqual(linkingToSources, [
      "blog/2026/campagne-de-dons-merci/index.en.md",
      "blog/2026/campagne-de-dons-merci/index.fr.md",
      "docs/index.en.md",
      "docs/index.fr.md",
      "docs/services/index.en.md",
      "docs/services/index.fr.md",
    ]);
    assert.equal(ahead.missed, linkingToSources.length, "no other Markdown page was rendered by the build itself");
    // Drafts and posts scheduled after SITE_NOW are announced but not published.
    // The worker's HTML of the pages linking to Markdown files is left: the build rendered those.
    assert.ok(ahead.taken > ahead.pages - 10 - linkingToSources.length, `${ahead.taken} of ${ahead.pages} taken`);
    // An untranslated copy: its French text, French typography and notes included.
    assert.match(built.read("en/blog/2019/article-de-banc-4/index.html"), /<div class="prose" lang="fr"><p>Voici le billet numéro 4, [^]*la baie\u202F;[^]*Retour à l’appel de note 1/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
