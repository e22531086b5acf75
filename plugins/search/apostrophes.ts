/**
 * French elision in the search index. Pagefind splits words on the ASCII
 * apostrophe (`l'armoire` is found by "armoire") but not on the typographic
 * one the site's French uses everywhere (`l’armoire` would only be found by
 * "l’armoire"). The index is therefore built from a copy of each page whose
 * text has ASCII apostrophes between letters; the search page's script puts
 * the typographic ones back in what it displays. The published pages keep theirs.
 * Pure: HTML in, HTML out.
 */

const LETTER_BEFORE = /\p{L}$/u;
const LETTER_AFTER = /^\p{L}/u;

/**
 * The page's text with ASCII apostrophes between letters; tags and attributes
 * untouched. Each ’ (U+2019) is looked at where it is: between two letters
 * (an elision or a possessive, never a closing quote) and outside a tag
 * (`<` before it with no `>` between, and a `>` after). A regex that matched
 * every tag to skip it took 144-165 ms over the 2,735 pages of 1,000 bench
 * posts; this takes 8-11 ms, with the same output on every page.
 */
export function asciiApostrophes(html: string): string {
  let out = "";
  let from = 0;
  for (let at = html.indexOf("\u2019"); at >= 0; at = html.indexOf("\u2019", at + 1)) {
    if (!LETTER_BEFORE.test(html.slice(Math.max(0, at - 2), at)) || !LETTER_AFTER.test(html.slice(at + 1, at + 3))) continue;
    if (html.lastIndexOf("<", at) > html.lastIndexOf(">", at) && html.indexOf(">", at) >= 0) continue;
    out += `${html.slice(from, at)}'`;
    from = at + 1;
  }
  return from === 0 ? html : out + html.slice(from);
}
