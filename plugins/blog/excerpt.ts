/**
 * What a post's rendered HTML gives lists and the post page: the excerpt a
 * writer marked with `<!-- more -->` and the table of contents of long posts.
 * Pure: HTML in, HTML or data out (node-html-parser, no Eleventy).
 */
import { parse, NodeType, type HTMLElement, type Node } from "node-html-parser";

/** The marker writers put on a line of its own after the opening paragraphs. */
const MORE = /^\s*more\s*$/i;

/**
 * The HTML before `<!-- more -->` (a line of its own in the Markdown), made fit
 * for a list of several posts: no ids (they would repeat the post's and each
 * other's), no heading anchors or footnote calls (their targets are not on the
 * list page), no images (their paths are relative to the post), headings
 * turned into paragraphs (they would break the list's outline).
 * Undefined when the post has no marker.
 */
export function excerptOf(html: string): string | undefined {
  // Most posts have no marker: skip parsing them (lists show every post many times).
  if (!/<!--\s*more\s*-->/i.test(html)) return undefined;
  const root = parse(html, { comment: true });
  const nodes = root.childNodes;
  const cut = nodes.findIndex((node) => node.nodeType === NodeType.COMMENT_NODE && MORE.test(node.rawText));
  if (cut < 0) return undefined;
  const part = parse(nodes.slice(0, cut).map(outerHtml).join(""));
  for (const el of part.querySelectorAll("a.heading-anchor, sup.footnote-ref, figure, picture, img")) el.remove();
  for (const el of part.querySelectorAll(".heading")) el.replaceWith(el.innerHTML);
  for (const el of part.querySelectorAll("h1, h2, h3, h4, h5, h6")) el.replaceWith(`<p>${el.innerHTML}</p>`);
  for (const el of part.querySelectorAll("[id]")) el.removeAttribute("id");
  for (const el of part.querySelectorAll("[tabindex]")) el.removeAttribute("tabindex");
  const text = part.toString().trim();
  return text || undefined;
}

export interface TocEntry {
  id: string;
  /** The heading's text, without its footnote calls. */
  text: string;
  /** Its h3 subsections. */
  children: TocEntry[];
}

const H2_TAG = /<h2[\s>]/gi;

/**
 * The h2 sections (with their h3 subsections) of a post with at least
 * `minSections` h2 headings that carry an id; an empty list for shorter posts,
 * which need no table of contents. The footnotes' hidden heading is not a section.
 */
export function tableOfContents(html: string, minSections = 3): TocEntry[] {
  // Most posts have fewer h2 headings than that: they are not parsed at all.
  if ((html.match(H2_TAG)?.length ?? 0) < minSections) return [];
  const root = parse(html);
  for (const el of root.querySelectorAll("section.footnotes, details")) el.remove();
  const entries: TocEntry[] = [];
  for (const heading of root.querySelectorAll("h2[id], h3[id]")) {
    const entry = { id: heading.id, text: headingText(heading), children: [] };
    if (heading.tagName === "H2") entries.push(entry);
    // An h3 before the first h2 has no section to belong to: it is left out.
    else entries.at(-1)?.children.push(entry);
  }
  return entries.length >= minSections ? entries : [];
}

function headingText(heading: HTMLElement): string {
  const copy = parse(heading.innerHTML);
  for (const el of copy.querySelectorAll("sup.footnote-ref, .visually-hidden")) el.remove();
  return copy.textContent.replace(/\s+/g, " ").trim();
}

function outerHtml(node: Node): string {
  return node.nodeType === NodeType.COMMENT_NODE ? "" : node.toString();
}
