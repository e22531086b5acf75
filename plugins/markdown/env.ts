/**
 * The per-render environment every rule of the pipeline reads. markdown-it hands
 * `env` to each rule; Eleventy passes the page's data object there, but the
 * plugin gives the parser a fresh `MarkdownEnv` per render (see index.ts) so
 * footnotes and heading slugs never leak from one render into the next.
 */
import { ContentError } from "../core/problems.ts";
import type { BundleLocation } from "./bundle-files.ts";

export interface MarkdownEnv {
  /** Language of the page being rendered ("fr", "en"…): its URL prefix. Missing means the default language. */
  lang?: string;
  /**
   * Language of the text, when it differs from the page's: an English URL
   * showing a French text not translated yet. The blocks' words follow the
   * text (a French callout titled "Remarque"), links follow the page.
   */
  contentLang?: string;
  /** True when the layout shows an image above the text (post image, event banner). */
  leadImage?: boolean;
  /** Project-relative path of the Markdown file, for content errors. */
  file?: string;
  /** The page's bundle, when it is one (`<folder>/index.<lang>.md`): its files' folder and URL. */
  bundle?: BundleLocation;
  /** markdown-it plugins keep their own per-render state here (footnotes, anchors). */
  [key: string]: unknown;
}

const codeOr = (value: unknown, fallback: string) => (typeof value === "string" && value !== "" ? value : fallback);

/** Language of the text, for the words the blocks print. */
export function langOf(env: unknown, defaultLanguage: string): string {
  const e = env as MarkdownEnv | undefined;
  return codeOr(e?.contentLang, codeOr(e?.lang, defaultLanguage));
}

/** Language of the page, for the prefix of site-absolute links. */
export function pageLangOf(env: unknown, defaultLanguage: string): string {
  return codeOr((env as MarkdownEnv | undefined)?.lang, defaultLanguage);
}

/**
 * Site-absolute paths get the language prefix of the page: `/soutenir/` is
 * `/en/soutenir/` on an English page. The default language lives at `/`.
 * Full URLs and paths already carrying the prefix are left alone.
 */
export function localizePath(url: string, lang: string, defaultLanguage: string): string {
  if (!url.startsWith("/") || url.startsWith("//") || lang === defaultLanguage) return url;
  const prefix = `/${lang}`;
  if (url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}#`)) return url;
  return `${prefix}${url}`;
}

/** A writer's mistake found while rendering: a ContentError naming the file. */
export function contentError(env: unknown, message: string, field?: string): ContentError {
  const file = (env as MarkdownEnv | undefined)?.file;
  return new ContentError([{ file: typeof file === "string" ? file : "(markdown)", message, ...(field ? { field } : {}) }]);
}
