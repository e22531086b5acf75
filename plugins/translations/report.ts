/**
 * The state of every translation of a content folder: one row per page,
 * coverage per section and language, and the parity of the UI strings.
 * Read from disk each time it is asked for, so `npm start` shows edits at once.
 */
import path from "node:path";
import type { Site } from "../core/site.ts";
import { fileStamp, isWatched } from "../core/file-memo.ts";
import { scanContent, type ContentFile, type ContentScan } from "../i18n/content-files.ts";
import { chooseOriginal, frontMatterOf } from "../i18n/originals.ts";
import { localizedUrl, siblingPath, withSlug } from "../i18n/paths.ts";
import { flattenKeys, loadResources } from "../i18n/strings.ts";
import { hashOfFile, parsedFile, recordedIn, stateOfRecorded, STATES, type TranslationState } from "./status.ts";

export interface TranslationEntry {
  lang: string;
  state: TranslationState;
  /** The translation's file (relative to the repository), or where to create it when missing. */
  file: string;
  /** Where the page is published in this language; for a missing one, the untranslated copy (if the site makes them). */
  url: string | undefined;
  /** The hash the translation records. */
  recorded?: string;
}

export interface PageReport {
  bundle: string;
  /** First folder of the bundle (blog, events, pages…), "" for the home page. */
  section: string;
  title: string;
  original: { lang: string; file: string; url: string; hash: string };
  /** One entry per language other than the original's. */
  translations: TranslationEntry[];
}

export interface Coverage {
  /** Section name, or "*" for the whole site. */
  section: string;
  lang: string;
  pages: number;
  counts: Record<TranslationState, number>;
}

export interface StringsParity {
  lang: string;
  file: string;
  keys: number;
  /** Keys other languages have and this one lacks. */
  missing: string[];
}

export interface TranslationReport {
  defaultLanguage: string;
  languages: string[];
  pages: PageReport[];
  coverage: Coverage[];
  strings: StringsParity[];
  /** Translations whose declared original does not exist (the build refuses them). */
  orphans: string[];
}

export interface ReportSource {
  /** Absolute content folder. */
  input: string;
  /** Absolute folder of the UI strings (`<lang>.json`). */
  strings: string;
  /** Files are named relative to this folder (the repository). */
  root: string;
  site: Site;
}

export function translationReport({ input, strings, root, site }: ReportSource): TranslationReport {
  const codes = site.languages.map((l) => l.code);
  const scan = scanContent(input, codes);
  const context: BundleContext = {
    site,
    codes,
    rel: (file) => path.relative(root, path.join(input, file)).split(path.sep).join("/"),
    settings: { languages: codes, defaultLanguage: site.defaultLanguage, timezone: site.timezone },
  };
  const keep = isWatched(input);
  const pages: PageReport[] = [];
  const orphans: string[] = [];
  for (const [bundle, byLang] of sortedBundles(scan)) {
    const one = keep ? keptBundleReport(bundle, byLang, context) : bundleReport(bundle, byLang, context);
    orphans.push(...one.orphans);
    pages.push(one.page);
  }

  return {
    defaultLanguage: site.defaultLanguage,
    languages: codes,
    pages,
    // The default language has a row only when some page is translated into it (an English original).
    coverage: coverageOf(pages, codes.filter((c) => pages.some((p) => p.translations.some((t) => t.lang === c)))),
    strings: stringsParity(strings, codes, root),
    orphans,
  };
}

/**
 * The scan's bundles by name. npm start keeps the scan while no file is added or
 * deleted (../i18n/content-files.ts): sorted once, not at every save (10 ms at 4,000 posts).
 */
function sortedBundles(scan: ContentScan): [string, Map<string, ContentFile>][] {
  let sorted = sortedOf.get(scan);
  if (!sorted) sortedOf.set(scan, (sorted = [...scan.bundles].sort(([a], [b]) => a.localeCompare(b))));
  return sorted;
}
const sortedOf = new WeakMap<ContentScan, [string, Map<string, ContentFile>][]>();

/** What every bundle's row is made with. */
interface BundleContext {
  site: Site;
  codes: string[];
  /** A content file's path relative to the repository, with forward slashes. */
  rel: (file: string) => string;
  settings: { languages: string[]; defaultLanguage: string; timezone: string };
}

interface BundleReport {
  page: PageReport;
  orphans: string[];
}

function bundleReport(bundle: string, byLang: Map<string, ContentFile>, { site, codes, rel, settings }: BundleContext): BundleReport {
  // Usually the default language's file; an English-only page, or `original: en`, says otherwise.
  const chosen = chooseOriginal(byLang, settings, frontMatterOf);
  const orphans = chosen.problems.map((p) => rel(p.file));
  const { file: original, lang: originalLang } = chosen;
  const others = codes.filter((c) => c !== originalLang);
  const front = parsedFile(original.absolute).data;
  const slugOf = (d: Record<string, unknown>) => (typeof d.slug === "string" ? d.slug : undefined);
  const hash = hashOfFile(original.absolute);
  const translations = others.map((lang): TranslationEntry => {
    const file = byLang.get(lang);
    if (!file) {
      const fallback = site.missingTranslations === "fallback";
      return {
        lang,
        state: "missing",
        file: rel(siblingPath(original.file, originalLang, lang)),
        url: fallback ? localizedUrl(withSlug(original.urlPath, slugOf(front)), lang, site.defaultLanguage) : undefined,
      };
    }
    const { data } = parsedFile(file.absolute);
    const recorded = recordedIn(data);
    return {
      lang,
      state: stateOfRecorded(recorded, hash),
      file: rel(file.file),
      url: localizedUrl(withSlug(file.urlPath, slugOf(data)), lang, site.defaultLanguage),
      ...(recorded ? { recorded } : {}),
    };
  });
  const page = {
    bundle,
    section: original.section,
    title: typeof front.title === "string" ? front.title : bundle || "/",
    original: {
      lang: originalLang,
      file: rel(original.file),
      url: localizedUrl(withSlug(original.urlPath, slugOf(front)), originalLang, site.defaultLanguage),
      hash,
    },
    translations,
  };
  return { page, orphans };
}

/**
 * npm start makes the report again before each rebuild that may change it:
 * a bundle's row is kept while its files are the same (the scan is kept until
 * a file is added or deleted) and none of them changed. Making every row took
 * 50 to 80 ms of a rebuild at 4,000 posts.
 */
function keptBundleReport(bundle: string, byLang: Map<string, ContentFile>, context: BundleContext): BundleReport {
  const stamps = [...byLang.values()].map((file) => fileStamp(file.absolute));
  const stamp = stamps.includes(undefined) ? undefined : stamps.join("\u0000");
  const kept = keptRows.get(byLang);
  if (stamp !== undefined && kept?.stamp === stamp && kept.site === context.site) return kept.report;
  const report = bundleReport(bundle, byLang, context);
  if (stamp !== undefined) keptRows.set(byLang, { stamp, site: context.site, report });
  return report;
}
const keptRows = new WeakMap<Map<string, ContentFile>, { stamp: string; site: Site; report: BundleReport }>();

function coverageOf(pages: PageReport[], langs: string[]): Coverage[] {
  const sections = [...new Set(pages.map((p) => p.section))].sort();
  const rows: Coverage[] = [];
  for (const section of [...sections, "*"]) {
    const inSection = pages.filter((p) => section === "*" || p.section === section);
    for (const lang of langs) {
      const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<TranslationState, number>;
      for (const page of inSection) {
        const entry = page.translations.find((t) => t.lang === lang);
        if (entry) counts[entry.state]++;
      }
      rows.push({ section, lang, pages: inSection.length, counts });
    }
  }
  return rows;
}

function stringsParity(dir: string, codes: string[], root: string): StringsParity[] {
  const { resources } = loadResources(dir, codes, root);
  const keys = new Map(codes.map((lang) => [lang, new Set(flattenKeys(resources[lang] ?? {}))]));
  const all = new Set([...keys.values()].flatMap((s) => [...s]));
  return codes.map((lang) => {
    const own = keys.get(lang)!;
    return {
      lang,
      file: path.relative(root, path.join(dir, `${lang}.json`)).split(path.sep).join("/"),
      keys: own.size,
      missing: [...all].filter((k) => !own.has(k)).sort(),
    };
  });
}

/** Pages with at least one translation in one of `states`. */
export function pagesIn(report: TranslationReport, states: readonly TranslationState[]): PageReport[] {
  return report.pages.filter((p) => p.translations.some((t) => states.includes(t.state)));
}
