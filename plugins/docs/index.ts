/**
 * Documentation: a tree of pages under `content/<folder>/` (folders are
 * sections, each with an `index` page; `order` sorts siblings) shown with a
 * sidebar, breadcrumbs, previous/next links, an edit link to the forge and the
 * date of the last commit. The layout (`layouts/doc.11ty.tsx`) reads
 * `docPage(data)` from ./page.ts; this plugin provides its global data.
 */
import { realpathSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../core/eleventy.ts";
import { showsPagesIn } from "../core/incremental.ts";
import { registerPlugin, UNIQUE_PLUGIN } from "../core/options.ts";
import { DocsOptionsSchema, type DocsOptionsInput } from "./options.ts";
import { buildGitHistory } from "../core/git-history.ts";
import type { Project } from "../core/project.ts";
import { scanContent } from "../i18n/content-files.ts";
import { addContentCheck } from "../validate/registry.ts";
import type { ContentProblem } from "../core/problems.ts";
import type { DocsInfo } from "./page.ts";


export default function docsPlugin(eleventyConfig: EleventyConfig, options: DocsOptionsInput) {
  const { project, folder } = registerPlugin(eleventyConfig, "docs", DocsOptionsSchema, options);
  // Read once per build (and per rebuild of `npm start`, so a new commit shows), shared with the events.
  const history = buildGitHistory(eleventyConfig, project.input);

  const info: DocsInfo = {
    root: folder,
    repositoryRoot: project.root,
    lastCommit: (file) => history().files.get(realPath(file))?.[0]?.date,
  };
  eleventyConfig.addGlobalData("docsInfo", info);

  addContentCheck(eleventyConfig, "docs sections", () => missingSectionPages(project, folder));
  // npm start: every docs page shows the tree (menu, breadcrumbs, previous and next): a new title renders them again.
  const docs = path.join(project.input, folder);
  showsPagesIn(docs, docs);
}

/** git reports real paths; the project may sit behind a symbolic link. */
function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file; // not on disk (yet): no date either way
  }
}

/**
 * Every folder of the docs that holds pages needs its own `index` page in the
 * default language: it is the section's entry in the menu and breadcrumbs.
 */
export function missingSectionPages(project: Project, folder: string): ContentProblem[] {
  const codes = project.site.languages.map((l) => l.code);
  const { defaultLanguage } = project.site;
  const pages = scanContent(project.input, codes).files.filter((p) => p.section === folder);
  // A section page in any language names the section (its original may be English).
  const present = new Set(pages.map((p) => p.bundle));
  const reported = new Set<string>();
  const problems: ContentProblem[] = [];
  for (const page of pages) {
    const segments = page.bundle.split("/");
    for (let depth = 1; depth < segments.length; depth++) {
      const parent = segments.slice(0, depth).join("/");
      if (present.has(parent) || reported.has(parent)) continue;
      reported.add(parent);
      const index = path.relative(project.root, path.join(project.input, parent, `index.${defaultLanguage}.md`));
      problems.push({
        file: path.relative(project.root, path.join(project.input, page.file)),
        message: `its folder has no section page: add ${index} with a title (it names the section in the docs menu and breadcrumbs)`,
      });
    }
  }
  return problems;
}

docsPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
