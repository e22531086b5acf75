/**
 * Eleventy side of the Markdown pipeline: installs createMarkdown()'s instance
 * as the `md` library.
 *
 * The site config must also set `markdownTemplateEngine: false` (a plugin cannot):
 * content is never run through Liquid or Nunjucks, so `{{ }}` in a post stays text.
 *
 * Files the layout serves with the rendered HTML (all optional, all from this folder):
 * - markdown.css   looks of the blocks (callouts, scrolling tables, figures, cards…)
 * - highlight.css  code colours, light and dark   (CSP: style-src 'self')
 * - peertube.js    click-to-play for PeerTube cards (CSP: script-src 'self';
 *                  frame-src https://<each peertubeHosts entry>)
 */
import path from "node:path";
import { passthroughPath } from "../core/files.ts";
import type { EleventyConfig } from "../core/eleventy.ts";
import { checkEleventyVersion, UNIQUE_PLUGIN } from "../core/options.ts";
import type { ContentProblem } from "../validate/problems.ts";
import { bundleOf, listBundleFiles } from "./bundle-files.ts";
import { checkingParser, checkMarkdownSource } from "./check-source.ts";
import { createMarkdown } from "./create-markdown.ts";
import type { MarkdownEnv } from "./env.ts";
import { parseMarkdownOptions, type MarkdownOptionsInput } from "./options.ts";
import { timed } from "../core/timings.ts";

export type { MarkdownOptionsInput } from "./options.ts";

/** Absolute paths of the browser files above, for the layout's passthrough copy. */
export const MARKDOWN_ASSETS = {
  css: path.join(import.meta.dirname, "markdown.css"),
  highlightCss: path.join(import.meta.dirname, "highlight.css"),
  peertubeJs: path.join(import.meta.dirname, "peertube.js"),
} as const;

export default function markdownPlugin(eleventyConfig: EleventyConfig, options: MarkdownOptionsInput): void {
  // Parsed here too so a wrong option stops the build at registration, naming this plugin.
  checkEleventyVersion(eleventyConfig, "markdown");
  const parsed = parseMarkdownOptions(options);
  const md = createMarkdown(parsed);
  const inputDir = eleventyConfig.directories.input;

  // Eleventy passes the page's whole data object as `env`, and markdown-it
  // plugins write into `env` (footnote lists, used heading slugs). A fresh env
  // per render keeps a second render of the same page (collections, feeds)
  // from numbering footnotes on or suffixing every heading id with "-1".
  const render = md.render.bind(md);
  md.render = (source: string, data?: unknown) => timed("Markdown", () => render(source, renderEnv(data, parsed.defaultLanguage, inputDir)));

  // Every bundle's files (PDF, EPUB, audio, video…) published once, beside the default language's page.
  for (const { source, output } of listBundleFiles(inputDir)) eleventyConfig.addPassthroughCopy({ [passthroughPath(source)]: output });

  eleventyConfig.setLibrary("md", md);
}

/**
 * The body check for the validation plugin (`bodyChecks`): orphan footnotes,
 * raw <iframe>/<script>/style=, repeated {#id}, each with its file and line,
 * all of them before the build starts. Give it the same options as the plugin.
 */
export function markdownBodyCheck(options: MarkdownOptionsInput): (body: string, file: string) => ContentProblem[] {
  const md = checkingParser(createMarkdown(options));
  return (body, file) => checkMarkdownSource(md, body, file);
}

/**
 * What the pipeline needs from a page's data: its language (`lang`, else
 * Eleventy's `page.lang`), the text's language when the i18n plugin says it
 * differs (`contentLang`, on untranslated copies), and its file, for errors.
 */
export function renderEnv(data: unknown, defaultLanguage: string, inputDir?: string): MarkdownEnv {
  const d = (data ?? {}) as { lang?: unknown; contentLang?: unknown; image?: unknown; banner?: unknown; page?: { lang?: unknown; inputPath?: unknown } };
  const str = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  const lang = str(d.lang) ?? str(d.page?.lang) ?? defaultLanguage;
  const contentLang = str(d.contentLang);
  const inputPath = str(d.page?.inputPath);
  // A post image or an event banner is shown above the text by the layout: the text's images are then all below the fold.
  const leadImage = Boolean(str(d.image) ?? str(d.banner));
  const bundle = inputPath && inputDir !== undefined ? bundleOf(inputPath, inputDir) : undefined;
  return {
    lang,
    leadImage,
    ...(contentLang ? { contentLang } : {}),
    ...(inputPath ? { file: path.normalize(inputPath) } : {}),
    ...(bundle ? { bundle } : {}),
  };
}

markdownPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
