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
 * - **Only what Pagefind reads**: the page's `<main>`, which holds
 *   `data-pagefind-body` and everything Pagefind takes from the page (text,
 *   title, image, filters), in a page of its own that keeps the language.
 *   Header, menus and footer are more than half of a post's HTML: Pagefind
 *   parsed them only to skip them, after Node had encoded them to send.
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
  return asciiApostrophes(spaced(mainOnly(html)));
}

const HTML_TAG = /^[^]*?<html\b[^>]*>/i;

/**
 * The page cut down to its `<main>` when that element carries
 * `data-pagefind-body` (a page has one `<main>`), with the page's `<html>`
 * tag; any other page as it is.
 */
export function mainOnly(html: string): string {
  const start = html.search(/<main[\s>]/);
  const end = html.lastIndexOf("</main>");
  if (start < 0 || end < start || !html.slice(start, html.indexOf(">", start)).includes("data-pagefind-body")) return html;
  const opening = HTML_TAG.exec(html.slice(0, start))?.[0] ?? "<html>";
  return `${opening}<body>${html.slice(start, end + "</main>".length)}</body></html>`;
}

/** A space after each closing tag of a block whose text Pagefind would join to what follows. */
export function spaced(html: string): string {
  return html.replace(JOINED_BLOCK_END, "$& ");
}
