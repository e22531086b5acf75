/**
 * Tags across posts, checked with the other content problems before the build:
 * two different tags that would share one tag page (`C++` and `C#` both make
 * `/blog/tags/c/`) stop it, naming both posts and both tags; spellings of one
 * tag (`Économie sociale`, `ÉCONOMIE SOCIALE`) are shown under one name and
 * listed as notes, so a writer can make them agree.
 */
import { fileText, perFile } from "../core/file-memo.ts";
import { parseFrontMatter, splitFrontMatter } from "../core/front-matter.ts";
import type { ContentFile } from "../i18n/content-files.ts";
import type { ContentProblem } from "../core/problems.ts";
import { lineOf, readYaml } from "../validate/yaml-source.ts";
import { preferredSpelling, tagSlug, tidyTag, tagClashes, type TagUse } from "./tags.ts";
import { relativePath } from "../core/files.ts";

/** Every tag each blog file writes, with its line; files that do not parse are reported elsewhere. */
export function tagUses(files: readonly ContentFile[], root: string): TagUse[] {
  let usesOf = usesPerRoot.get(root);
  if (!usesOf) usesPerRoot.set(root, (usesOf = perFile((absolute) => usesIn(absolute, relativePath(root, absolute)))));
  return files.filter((page) => page.section === "blog").flatMap((page) => usesOf(page.absolute));
}

/** Each file's uses, kept until it changes: npm start asks for every post's at each rebuild (35 to 45 ms at 4,000 posts when made again). */
const usesPerRoot = new Map<string, (absolute: string) => TagUse[]>();

function usesIn(absolute: string, file: string): TagUse[] {
  return tagsWritten(absolute).map(({ tag, at }) => ({
    tag,
    file,
    // The YAML is read again with node positions only for a tag a problem or a note names.
    get line() {
      return tagLines(absolute)(at);
    },
  }));
}

/** The tags one file writes, each with its path in the front matter (read again only when the file changed). */
const tagsWritten = perFile((absolute): { tag: string; at: (string | number)[] }[] => {
  const split = splitFrontMatter(fileText(absolute));
  if (!split.closed) return [];
  let tags: unknown;
  try {
    tags = parseFrontMatter(split.yaml).tags;
  } catch {
    return [];
  }
  const list: unknown[] = Array.isArray(tags) ? tags : typeof tags === "string" ? [tags] : [];
  return list.flatMap((tag, i) => (typeof tag === "string" ? [{ tag, at: Array.isArray(tags) ? ["tags", i] : ["tags"] }] : []));
});

/** The file line of a front-matter path of one file. */
const tagLines = perFile((absolute) => {
  const split = splitFrontMatter(fileText(absolute));
  const { source } = readYaml(split.yaml, absolute);
  return (at: (string | number)[]) => {
    const line = lineOf(source, at);
    return line ? line + split.yamlLine - 1 : undefined;
  };
});

const where = (u: TagUse) => (u.line ? `${u.file}:${u.line}` : u.file);

/** Tags that would share a page: one problem per post involved, naming the others. */
export function tagCollisionProblems(uses: readonly TagUse[]): ContentProblem[] {
  return tagClashes(uses).collisions.flatMap((group) =>
    group.map((use) => {
      const others = group.filter((u) => u !== use).map((u) => `"${tidyTag(u.tag)}" in ${where(u)}`);
      return {
        file: use.file,
        ...(use.line ? { line: use.line } : {}),
        field: "tags",
        message: `"${tidyTag(use.tag)}" and ${others.join(" and ")} would share one tag page, /blog/tags/${tagSlug(use.tag)}/: rename one so that their letters or digits differ`,
      };
    }),
  );
}

/** Notes on tags written in several ways: which spelling the site shows, and where the others are. */
export function tagVariantNotes(uses: readonly TagUse[]): string[] {
  return tagClashes(uses).variants.flatMap((group) => {
    const files = new Map<string, Set<string>>();
    for (const u of group) files.set(tidyTag(u.tag), (files.get(tidyTag(u.tag)) ?? new Set()).add(u.file));
    const shown = preferredSpelling(new Map([...files].map(([s, f]) => [s, f.size])))[0]!;
    return group
      .filter((u) => u.tag !== shown)
      .map((u) => `  ${where(u)} · tags · "${u.tag}" is shown as "${shown}" (the spelling most posts use; on a tie, the one with fewer capitals): write it that way`);
  });
}
