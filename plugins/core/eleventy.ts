/**
 * The small part of Eleventy 3's API that our plugins use. Eleventy ships no
 * type declarations; these follow its documentation and src/UserConfig.js.
 */
import type { Stats } from "node:fs";

/** What `templateHandling.lastWritten` gives (scripts/deploy/written-files.ts). */
export interface WrittenFilesRecord {
  same(filePath: string, content: string | Uint8Array, stat: Stats): boolean | undefined;
  record(filePath: string, content: string | Uint8Array, stat: Stats): void;
  /** The digest (SHA-1, base64url) of what this build recorded in `filePath`, if it did. */
  written(filePath: string): string | undefined;
}

export interface EleventyPage {
  url: string | false;
  inputPath: string;
  outputPath: string | false;
  fileSlug: string;
  filePathStem: string;
  date: Date;
  lang?: string;
}

/** What a template's data looks like once the cascade ran (front matter, folder and global data). */
export interface EleventyData {
  page: EleventyPage;
  content?: string;
  collections: Record<string, CollectionItem[]>;
  eleventy: { env: { runMode: "build" | "watch" | "serve"; source: string } };
  pagination?: Pagination;
  [key: string]: unknown;
}

export interface Pagination<T = unknown> {
  items: T[];
  pageNumber: number;
  hrefs: string[];
  pages: T[][];
  href: { previous?: string; next?: string; first: string; last: string };
}

export interface CollectionItem {
  url: string;
  inputPath: string;
  outputPath: string | false;
  fileSlug: string;
  filePathStem: string;
  date: Date;
  data: EleventyData;
  /** Rendered HTML (only once the item itself has rendered). */
  content: string;
  templateContent: string;
}

export interface CollectionApi {
  getAll(): CollectionItem[];
  getAllSorted(): CollectionItem[];
  getFilteredByTag(tag: string): CollectionItem[];
  getFilteredByGlob(glob: string | string[]): CollectionItem[];
}

export interface EleventyDirectories {
  input: string;
  data: string;
  includes: string;
  layouts?: string;
  output: string;
}

export interface AfterBuildEvent {
  dir: EleventyDirectories;
  directories: EleventyDirectories;
  runMode: string;
  outputMode: string;
  /** `content` is left out when a plugin set `keepWrittenContent: false` (patches/), unless serving. */
  results: { inputPath: string; outputPath: string | false; url: string | false; content?: string }[];
}

/** A posthtml plugin as Eleventy's HtmlTransformer keeps it: `fn(context)` gives the plugin of one page. */
export interface PosthtmlEntry {
  fn: (context: Record<string, unknown>) => (tree: unknown) => unknown;
  options?: Record<string, unknown>;
}

export type Plugin<O = unknown> = (eleventyConfig: EleventyConfig, options: O) => void | Promise<void>;

export interface EleventyConfig {
  directories: EleventyDirectories;
  /** Throws when the running Eleventy is outside a semver range. */
  versionCheck(range: string): void;
  dir: Partial<EleventyDirectories>;
  addPlugin<O>(plugin: Plugin<O>, options?: O): void;
  addGlobalData(name: string, value: unknown): void;
  addCollection(name: string, fn: (api: CollectionApi) => unknown): void;
  addFilter(name: string, fn: (...args: any[]) => unknown): void;
  addTransform(name: string, fn: (this: { page: EleventyPage }, content: string) => string | Promise<string>): void;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  /** The virtual templates by path, shared with Eleventy's merged configuration (patches/): a plugin may drop one between two builds. */
  readonly virtualTemplates: Record<string, unknown>;
  addExtension(exts: string | string[], options: Record<string, unknown>): void;
  /** The entries addExtension adds (Eleventy's own Set). */
  readonly extensionMap: Set<Record<string, unknown>>;
  /** What {@link EleventyConfig.configureTemplateHandling} set. */
  readonly templateHandling: { writtenSince?: () => number | undefined; lastWritten?: () => WrittenFilesRecord | undefined };
  addDataExtension(exts: string, options: Record<string, unknown>): void;
  addPreprocessor(name: string, exts: string, fn: (data: EleventyData, content: string) => unknown): void;
  /** Reads a page's `date` before Eleventy does; a Date or luxon DateTime returned is the page's date. */
  addDateParsing(fn: (value: unknown) => unknown): void;
  /** Eleventy's one posthtml pass over written HTML, shared by the plugins that add to it (eleventy-img). */
  readonly htmlTransformer: {
    plugins: Record<string, PosthtmlEntry[]>;
    remove(extensions: string, match: (entry: PosthtmlEntry) => boolean): void;
  };
  addPassthroughCopy(spec: string | Record<string, string>, options?: Record<string, unknown>): void;
  addWatchTarget(path: string, options?: Record<string, unknown>): void;
  /**
   * `keepWrittenContent: false` (patches/): results and templates drop each page's HTML once it is written (not when serving: the dev server needs it).
   * `skipsRender` (patches/): while watching, a page it answers true for, already written by this process, is neither rendered nor written.
   * `writtenSince` (patches/): writing over the last build, from this ctime on: a file that already holds a page's bytes is not written again (touched, unless `lastWritten` records it).
   * `lastWritten` (patches/): with `writtenSince`, the record of what the last build wrote, which tells the same bytes without reading the file (scripts/deploy/written-files.ts).
   * `folderListings` (patches/): the files of folders already listed (absolute folder → names), asked once a build; Eleventy's look for data files answers from them.
   * `pageWritten` (patches/): called with each page once its file holds it (./page-written.ts shares it between plugins).
   * `relationsKept` (patches/): asked at a rebuild after saved Markdown files only; true when none of them changed what relates templates (collections, pagination), so Eleventy's graph of them stays as the last build left it.
   * `readInput` (patches/): a template file's text (its path as Eleventy names it), instead of Eleventy's own read of the file.
   * `timeRender` (patches/): runs a JavaScript template's or layout's render (handed as a function) and answers its output: a timer's place.
   */
  configureTemplateHandling(options: {
    writeMode?: "sync" | "async";
    keepWrittenContent?: boolean;
    writtenSince?: () => number | undefined;
    lastWritten?: () => WrittenFilesRecord | undefined;
    skipsRender?: (page: { inputPath: string; data: Record<string, unknown> }) => boolean;
    folderListings?: () => ReadonlyMap<string, ReadonlySet<string>>;
    pageWritten?: (page: { url: string; outputPath: string }) => void;
    relationsKept?: () => boolean;
    readInput?: (inputPath: string) => string | undefined;
    timeRender?: (render: () => unknown) => unknown;
  }): void;
  addLayoutAlias(alias: string, file: string): void;
  setLayoutsDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setLibrary(name: string, lib: unknown): void;
  amendLibrary(name: string, fn: (lib: any) => unknown): void;
  setFrontMatterParsingOptions(options: Record<string, unknown>): void;
  setServerOptions(options: Record<string, unknown>): void;
  setQuietMode(quiet: boolean): void;
  ignores: { add(glob: string): void; delete(glob: string): void };
  watchIgnores: { add(glob: string): void };
  on(event: "eleventy.before", fn: (e: { directories: EleventyDirectories; runMode: string }) => unknown): void;
  on(event: "eleventy.after", fn: (e: AfterBuildEvent) => unknown): void;
  on(event: string, fn: (...args: any[]) => unknown): void;
  [key: string]: unknown;
}
