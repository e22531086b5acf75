/**
 * Which file of a bundle is the original. Usually the site's default language,
 * but any language can be: a bundle with only `index.en.md` is an English
 * original, and where several files exist, `original: en` in front matter says
 * which one the others translate. A draft or scheduled original holds back its
 * translations: they must not publish a text the original has not published yet.
 */
import { parsedFile } from "../translations/status.ts";
import { whyUnpublished } from "../core/held-back.ts";
import type { ContentFile, ContentScan } from "./content-files.ts";

export interface BundleOriginal {
  /** Language of the original text. */
  lang: string;
  file: ContentFile;
  /** The original is a draft or dated in the future (at `now`): its translations wait for it. */
  heldBack: boolean;
}

export interface OriginalProblem {
  /** Content-relative file. */
  file: string;
  field?: string;
  message: string;
}

export interface OriginalsSettings {
  languages: readonly string[];
  defaultLanguage: string;
  timezone: string;
}

/** The front matter a file declares, or {} when there is none or it does not parse (the validation pass says why). */
export function frontMatterOf(file: ContentFile): Record<string, unknown> {
  return parsedFile(file.absolute).data;
}

/**
 * The original of one bundle: the language every file that says `original`
 * names, else the default language's file, else the first language of the
 * site that has one.
 */
export function chooseOriginal(
  byLang: ReadonlyMap<string, ContentFile>,
  settings: OriginalsSettings,
  front: (file: ContentFile) => Record<string, unknown>,
): { lang: string; file: ContentFile; problems: OriginalProblem[] } {
  const declared = [...byLang.values()].flatMap((f) => {
    const value = front(f).original;
    return typeof value === "string" ? [{ file: f, lang: value }] : [];
  });
  const fallback = byLang.has(settings.defaultLanguage) ? settings.defaultLanguage : settings.languages.find((l) => byLang.has(l))!;
  const problems: OriginalProblem[] = [];
  const langs = [...new Set(declared.map((d) => d.lang))];
  if (langs.length > 1) {
    const said = declared.map((d) => `${d.lang} in ${d.file.file}`).join(", ");
    for (const d of declared) problems.push({ file: d.file.file, field: "original", message: `the files of this page disagree on which is the original (${said}): write the same language in each, or keep it in one` });
    return { lang: fallback, file: byLang.get(fallback)!, problems };
  }
  const lang = langs[0];
  if (lang === undefined) return { lang: fallback, file: byLang.get(fallback)!, problems };
  const file = byLang.get(lang);
  if (!file) {
    const where = declared[0]!.file;
    const message = settings.languages.includes(lang)
      ? `expected the language of a file of this page (${[...byLang.keys()].join(", ")}), found ${lang}, which has no ${where.file.replace(/\.[a-z]{2,3}(\.md)$/, `.${lang}$1`)}`
      : `expected one of the site's languages (${settings.languages.join(", ")}), found ${JSON.stringify(lang)}`;
    problems.push({ file: where.file, field: "original", message });
    return { lang: fallback, file: byLang.get(fallback)!, problems };
  }
  return { lang, file, problems };
}

/** Whether a page with this front matter is left out of a published build at `now`. */
export function isUnpublished(front: Record<string, unknown>, zone: string, now: Date): boolean {
  return whyUnpublished(front, zone, now) !== undefined;
}

/** What the choice of a bundle's original reads in one of its files: its `original` field, and whether it is published at `now`. */
export function originalInputs(front: Record<string, unknown>, zone: string, now: Date): string {
  return JSON.stringify([front.original ?? null, isUnpublished(front, zone, now)]);
}

export interface Originals {
  byBundle: Map<string, BundleOriginal>;
  /** What is wrong with the `original` fields. */
  problems: OriginalProblem[];
  /** The front matter each file had when they were chosen (absolute path →): `npm start` chooses again when a saved file's {@link originalInputs} change. */
  fronts: ReadonlyMap<string, Record<string, unknown>>;
}

/** The original of every bundle of the content folder, and what is wrong with the `original` fields. */
export function originalsOf(scan: ContentScan, settings: OriginalsSettings, now: Date): Originals {
  const byBundle = new Map<string, BundleOriginal>();
  const problems: OriginalProblem[] = [];
  const fronts = new Map<string, Record<string, unknown>>();
  const front = (f: ContentFile) => {
    if (!fronts.has(f.absolute)) fronts.set(f.absolute, frontMatterOf(f));
    return fronts.get(f.absolute)!;
  };
  for (const [bundle, byLang] of scan.bundles) {
    const chosen = chooseOriginal(byLang, settings, front);
    problems.push(...chosen.problems);
    byBundle.set(bundle, { lang: chosen.lang, file: chosen.file, heldBack: isUnpublished(front(chosen.file), settings.timezone, now) });
  }
  return { byBundle, problems, fronts };
}
