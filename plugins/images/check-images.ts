/**
 * Content rules for images, checked on the Markdown source before anything is
 * built (the validation plugin calls this on every file; the images plugin
 * calls it again during the build in case validation is not installed):
 *
 * - every image has alt text. Decorative images are not a thing in content: a
 *   picture worth putting in a post is worth describing (WCAG 1.1.1);
 * - a local image exists, next to the page (`![…](salle.jpg)` in a bundle) or
 *   under the content folder (`/assets/logo.svg`);
 * - it is a format the site publishes (or a local .mp4/.webm, shown as a video);
 * - it is not on another site: the build never fetches (no network, no
 *   third-party request from the site's pages either).
 *
 * Pure apart from reading whether files exist; no Eleventy import.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { parse as parseHtml } from "node-html-parser";
// Written as an image, a bundle's recording becomes a <video controls> or <audio controls> (plugins/markdown/bundle-links.ts).
import { PLAYED_FORMATS, playerOf } from "../core/content-types.ts";
import { decodedOrAsWritten } from "../core/decode.ts";
import { splitFrontMatter } from "../core/front-matter.ts";
import type { ContentProblem } from "../core/problems.ts";

/** Formats sharp reads and the images plugin publishes (SVG is copied as is). */
export const IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif", "gif", "svg"];

// Plain CommonMark with raw HTML: enough to find images the way the site's
// renderer will (not in code, resolving reference-style links), without
// depending on the Markdown plugin.
const parser = new MarkdownIt({ html: true });

interface FoundImage {
  src: string;
  alt: string | undefined;
  line: number;
}

export function checkImages(
  markdownSource: string,
  file: string,
  bundleDir: string,
  options: { inputDir?: string } = {},
): ContentProblem[] {
  // Most pages have no image: skip the parse.
  if (!markdownSource.includes("![") && !/<img\b/i.test(markdownSource)) return [];
  const body = blankFrontMatter(markdownSource);
  const problems: ContentProblem[] = [];

  const tokens = parser.parse(body, {});
  for (const { line, alt, src } of literalImages(tokens, body)) {
    const fixed = /\s/.test(src) ? ` a file name with spaces must be written between < and >: ![${alt}](<${src}>), or rename the file to ${src.replace(/\s+/g, "-")}` : " check the brackets and parentheses";
    problems.push({ file, line, field: src, message: `![${alt}](${src}) is shown as text, not as an image:${fixed}` });
  }
  for (const image of findImages(tokens, body)) {
    const problem = (message: string) => problems.push({ file, line: image.line, field: image.src, message });
    if (!image.alt || image.alt.trim() === "") {
      problem(`the image "${image.src}" has no alt text: describe what it shows, e.g. ![The room set up for the general assembly](${image.src})`);
    }
    if (/^(https?:)?\/\//i.test(image.src)) {
      const name = path.posix.basename(image.src.replace(/[?#].*$/, "")) || "image.png";
      problem(`the image ${image.src} is on another site, and the build never fetches anything: download it into the page's folder (${path.dirname(file)}/) and write ![${image.alt || "…"}](${name})`);
      continue;
    }
    // Inline data: nothing on disk to check.
    if (image.src.startsWith("data:")) continue;

    const relative = decodedOrAsWritten(image.src.replace(/[?#].*$/, ""));
    const isAbsolute = relative.startsWith("/");
    if (isAbsolute && options.inputDir === undefined) continue;
    const onDisk = isAbsolute ? path.join(options.inputDir!, relative) : path.join(bundleDir, relative);
    const shown = isAbsolute ? path.join(options.inputDir!, relative) : path.join(path.dirname(file), relative);
    const ext = path.extname(relative).slice(1).toLowerCase();
    if (!IMAGE_EXTENSIONS.includes(ext) && !playerOf(relative)) {
      problem(`"${image.src}" is not an image the site can publish (expected ${[...IMAGE_EXTENSIONS, ...PLAYED_FORMATS].join(", ")}); link to other files with [text](${image.src})`);
    } else if (!isFile(onDisk)) {
      problem(`the image "${image.src}" does not exist (looked for ${shown})`);
    }
  }
  return problems;
}

/**
 * Image syntax markdown-it left as text (`![alt](photo été.jpg)`: a space ends
 * the address), with its line: the block's first line plus the lines before it.
 */
function literalImages(tokens: Token[], body: string): { line: number; alt: string; src: string }[] {
  const found: { line: number; alt: string; src: string }[] = [];
  const lines = body.split("\n");
  for (const block of tokens) {
    if (block.type !== "inline" || !block.map) continue;
    for (const child of block.children ?? []) {
      if (child.type !== "text") continue;
      for (const m of child.content.matchAll(/!\[([^\]]*)\]\(([^()]*)\)/g)) {
        const offset = lines.slice(block.map[0], block.map[1]).findIndex((l) => l.includes(m[0]));
        found.push({ line: block.map[0] + 1 + Math.max(0, offset), alt: m[1]!, src: m[2]!.trim() });
      }
    }
  }
  return found;
}

/** Images in Markdown syntax and in raw <img> tags, with the line they sit on. */
function findImages(tokens: Token[], body: string): FoundImage[] {
  const found: FoundImage[] = [];
  const lineStarts = [0];
  for (let i = body.indexOf("\n"); i !== -1; i = body.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const lineAt = (offset: number) => lineStarts.findLastIndex((start) => start <= offset) + 1;
  // markdown-it maps blocks to lines, not inline tokens: search the block's text
  // for the image, from just after the previous hit, so repeats get their own line.
  let blockLine = 0;
  let cursor = 0;
  let blockEnd = 0;
  const lineOf = (needle: string) => {
    const at = body.indexOf(needle, cursor);
    if (at === -1 || at >= blockEnd) return blockLine + 1;
    cursor = at + needle.length;
    return lineAt(at);
  };

  const visit = (list: Token[]) => {
    for (const token of list) {
      if (token.map) {
        blockLine = token.map[0];
        cursor = lineStarts[token.map[0]] ?? body.length;
        blockEnd = lineStarts[token.map[1]] ?? body.length;
      }
      if (token.type === "image") {
        const src = decodedOrAsWritten(token.attrGet("src") ?? "");
        found.push({ src, alt: token.content, line: lineOf(src) });
      } else if (token.type === "html_block" || token.type === "html_inline") {
        for (const img of parseHtml(token.content).querySelectorAll("img")) {
          const src = img.getAttribute("src") ?? "";
          // A block's text starts on its first line: count the lines before the tag.
          const line = token.type === "html_block" ? blockLine + 1 + newlines(token.content.slice(0, img.range[0])) : lineOf(src);
          found.push({ src, alt: img.getAttribute("alt"), line });
        }
      }
      if (token.children) visit(token.children);
    }
  };
  visit(tokens);
  return found;
}

const newlines = (text: string) => text.split("\n").length - 1;

/** Front matter lines become empty lines, so line numbers still match the file. */
function blankFrontMatter(source: string): string {
  const split = splitFrontMatter(source);
  return split.closed ? "\n".repeat(split.bodyLine - 1) + split.body : source;
}


function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}
