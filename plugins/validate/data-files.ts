/**
 * The fields a page takes from data files rather than from its front matter.
 * Eleventy merges into each page's data the JSON files named after the page
 * (`index.fr.11tydata.json`, `index.fr.json`) and after each folder above it
 * (`install-party/install-party.11tydata.json`, `blog/blog.json`), the closest
 * one winning. A writer may date a whole folder's `updated` in one: such a value
 * is checked as the front matter's are, and a mistake in it names the data file
 * and its line instead of the page (or, later, a stack trace at the render).
 */
import path from "node:path";
import { perBuild } from "../core/build-pass.ts";
import { fileStamp, fileText, perFile } from "../core/file-memo.ts";
import { folderListings } from "../i18n/content-files.ts";

/** Per base name, the data file that wins first (as Eleventy's default `dataFileSuffixes`). */
const SUFFIXES = [".11tydata.json", ".json"];

/** A field's value and the data file it comes from (absolute). */
export interface DataFileField {
  file: string;
  value: unknown;
}

/** A page's data files, the closest first, and their stamp (undefined while one cannot be read). */
export interface PageDataFiles {
  files: readonly string[];
  stamp: string | undefined;
}

/**
 * The JSON data files of the page `absolute` under the content folder `input`,
 * the closest first (the page's own, then its folder's, up to the content
 * folder's own, `content/content.11tydata.json`).
 */
export function pageDataFiles(absolute: string, input: string): PageDataFiles {
  const dir = path.dirname(absolute);
  const folders = folderDataFiles(`${input}\0${dir}`);
  // Its own: `index.fr.11tydata.json` beside `index.fr.md` (rare: most pages have none).
  const names = folderListings(input).get(dir);
  const stem = path.basename(absolute, ".md");
  const own = names ? SUFFIXES.filter((suffix) => names.has(stem + suffix)).map((suffix) => path.join(dir, stem + suffix)) : [];
  return own.length ? stamped([...own, ...folders.files]) : folders;
}

/**
 * A folder's data files and those of the folders above it: once per build for
 * all the pages in it, and the folders above from their own answer (each post
 * has a folder of its own: its parents were looked at again for each).
 */
const folderDataFiles = perBuild((key: string): PageDataFiles => {
  const [input, dir] = key.split("\0") as [string, string];
  const root = path.resolve(input);
  if (!dir.startsWith(`${root}${path.sep}`)) return stamped(withSuffixes(path.join(root, path.basename(root)), root));
  const above = folderDataFiles(`${input}\0${path.dirname(dir)}`);
  const own = withSuffixes(path.join(dir, path.basename(dir)), root);
  return own.length ? stamped([...own, ...above.files]) : above;
});

function stamped(files: readonly string[]): PageDataFiles {
  const stamps = files.map(fileStamp);
  return { files, stamp: stamps.includes(undefined) ? undefined : stamps.join("|") };
}

/** The data files named `base` plus a suffix that the content's walk found, the winning one first. */
function withSuffixes(base: string, root: string): string[] {
  const names = folderListings(root).get(path.dirname(base));
  return names ? SUFFIXES.map((suffix) => base + suffix).filter((file) => names.has(path.basename(file))) : [];
}

/** A data file's fields; undefined when it is not a JSON object (its syntax is the "data files" check's to report). */
const fieldsOf = perFile((file: string): Readonly<Record<string, unknown>> | undefined => {
  try {
    const value: unknown = JSON.parse(fileText(file));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
});

/** The fields a page takes from its data `files` ({@link pageDataFiles}): those its front matter does not write, each from the closest file that does. */
export function dataFileFields(files: readonly string[], frontMatter: Readonly<Record<string, unknown>>): Map<string, DataFileField> {
  const fields = new Map<string, DataFileField>();
  for (const file of files) {
    for (const [key, value] of Object.entries(fieldsOf(file) ?? {})) {
      if (!(key in frontMatter) && !fields.has(key)) fields.set(key, { file, value });
    }
  }
  return fields;
}
