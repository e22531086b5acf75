/**
 * Translations for translators: a page per language at `/translations/`
 * (noindex, not in the navigation) listing every page as missing, stale,
 * untracked or up to date, with its edit link; and on a stale translation, a
 * discreet notice that the original is more recent (`staleTranslation` in the
 * page's data, `layouts/components/StaleNotice.tsx` shows it). The same
 * report as `npm run translations`, read again at every build.
 */
import path from "node:path";
import type { EleventyConfig, EleventyData } from "../core/eleventy.ts";
import { absolutePath } from "../core/files.ts";
import { pageOnlyFiles } from "../core/incremental.ts";
import { registerPlugin, UNIQUE_PLUGIN } from "../core/options.ts";
import { TranslationsOptionsSchema, type TranslationsOptionsInput } from "./options.ts";
import { translationReport, type PageReport, type TranslationEntry, type TranslationReport } from "./report.ts";


/** What a stale translation's page data carries. */
export interface StaleTranslation {
  /** URL of the original, which changed after the translation was written. */
  originalUrl: string;
  originalLang: string;
}

export default function translationsPlugin(eleventyConfig: EleventyConfig, options: TranslationsOptionsInput) {
  const { project, layout, urlPath } = registerPlugin(eleventyConfig, "translations", TranslationsOptionsSchema, options);
  const { site } = project;
  const source = { input: project.input, strings: project.strings, root: project.root, site };

  // One reading of the content per build, whatever the number of pages asking.
  let cached: { report: TranslationReport; byFile: Map<string, { page: PageReport; entry: TranslationEntry }> } | undefined;
  const current = () => {
    if (!cached) {
      const report = translationReport(source);
      const byFile = new Map<string, { page: PageReport; entry: TranslationEntry }>();
      for (const page of report.pages) for (const entry of page.translations) byFile.set(path.resolve(project.root, entry.file), { page, entry });
      cached = { report, byFile };
    }
    return cached;
  };
  eleventyConfig.on("eleventy.before", () => {
    // A page-only rebuild of npm start re-renders neither the translations nor this report.
    if (pageOnlyFiles()) return;
    cached = undefined;
  });

  // A preprocessor, not computed data: see the languages preprocessor (plugins/i18n/index.ts).
  eleventyConfig.addPreprocessor("stale-translation", "*", (data: EleventyData) => {
    data.staleTranslation = staleTranslationOf(data);
    return;
  });
  function staleTranslationOf(data: EleventyData): StaleTranslation | false {
    if (data.untranslated || !data.page?.inputPath) return false;
    const found = current().byFile.get(absolutePath(data.page.inputPath));
    if (found?.entry.state !== "stale") return false;
    return { originalUrl: found.page.original.url, originalLang: found.page.original.lang };
  }

  for (const { code } of site.languages) {
    eleventyConfig.addTemplate(
      `${urlPath}index.${code}.11ty.tsx`,
      { render: () => "" },
      {
        layout,
        type: "translations",
        noindex: true,
        eleventyComputed: { translationReport: () => current().report },
      },
    );
  }
}

translationsPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
