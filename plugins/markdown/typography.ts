/**
 * French typography, applied to the text of French pages only (English is left
 * as written): a narrow no-break space (U+202F) before ; : ! ? % and inside
 * « », and a no-break space between a number and the word or symbol after it
 * (its unit: "12 km", "5 Go", "180 €"), so a line never starts with "!" or "km".
 *
 * It runs on markdown-it's text tokens, after inline parsing, so code, URLs
 * (autolinks and pasted addresses), raw HTML and attributes (an image's alt
 * text) are never touched. Spaces the writer typed are made unbreakable;
 * none is added or removed, and quotes stay the writer's.
 *
 * The rules run in typograf (maintained, locale-aware, with the number-and-unit
 * rule for French letters); the two spacing rules French needs that typograf
 * lacks are added to it under the `fr/` names below.
 */
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import typografExport from "typograf";
import { langOf } from "./env.ts";

// typograf's types describe its CommonJS build (the class under `.default`); Node loads its ES build, whose default is the class.
const Typograf = typografExport as unknown as typeof typografExport.default;

const NARROW_NBSP = "\u202F";

Typograf.addRules([
  {
    name: "fr/nbsp/beforePunctuation",
    // % only after a number: "10 %", but "{% if %}" in a post about templates stays as typed.
    handler: (text: string) => text.replace(/[ \u00A0\u2009](?=[;:!?»])|(?<=\d)[ \u00A0\u2009](?=%)/g, NARROW_NBSP),
  },
  {
    // typograf's afterNumber binds a number to a word; units written as symbols need the same.
    name: "fr/nbsp/beforeUnitSymbol",
    handler: (text: string) => text.replace(/(?<=\d)[ \u2009](?=[€$£¥°‰℃](?!\p{L}))/gu, "\u00A0"),
  },
  {
    name: "fr/nbsp/afterGuillemet",
    handler: (text: string) => text.replace(/«[ \u00A0\u2009]/g, `«${NARROW_NBSP}`),
  },
]);

const RULES = ["fr/nbsp/beforePunctuation", "fr/nbsp/beforeUnitSymbol", "fr/nbsp/afterGuillemet", "common/nbsp/afterNumber"];
// Nothing else: typograf's defaults would also trim, re-quote and reflow the writer's text.
const typograf = new Typograf({ locale: ["fr"], disableRule: "*", enableRule: RULES });

/** Text worth handing to typograf: a space before a mark, after «, or after a number. */
const CANDIDATE = /[ \u00A0\u2009][;:!?»]|\d[ \u00A0\u2009][%€$£¥°‰℃\p{L}]|«[ \u00A0\u2009]/u;

export function frenchTypography(text: string): string {
  return CANDIDATE.test(text) ? typograf.execute(text) : text;
}

export function typographyPlugin(md: MarkdownIt, opts: { defaultLanguage: string }): void {
  // After text_join: a text token then holds the whole run of plain text between two pieces of markup.
  md.core.ruler.after("text_join", "french_typography", (state) => {
    if (!/^fr\b/.test(langOf(state.env, opts.defaultLanguage))) return;
    for (const token of state.tokens) {
      if (token.type === "inline" && token.children) typesetChildren(token.children);
    }
  });
}

/** Plain text of a paragraph, heading or cell; the visible text of an address (linkify, <https://…>) stays as it is. */
function typesetChildren(children: Token[]): void {
  let inAddress = false;
  for (const child of children) {
    if (child.type === "link_open" && (child.markup === "linkify" || child.markup === "autolink")) inAddress = true;
    else if (child.type === "link_close") inAddress = false;
    else if (child.type === "text" && !inAddress) child.content = frenchTypography(child.content);
  }
}
