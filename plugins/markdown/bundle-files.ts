/**
 * The files a page bundle links to (a PDF, an EPUB, an ODS, an MP3, a video…)
 * are published once, next to the page of the site's default language, and
 * both languages link to that one copy:
 *
 *   content/blog/2025/rapport/index.fr.md   → /blog/2025/rapport/
 *   content/blog/2025/rapport/index.en.md   → /en/blog/2025/rapport/
 *   content/blog/2025/rapport/rapport.pdf   → /blog/2025/rapport/rapport.pdf
 *
 * `[le rapport](rapport.pdf)` is written relative to the Markdown file, as an
 * image is; the renderer turns it into the site-absolute URL above, so it works
 * from the English page, in feeds, and in the link check. Pure apart from
 * reading the content folder; no Eleventy import.
 */
import { exactFile } from "../core/exact-names.ts";
import path from "node:path";
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { playerOf } from "../core/content-types.ts";
import { decodedOrAsWritten } from "../core/decode.ts";
import { fileText } from "../core/file-memo.ts";
import { KeptResults } from "../core/kept-results.ts";
import { keyedBy } from "../core/memo.ts";
import { contentFiles } from "../i18n/content-files.ts";
import { parseContentPath } from "../i18n/paths.ts";
import { absolutePath, relativePath } from "../core/files.ts";

/** Where a page's bundle lives and where its files are published. */
export interface BundleLocation {
  /** Absolute folder on disk. */
  dir: string;
  /** Site-absolute URL folder of its files, ending in "/" (`/blog/2025/rapport/`). */
  url: string;
}

/** Looked for beside a video, in this order, as its poster. */
const POSTER_EXTENSIONS = [".jpg", ".jpeg", ".png", ".webp"];
/** A page of a bundle: `index.fr.md`. */
const BUNDLE_PAGE = /^index\.([a-z]{2,3}(?:-[A-Z]{2})?)\.md$/;
/** Targets that are pages, not files. */
const PAGE_TARGET = /\.(md|html)$/i;

// Plain CommonMark with raw HTML: enough to find the links and images the site's renderer will see.
const parser = new MarkdownIt({ html: true });

/**
 * The bundle of a Markdown file, if the file is a bundle's page
 * (`<folder>/index.<lang>.md`); single-file pages have no bundle.
 */
export function bundleOf(inputPath: string, inputDir: string): BundleLocation | undefined {
  return bundles({ inputPath, inputDir }) ?? undefined;
}

/** Asked for each render's key and each render: once per page (its paths made 15 MB of garbage at 1,000 posts). */
const bundles = keyedBy(
  ({ inputPath, inputDir }: { inputPath: string; inputDir: string }) => `${inputDir}\u0000${inputPath}`,
  ({ inputPath, inputDir }): BundleLocation | null => locateBundle(inputPath, inputDir) ?? null,
  100_000,
);

function locateBundle(inputPath: string, inputDir: string): BundleLocation | undefined {
  const absolute = absolutePath(inputPath);
  const lang = BUNDLE_PAGE.exec(path.basename(absolute))?.[1];
  if (!lang) return undefined;
  const rel = relativePath(absolutePath(inputDir), absolute);
  if (rel.startsWith("../") || !rel.includes("/")) return undefined; // Outside the content folder, or the home page.
  const parsed = parseContentPath(rel, [lang]);
  if (!parsed.ok) return undefined;
  return { dir: path.dirname(absolute), url: `/${parsed.path.urlPath}` };
}

/**
 * The URL a relative link of a bundle's page leads to, when it names a file
 * (it has an extension, and is not a page): `rapport.pdf` → `/blog/2025/rapport/rapport.pdf`.
 * Anything else (a page `../autre/`, an anchor, a full URL) is undefined: left as written.
 */
export function bundleFileUrl(href: string, bundle: BundleLocation): string | undefined {
  if (href === "" || /^([a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(href)) return undefined;
  const pathPart = href.replace(/[?#].*$/, "");
  const ext = path.posix.extname(pathPart).toLowerCase();
  if (!ext || PAGE_TARGET.test(ext)) return undefined;
  const url = new URL(href, `https://bundle.invalid${bundle.url}`);
  return url.pathname + url.search + url.hash;
}

/** The file on disk a relative link of the bundle names (it may not exist). */
export function bundleFilePath(href: string, bundle: BundleLocation): string {
  return path.join(bundle.dir, decodedOrAsWritten(href.replace(/[?#].*$/, "")));
}

/**
 * The files that bundles' pages link to (`[…](bilan.pdf)`) or show as a video
 * (`![…](demo.webm)`, and its poster), with the output path (relative to the
 * output folder) each is published at. A file nothing links to stays private:
 * a draft, a source file, a photo already published by the images plugin.
 * Read when the configuration loads: a link added during `npm start` is
 * published after a restart. Only the pages of a folder holding other files
 * than pages are read: most bundles have none, and reading a page's links
 * means parsing its Markdown (170 ms for the 1,000 posts of the bench).
 * (Hidden files, which the content walk skips, do not count.)
 */
export function listBundleFiles(inputDir: string): PublishedFile[] {
  const root = path.resolve(inputDir);
  const files = contentFiles(root);
  const holdingFiles = new Set<string>();
  for (const rel of files) {
    if (rel.endsWith(".md")) continue;
    for (let dir = path.posix.dirname(rel); dir !== "." && !holdingFiles.has(dir); dir = path.posix.dirname(dir)) holdingFiles.add(dir);
  }
  const found = new Map<string, PublishedFile>();
  for (const rel of files) {
    if (!BUNDLE_PAGE.test(path.posix.basename(rel)) || !holdingFiles.has(path.posix.dirname(rel))) continue;
    const page = path.join(root, rel);
    const bundle = bundleOf(page, inputDir);
    if (!bundle) continue;
    for (const { file, href, line } of linkedFiles(fileText(page), bundle)) {
      if (found.has(file)) continue;
      found.set(file, { source: file, output: `${bundle.url.slice(1)}${path.relative(bundle.dir, file).split(path.sep).join("/")}`, linkedFrom: { page, href, line } });
    }
  }
  return [...found.values()];
}

/** A bundle's file the site publishes: where it is, where it goes, and the first link to it (its page, as written, 1-based line). */
export interface PublishedFile {
  source: string;
  output: string;
  linkedFrom: { page: string; href: string; line: number };
}

/**
 * Files inside the bundle that this page links to or plays, posters included,
 * with the link and its line (`source` is the whole file: its lines are the file's).
 */
function linkedFiles(source: string, bundle: BundleLocation): { file: string; href: string; line: number }[] {
  const files: { file: string; href: string; line: number }[] = [];
  for (const { href, video, line } of linksIn(source)) {
    const file = publishedFile(href, bundle);
    if (!file) continue;
    files.push({ file, href, line });
    const poster = video ? posterOf(file) : undefined;
    if (poster) files.push({ file: poster, href, line });
  }
  return files;
}

/** Each text's links and played recordings, found by parsing it: kept from one `npm run build` to the next (../core/kept-results.ts). */
const keptLinks = new KeptResults<{ href: string; video: boolean; line: number }[]>("bundle-links", "", { inMemory: true });

/** The links and the recordings (`![…](demo.webm)`) of a page's whole text, with their lines. */
function linksIn(source: string): { href: string; video: boolean; line: number }[] {
  return keptLinks.get(source, () => {
    const found: { href: string; video: boolean; line: number }[] = [];
    // A block token carries its first line; inside it, each line break is a token of its own.
    const visit = (tokens: Token[], blockLine: number) => {
      let line = blockLine;
      for (const token of tokens) {
        if (token.map) line = token.map[0] + 1;
        if (token.type === "softbreak" || token.type === "hardbreak") line++;
        if (token.type === "link_open") found.push({ href: token.attrGet("href") ?? "", video: false, line });
        if (token.type === "image") {
          const src = token.attrGet("src") ?? "";
          const player = playerOf(src.replace(/[?#].*$/, ""));
          if (player) found.push({ href: src, video: player === "video", line });
        }
        if (token.children) visit(token.children, line);
      }
    };
    visit(parser.parse(source, {}), 1);
    return found;
  });
}

/**
 * The file a relative link of the page names, if it is one the bundle
 * publishes: inside the bundle's folder, and there. Links to anything else
 * stay as written (the link check names a missing file with its line).
 */
export function publishedFile(href: string, bundle: BundleLocation): string | undefined {
  if (!bundleFileUrl(href, bundle)) return undefined;
  const file = bundleFilePath(href, bundle);
  if (path.relative(bundle.dir, file).startsWith("..") || fileSize(file) === undefined) return undefined;
  return file;
}

/** The picture beside a video with its name (`demo.webm` → `demo.jpg`), shown before it plays. */
export function posterOf(videoFile: string): string | undefined {
  const stem = videoFile.slice(0, videoFile.length - path.extname(videoFile).length);
  return POSTER_EXTENSIONS.map((ext) => stem + ext).find((f) => fileSize(f) !== undefined);
}

/**
 * Size in bytes of a bundle file, or undefined when it is missing (the link
 * check names it). Looked up by its exact name: a Mac's disk finds Bilan.pdf
 * for bilan.pdf, which would then be published under a name the web server
 * does not have (../core/exact-names.ts).
 */
export function fileSize(file: string): number | undefined {
  const size = exactFile(file).stats?.size;
  asked?.set(file, size ?? null);
  return size;
}

/** The files whose size a render asked (null: missing), with the answers: all a render reads besides its text. */
export type AskedSizes = [file: string, size: number | null][];

let asked: Map<string, number | null> | undefined;

/** `run()`, and the sizes of the bundle files it asked for (by {@link fileSize}). */
export function askingSizes<T>(run: () => T): { value: T; sizes: AskedSizes } {
  const outer = asked;
  asked = new Map();
  try {
    const value = run();
    return { value, sizes: [...asked] };
  } finally {
    asked = outer;
  }
}

/** Whether each file still has the size it had (or is still missing). */
export function sameSizes(sizes: AskedSizes): boolean {
  return sizes.every(([file, size]) => (exactFile(file).stats?.size ?? null) === size);
}
