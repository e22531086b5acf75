/**
 * Languages: every page's language, bundle and URL come from its file name;
 * translations pair through their bundle, whose original may be in any
 * language; a missing translation gets a page at its URL showing the original
 * under a notice (site option); a draft or scheduled original holds back its
 * translations; UI strings come from i18next files whose keys must match
 * across languages.
 */
import path from "node:path";
import type { EleventyConfig, EleventyData } from "../core/eleventy.ts";
import { ProjectOption, registerPlugin, UNIQUE_PLUGIN } from "../core/options.ts";
import { deepFreeze } from "../core/freeze.ts";
import type { Project } from "../core/project.ts";
import { addContentCheck } from "../validate/registry.ts";
import { frontMatterLine } from "../validate/yaml-source.ts";
import { buildNow } from "../core/project.ts";
import { copiesShowText } from "../core/copies.ts";
import { onFilesChanged } from "../core/file-memo.ts";
import { rendersAgainWhen } from "../core/incremental.ts";
import { holdBack } from "../core/held-back.ts";
import { contentFiles, folderListings, README_NAMES, readSource, scanContent, type ContentFile, type ContentScan } from "./content-files.ts";
import { fileText } from "../core/file-memo.ts";
import { parsedJson } from "../core/json-errors.ts";
import { originalInputs, originalsOf, type Originals } from "./originals.ts";
import { parsedFile } from "../translations/status.ts";
import { localizedUrl, parseContentPath, siblingPath, withSlug, type ContentPath } from "./paths.ts";
import { siteStrings } from "./strings.ts";
import type { MarkdownSource } from "../markdown/index.ts";
import { absolutePath, relativePath } from "../core/files.ts";


const markdownSources = new WeakMap<EleventyConfig, () => MarkdownSource[]>();

/**
 * `npm start`: the languages plugin of the current configuration load, told of
 * each rebuild's changed files before Eleventy lists the templates (a page added
 * or deleted changes the bundles, their originals and the untranslated copies).
 */
let contentChanged: ((files: readonly string[] | undefined) => void) | undefined;
onFilesChanged((files) => contentChanged?.(files));

/** What the folder's structure gives the pages: bundles, their originals, the copies of missing translations. */
interface Structure {
  list: readonly string[];
  scan: ContentScan;
  originals: Originals;
  /** Each copy's virtual path (relative to the content folder) → what it shows. */
  copies: Map<string, { file: ContentFile; lang: string; contentLang: string }>;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((file, i) => file === b[i]);

/**
 * The Markdown pages of the build, untranslated copies included, with the
 * languages this plugin gives them: the markdown plugin's `sources`, which it
 * renders ahead. Empty before this plugin is registered.
 */
export function markdownSourcesOf(eleventyConfig: EleventyConfig): MarkdownSource[] {
  return markdownSources.get(eleventyConfig)?.() ?? [];
}

/** Its one option is the project from `loadProject()`. */
export default function i18nPlugin(eleventyConfig: EleventyConfig, options: Project) {
  const project = registerPlugin(eleventyConfig, "i18n", ProjectOption, options);
  const { site } = project;
  const codes = site.languages.map((l) => l.code);
  // Five computed keys and the permalink read the same path: parse it once per file.
  const paths = new Map<string, ContentPath | undefined>();
  /** The place of a page, or of a file the watcher reports, in the content folder. */
  const pathOfFile = (inputPath: string): ContentPath | undefined => {
    if (!paths.has(inputPath)) {
      const rel = relativePath(project.input, absolutePath(inputPath));
      const parsed = parseContentPath(rel, codes);
      paths.set(inputPath, parsed.ok ? parsed.path : undefined);
    }
    return paths.get(inputPath);
  };
  const pathOf = (data: EleventyData) => pathOfFile(data.page.inputPath);

  const { resources, problems: stringProblems } = siteStrings(eleventyConfig, project);
  eleventyConfig.addGlobalData("strings", deepFreeze(resources));
  addContentCheck(eleventyConfig, "UI strings", () => stringProblems);

  const inputGlob = path.relative(project.root, project.input).split(path.sep).join("/") || ".";
  for (const name of README_NAMES) eleventyConfig.ignores.add(`${inputGlob}/**/${name}`);
  // Eleventy's look for each page's data files, answered from the same walk.
  eleventyConfig.configureTemplateHandling({ folderListings: () => folderListings(project.input) });
  const originalSettings = { languages: codes, defaultLanguage: site.defaultLanguage, timezone: site.timezone };

  // The bundles, their originals and the copies, made again when a page is added or
  // deleted: `npm start` takes such a change in without loading the configuration again.
  let structure: Structure | undefined;
  const current = (): Structure => {
    const list = contentFiles(project.input);
    if (structure && (structure.list === list || sameList(structure.list, list))) return structure;
    const scan = scanContent(project.input, codes);
    const originals = originalsOf(scan, originalSettings, buildNow());
    // A missing translation is published as the original under a notice, so
    // every URL of the language switcher exists (whichever language the original is in).
    const copies: Structure["copies"] = new Map();
    if (site.missingTranslations === "fallback") {
      for (const [bundle, byLang] of scan.bundles) {
        const original = originals.byBundle.get(bundle)!;
        for (const lang of codes) {
          if (!byLang.has(lang)) copies.set(siblingPath(original.file.file, original.lang, lang), { file: original.file, lang, contentLang: original.lang });
        }
      }
    }
    structure = { list, scan, originals, copies };
    return structure;
  };

  // Each copy is a virtual template that reads its original's text at each build
  // (a patch of Eleventy takes a function): `npm start` renders it again after a
  // saved original, as it renders the original, without making the copy anew
  // (../core/copies.ts). Copies come and go with the translations between two
  // builds (another patch shares the virtual templates with Eleventy's configuration).
  /** Each copy made: its virtual path → what it shows (its original's file and language). */
  const copyTemplates = new Map<string, string>();
  const shows = (file: ContentFile, contentLang: string) => `${file.absolute}\u0000${contentLang}`;
  const syncCopies = () => {
    const { copies } = current();
    const templates = eleventyConfig.virtualTemplates;
    for (const [copy, what] of copyTemplates) {
      const wanted = copies.get(copy);
      if (wanted && shows(wanted.file, wanted.contentLang) === what) continue;
      delete templates[copy];
      copyTemplates.delete(copy);
    }
    for (const [copy, { file, contentLang }] of copies) {
      if (copyTemplates.has(copy)) continue;
      eleventyConfig.addTemplate(copy, () => readSource(file), { untranslated: true, contentLang });
      copyTemplates.set(copy, shows(file, contentLang));
    }
    copiesShowText(new Map([...copies].map(([copy, { file }]) => [path.join(project.input, copy), file.absolute])));
  };
  syncCopies();

  const originalInputsChanged = (originals: Originals, file: string) => {
    const was = originals.fronts.get(file);
    if (was === undefined) return false;
    const now = buildNow();
    try {
      return originalInputs(parsedFile(file).data, site.timezone, now) !== originalInputs(was, site.timezone, now);
    } catch {
      return true; // deleted, or unreadable: chosen again (the file list says which)
    }
  };

  // The bundles a page was added to or deleted from at this rebuild, or whose original changed: their pages
  // render again (their language switcher, their translations' notices).
  let reshaped = new Set<string>();
  contentChanged = (files) => {
    const before = structure;
    reshaped = new Set();
    // A saved file's `original` field (or its draft or date) changed: its bundle's original may be another file.
    if (before && files?.some((file) => originalInputsChanged(before.originals, file))) structure = undefined;
    // Most rebuilds (a saved page, a photo) add, delete and change no original: the copies stay as they are.
    if (current() === before) return;
    syncCopies();
    if (!files) return;
    for (const file of files) {
      const where = pathOfFile(file);
      if (where) reshaped.add(where.bundle);
    }
  };
  rendersAgainWhen("languages", (template) => reshaped.size > 0 && reshaped.has(pathOfFile(template)?.bundle ?? ""));

  const rel = (file: string) => path.relative(project.root, path.join(project.input, file));
  addContentCheck(eleventyConfig, "file names", () => {
    const { scan, originals } = current();
    return [
      ...scan.invalid.map((f) => ({ file: rel(f.file), message: f.message })),
      ...originals.problems.map((p) => ({ ...p, file: rel(p.file), line: p.field ? frontMatterLine(path.join(project.input, p.file), [p.field]) : undefined })),
    ];
  });
  // A page's data file (its folder's `<name>.json`, `<page>.11tydata.json`) that is not JSON:
  // at its line, before Eleventy stops on it with a stack trace.
  addContentCheck(eleventyConfig, "data files", () =>
    contentFiles(project.input)
      .filter((file) => file.endsWith(".json"))
      .flatMap((file) => parsedJson(fileText(path.join(project.input, file)), rel(file), "this data file is").problem ?? []),
  );
  /** Language of the original text of a page's bundle (the default language for pages made by plugins). */
  const originalLangOf = (data: EleventyData) => {
    const where = pathOf(data);
    return (where && current().originals.byBundle.get(where.bundle)?.lang) ?? site.defaultLanguage;
  };

  // Each Markdown page, untranslated copies included, with the languages the preprocessor below gives it (markdownSourcesOf).
  markdownSources.set(eleventyConfig, () => {
    const { scan, copies } = current();
    return [
      ...scan.files.map((file) => {
        const lang = file.lang ?? site.defaultLanguage;
        return { file: file.absolute, text: readSource(file), data: { lang, contentLang: lang } };
      }),
      ...[...copies].map(([copy, { file, lang, contentLang }]) => ({ file: path.join(project.input, copy), text: readSource(file), data: { lang, contentLang } })),
    ];
  });

  // A translation of a draft or scheduled original waits for it: published
  // alone, it would announce in pages, feeds, sitemap and home a text the
  // original has not published yet. (`npm start` shows everything.)
  eleventyConfig.addPreprocessor("held-back-translations", "*", (data: EleventyData) => {
    if (data.eleventy.env.runMode !== "build") return;
    const where = pathOf(data);
    const original = where && current().originals.byBundle.get(where.bundle);
    if (where && original?.heldBack && where.lang !== original.lang) {
      holdBack(data.page.inputPath, `translation of ${path.relative(process.cwd(), original.file.absolute).split(path.sep).join("/")}, which is not published yet`);
      return false;
    }
    return;
  });

  // What every page knows of its languages, from its file's path. Set by a
  // preprocessor, not as computed data: Eleventy orders and evaluates global
  // computed keys for every template on every build, `npm start`'s
  // incremental ones included (about 0.5 s at 1,000 posts), and none of these
  // depends on another page.
  eleventyConfig.addPreprocessor("languages", "*", (data: EleventyData) => {
    const where = pathOf(data);
    data.lang = where?.lang ?? site.defaultLanguage;
    data.bundle = where?.bundle ?? data.page.filePathStem;
    data.section = (data.section as string | undefined) || where?.section || "";
    // Language of the bundle's original: where "read the original", x-default and stale checks lead.
    data.originalLang = originalLangOf(data);
    // Language of the text itself: the original's for an untranslated page.
    data.contentLang = data.untranslated ? data.originalLang : data.lang;
    return;
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

i18nPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
