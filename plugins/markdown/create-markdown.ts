/**
 * The site's Markdown dialect, as one markdown-it instance. No Eleventy here:
 * scripts (feeds, search excerpts, tests) can render Markdown the same way.
 *
 * What writers get, beyond CommonMark + tables + strikethrough + autolinks:
 * heading anchors (and `{#id}`), footnotes, scrolling tables, definition lists, figures with captions, galleries,
 * callouts, details/FAQ, a donation block, PeerTube cards, highlighted code,
 * `rel` on external links, and French typography (no-break spaces) on French text. `{{ }}` and `{% %}` are plain text: the site
 * never runs content through a template engine.
 *
 * Render with `md.render(source, { lang, file })`: `lang` picks the words the
 * blocks print and the donate link's prefix, `file` names the file in errors.
 */
import MarkdownIt from "markdown-it";
import deflist from "markdown-it-deflist";
import { anchorsPlugin } from "./anchors.ts";
import { blocksPlugin } from "./blocks.ts";
import { bundleLinksPlugin } from "./bundle-links.ts";
import { figuresPlugin } from "./figures.ts";
import { galleryPlugin } from "./gallery.ts";
import { footnotesPlugin } from "./footnotes.ts";
import { highlightCode } from "./highlight.ts";
import { encodedFragment } from "../core/url.ts";
import { externalLinksPlugin } from "./links.ts";
import { parseMarkdownOptions, type MarkdownOptionsInput } from "./options.ts";
import { peertubePlugin } from "./peertube.ts";
import { stringsTable } from "./strings.ts";
import { tablesPlugin } from "./tables.ts";
import { typographyPlugin } from "./typography.ts";
import { eagerFirstImagePlugin } from "./eager.ts";
import { sourceLinksPlugin, type PageUrlOf } from "./source-links.ts";

/** What a build knows that options cannot carry: the pages' URLs, for links to Markdown files (source-links.ts). */
export interface MarkdownRuntime {
  pageUrlOf?: PageUrlOf;
}

export function createMarkdown(input: MarkdownOptionsInput, runtime: MarkdownRuntime = {}): MarkdownIt {
  const options = parseMarkdownOptions(input);
  const strings = stringsTable(options.strings, options.defaultLanguage);
  const { defaultLanguage } = options;

  const md = new MarkdownIt({
    // Writers may need the odd <abbr> or <kbd>; they are trusted committers.
    html: true,
    // A pasted https:// address becomes a link, as in every mail client.
    linkify: true,
    // Off: French and English want different quotes, and writers' punctuation stays theirs.
    typographer: false,
    highlight: highlightCode,
  });

  // A Matrix room's address as Element shares it (matrix.to/#/#room:server) is a valid page link.
  const normalizeLink = md.normalizeLink.bind(md);
  md.normalizeLink = (url) => encodedFragment(normalizeLink(url));
  // Only addresses with their scheme: bare "index.fr.md" (.md is a TLD) or
  // "ssh admin@serveur.example" in a technical post must stay text.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  // As Eleventy does for its own md library (its issue #2438): four spaces of
  // indentation in a list or after a block do not silently make code.
  md.disable("code");

  md.use(anchorsPlugin, { level: options.anchorLevel, defaultLanguage, strings });
  md.use(footnotesPlugin, { defaultLanguage, strings });
  md.use(tablesPlugin, { defaultLanguage, strings });
  // FAQ-style definition lists (`Terme` then `: définition`), the syntax Pandoc and PHP Markdown Extra use.
  md.use(deflist);
  md.use(figuresPlugin);
  md.use(blocksPlugin, { defaultLanguage, donateUrl: options.donateUrl, strings });
  // ::: gallery: photos side by side, each with its caption.
  md.use(galleryPlugin);
  md.use(peertubePlugin, { defaultLanguage, hosts: options.peertubeHosts, strings });
  // Bundle files: links made site-absolute (one copy for every language), ::: downloads, videos.
  md.use(bundleLinksPlugin, { defaultLanguage, strings });
  // Links to another page's Markdown file (../atelier/index.fr.md) lead to that page.
  md.use(sourceLinksPlugin, { defaultLanguage, pageUrlOf: runtime.pageUrlOf });
  md.use(externalLinksPlugin, { siteUrl: options.siteUrl });
  md.use(eagerFirstImagePlugin);
  // French text only: narrow no-break spaces before ; : ! ? and inside « », numbers kept with their unit.
  md.use(typographyPlugin, { defaultLanguage });
  return md;
}
