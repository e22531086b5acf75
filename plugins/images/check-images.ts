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
 * Pure apart from reading whether files exist and their first bytes; no Eleventy import.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
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
    // A title after the name (`photo groupe.jpg "Les bénévoles"`) stays outside the < >.
    const [, name = src, title] = /^(.*?)\s+("[^"]*"|'[^']*'|\([^()]*\))$/s.exec(src) ?? [];
    const fixed = /\s/.test(name)
      ? ` a file name with spaces must be written between < and >: ![${alt}](<${name}>${title ? ` ${title}` : ""}), or rename the file to ${name.replace(/\s+/g, "-")}`
      : " check the brackets and parentheses";
    problems.push({ file, line, field: name, message: `![${alt}](${src}) is shown as text, not as an image:${fixed}` });
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
      const expected = `"${image.src}" is not an image the site can publish (expected ${[...IMAGE_EXTENSIONS, ...PLAYED_FORMATS].join(", ")})`;
      problem(
        HEIF_EXTENSIONS.has(ext)
          ? `${expected}: an iPhone photo (HEIC) must be exported as JPEG first (from your photo software, or on the iPhone: Settings › Camera › Formats › Most Compatible), then written ![…](${image.src.slice(0, -ext.length)}jpg)`
          : `${expected}; link to other files with [text](${image.src})`,
      );
      continue;
    }
    const size = statSync(onDisk, { throwIfNoEntry: false });
    if (!size?.isFile()) {
      const other = otherCase(onDisk);
      const write = other && relative.slice(0, relative.length - path.basename(relative).length) + other;
      problem(
        `the image "${image.src}" does not exist (looked for ${shown})` +
          (write ? `: the folder has "${other}" (names are case-sensitive once published): write ![…](${/\s/.test(write) ? `<${write}>` : write}) or rename the file` : ""),
      );
    } else if (ext !== "svg" && !playerOf(relative)) {
      const wrong = imageFileProblem(onDisk, image.src, size.size);
      if (wrong) problem(wrong);
    }
  }
  return problems;
}

/**
 * What is wrong with the bytes of an existing raster image (empty, a Git LFS
 * pointer, an iPhone photo, not an image at all), as a sentence naming it
 * `src`; undefined when sharp can read it. Also the blog's check of a post's
 * `image:` (../blog/schema.ts).
 */
export function imageFileProblem(onDisk: string, src: string, size = statSync(onDisk).size): string | undefined {
  const wrong = size === 0 ? "empty" : bytesProblem(onDisk);
  return wrong ? wrongBytesMessage(src, wrong) : undefined;
}

/** Extensions of HEIF photos (an iPhone's default format), which sharp's prebuilt binaries cannot decode (HEVC). */
const HEIF_EXTENSIONS = new Set(["heic", "heif"]);

/**
 * A file of the same folder whose name differs only by case (`groupe.JPG`
 * for `groupe.jpg`): found on a case-insensitive disk (macOS, Windows), it
 * is missing once built on Linux. Read only when the image was not found.
 */
function otherCase(onDisk: string): string | undefined {
  const name = path.basename(onDisk);
  try {
    return readdirSync(path.dirname(onDisk)).find((entry) => entry !== name && entry.toLowerCase() === name.toLowerCase());
  } catch {
    return undefined; // no such folder: "does not exist" says enough
  }
}

/** What a file of an image's name holds instead of an image sharp reads. */
export type WrongBytes = "empty" | "lfs" | "heic" | "svg" | { other: string | undefined };

/** Enough for every signature below, an ISO-BMFF `ftyp` box's brands and a Git LFS pointer's first line. */
const HEAD_BYTES = 64;

/**
 * The first bytes of a file, checked against the formats sharp reads. Runs for
 * every image of every page (memoised per Markdown file by the callers): one
 * read of 64 bytes, no decoding. Undefined when it looks right or cannot be read.
 */
function bytesProblem(file: string): WrongBytes | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const head = Buffer.alloc(HEAD_BYTES);
    return sniffImage(head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0)));
  } catch {
    return undefined; // unreadable (permissions): sharp's error will say it
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Brands of an ISO-BMFF `ftyp` box that mean HEIF with HEVC inside (an iPhone photo). */
const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "heim", "heis", "hevm", "hevs", "mif1"]);

/**
 * Whether a file's first bytes are an image sharp reads (undefined), or what
 * they are instead. sharp reads the bytes, not the name: a PNG named .jpg is fine.
 */
export function sniffImage(head: Uint8Array): WrongBytes | undefined {
  if (head.length === 0) return "empty";
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString("latin1");
  const at = (offset: number, signature: string) => text.startsWith(signature, offset);
  if (at(0, "\xFF\xD8\xFF") || at(0, "\x89PNG\r\n\x1A\n") || at(0, "GIF8") || (at(0, "RIFF") && at(8, "WEBP"))) return undefined;
  if (at(0, "II*\0") || at(0, "MM\0*")) return undefined; // TIFF: sharp reads it too
  if (at(4, "ftyp")) {
    // The major brand, then the compatible brands after the minor version.
    const end = Math.min(text.length, new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0));
    const brands = [text.slice(8, 12)];
    for (let i = 16; i + 4 <= end; i += 4) brands.push(text.slice(i, i + 4));
    if (brands.includes("avif") || brands.includes("avis")) return undefined;
    if (brands.some((brand) => HEIC_BRANDS.has(brand))) return "heic";
    return { other: "a video or a sound recording" };
  }
  if (at(0, "version https://git-lfs.github.com/spec/")) return "lfs";
  if (at(0, "%PDF")) return { other: "a PDF document" };
  if (at(0, "PK\x03\x04")) return { other: "a ZIP archive, or a Word or LibreOffice document" };
  if (at(0, "\xD0\xCF\x11\xE0")) return { other: "an old Word, Excel or PowerPoint document" };
  const start = text.replace(/^(\xEF\xBB\xBF)?\s*/, "").slice(0, 20).toLowerCase();
  if (start.startsWith("<svg") || start.startsWith("<?xml")) return "svg";
  if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")) return { other: "a web page, saved instead of the picture it showed" };
  // Control characters other than tabs and line ends: binary, of no format named here.
  return { other: /[\0-\x08\x0E-\x1F]/.test(text) ? undefined : "text" };
}

function wrongBytesMessage(src: string, wrong: WrongBytes): string {
  if (wrong === "empty") return `the image "${src}" is empty (0 bytes): copy the photo into the folder again`;
  if (wrong === "lfs") return `the image "${src}" is a Git LFS pointer (a few lines of text standing for the photo), not the photo: run git lfs pull to fetch the photos (in CI, check the repository out with LFS)`;
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
  const body = blankFrontMatter(markdownSource);
  return findImages(parser.parse(body, {}), body).map(({ src, line }) => ({ src, line }));
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

