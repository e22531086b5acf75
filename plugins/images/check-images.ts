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
 * - its first bytes are those of an image sharp reads: not empty, not a Git
 *   LFS pointer, not an iPhone HEIC photo or a document renamed .jpg (sharp
 *   would stop the build with a stack trace naming neither page nor file);
 * - it is not on another site: the build never fetches (no network, no
 *   third-party request from the site's pages either).
 *
 * Pure apart from reading whether files exist and their first bytes; no Eleventy
 * import. What parsing a text found is kept between builds (its images, by text).
 */
import { statSync } from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { parse as parseHtml } from "node-html-parser";
// Written as an image, a bundle's recording becomes a <video controls> or <audio controls> (plugins/markdown/bundle-links.ts).
import { PLAYED_FORMATS, playerOf } from "../core/content-types.ts";
import { decodedOrAsWritten } from "../core/decode.ts";
import { CASE_SENSITIVE, exactFile, writtenAs } from "../core/exact-names.ts";
import { HEAD_BYTES, lfsAdvice, readHead, sniffImage, type WrongBytes } from "../core/file-bytes.ts";
import { splitFrontMatter } from "../core/front-matter.ts";
import { KeptResults } from "../core/kept-results.ts";
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
  const { literal, images } = imagesOfFile(markdownSource);
  const problems: ContentProblem[] = [];

  for (const { line, alt, src } of literal) {
    // A title after the name (`photo groupe.jpg "Les bénévoles"`) stays outside the < >.
    const [, name = src, title] = /^(.*?)\s+("[^"]*"|'[^']*'|\([^()]*\))$/s.exec(src) ?? [];
    const fixed = /\s/.test(name)
      ? ` a file name with spaces must be written between < and >: ![${alt}](<${name}>${title ? ` ${title}` : ""}), or rename the file to ${name.replace(/\s+/g, "-")}`
      : " check the brackets and parentheses";
    problems.push({ file, line, field: name, message: `![${alt}](${src}) is shown as text, not as an image:${fixed}` });
  }
  for (const image of images) {
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
    const onDisk = imageOnDisk(image.src, bundleDir, options.inputDir!);
    const shown = isAbsolute ? path.join(options.inputDir!, relative) : path.join(path.dirname(file), relative);
    const ext = path.extname(relative).slice(1).toLowerCase();
    if (!IMAGE_EXTENSIONS.includes(ext) && !playerOf(relative)) {
      const expected = `"${image.src}" is not an image the site can publish (expected ${[...IMAGE_EXTENSIONS, ...PLAYED_FORMATS].join(", ")})`;
      problem(
        HEIF_EXTENSIONS.has(ext)
          ? `${expected}: an iPhone photo (HEIC) must be exported as JPEG first (from your photo software, or on the iPhone: Settings › Camera › Formats › Most Compatible), then written ![…](${image.src.slice(0, -ext.length)}jpg)`
          : `${expected}; link to other files with [text](${image.src})`,
      );
      continue;
    }
    const found = exactFile(onDisk);
    if (!found.stats) {
      const other = found.otherCase;
      const write = other && writtenAs(relative, other);
      problem(
        `the image "${image.src}" does not exist (looked for ${shown})` +
          (write ? `: the folder has "${other}" ${CASE_SENSITIVE}: write ![…](${/\s/.test(write) ? `<${write}>` : write}) or rename the file` : ""),
      );
    } else if (ext !== "svg" && !playerOf(relative)) {
      const wrong = imageFileProblem(found.file, image.src, found.stats.size);
      if (wrong) problem(wrong);
    }
  }
  return problems;
}

/** Each text's images, found by parsing it: kept from one `npm run build` to the next (../core/kept-results.ts). */
const keptImages = new KeptResults<{ literal: { line: number; alt: string; src: string }[]; images: FoundImage[] }>("images-written", "", { inMemory: true });

/**
 * The images of a Markdown file (or of a body alone), and the image syntax
 * markdown-it left as text, with their lines in the file. Found in the body,
 * whose lines follow the front matter's: a file whose front matter was edited
 * is not parsed again, nor is the body validation hands over alone.
 */
function imagesOfFile(markdownSource: string) {
  const split = splitFrontMatter(markdownSource);
  const body = split.closed ? split.body : markdownSource;
  const found = keptImages.get(body, () => {
    const tokens = parser.parse(body, {});
    return { literal: literalImages(tokens, body), images: findImages(tokens, body) };
  });
  const offset = split.closed ? split.bodyLine - 1 : 0;
  if (!offset) return found;
  return {
    literal: found.literal.map((image) => ({ ...image, line: image.line + offset })),
    images: found.images.map((image) => ({ ...image, line: image.line + offset })),
  };
}

/**
 * What is wrong with the bytes of an existing raster image (empty, a Git LFS
 * pointer, an iPhone photo, not an image at all), as a sentence naming it
 * `src`; undefined when sharp can read it.
 */
export function imageFileProblem(onDisk: string, src: string, size = statSync(onDisk).size): string | undefined {
  const head = size === 0 ? undefined : readHead(onDisk, HEAD_BYTES);
  const wrong = size === 0 ? "empty" : head && sniffImage(head);
  return wrong ? wrongBytesMessage(src, wrong) : undefined;
}

/** The file an image's address names, as eleventy-img reads it: beside the page (`salle.jpg`), or under the content folder (`/assets/logo.svg`). */
export function imageOnDisk(src: string, bundleDir: string, inputDir: string): string {
  const written = decodedOrAsWritten(src.replace(/[?#].*$/, ""));
  return path.resolve(written.startsWith("/") ? path.join(inputDir, written) : path.join(bundleDir, written));
}

/**
 * An image a page's front matter names in its folder (a post's `image`, an
 * event's `banner`): there, with bytes the build reads; `owner` names the page
 * ("post", "event"). The sentence to show, or undefined when it is fine.
 */
export function folderImageProblem(image: string, bundleDir: string, owner: string): string | undefined {
  const onDisk = path.join(bundleDir, decodedOrAsWritten(image));
  const found = exactFile(onDisk);
  if (!found.stats) {
    return found.otherCase
      ? `"${image}" is not in ${path.basename(bundleDir)}/ next to the ${owner}, which has "${found.otherCase}" ${CASE_SENSITIVE}: write ${writtenAs(image, found.otherCase)}, or rename the file`
      : `"${image}" is not in ${path.basename(bundleDir)}/ next to the ${owner}: add the image to the folder, or correct its name`;
  }
  return path.extname(onDisk).toLowerCase() === ".svg" ? undefined : imageFileProblem(found.file, image, found.stats.size);
}

/** Extensions of HEIF photos (an iPhone's default format), which sharp's prebuilt binaries cannot decode (HEVC). */
const HEIF_EXTENSIONS = new Set(["heic", "heif"]);

function wrongBytesMessage(src: string, wrong: WrongBytes): string {
  if (wrong === "empty") return `the image "${src}" is empty (0 bytes): copy the photo into the folder again`;
  if (wrong === "lfs") return `the image "${src}" is a Git LFS pointer (a few lines of text standing for the photo), not the photo: ${lfsAdvice("photos")}`;
  if (wrong === "svg") {
    // Named .svg, it is published as is, once the SVG check found no script in it.
    const svg = src.replace(/\.[^./]*$/, ".svg");
    return `the image "${src}" is an SVG drawing, whatever its name says: rename the file to ${svg} and write ![…](${svg})`;
  }
  if (wrong === "heic") return `the image "${src}" is an iPhone photo in HEIC format, whatever its name says, and the build cannot read HEIC: export it as JPEG from your photo software (or on the iPhone: Settings › Camera › Formats › Most Compatible) and copy it into the folder again`;
  const what = wrong.other ? `it is ${wrong.other}` : "its first bytes are not those of a JPEG, PNG, GIF, WebP or AVIF file";
  return `the file "${src}" is not an image (${what}): copy the photo itself into the folder, as JPEG or PNG`;
}

/**
 * The images a Markdown file shows, with their name as written (decoded) and
 * their line in the file, front matter included: for a problem found later,
 * when an image fails to encode.
 */
export function writtenImages(markdownSource: string): { src: string; line: number }[] {
  return imagesOfFile(markdownSource).images.map(({ src, line }) => ({ src, line }));
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

