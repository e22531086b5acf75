/**
 * The content folder as the languages plugin sees it: every Markdown file,
 * its language and bundle.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { perBuild } from "../core/build-pass.ts";
import { fileText, isWatched, onFilesChanged } from "../core/file-memo.ts";
import { earlyFiles } from "../core/early-files.ts";
import { CONTENT_WALK, filesUnder } from "../core/files.ts";
import { parseContentPath, type ContentPath } from "./paths.ts";

export interface ContentFile extends ContentPath {
  /** Absolute path on disk. */
  absolute: string;
}

export interface ContentScan {
  files: ContentFile[];
  /** Files whose name could not be understood, with the reason. */
  invalid: { file: string; message: string }[];
  /** bundle → lang → file */
  bundles: Map<string, Map<string, ContentFile>>;
}

/**
 * Every file of a content tree, relative to it, sorted; walked once per build
 * (../core/build-pass.ts): the languages, docs, reports, bundle files and SVG
 * checks each walked it again, 20 ms a walk at 1,000 posts (170 ms at 4,000).
 * Under npm start's watched folder, the list is kept from one rebuild to the
 * next until the watcher reports a file added or deleted. Read-only.
 */
export function contentFiles(dir: string): readonly string[] {
  // One walk whichever way the folder is named (the images plugin has Eleventy's relative path).
  return filesOfFolder(path.resolve(dir));
}

const filesOfFolder = perBuild((absolute) => {
  if (!isWatched(absolute)) return walkContent(absolute);
  let files = keptLists.get(absolute);
  if (!files) keptLists.set(absolute, (files = walkContent(absolute)));
  return files;
});

function walkContent(dir: string): string[] {
  // npm run build: as a worker thread walked it while the build loaded (../core/early-files.ts).
  return earlyFiles(dir) ?? filesUnder(dir, CONTENT_WALK);
}

/**
 * The names of the files in each folder of a content tree (absolute folder →
 * names), from its one walk per build ({@link contentFiles}). Eleventy looks
 * for each page's data files in its folder and every folder above it, and
 * listed each folder again for that (patches/: `folderListings`): 8,000
 * `readdirSync` calls at 4,000 posts. Folders the walk leaves out (hidden,
 * `_includes`…) are absent: Eleventy lists those itself.
 */
export const folderListings: (dir: string) => ReadonlyMap<string, ReadonlySet<string>> = perBuild((dir) => {
  const root = path.resolve(dir);
  const listings = new Map<string, Set<string>>([[root, new Set()]]);
  const folder = (relative: string): Set<string> => {
    const absolute = relative ? path.join(root, relative) : root;
    let names = listings.get(absolute);
    if (!names) {
      listings.set(absolute, (names = new Set()));
      // A folder above that holds only folders has no file to name.
      folder(relative.includes("/") ? relative.slice(0, relative.lastIndexOf("/")) : "");
    }
    return names;
  };
  for (const file of contentFiles(root)) {
    const slash = file.lastIndexOf("/");
    folder(slash < 0 ? "" : file.slice(0, slash)).add(file.slice(slash + 1));
  }
  return listings;
});

/** npm start: each watched tree's list, with its files as a set. */
const keptLists = new Map<string, string[]>();
onFilesChanged((changed) => {
  if (!changed) return keptLists.clear();
  for (const [dir, files] of keptLists) {
    const listed = new Set(files);
    const stale = changed.some((file) => {
      if (!file.startsWith(dir + path.sep)) return false;
      return listed.has(path.relative(dir, file).split(path.sep).join("/")) !== existsSync(file);
    });
    if (stale) keptLists.delete(dir);
  }
});

/** The Markdown files of a content tree, relative to it, sorted. */
export function listMarkdown(dir: string): string[] {
  return contentFiles(dir).filter((file) => file.endsWith(".md"));
}

/**
 * The Markdown files of a content tree with their language and bundle, made
 * once for each list of files ({@link contentFiles}): once per build, and
 * under npm start kept until a file is added or deleted (40 to 60 ms a
 * rebuild at 4,000 posts). Read-only.
 */
export function scanContent(input: string, languages: readonly string[]): ContentScan {
  const list = contentFiles(input);
  let scans = scansOf.get(list);
  if (!scans) scansOf.set(list, (scans = new Map()));
  const key = `${languages.join(",")}\u0000${input}`;
  let scan = scans.get(key);
  if (!scan) scans.set(key, (scan = readContent(input, list, languages)));
  return scan;
}

/** The scans of a list (by languages and tree), dropped with it. */
const scansOf = new WeakMap<readonly string[], Map<string, ContentScan>>();

/** README.md files document a folder for writers; they are not pages (the languages plugin has Eleventy ignore them). */
export const README_NAMES = ["README.md", "readme.md"];
const isReadme = (rel: string) => README_NAMES.includes(path.posix.basename(rel));

/** Endings other engines and editors give Markdown files. */
const OTHER_MARKDOWN = /\.(?:md|markdown|mdown|mkdn?|mdwn)$/i;

function readContent(input: string, list: readonly string[], languages: readonly string[]): ContentScan {
  const files: ContentFile[] = [];
  const invalid: ContentScan["invalid"] = [];
  const bundles: ContentScan["bundles"] = new Map();
  for (const rel of list) {
    if (isReadme(rel)) continue;
    if (!rel.endsWith(".md")) {
      // Markdown under another name (index.fr.MD from Windows, index.fr.markdown from another engine) would never be built, silently.
      const other = OTHER_MARKDOWN.exec(rel);
      if (other) invalid.push({ file: rel, message: `a page's file name must end in .md, in lowercase: rename it ${path.posix.basename(rel, other[0])}.md (a file ending in ${other[0]} is not built)` });
      continue;
    }
    const parsed = parseContentPath(rel, languages);
    if (!parsed.ok) {
      invalid.push({ file: rel, message: parsed.message });
      continue;
    }
    const file = { ...parsed.path, absolute: path.join(input, rel) };
    files.push(file);
    const byLang = bundles.get(file.bundle) ?? new Map<string, ContentFile>();
    byLang.set(file.lang!, file);
    bundles.set(file.bundle, byLang);
  }
  return { files, invalid, bundles };
}

export function readSource(file: ContentFile): string {
  return fileText(file.absolute);
}
