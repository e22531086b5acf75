import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import type MarkdownIt from "markdown-it";
import { holdingProcess } from "../../test/helpers/build.ts";
import { buildContent, writeContent } from "../../test/helpers/plugin-site.ts";
import type { EleventyConfig } from "../core/eleventy.ts";
import markdownPlugin, { MARKDOWN_ASSETS, renderedAhead, type MarkdownSource } from "./index.ts";

const roots: string[] = [];
after(() => roots.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const OPTIONS = { siteUrl: "https://www.chatons-loire.example", donateUrl: "/soutenir/" };

/** Registers the plugin on a stand-in config and returns the library it installs. */
function installedLibrary(options: unknown = OPTIONS): MarkdownIt {
  const libraries: Record<string, unknown> = {};
  // An empty content folder: no bundle files to publish. Stands in for the pinned Eleventy, whose version the plugin checks first.
  const input = mkdtempSync(path.join(tmpdir(), "markdown-library-"));
  roots.push(input);
  const config = {
    versionCheck: () => undefined,
    setLibrary: (name: string, lib: unknown) => (libraries[name] = lib),
    on: () => undefined,
    directories: { input },
    addPassthroughCopy: () => undefined,
  } as unknown as EleventyConfig;
  markdownPlugin(config, options as typeof OPTIONS);
  return libraries.md as MarkdownIt;
}

/**
 * Builds Markdown pages (path under content/ → text) with the site's settings; returns the error or the output folder.
 * `ahead`: the plugin is given the pages as its `sources`, and renders them ahead whatever their number.
 */
async function build(pages: Record<string, string>, ahead = false): Promise<{ out: string; error?: unknown }> {
  const root = mkdtempSync(path.join(tmpdir(), "markdown-plugin-"));
  roots.push(root);
  writeContent(root, pages);
  const out = path.join(root, "_site");
  try {
    await buildContent(root, (cfg) => {
      const sources = (): MarkdownSource[] => Object.entries(pages).map(([file, text]) => ({ file: path.join(root, "content", file), text, data: {} }));
      cfg.addPlugin(markdownPlugin, ahead ? { ...OPTIONS, sources, aheadFrom: 1 } : OPTIONS);
      // A site this small reaches its pages before the worker has started: they wait for it here.
      if (ahead) cfg.on("eleventy.before", () => holdingProcess(renderedAhead()?.done));
    });
    return { out };
  } catch (error) {
    return { out, error };
  }
}

/** Every file of a build, by path. */
function filesOf(out: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of readdirSync(out, { recursive: true, encoding: "utf8" })) {
    if (statSync(path.join(out, file)).isFile()) files.set(file, readFileSync(path.join(out, file), "utf8"));
  }
  return files;
}

describe("markdown plugin", () => {
  it("installs the pipeline as Eleventy's md library", () => {
    const md = installedLibrary();
    assert.match(md.render("::: tip\nx\n:::", { lang: "en" }), /<p class="callout-title">Tip<\/p>/);
  });

  it("renders a page twice the same way, without writing into the page's data", () => {
    const md = installedLibrary();
    const data = { lang: "en", title: "AG", page: { inputPath: "./content/blog/ag/index.en.md" } };
    const source = "## Budget\n\nVoted[^1].\n\n[^1]: Unanimously.";
    const first = md.render(source, data);
    assert.equal(md.render(source, data), first, "no footnote renumbered, no heading id suffixed");
    assert.match(first, /id="budget"/);
    assert.deepEqual(Object.keys(data), ["lang", "title", "page"]);
  });

  it("reads the language from the data, then page.lang, then the default", () => {
    const md = installedLibrary();
    const title = (data: unknown) => /callout-title">([^<]+)/.exec(md.render("::: note\nx\n:::", data))![1];
    assert.equal(title({ lang: "en" }), "Note");
    assert.equal(title({ page: { lang: "en" } }), "Note");
    assert.equal(title({}), "Remarque");
  });

  it("words an untranslated copy in its text's language, and links in the page's", () => {
    const out = installedLibrary().render("::: donate\nAidez-nous.\n:::", { lang: "en", contentLang: "fr" });
    assert.match(out, /<a class="donate-button" href="\/en\/soutenir\/">Nous soutenir<\/a>/);
  });

  it("refuses wrong options when the site registers it", () => {
    assert.throws(() => installedLibrary({ siteUrl: "/" }), /\[markdown plugin\] invalid options:\n {2}siteUrl/);
  });

  it("ships the browser files the layout includes", () => {
    for (const file of Object.values(MARKDOWN_ASSETS)) assert.ok(readFileSync(file, "utf8").length > 0, file);
    assert.doesNotMatch(readFileSync(MARKDOWN_ASSETS.peertubeJs, "utf8"), /\.style\b|innerHTML/, "CSP-safe: no inline style, no HTML strings");
  });

  it("builds pages in both languages with template syntax left as text", async () => {
    const body = "Use `{{ page.url }}`, {{ title }} or {% include 'x' %}.\n\n::: donate\nHelp.\n:::\n";
    const { out, error } = await build({
      "blog/ag/index.fr.md": `---\ntitle: AG\nlang: fr\npermalink: /blog/ag/\n---\n\n${body}`,
      "blog/ag/index.en.md": `---\ntitle: AGM\nlang: en\npermalink: /en/blog/ag/\n---\n\n${body}`,
    });
    assert.equal(error, undefined);
    const fr = readFileSync(path.join(out, "blog/ag/index.html"), "utf8");
    const en = readFileSync(path.join(out, "en/blog/ag/index.html"), "utf8");
    assert.match(fr, /<code>\{\{ page\.url \}\}<\/code>, \{\{ title \}\} or \{% include 'x' %\}\./);
    assert.match(fr, /href="\/soutenir\/">Nous soutenir</);
    assert.match(en, /href="\/en\/soutenir\/">Support us</);
  });

  for (const ahead of [false, true]) {
    it(`stops the build on a block error, naming the Markdown file${ahead ? " (pages rendered ahead)" : ""}`, async () => {
      const { error } = await build({ "blog/v/index.fr.md": "---\nlang: fr\n---\n\n::: peertube https://example.org/pas-une-video\n" }, ahead);
      assert.ok(error, "the build failed");
      let message = "";
      for (let e = error as { message?: string; originalError?: unknown } | undefined; e; e = e.originalError as typeof e) message += `${e.message}\n`;
      assert.match(message, /content\/blog\/v\/index\.fr\.md · peertube · .*PeerTube video/);
    });
  }

  it("builds the same pages from the HTML it rendered ahead, in a worker thread", async () => {
    const post = (lang: string, extra = "") =>
      `---\ntitle: AG\nlang: ${lang}\n${extra}---\n\n## Budget : voté !\n\nLe rapport[^1] est en ligne : [le PDF](rapport.pdf), 12 km à pied.\n\n` +
      "![Les bénévoles](photo.jpg)\n\n```js\nconst a = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n::: tip\nÀ lire.\n:::\n\n[^1]: Moral et financier.\n";
    const pages = {
      "blog/ag/index.fr.md": post("fr"),
      "blog/ag/index.en.md": post("en"),
      "blog/photo/index.fr.md": post("fr", "image: photo.jpg\n"),
      "about.fr.md": "---\nlang: fr\n---\n\n« Bonjour » : une page seule.\n",
    };
    const plain = filesOf((await build(pages)).out);
    const { out, error } = await build(pages, true);
    assert.equal(error, undefined);
    const ahead = renderedAhead()!;
    assert.deepEqual({ pages: ahead.pages, taken: ahead.taken, missed: ahead.missed }, { pages: 4, taken: 4, missed: 0 }, "every page's HTML came from the worker");
    assert.deepEqual(filesOf(out), plain);
    assert.match(plain.get("blog/ag/index.fr/index.html")!, /Budget\u202F: voté\u202F!/, "the pages hold what the pipeline makes");
    assert.match(plain.get("blog/photo/index.fr/index.html")!, /<img src="photo.jpg" alt="Les bénévoles">/, "below a lead image, no eager image");
  });
});
