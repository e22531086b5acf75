/**
 * Links to another page's Markdown file, written the way a writer's editor
 * completes them and Gitea's file view follows them:
 *
 *   [l'atelier](../atelier/index.fr.md)             → href="/blog/2025/atelier/"
 *   [the workshop](../atelier/index.fr.md#programme) on an English page → href="/en/blog/2025/atelier/#programme"
 *
 * The link leads to that page in the language of the page that links (its
 * translation, or its copy awaiting one), as a relative link between pages
 * (`../atelier/`) does, wherever the page is published: a `slug` or a section
 * without a URL folder (`pages/`) changes nothing for the writer. The forge
 * shows the file itself when the Markdown is read there.
 *
 * A file that makes no page in this build (a draft, a scheduled post, a wrong
 * name) keeps its link as written: the link check then names its line.
 *
 * The URLs are Eleventy's (its content map): known once every page's data is,
 * so a page linking to a Markdown file is rendered by the build, never ahead
 * in the worker (prerender.worker.ts), which has no map.
 */
import path from "node:path";
import type MarkdownIt from "markdown-it";
import { decodedOrAsWritten } from "../core/decode.ts";
import { siblingPath } from "../i18n/paths.ts";
import { pageLangOf, type MarkdownEnv } from "./env.ts";

/** Page URL of a template, by its path from the working folder (`content/blog/x/index.fr.md`); undefined when it makes no page. */
export type PageUrlOf = (inputPath: string) => string | undefined;

/** Thrown where no URL can be known yet (the worker): the build renders the page itself. */
export class PageUrlsUnknown extends Error {}

/** A relative link to a Markdown file, with its #fragment or ?query apart. */
const SOURCE_LINK = /^(?![a-z][a-z0-9+.-]*:|\/|#|\?)([^?#]+\.md)([?#].*)?$/i;
/** `index.fr.md`, `association.en.md`: the language suffix of a content file. */
const LANG_SUFFIX = /\.([a-z]{2,3}(?:-[A-Z]{2})?)\.md$/;

/** A relative link to a Markdown file: the file as written (decoded), and what follows it (`#fragment`, `?query`, or ""). */
export function sourceLinkParts(href: string): { file: string; rest: string } | undefined {
  const match = SOURCE_LINK.exec(href);
  return match ? { file: decodedOrAsWritten(match[1]!), rest: match[2] ?? "" } : undefined;
}

/** The file a relative link to a Markdown file names, from the file that holds it (both paths from the same folder), and what follows it. */
export function sourceLinkTarget(href: string, from: string): { file: string; rest: string } | undefined {
  const link = sourceLinkParts(href);
  return link && { file: path.join(path.dirname(from), link.file), rest: link.rest };
}

export function sourceLinksPlugin(md: MarkdownIt, opts: { defaultLanguage: string; pageUrlOf?: PageUrlOf }): void {
  const { pageUrlOf, defaultLanguage } = opts;
  // Without URLs (a script rendering a snippet), links stay as written.
  if (!pageUrlOf) return;
  md.core.ruler.after("inline", "source_links", (state) => {
    const file = (state.env as MarkdownEnv | undefined)?.file;
    if (typeof file !== "string") return;
    const lang = pageLangOf(state.env, defaultLanguage);
    for (const token of state.tokens) {
      if (token.type !== "inline" || !token.children) continue;
      for (const child of token.children) {
        if (child.type !== "link_open") continue;
        const link = sourceLinkTarget(child.attrGet("href") ?? "", file);
        if (!link) continue;
        const url = urlOfSource(link.file, lang, pageUrlOf);
        if (url) child.attrSet("href", url + link.rest);
      }
    }
  });
}

/** The page made from `target` in the language `lang`: its sibling in that language first, else the file's own page. */
function urlOfSource(target: string, lang: string, pageUrlOf: PageUrlOf): string | undefined {
  const written = LANG_SUFFIX.exec(target)?.[1];
  return (written && written !== lang ? pageUrlOf(siblingPath(target, written, lang)) : undefined) ?? pageUrlOf(target);
}
