import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import type MarkdownIt from "markdown-it";
import { buildContent, writeContent } from "../../test/helpers/plugin-site.ts";
import type { EleventyConfig } from "../core/eleventy.ts";
import markdownPlugin, { MARKDOWN_ASSETS } from "./index.ts";

const roots: string[] = [];
after(() => roots.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const OPTIONS = { siteUrl: "https://www.chatons-loire.example", donateUrl: "/soutenir/" };

/** Registers the plugin on a stand-in config and returns the library it installs. */
function installedLibrary(options: unknown = OPTIONS): MarkdownIt {
  const libraries: Record<string, unknown> = {};
  // An empty content folder: no bundle files to publish.
  const input = mkdtempSync(path.join(tmpdir(), "markdown-library-"));
  roots.push(input);
  const config = {
    setLibrary: (name: string, lib: unknown) => (libraries[name] = lib),
    directories: { input },
    addPassthroughCopy: () => undefined,
  } as unknown as EleventyConfig;
  markdownPlugin(config, options as typeof OPTIONS);
  return libraries.md as MarkdownIt;
}

/** Builds Markdown pages (path under content/ → text) with the site's settings; returns the error or the output folder. */
async function build(pages: Record<string, string>): Promise<{ out: string; error?: unknown }> {
  const root = mkdtempSync(path.join(tmpdir(), "markdown-plugin-"));
  roots.push(root);
  writeContent(root, pages);
  const out = path.join(root, "_site");
  try {
    await buildContent(root, (cfg) => cfg.addPlugin(markdownPlugin, OPTIONS));
    return { out };
  } catch (error) {
    return { out, error };
  }
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

  it("stops the build on a block error, naming the Markdown file", async () => {
    const { error } = await build({ "blog/v/index.fr.md": "---\nlang: fr\n---\n\n::: peertube https://example.org/pas-une-video\n" });
    assert.ok(error, "the build failed");
    let message = "";
    for (let e = error as { message?: string; originalError?: unknown } | undefined; e; e = e.originalError as typeof e) message += `${e.message}\n`;
    assert.match(message, /content\/blog\/v\/index\.fr\.md · peertube · .*PeerTube video/);
  });
});
