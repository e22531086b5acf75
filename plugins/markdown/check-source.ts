/**
 * Mistakes in a Markdown body that the renderer would otherwise swallow, found
 * by the site's own parser so each one has its line (token maps, not a regex
 * over the file):
 *
 * - a footnote reference `[^2]` without its definition (markdown-it prints the
 *   brackets as text), a definition no reference calls (dropped silently), or
 *   a label defined twice (the first definition dropped silently);
 * - raw `<iframe>`, `<script>` or a `style="…"` attribute: the site's CSP
 *   blocks them in the browser, so the page looks right to nobody;
 * - the same `{#id}` on two headings;
 * - anything but images in a `::: gallery`;
 * - link syntax the parser left as text: an address with a space
 *   (`[le plan](../plan salle/)`), or a space between `]` and `(`;
 * - a heading that is not the next level down: a `#` below the page's title
 *   (its layout's only level-1 heading) or a `####` under a `##`. Screen
 *   readers list a page's headings by level, and a skipped level reads as a
 *   missing section.
 *
 * Lines are 1-based in the body handed over (the validation plugin shifts them
 * past the front matter).
 */
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import type { ContentProblem } from "../core/problems.ts";
import { galleryImages } from "./gallery.ts";

/** Text that only these mistakes contain: most pages skip the parse (headings: see {@link headingsWorthParsing}). */
const WORTH_PARSING = /\[\^|<(iframe|script)\b|\bstyle\s*=|\{#|^:::\s*gallery|\]\([^()\n]*\s[^()\n]*\)|\][ \t]+\(/im;
/** An ATX heading's hashes (after any `>` of a quote), or a setext level-1 underline. */
const HEADING_LINE = /^[ \t>]*(#{1,6})(?:[ \t]|$)|^ {0,3}=+[ \t]*$/gm;
const FOOTNOTE_REF = /\[\^([^\]\s]+)\]/g;
/** Left as text by the parser: `[text](an address with spaces)` (not an image: the images check names those). */
const SPACED_ADDRESS = /(?<!!)\[([^\]]*)\]\(([^()\n]*\s[^()\n]*)\)/g;
/** Left as text too: `[text] (https://…)`, when what follows the space reads as an address (not "[sic] (en 2020)"). */
const SPACE_BEFORE_ADDRESS = /(?<!!)\[([^\]]+)\][ \t]+\(((?:[a-z][a-z0-9+.-]*:|\.{0,2}\/|#)[^()\s]*)\)/gi;
const FORBIDDEN_TAG = /<(iframe|script)\b/gi;
const STYLE_ATTRIBUTE = /<[a-z][^>]*\sstyle\s*=/gi;

interface ParseEnv {
  footnotes?: { refs?: Record<string, number> };
  footnoteDefinitions?: { label: string; line: number }[];
  explicitIds?: { id: string; line: number }[];
}

/**
 * Core rules of the site's parser that only shape the output (links, figures,
 * tables, typography, heading anchors…): the checks read the block structure,
 * footnotes, raw HTML and explicit ids, which come before or without them.
 */
const OUTPUT_ONLY_RULES = [
  "github_alerts",
  "bundle_links",
  "figures",
  "gallery",
  "table_align_classes",
  "table_labels",
  "linkify",
  "replacements",
  "smartquotes",
  "french_typography",
  "anchor",
  "eager_first_image",
];

/**
 * `md` (a parser of its own: this changes it) made lighter for
 * {@link checkMarkdownSource}: the same tokens the checks read, without the
 * rules that only shape the output. The typography and anchor rules alone were
 * a third of the validation pass of 1,000 bench posts.
 */
export function checkingParser(md: MarkdownIt): MarkdownIt {
  md.core.ruler.disable(OUTPUT_ONLY_RULES, true);
  // Bare addresses stay text, as the checks of link syntax left as text read it.
  md.inline.ruler.disable("linkify", true);
  return md;
}

/**
 * `titleLevel`: the level of the heading the layout puts above the body (1, the
 * page's title), or 0 where the body brings its own title (the home page).
 */
export function checkMarkdownSource(md: MarkdownIt, body: string, file: string, titleLevel: 0 | 1 = 1): ContentProblem[] {
  if (!WORTH_PARSING.test(body) && !headingsWorthParsing(body, titleLevel)) return [];
  const env: ParseEnv = {};
  const tokens = md.parse(body, env);
  const problems: ContentProblem[] = [];
  const add = (line: number, field: string, message: string) => problems.push({ file, line, field, message });

  let level: number = titleLevel;
  let first = true;
  let gallery = 0;
  for (const token of tokens) {
    if (token.type === "container_gallery_open") gallery++;
    else if (token.type === "container_gallery_close") gallery--;
    else if (gallery > 0 && token.type === "inline" && !galleryImages(token.children ?? [])) {
      const lines = token.content.split("\n");
      const at = Math.max(0, lines.findIndex((l) => !/^\s*!\[[^\]]*\]\([^)]*\)\s*$/.test(l)));
      const shown = lines[at]!;
      add((token.map?.[0] ?? 0) + 1 + at, "::: gallery", `a gallery holds only images, one a line: "${shown.trim()}" is not one; put text before or after the gallery, and a photo's caption in its title: ![…](photo.jpg "Caption")`);
    }
  }
  walk(tokens, (token, line, text) => {
    if (token.type === "heading_open") {
      const next = Number(token.tag.slice(1));
      const at = (token.map?.[0] ?? 0) + 1;
      const hashes = "#".repeat(next);
      if (next === 1 && titleLevel === 1) {
        add(at, hashes, "a level-1 heading (#) in the text: the page's title is its only one; write ## for a section, or delete the line if it repeats the title");
      } else if (next > level + 1) {
        const fix = "#".repeat(level + 1);
        const where = !first ? `after a ${"#".repeat(level)} one` : titleLevel ? "right under the page's title" : "first";
        add(at, hashes, `a ${hashes} heading ${where}: skipped levels read as missing sections in screen readers; write ${fix} here`);
      }
      level = next;
      first = false;
    }
    if (token.type === "text") {
      for (const [written, label, address] of token.content.matchAll(SPACED_ADDRESS)) {
        const spaced = address!.trim();
        add(line(written), spaced, `${written} is shown as text, not as a link: an address with spaces must be written between < and >: [${label}](<${spaced}>), or with %20 for each space`);
      }
      for (const [written, label, address] of token.content.matchAll(SPACE_BEFORE_ADDRESS)) {
        add(line(written), address!, `${written} is shown as text, not as a link: remove the space between ] and (: [${label}](${address})`);
      }
      for (const ref of token.content.matchAll(FOOTNOTE_REF)) {
        add(line(ref[0]), ref[0], `the footnote ${ref[0]} has no definition: add a line "${ref[0]}: the note's text" (after the paragraph or at the end)`);
      }
    }
    if (token.type === "html_block" || token.type === "html_inline") {
      for (const tag of text.matchAll(FORBIDDEN_TAG)) {
        const name = tag[1]!.toLowerCase();
        const fix =
          name === "iframe"
            ? `for a PeerTube video write ::: peertube https://video.example.org/w/… "Title" on its own line; for anything else, a link: [What it shows](https://…)`
            : "put the feature in a plugin's script, or link to the page that has it: [What it does](https://…)";
        add(line(tag[0]), `<${name}>`, `raw <${name}> in Markdown: the site's Content-Security-Policy blocks it, so no visitor would see it; ${fix}`);
      }
      for (const attr of text.matchAll(STYLE_ATTRIBUTE)) {
        add(line(attr[0]), "style", `a style="…" attribute in raw HTML: the site's Content-Security-Policy ignores it; use Markdown (a table's | :---: | aligns its column) or a class from the site's stylesheet`);
      }
    }
  });

  const refs = env.footnotes?.refs ?? {};
  // A label's line: its last definition's, the one the page shows.
  const definedAt = new Map((env.footnoteDefinitions ?? []).map((d) => [d.label, d.line]));
  for (const [key, id] of Object.entries(refs)) {
    if (id !== -1) continue;
    const label = key.slice(1);
    add(definedAt.get(label) ?? 1, `[^${label}]`, `the footnote [^${label}] is defined but never referenced: put [^${label}] where the note applies, or delete the definition`);
  }

  for (const { entry: { label, line }, above } of repeats(env.footnoteDefinitions, (d) => d.label)) {
    add(line, `[^${label}]`, `the footnote [^${label}] is already defined ${above}: the page would show only this definition; give one of them another label, and its call too`);
  }
  for (const { entry: { id, line }, above } of repeats(env.explicitIds, (e) => e.id)) {
    add(line, `{#${id}}`, `the heading id "${id}" is already used ${above}: each {#id} must be unique in the page`);
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Each name given again after its first line, with where that first one is,
 * said from the later line ("2 lines above"): lines here are the body's, and
 * the file's are shifted by its front matter, so a line number would not match.
 */
function repeats<T extends { line: number }>(entries: readonly T[] = [], name: (entry: T) => string): { entry: T; above: string }[] {
  const firsts = new Map<string, number>();
  const found: { entry: T; above: string }[] = [];
  for (const entry of entries) {
    const first = firsts.get(name(entry));
    if (first === undefined) firsts.set(name(entry), entry.line);
    else found.push({ entry, above: entry.line - first === 1 ? "on the line above" : `${entry.line - first} lines above` });
  }
  return found;
}

/**
 * Whether the body's heading lines, read without the parser, could hold a
 * level-1 heading or a skipped level; the parse then tells headings from
 * code, where `# comment` lines are common.
 */
function headingsWorthParsing(body: string, titleLevel: number): boolean {
  let level: number = titleLevel;
  for (const [, hashes] of body.matchAll(HEADING_LINE)) {
    const next = hashes ? hashes.length : 1;
    if ((next === 1 && titleLevel === 1) || next > level + 1 || !hashes) return true;
    level = next;
  }
  return false;
}

/**
 * Visits every token with a way to find the line of a piece of its text: the
 * block's first line plus the line breaks before it. Inline tokens carry no
 * map, so children are located inside their parent's source text.
 */
function walk(tokens: Token[], visit: (token: Token, line: (needle: string) => number, text: string) => void): void {
  for (const token of tokens) {
    const line = locator(token.content, (token.map?.[0] ?? 0) + 1);
    if (token.type !== "inline") visit(token, line, token.content);
    else for (const child of token.children ?? []) visit(child, line, child.content);
  }
}

/** Line of each needle in `text` (whose first line is `first`), searching on from the previous hit so repeats get their own line. */
function locator(text: string, first: number): (needle: string) => number {
  let cursor = 0;
  return (needle) => {
    const at = text.indexOf(needle, cursor);
    if (at === -1) return first;
    cursor = at + needle.length;
    return first + text.slice(0, at).split("\n").length - 1;
  };
}
