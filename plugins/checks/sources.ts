/**
 * The Markdown file behind a built page, so a problem names what the writer
 * edits rather than the output file.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Project } from "../core/project.ts";
import { parseContentPath, siblingPath } from "../i18n/paths.ts";

export interface PageSource {
  /** Relative to the project root. */
  file: string;
  /** The Markdown text, when the page comes from a Markdown file. */
  markdown: string | undefined;
}

export function sourceOf(inputPath: string, project: Project): PageSource {
  const absolute = path.resolve(inputPath);
  const shown = (file: string) => path.relative(project.root, file).split(path.sep).join("/");
  if (!absolute.endsWith(".md")) return { file: `${shown(absolute)} (made by a plugin)`, markdown: undefined };
  if (existsSync(absolute)) return { file: shown(absolute), markdown: readFileSync(absolute, "utf8") };
  // An untranslated copy has no file of its own: its text is the original's.
  const { site } = project;
  const rel = path.relative(project.input, absolute).split(path.sep).join("/");
  const parsed = parseContentPath(rel, site.languages.map((l) => l.code));
  if (parsed.ok && parsed.path.lang) {
    // The original is usually in the default language, but may be in any other (an English-only page).
    const langs = [site.defaultLanguage, ...site.languages.map((l) => l.code).filter((c) => c !== site.defaultLanguage)];
    for (const lang of langs) {
      const original = path.join(project.input, siblingPath(rel, parsed.path.lang, lang));
      if (existsSync(original)) return { file: shown(original), markdown: readFileSync(original, "utf8") };
    }
  }
  return { file: shown(absolute), markdown: undefined };
}
