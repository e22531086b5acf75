/**
 * Two pages at one address: two posts with the same slug, an alias that is a
 * real page's address, a page at `/blog/` or a slug `feeds`. Found once Eleventy
 * knows every page's URL and before anything is rendered or written, and told
 * as content problems naming the real source files (the one that declares the
 * alias, the original of an untranslated copy) and the URL.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { splitFrontMatter } from "../core/front-matter.ts";
import { textFileOf } from "../core/copies.ts";
import type { ContentScan } from "../i18n/content-files.ts";
import type { ContentProblem } from "../core/problems.ts";
import { lineOf, readYaml } from "./yaml-source.ts";
import { addTo } from "../core/add-to.ts";

/** What made one page: a content file (maybe through its slug, an alias or an untranslated copy) or a plugin. */
export interface UrlSource {
  /** Content file, relative to the project root; for a plugin's page, its virtual template. */
  file: string;
  line?: number;
  field?: "slug" | "aliases";
  plugin?: boolean;
}

/** Eleventy's `inputPathToUrl` (from the `eleventy.contentMap` event): every template's page URLs. */
export type InputPathToUrl = Record<string, (string | false)[]>;

/** URLs made by more than one page, with every template that makes them (once per page). */
export function collidingUrls(map: InputPathToUrl): Map<string, string[]> {
  const byUrl = new Map<string, string[]>();
  for (const [inputPath, urls] of Object.entries(map)) {
    for (const url of urls) if (url) addTo(byUrl, url, inputPath);
  }
  return new Map([...byUrl].filter(([, inputs]) => inputs.length > 1));
}

/** One problem per set of colliding sources (a French page and its English copy count once). */
export function collisionProblems(collisions: Map<string, string[]>, sourcesOf: (inputPath: string, url: string) => UrlSource[]): ContentProblem[] {
  const groups = new Map<string, { sources: UrlSource[]; urls: string[] }>();
  // Shortest first: the default language's URL before its /en/ copy.
  for (const [url, inputs] of [...collisions].sort(([a], [b]) => a.length - b.length || (a < b ? -1 : 1))) {
    const sources = dedupe(inputs.flatMap((input) => sourcesOf(input, url)));
    const key = sources.map((s) => (s.plugin ? "plugin" : `${s.file}:${s.line ?? ""}`)).sort().join("|");
    const group = groups.get(key) ?? { sources, urls: [] };
    group.urls.push(url);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ sources, urls }) => {
    const [first, ...others] = [...sources].sort((a, b) => Number(Boolean(a.plugin)) - Number(Boolean(b.plugin)) || rank(b) - rank(a));
    const shown = urls.length > 1 ? `${urls[0]} (and ${urls.slice(1).join(", ")})` : urls[0]!;
    const problem: ContentProblem = { file: first!.file, message: `${shown} ${also(others)}: ${fixFor(first!, others)}` };
    if (first!.line) problem.line = first!.line;
    if (first!.field) problem.field = first!.field;
    return problem;
  });
}

function rank(s: UrlSource): number {
  return s.field === "aliases" ? 2 : s.field === "slug" ? 1 : 0;
}

function also(others: UrlSource[]): string {
  const named = others.map((o) =>
    o.plugin ? `a page the site makes itself (${o.file})` : `${o.line ? `${o.file}:${o.line}` : o.file}${o.field === "aliases" ? " (as an alias)" : ""}`,
  );
  return `is also the address of ${named.join(" and of ")}`;
}

function fixFor(first: UrlSource, others: UrlSource[]): string {
  if (first.field === "aliases") return "an alias must be an old address no other page uses: remove it from aliases";
  if (others.some((o) => o.plugin)) return "that address is taken: rename the file or folder, or set another slug";
  return "give one of them another slug (or another folder or file name)";
}

function dedupe(sources: UrlSource[]): UrlSource[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.file}:${s.line}:${s.field}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

export interface SourceResolver {
  input: string;
  root: string;
  scan: ContentScan;
  /** Template that turns each alias into a redirect page. */
  isRedirectTemplate: (inputPath: string) => boolean;
}

/** Who made the page at `url` from template `inputPath`, as writers know it. */
export function sourceResolver(options: SourceResolver): (inputPath: string, url: string) => UrlSource[] {
  const { input, root, scan } = options;
  const rel = (absolute: string) => path.relative(root, absolute);
  const yamlOf = new Map<string, ReturnType<typeof readYaml>["source"] & { shift: number }>();
  const yaml = (absolute: string) => {
    if (!yamlOf.has(absolute)) {
      const split = splitFrontMatter(readFileSync(absolute, "utf8"));
      yamlOf.set(absolute, { ...readYaml(split.yaml, rel(absolute)).source, shift: split.yamlLine - 1 });
    }
    return yamlOf.get(absolute)!;
  };
  const contentSource = (absolute: string): UrlSource => {
    const source = yaml(absolute);
    const slug = source.doc.get("slug");
    const line = slug === undefined ? undefined : lineOf(source, ["slug"]);
    return line ? { file: rel(absolute), line: line + source.shift, field: "slug" } : { file: rel(absolute) };
  };
  return (inputPath, url) => {
    const absolute = path.resolve(inputPath);
    if (options.isRedirectTemplate(inputPath)) {
      // Every file whose aliases list this URL.
      return scan.files.flatMap((f) => {
        const source = yaml(f.absolute);
        const aliases: unknown = source.doc.toJS()?.aliases;
        if (!Array.isArray(aliases)) return [];
        return aliases.flatMap((a, i) => {
          const line = lineOf(source, ["aliases", i]);
          return a === url ? [{ file: rel(f.absolute), field: "aliases" as const, ...(line ? { line: line + source.shift } : {}) }] : [];
        });
      });
    }
    // An untranslated copy: its original is the file a writer can change.
    const text = textFileOf(absolute);
    if (text.endsWith(".md") && existsSync(text)) return [contentSource(text)];
    return [{ file: path.relative(input, absolute).split(path.sep).join("/"), plugin: true }];
  };
}
