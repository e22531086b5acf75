import assert from "node:assert/strict";
import { rmSync } from "node:fs";
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
    assert.equal(ahead.missed, 0, "no Markdown page was rendered by the build itself");
    // Drafts and posts scheduled after SITE_NOW are announced but not published.
    assert.ok(ahead.taken > ahead.pages - 10, `${ahead.taken} of ${ahead.pages} taken`);
    // An untranslated copy: its French text, French typography and notes included.
    assert.match(built.read("en/blog/2019/article-de-banc-4/index.html"), /<div class="prose" lang="fr"><p>Voici le billet numéro 4, [^]*la baie\u202F;[^]*Retour à l’appel de note 1/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
