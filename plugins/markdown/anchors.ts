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

export function anchorsPlugin(md: MarkdownIt, opts: { level: number; defaultLanguage: string; strings: StringsTable }): void {
  md.use(anchor, {
    level: opts.level,
    slugify: headingId,
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
