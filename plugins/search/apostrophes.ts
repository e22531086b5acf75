/**
 * French elision in the search index. Pagefind splits words on the ASCII
 * apostrophe (`l'armoire` is found by "armoire") but not on the typographic
 * one the site's French uses everywhere (`l’armoire` would only be found by
 * "l’armoire"). The index is therefore built from a copy of each page whose
 * text has ASCII apostrophes between letters; the search page's script puts
 * the typographic ones back in what it displays. The published pages keep theirs.
 * Pure: HTML in, HTML out.
 */

/**
 * A tag (kept as it is), or ’ (U+2019) between two letters in text: an elision
 * or a possessive, never a closing quote.
 */
const TAG_OR_APOSTROPHE = /<[^>]*>|(\p{L})\u2019(?=\p{L})/gu;

/** The page's text with ASCII apostrophes between letters; tags and attributes untouched. */
export function asciiApostrophes(html: string): string {
  if (!html.includes("\u2019")) return html;
  return html.replace(TAG_OR_APOSTROPHE, (match, letter: string | undefined) => (letter === undefined ? match : `${letter}'`));
}
