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
import { isWatched } from "../core/file-memo.ts";
import { rendersAgainWhen } from "../core/incremental.ts";
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
  /** The report page of one language, a virtual template of the content folder. */
  const reportTemplate = (code: string) => `${urlPath}index.${code}.11ty.tsx`;

  // One reading of the content per build, whatever the number of pages asking.
  let cached: { report: TranslationReport; byFile: Map<string, { page: PageReport; entry: TranslationEntry }> } | undefined;
  /**
   * npm start: the build before's, whether the report pages show something
   * else now, and the translations whose notice changed (absolute paths).
   */
  let previous: typeof cached;
  let reportChanged = false;
  let noticeChanged = new Set<string>();
  // Each row's translations by absolute path: npm start keeps the rows a save did not change (./report.ts).
  const rows = new WeakMap<PageReport, [string, { page: PageReport; entry: TranslationEntry }][]>();
  const rowsOf = (page: PageReport) => {
    let found = rows.get(page);
    if (!found) rows.set(page, (found = page.translations.map((entry) => [path.resolve(project.root, entry.file), { page, entry }])));
    return found;
  };
  const current = () => {
    if (!cached) {
      const report = translationReport(source);
      const byFile = new Map<string, { page: PageReport; entry: TranslationEntry }>();
      for (const page of report.pages) for (const [file, found] of rowsOf(page)) byFile.set(file, found);
      if (previous) {
        reportChanged = !sameShown(previous.report, report);
        noticeChanged = new Set();
        for (const [file, found] of byFile) {
          const before = previous.byFile.get(file);
          // A row kept from the build before (./report.ts) says the same.
          if (before?.page !== found.page && JSON.stringify(noticeOf(before)) !== JSON.stringify(noticeOf(found))) noticeChanged.add(file);
        }
      }
      cached = previous = { report, byFile };
    }
    return cached;
  };
  eleventyConfig.on("eleventy.before", () => {
    cached = undefined;
    // npm start: read before the rebuild chooses its templates, so that only the pages whose notice or table changed render again.
    if (isWatched(project.input)) current();
  });
  const reportPages = new Set(site.languages.map(({ code }) => path.join(project.input, reportTemplate(code))));
  rendersAgainWhen("translations", (template) => noticeChanged.has(template) || (reportChanged && reportPages.has(template)));

  // A preprocessor, not computed data: see the languages preprocessor (plugins/i18n/index.ts).
  eleventyConfig.addPreprocessor("stale-translation", "*", (data: EleventyData) => {
    data.staleTranslation = staleTranslationOf(data);
    return;
  });
  function staleTranslationOf(data: EleventyData): StaleTranslation | false {
    if (data.untranslated || !data.page?.inputPath) return false;
    return noticeOf(current().byFile.get(absolutePath(data.page.inputPath)));
  }

  for (const { code } of site.languages) {
    eleventyConfig.addTemplate(
      reportTemplate(code),
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

/**
 * Whether two reports show the same on the report pages: the same rows (most
 * are kept from one rebuild to the next, ./report.ts) and summaries. The
 * hashes are not shown: a saved original changes its own at every save.
 */
function sameShown(a: TranslationReport, b: TranslationReport): boolean {
  const shown = (page: PageReport) =>
    JSON.stringify({ ...page, original: { ...page.original, hash: "" }, translations: page.translations.map((t) => ({ ...t, recorded: "" })) });
  if (a.pages.length !== b.pages.length || a.orphans.join("\n") !== b.orphans.join("\n")) return false;
  if (a.pages.some((page, i) => page !== b.pages[i] && shown(page) !== shown(b.pages[i]!))) return false;
  return JSON.stringify([a.coverage, a.strings, a.languages, a.defaultLanguage]) === JSON.stringify([b.coverage, b.strings, b.languages, b.defaultLanguage]);
}

/** What a translation's page says of its original: that it changed since (with its URL), or nothing. */
function noticeOf(found: { page: PageReport; entry: TranslationEntry } | undefined): StaleTranslation | false {
  if (found?.entry.state !== "stale") return false;
  return { originalUrl: found.page.original.url, originalLang: found.page.original.lang };
}
