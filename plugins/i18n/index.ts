/**
 * Languages: every page's language, bundle and URL come from its file name;
 * translations pair through their bundle; a missing translation gets a page
 * at its URL showing the original under a notice (site option); UI strings
 * come from i18next files whose keys must match across languages.
 */
import path from "node:path";
import type { EleventyConfig, EleventyData } from "../core/eleventy.ts";
import { deepFreeze } from "../core/freeze.ts";
import type { Project } from "../core/project.ts";
import { addContentCheck } from "../validate/registry.ts";
import { readSource, scanContent } from "./content-files.ts";
import { localizedUrl, parseContentPath, siblingPath, withSlug, type ContentPath } from "./paths.ts";
import { siteStrings } from "./strings.ts";

export default function i18nPlugin(eleventyConfig: EleventyConfig, project: Project) {
  const { site } = project;
  const codes = site.languages.map((l) => l.code);
  // Five computed keys and the permalink read the same path: parse it once per file.
  const paths = new Map<string, ContentPath | undefined>();
  const pathOf = (data: EleventyData): ContentPath | undefined => {
    const inputPath = data.page.inputPath;
    if (!paths.has(inputPath)) {
      const rel = path.relative(project.input, path.resolve(inputPath)).split(path.sep).join("/");
      const parsed = parseContentPath(rel, codes);
      paths.set(inputPath, parsed.ok ? parsed.path : undefined);
    }
    return paths.get(inputPath);
  };

  const { resources, problems: stringProblems } = siteStrings(eleventyConfig, project);
  eleventyConfig.addGlobalData("strings", deepFreeze(resources));
  addContentCheck(eleventyConfig, "UI strings", () => stringProblems);

  const scan = scanContent(project.input, codes);
  const rel = (file: string) => path.relative(project.root, path.join(project.input, file));
  addContentCheck(eleventyConfig, "file names", () => [
    ...scan.invalid.map((f) => ({ file: rel(f.file), message: f.message })),
    ...[...scan.bundles].flatMap(([, byLang]) =>
      byLang.has(site.defaultLanguage)
        ? []
        : [...byLang.values()].map((f) => ({
            file: rel(f.file),
            message: `translation without an original: add ${rel(siblingPath(f.file, f.lang!, site.defaultLanguage))} (pages are paired through their folder or file name)`,
          })),
    ),
  ]);

  // A missing translation is published as the original under a notice, so
  // every URL of the language switcher exists.
  if (site.missingTranslations === "fallback") {
    for (const [, byLang] of scan.bundles) {
      const original = byLang.get(site.defaultLanguage);
      if (!original) continue;
      for (const lang of codes) {
        if (byLang.has(lang)) continue;
        eleventyConfig.addTemplate(siblingPath(original.file, site.defaultLanguage, lang), readSource(original), {
          untranslated: true,
          contentLang: site.defaultLanguage,
        });
      }
    }
  }

  eleventyConfig.addGlobalData("eleventyComputed", {
    lang: (data: EleventyData) => pathOf(data)?.lang ?? site.defaultLanguage,
    bundle: (data: EleventyData) => pathOf(data)?.bundle ?? data.page.filePathStem,
    // Eleventy presets computed keys to "" before computing them: an empty value means "not given".
    section: (data: EleventyData) => (data.section as string | undefined) || pathOf(data)?.section || "",
    /** Language of the text itself: the original's for an untranslated page. */
    contentLang: (data: EleventyData) => (data.untranslated ? site.defaultLanguage : (pathOf(data)?.lang ?? site.defaultLanguage)),
  });

  // Every page's URL follows its file: /<path>/ in the default language, /<lang>/<path>/ otherwise.
  eleventyConfig.addGlobalData("permalink", () => (data: EleventyData) => {
    const where = pathOf(data);
    if (!where) return undefined;
    const lang = where.lang ?? site.defaultLanguage;
    const slug = typeof data.slug === "string" ? data.slug : undefined;
    return `${localizedUrl(withSlug(where.urlPath, slug), lang, site.defaultLanguage)}index.html`;
  });
}
