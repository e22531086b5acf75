/**
 * The line of a Markdown file where a link target is written, from
 * markdown-it's token maps: block tokens carry their first line, and inside a
 * paragraph each line break is a token of its own, so a link's line is its
 * block's first line plus the breaks before it. A reference-style link's
 * target is written on its definition's line (`[ref]: /target/`), which is
 * the line given. Only files with a problem to report are parsed, once each.
 * No Eleventy import.
 */
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { splitFrontMatter } from "../core/front-matter.ts";
import { sourceLinkParts } from "../markdown/source-links.ts";
import { scanPage } from "./links.ts";

// CommonMark with raw HTML and bare URLs, as the site's renderer reads links,
// without depending on the Markdown plugin (its containers only wrap blocks).
const parser = new MarkdownIt({ html: true, linkify: true });
parser.linkify.set({ fuzzyLink: false, fuzzyEmail: false });

/**
 * markdown-it keeps reference definitions in `env.references`, without their
 * line. Every rule of a block chain is tried at the block's first line, so a
 * no-op rule just before `reference` knows the line a definition starts on.
 */
let blockStart = 0;
parser.block.ruler.before("reference", "reference_line", (_state, startLine) => {
  blockStart = startLine;
  return false;
});

/** A link target as both sides write it: the HTML percent-encodes what the Markdown may not. */
function keyOf(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * A link to a Markdown file reaches the HTML as its page's URL (see
 * markdown/source-links.ts), which only Eleventy knows: such a link is also
 * found by its #fragment, the part that can still be broken.
 */
const fragmentKey = (hash: string) => `\u0000${hash}`;

/** 1-based line of each link target written in a Markdown file (its first occurrence), front matter counted. */
export function linkLines(markdown: string): Map<string, number> {
  const { body, bodyLine } = splitFrontMatter(markdown);
  const lines = new Map<string, number>();
  const add = (url: string, line: number) => {
    const rest = sourceLinkParts(url)?.rest;
    for (const key of [keyOf(url), ...(rest?.startsWith("#") ? [fragmentKey(keyOf(rest))] : [])]) {
      if (!lines.has(key)) lines.set(key, line + bodyLine);
    }
  };
  const definitions: Record<string, { href: string }> = {};
  const env = {
    references: new Proxy(definitions, {
      set(target, label, value: { href: string }) {
        add(value.href, blockStart);
        return Reflect.set(target, label, value);
      },
    }),
  };
  const tokens = parser.parse(body, env);

  let blockLine = 0; // 0-based line of the last block token with a map (table cells have none)
  for (const token of tokens) {
    if (token.map) blockLine = token.map[0];
    if (token.type === "html_block") {
      for (const ref of scanPage(token.content).refs) add(ref.raw, blockLine + newlines(token.content.slice(0, ref.offset)));
    } else if (token.type === "inline") inlineLinks(token.children ?? [], blockLine, add);
  }
  return lines;
}

/** Links of one paragraph, heading or cell: its first line plus the line breaks before each. */
function inlineLinks(children: Token[], first: number, add: (url: string, line: number) => void): void {
  let line = first;
  for (const child of children) {
    if (child.type === "link_open") add(child.attrGet("href") ?? "", line);
    else if (child.type === "image") add(child.attrGet("src") ?? "", line);
    else if (child.type === "html_inline") for (const ref of scanPage(child.content).refs) add(ref.raw, line + newlines(child.content.slice(0, ref.offset)));
    if (child.type === "softbreak" || child.type === "hardbreak") line++;
    else line += newlines(child.content);
  }
}

const newlines = (text: string) => text.split("\n").length - 1;

/** Finds link lines, parsing each Markdown file once however many of its links are asked about. */
export function linkLocator(): (markdown: string, raw: string) => number | undefined {
  const parsed = new Map<string, Map<string, number>>();
  return (markdown, raw) => {
    let lines = parsed.get(markdown);
    if (!lines) parsed.set(markdown, (lines = linkLines(markdown)));
    const hash = raw.indexOf("#");
    return lines.get(keyOf(raw)) ?? (hash === -1 ? undefined : lines.get(fragmentKey(keyOf(raw.slice(hash)))));
  };
}
