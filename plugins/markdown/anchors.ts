/**
 * Heading ids and anchor links. Slugs are ASCII so they survive copy-paste in
 * any mail client: "Assemblée générale" → `assemblee-generale`. The anchor link
 * comes after the heading (not inside it) so the heading's accessible name stays
 * its text; the link's own name is visually hidden text in the page's language.
 */
import type MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import slugifyText from "@sindresorhus/slugify";
import { langOf } from "./env.ts";
import { fill, type StringsTable } from "./strings.ts";

/**
 * `decamelize: false` keeps "JavaScript" as `javascript` (not `java-script`);
 * `&` becomes a separator instead of the English word "and" in French slugs.
 */
export function slugify(text: string): string {
  return slugifyText(text, { decamelize: false, customReplacements: [["&", " "]] });
}

/** Heading ids: a slug that starts with a digit ("1. Install") gets a prefix, since such ids break CSS selectors and validators. */
export function headingId(text: string): string {
  const slug = slugify(text);
  return /^\d/.test(slug) ? `section-${slug}` : slug;
}

/**
 * `## Faire un don {#faire-un-don}`: the writer's own id, so an anchor that
 * older pages or other sites link to keeps working when the heading is reworded.
 * Headings only, and only `{#id}`: a general attributes plugin (markdown-it-attrs)
 * would also swallow text such as `{% if %}` at the end of a paragraph.
 */
const EXPLICIT_ID = /[ \t]+\{#([A-Za-z][\w-]*)\}[ \t]*$/;

export function explicitIdsPlugin(md: MarkdownIt): void {
  // Before "inline": the marker is cut from the heading's raw text, so it never reaches the slug or the page.
  md.core.ruler.before("inline", "explicit_heading_ids", (state) => {
    state.tokens.forEach((token, i) => {
      if (token.type !== "heading_open") return;
      const inline = state.tokens[i + 1];
      const match = inline?.type === "inline" ? EXPLICIT_ID.exec(inline.content) : null;
      if (!inline || !match) return;
      inline.content = inline.content.slice(0, match.index);
      token.attrSet("id", match[1]!);
      // For the content check: a repeated id is the writer's mistake, named with its line.
      const env = state.env as { explicitIds?: { id: string; line: number }[] };
      (env.explicitIds ??= []).push({ id: match[1]!, line: (token.map?.[0] ?? 0) + 1 });
    });
  });
}

export function anchorsPlugin(md: MarkdownIt, opts: { level: number; defaultLanguage: string; strings: StringsTable }): void {
  md.use(explicitIdsPlugin);
  md.use(anchor, {
    level: opts.level,
    slugify: headingId,
    // A repeated {#id} gets a suffix here; the content check (check-source.ts) reports it with its line.
    failOnNonUnique: false,
    // The permalink renderer is chosen per heading because its hidden text is
    // localized, and only the render state knows the page's language.
    permalink: (slug, permalinkOpts, state, index) => {
      const strings = opts.strings(langOf(state.env, opts.defaultLanguage));
      anchor.permalink.linkAfterHeader({
        style: "visually-hidden",
        assistiveText: (title) => fill(strings.sectionLink, { title }),
        visuallyHiddenClass: "visually-hidden",
        class: "heading-anchor",
        wrapper: ['<div class="heading">', "</div>"],
      })(slug, permalinkOpts, state, index);
    },
  });
}
