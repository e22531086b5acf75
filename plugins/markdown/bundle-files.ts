/**
 * A page bundle's other files (a PDF, an EPUB, an ODS, an MP3, a video…) are
 * published once, next to the page of the site's default language, and both
 * languages link to that one copy:
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
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseContentPath } from "../i18n/paths.ts";

/** Where a page's bundle lives and where its files are published. */
export interface BundleLocation {
  /** Absolute folder on disk. */
  dir: string;
  /** Site-absolute URL folder of its files, ending in "/" (`/blog/2025/rapport/`). */
  url: string;
}

/** Names in a bundle that are pages or data, never published as files. */
const NOT_A_FILE = /(\.md|\.11tydata\.(json|js|ts|mjs|cjs|yaml))$|^\./;
/**
 * Photos go through the images plugin (AVIF/WebP widths in /img/); their
 * originals, often several megabytes, are published only as a video's poster.
 */
const PHOTO = /\.(jpe?g|png|webp|avif|gif)$/i;
/** Whether a link's target is a photo (query and fragment aside). */
export const isPhoto = (href: string) => PHOTO.test(href.replace(/[?#].*$/, ""));
const VIDEO = /\.(mp4|webm)$/i;
/** A page of a bundle: `index.fr.md`. */
const BUNDLE_PAGE = /^index\.([a-z]{2,3}(?:-[A-Z]{2})?)\.md$/;

/**
 * The bundle of a Markdown file, if the file is a bundle's page
 * (`<folder>/index.<lang>.md`); single-file pages have no bundle.
 */
export function bundleOf(inputPath: string, inputDir: string): BundleLocation | undefined {
  const absolute = path.resolve(inputPath);
  const lang = BUNDLE_PAGE.exec(path.basename(absolute))?.[1];
  if (!lang) return undefined;
  const rel = path.relative(path.resolve(inputDir), absolute).split(path.sep).join("/");
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
  if (!ext || ext === ".html" || ext === ".md") return undefined;
  const url = new URL(href, `https://bundle.invalid${bundle.url}`);
  return url.pathname + url.search + url.hash;
}

/** The file on disk a relative link of the bundle names (it may not exist). */
export function bundleFilePath(href: string, bundle: BundleLocation): string {
  const pathPart = href.replace(/[?#].*$/, "");
  let decoded = pathPart;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    // A stray % in a file name: keep it as written.
  }
  return path.join(bundle.dir, decoded);
}

/**
 * Every file of every bundle under `inputDir` (photos aside, see PHOTO), with
 * the output path (relative to the output folder) it is published at. Files directly in a bundle's
 * folder only: a sub-folder holding its own `index.*.md` is another bundle.
 */
export function listBundleFiles(inputDir: string): { source: string; output: string }[] {
  const found: { source: string; output: string }[] = [];
  const visit = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    const page = entries.find((e) => e.isFile() && BUNDLE_PAGE.test(e.name));
    const bundle = page ? bundleOf(path.join(dir, page.name), inputDir) : undefined;
    const stem = (name: string) => name.slice(0, name.length - path.extname(name).length);
    const videos = new Set(entries.filter((e) => VIDEO.test(e.name)).map((e) => stem(e.name)));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (bundle && entry.isFile() && !NOT_A_FILE.test(entry.name) && (!PHOTO.test(entry.name) || videos.has(stem(entry.name)))) {
        found.push({ source: full, output: `${bundle.url.slice(1)}${entry.name}` });
      }
    }
  };
  visit(path.resolve(inputDir));
  return found;
}

/** Size in bytes of a bundle file, or undefined when it is missing (the link check names it). */
export function fileSize(file: string): number | undefined {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}
