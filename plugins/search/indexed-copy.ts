/**
 * The copy of a built page that Pagefind indexes: its words kept apart and
 * French elisions split. Pure: HTML in, HTML out.
 *
 * - **Words kept apart.** Pagefind runs together the text of adjacent
 *   elements it does not treat as blocks (`<dt>Quand</dt><dd>jeudi…` was
 *   indexed as "Quandjeudi", so "jeudi" did not find the event and its excerpt
 *   read so). The layouts' HTML has no whitespace between elements; the copy
 *   gets a space after each closing tag of such a block.
 * - **Elisions split**: ./apostrophes.ts.
 */
import { asciiApostrophes } from "./apostrophes.ts";

/**
 * Closing tags of blocks whose text Pagefind joins to the next element's
 * (checked on Pagefind 1.5.2: it separates `p`, `li`, `td`, `div`, `section`,
 * `article`, headings and `<br>`, not these).
 */
const JOINED_BLOCK_END = /<\/(?:address|aside|blockquote|caption|dd|details|dl|dt|figcaption|figure|header|ol|pre|summary|table|th|tr|ul)>/gi;

/** The page as Pagefind is given it (see the module comment). */
export function indexedCopy(html: string): string {
  return asciiApostrophes(spaced(html));
}

/** A space after each closing tag of a block whose text Pagefind would join to what follows. */
export function spaced(html: string): string {
  return html.replace(JOINED_BLOCK_END, "$& ");
}
