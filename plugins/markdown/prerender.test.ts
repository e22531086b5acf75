import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { KEPT_RESULTS, KeptResults, type KeptResultsPlace } from "../core/kept-results.ts";
import { holdingProcess } from "../../test/helpers/build.ts";
import { createMarkdown } from "./create-markdown.ts";
import { parseMarkdownOptions } from "./options.ts";
import { PrerenderedMarkdown, renderKey, type MarkdownRender, RENDER_AS_TEXT } from "./prerender.ts";

const OPTIONS = parseMarkdownOptions({ siteUrl: "https://www.chatons-loire.example", donateUrl: "/soutenir/" });

test("a page rendered in the worker is the build's render, taken once, and only in its own environment", async () => {
  const source = "## Budget : voté !\n\nVoir [le PDF](rapport.pdf)[^1].\n\n::: donate\nAidez-nous.\n:::\n\n[^1]: En ligne.\n";
  const fr = { lang: "fr", leadImage: false, contentLang: "fr", file: "content/blog/ag/index.fr.md" };
  const copy = { lang: "en", leadImage: false, contentLang: "fr", file: "content/blog/ag/index.en.md" };
  const broken = "::: peertube https://example.org/pas-une-video\n";
  const linksSource = "Voir [le bilan](../bilan/index.fr.md).\n";
  const ahead = new PrerenderedMarkdown(OPTIONS, [
    { source, env: fr },
    { source, env: copy },
    { source: broken, env: fr },
    { source: linksSource, env: fr },
  ]);
  await holdingProcess(ahead.done);

  const md = createMarkdown(OPTIONS);
  assert.equal(ahead.take(source, { ...copy }), md.render(source, { ...copy }));
  assert.equal(ahead.take(source, { ...fr }), md.render(source, { ...fr }));
  assert.match(md.render(source, { ...copy }), /href="\/en\/soutenir\/">Nous soutenir</, "the copy's links in the page's language, its words in the text's");
  assert.equal(ahead.take(source, { ...fr }), undefined, "once");
  assert.equal(ahead.take(source, { ...fr, leadImage: true }), undefined, "another environment is another render");
  assert.equal(ahead.take(broken, { ...fr }), undefined, "a page the worker could not render is left to the build");
  assert.equal(ahead.take(linksSource, { ...fr }), undefined, "a link to a Markdown file needs the build's URLs: left to the build");
  assert.deepEqual({ pages: ahead.pages, taken: ahead.taken, missed: ahead.missed }, { pages: 4, taken: 2, missed: 4 });
});

test("what the worker renders is kept for the next build, but not a page left to the build", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "kept-html-"));
  const globals = globalThis as Record<symbol, KeptResultsPlace | undefined>;
  globals[KEPT_RESULTS] = { dir: root, code: "code 1" };
  try {
    const fr = { lang: "fr", leadImage: false, file: "content/blog/ag/index.fr.md" };
    const source = "## Assemblée générale\n\nLe budget est voté.\n";
    const linksSource = "Voir [le bilan](../bilan/index.fr.md).\n";
    const kept = new KeptResults<MarkdownRender>("markdown-html", "options", { ownSave: true, text: RENDER_AS_TEXT });
    const ahead = new PrerenderedMarkdown(OPTIONS, [{ source, env: fr }, { source: linksSource, env: fr }], kept);
    await holdingProcess(ahead.done);
    kept.save();
    const next = new KeptResults<MarkdownRender>("markdown-html", "options", { ownSave: true, text: RENDER_AS_TEXT });
    assert.deepEqual(next.find(renderKey(source, fr)), { html: createMarkdown(OPTIONS).render(source, { ...fr }), sizes: [] });
    assert.equal(next.find(renderKey(linksSource, fr)), undefined);
  } finally {
    delete globals[KEPT_RESULTS];
    rmSync(root, { recursive: true, force: true });
  }
});
