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
import type { ContentProblem } from "../core/problems.ts";
import type { InputPathToUrl } from "../validate/url-collisions.ts";
import { askingSizes, bundleOf, listBundleFiles, sameSizes, type PublishedFile } from "./bundle-files.ts";
import { documentProblem } from "../core/file-bytes.ts";
import { addContentCheck } from "../validate/registry.ts";
import { checkingParser, checkMarkdownSource } from "./check-source.ts";
import { createMarkdown } from "./create-markdown.ts";
import type { MarkdownEnv } from "./env.ts";
import { parseMarkdownOptions, type MarkdownOptionsInput } from "./options.ts";
import { counted, timed } from "../core/timings.ts";
import { KeptResults } from "../core/kept-results.ts";
import { parseFrontMatter, splitFrontMatter } from "../core/front-matter.ts";
import { PrerenderedMarkdown, RENDER_AS_TEXT, renderKey, type MarkdownRender, type PrerenderPage } from "./prerender.ts";

export type { MarkdownOptionsInput } from "./options.ts";

/** Absolute paths of the browser files above, for the layout's passthrough copy. */
export const MARKDOWN_ASSETS = {
  css: path.join(import.meta.dirname, "markdown.css"),
  highlightCss: path.join(import.meta.dirname, "highlight.css"),
  peertubeJs: path.join(import.meta.dirname, "peertube.js"),
} as const;

/**
 * A Markdown page the build renders: its file (an untranslated copy's is the
 * path Eleventy gives it), its whole text, and what its render reads from the
 * page's data that its front matter does not say (`lang`, `contentLang`).
 */
export interface MarkdownSource {
  /** Absolute, or relative to the working folder. */
  file: string;
  text: string;
  data: Record<string, unknown>;
}

export interface MarkdownPluginOptions extends MarkdownOptionsInput {
  /**
   * The content's Markdown pages (the languages plugin knows them, untranslated
   * copies included). `npm run build` renders them ahead in a worker thread
   * while Eleventy reads the content (./prerender.ts), from `aheadFrom` pages.
   */
  sources?: () => readonly MarkdownSource[];
  /**
   * Fewer pages than this are not worth the worker. With it, on 2 cores, the
   * bench's sites built 3 % slower at 200 posts (630 pages), and faster from
   * there: 3 % at 500 posts (1,230 pages), 5 % at 1,000, 7 % at 4,000 (8,230 pages).
   */
  aheadFrom?: number;
}

/** The pages of the last build (or the one running) rendered ahead, if it had enough: how many, how many the build took. */
let lastAhead: PrerenderedMarkdown | undefined;
export const renderedAhead = (): PrerenderedMarkdown | undefined => lastAhead;

export default function markdownPlugin(eleventyConfig: EleventyConfig, options: MarkdownPluginOptions): void {
  // Parsed here too so a wrong option stops the build at registration, naming this plugin.
  checkEleventyVersion(eleventyConfig, "markdown");
  const { sources, aheadFrom = 1000, ...pipeline } = options;
  const parsed = parseMarkdownOptions(pipeline);
  // Every page's URL, from Eleventy's content map: for links to Markdown files (./source-links.ts).
  // Read into a map by the first such link of a build only: most builds have none.
  let contentMap: InputPathToUrl | undefined;
  let pageUrls: ReadonlyMap<string, string> | undefined;
  eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl }: { inputPathToUrl: InputPathToUrl }) => {
    contentMap = inputPathToUrl;
    pageUrls = undefined;
  });
  const pageUrlOf = (inputPath: string) => {
    pageUrls ??= new Map(
      Object.entries(contentMap ?? {}).flatMap(([key, urls]) => {
        const url = urls.find((u) => typeof u === "string");
        return url ? [[path.normalize(key), url] as const] : [];
      }),
    );
    return pageUrls.get(inputPath);
  };
  // A render that looked up another page's URL depends on more than its text and environment: never kept.
  let urlsRead = false;
  const md = createMarkdown(parsed, {
    pageUrlOf: (inputPath) => {
      urlsRead = true;
      return pageUrlOf(inputPath);
    },
  });
  const inputDir = eleventyConfig.directories.input;
  // A render depends on its text, its environment, the options, the code and the
  // size of the bundle files it links to: `npm run build` keeps each page's HTML
  // with those sizes for the next build (../core/kept-results.ts).
  const kept = new KeptResults<MarkdownRender>("markdown-html", `text ${JSON.stringify(parsed)}`, { ownSave: true, text: RENDER_AS_TEXT });
  const keptHtml = (key: string) => {
    const found = kept.find(key);
    return Array.isArray(found?.sizes) && sameSizes(found.sizes) ? found.html : undefined;
  };
  let reused = 0;

  // The content's pages the last build rendered, looked up once (by their render's key);
  // a one-off build (npm start renders a few pages a save) renders the others ahead, if enough.
  const keptPages = new Map<string, string>();
  let ahead: PrerenderedMarkdown | undefined;
  if (sources && process.env.ELEVENTY_RUN_MODE === "build") {
    const toRender = pagesToRender(sources(), parsed.defaultLanguage, inputDir).filter(({ source, env }) => {
      const key = renderKey(source, env);
      const html = keptHtml(key);
      if (html !== undefined) keptPages.set(key, html);
      return html === undefined;
    });
    if (toRender.length >= aheadFrom) ahead = new PrerenderedMarkdown(parsed, toRender, kept);
  }
  lastAhead = ahead;
  eleventyConfig.on("eleventy.after", async () => {
    const done = ahead;
    ahead = undefined;
    counted("Markdown renders taken from the kept HTML", reused);
    reused = 0;
    if (done) {
      counted("Markdown pages rendered ahead", done.taken);
      counted("Markdown pages rendered by the build", done.missed);
      await done.stop();
    }
    kept.save();
  });

  // Eleventy passes the page's whole data object as `env`, and markdown-it
  // plugins write into `env` (footnote lists, used heading slugs). A fresh env
  // per render keeps a second render of the same page (collections, feeds)
  // from numbering footnotes on or suffixing every heading id with "-1".
  const render = md.render.bind(md);
  md.render = (source: string, data?: unknown) =>
    timed("Markdown", () => {
      const env = renderEnv(data, parsed.defaultLanguage, inputDir);
      const key = renderKey(source, env);
      const listed = keptPages.get(key);
      const rendered = listed === undefined ? ahead?.take(source, env) : undefined;
      if (rendered !== undefined) return rendered;
      const found = listed ?? keptHtml(key);
      if (found !== undefined) {
        reused++;
        return found;
      }
      urlsRead = false;
      const { value: html, sizes } = askingSizes(() => render(source, env));
      if (!urlsRead) kept.keep(key, { html, sizes });
      return html;
    });

  // Every bundle's files (PDF, EPUB, audio, video…) published once, beside the default language's page.
  const published = listBundleFiles(inputDir);
  for (const { source, output } of published) eleventyConfig.addPassthroughCopy({ [passthroughPath(source)]: output });
  // …each one a file that opens: named at the link to it, before the build (first and last bytes only).
  addContentCheck(eleventyConfig, "linked files", () => linkedFileProblems(published));

  eleventyConfig.setLibrary("md", md);
}

/**
 * The published files that would not open (empty, a Git LFS pointer, a PDF
 * that is another kind of file or cut off), each named at its first link:
 * published as they were, readers got a document that does not open.
 * Paths are from the working folder, the project's.
 */
export function linkedFileProblems(published: readonly PublishedFile[]): ContentProblem[] {
  return published.flatMap(({ source, linkedFrom: { page, href, line } }) => {
    const wrong = documentProblem(source);
    if (!wrong) return [];
    return [{ file: path.relative(process.cwd(), page).split(path.sep).join("/"), line, field: href, message: `the file ${path.basename(source)} ${wrong}` }];
  });
}

/**
 * The body check for the validation plugin (`bodyChecks`): orphan footnotes,
 * raw <iframe>/<script>/style=, repeated {#id}, a heading that skips a level,
 * each with its file and line, all of them before the build starts. Give it
 * the same options as the plugin, and the content folder: the home page
 * (`index.<lang>.md` at its root) is the one whose text brings its own title (`#`).
 */
export function markdownBodyCheck(options: MarkdownOptionsInput, inputDir?: string): (body: string, file: string, dir?: string) => ContentProblem[] {
  const parsed = parseMarkdownOptions(options);
  const md = checkingParser(createMarkdown(parsed));
  const root = inputDir === undefined ? undefined : path.resolve(inputDir);
  // What a body holds depends on its text and the parser alone: a build checks only the texts that changed.
  const kept = new KeptResults<Omit<ContentProblem, "file">[]>("markdown-check", JSON.stringify(parsed), { inMemory: true });
  return (body, file, dir) => {
    const titleLevel = root !== undefined && dir !== undefined && path.resolve(dir) === root ? 0 : 1;
    const found = kept.get(`${titleLevel}\u0000${body}`, () => checkMarkdownSource(md, body, file, titleLevel).map(({ file: _, ...problem }) => problem));
    return found.map((problem) => ({ file, ...problem }));
  };
}

/**
 * Each source's body as Eleventy hands it to the library (after the front
 * matter; in NFC, as the core plugin's preprocessor makes it), with the
 * environment {@link renderEnv} will make of the page's data. A file whose
 * front matter does not parse is left to the build, which reports it.
 */
function pagesToRender(sources: readonly MarkdownSource[], defaultLanguage: string, inputDir: string): PrerenderPage[] {
  const pages: PrerenderPage[] = [];
  for (const { file, text, data } of sources) {
    const split = splitFrontMatter(text);
    if (split.opened && !split.closed) continue;
    let front: Readonly<Record<string, unknown>>;
    try {
      front = parseFrontMatter(split.yaml);
    } catch {
      continue;
    }
    // Eleventy names a page by its path from the working folder.
    const page = { inputPath: path.relative(process.cwd(), path.resolve(file)) };
    pages.push({ source: split.body.normalize("NFC"), env: renderEnv({ ...front, ...data, page }, defaultLanguage, inputDir) });
  }
  return pages;
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
