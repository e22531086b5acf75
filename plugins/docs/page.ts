/**
 * Everything the doc layout shows around a page's text: the tree of its
 * language, where the page sits in it, its neighbours, the link to edit its
 * source on the forge and the date it last changed.
 */
import path from "node:path";
import { DateTime } from "luxon";
import type { CollectionItem, EleventyData } from "../core/eleventy.ts";
import type { Site } from "../core/site.ts";
import { parseWallClock } from "../core/dates.ts";
import { pagesOfType } from "../core/pages.ts";
import { siblingPath } from "../i18n/paths.ts";
import { buildTree, findNode, neighbours, trail, type DocEntry, type DocNode } from "./tree.ts";

/** What the docs plugin puts in the global data as `docsInfo`. */
export interface DocsInfo {
  /** Bundle of the docs home (the docs folder's name). */
  root: string;
  /** The repository's root: edit links give paths relative to it. */
  repositoryRoot: string;
  /** Committer date (ISO 8601) of the last commit of an absolute file path, when git history is complete. */
  lastCommit(file: string): string | undefined;
}

export interface DocPageData extends EleventyData {
  site: Site;
  lang: string;
  bundle: string;
  untranslated?: boolean;
  /** Front-matter fallback date (a wall-clock string: YAML 1.2 keeps it text). */
  updated?: string;
  docsInfo: DocsInfo;
}

export interface DocPage {
  tree: DocNode;
  node: DocNode | undefined;
  /** From the docs home to this page, both included. */
  trail: DocNode[];
  previous: DocNode | undefined;
  next: DocNode | undefined;
  /** The forge's edit page of the Markdown file (the original's, for an untranslated copy). */
  editUrl: string;
  /** Repository path of that file. */
  sourcePath: string;
  updated: { date: DateTime; from: "git" | "front matter" } | undefined;
}

const trees = new WeakMap<object, Map<string, DocNode>>();

/** The docs tree of a language, built once per build from `collections.all`. */
export function docTree(all: readonly CollectionItem[], lang: string, info: Pick<DocsInfo, "root">, locale: string): DocNode {
  let byLang = trees.get(all);
  if (!byLang) trees.set(all, (byLang = new Map()));
  let tree = byLang.get(lang);
  if (!tree) {
    const entries: DocEntry[] = pagesOfType(all, "doc", lang).map((item) => ({
        bundle: item.data.bundle as string,
        title: (item.data.title as string | undefined) ?? item.fileSlug,
        url: item.url,
        order: item.data.order as number | undefined,
        summary: item.data.summary as string | undefined,
        untranslated: Boolean(item.data.untranslated),
        contentLang: item.data.contentLang as string | undefined,
      }));
    tree = buildTree(entries, { root: info.root, locale });
    byLang.set(lang, tree);
  }
  return tree;
}

/** Repository path of the file a page comes from: the original for an untranslated copy. */
export function sourceFile(data: Pick<DocPageData, "page" | "lang" | "untranslated" | "site" | "docsInfo"> & { contentLang?: string }): string {
  const own = path.resolve(data.page.inputPath);
  // The copy is a virtual template at the translation's path; the file on disk is the original, in the text's language.
  const file = data.untranslated ? siblingPath(own, data.lang, data.contentLang ?? data.site.defaultLanguage) : own;
  return path.relative(data.docsInfo.repositoryRoot, file).split(path.sep).join("/");
}

export function docPage(data: DocPageData): DocPage {
  const { site, lang } = data;
  const locale = site.languages.find((l) => l.code === lang)?.locale ?? lang;
  const tree = docTree((data.collections.all ?? []) as CollectionItem[], lang, data.docsInfo, locale);
  const sourcePath = sourceFile(data);
  return {
    tree,
    node: findNode(tree, data.bundle),
    trail: trail(tree, data.bundle),
    ...neighbours(tree, data.bundle),
    editUrl: site.forge.editUrl.replace("{path}", sourcePath.split("/").map(encodeURIComponent).join("/")),
    sourcePath,
    updated: lastUpdated(data, sourcePath),
  };
}

function lastUpdated(data: DocPageData, sourcePath: string): DocPage["updated"] {
  const zone = data.site.timezone;
  const committed = data.docsInfo.lastCommit(path.join(data.docsInfo.repositoryRoot, sourcePath));
  if (committed) {
    const date = DateTime.fromISO(committed, { zone });
    if (date.isValid) return { date, from: "git" };
  }
  if (data.updated !== undefined) {
    const parsed = parseWallClock(data.updated, zone);
    if ("dateTime" in parsed) return { date: parsed.dateTime, from: "front matter" };
  }
  return undefined;
}
