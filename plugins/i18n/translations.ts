/**
 * Which pages translate which: every page's bundle (and page number for
 * paginated lists) maps to its URL in each language. Built once per build from
 * `collections.all`.
 */
import type { CollectionItem, EleventyData } from "../core/eleventy.ts";
import type { Site } from "../core/site.ts";

/** The fields of page data this module reads (set by the languages plugin). */
export interface I18nData extends EleventyData {
  site: Site;
  lang: string;
  bundle: string;
  untranslated?: boolean;
}
type Item = CollectionItem & { data: I18nData };

export interface Version {
  lang: string;
  url: string;
  untranslated: boolean;
  item: Item;
}

const indexes = new WeakMap<object, Map<string, Map<string, Version>>>();
const urlSets = new WeakMap<object, Set<string>>();

function keyOf(data: I18nData): string {
  // A page of a list whose pages differ between languages (tags, years) names its counterpart itself.
  if (typeof data.translationKey === "string") return data.translationKey;
  const page = data.pagination?.pageNumber ?? 0;
  return page ? `${data.bundle}#${page}` : data.bundle;
}

function indexOf(all: Item[]): Map<string, Map<string, Version>> {
  let index = indexes.get(all);
  if (!index) {
    index = new Map();
    for (const item of all) {
      if (!item.url) continue;
      const key = keyOf(item.data);
      const byLang = index.get(key) ?? new Map<string, Version>();
      byLang.set(item.data.lang, { lang: item.data.lang, url: item.url, untranslated: Boolean(item.data.untranslated), item });
      index.set(key, byLang);
    }
    // Collections do not come in a fixed order: list versions in the site's language order so the output is stable.
    const order = all[0]?.data.site.languages.map((l) => l.code) ?? [];
    for (const [key, byLang] of index) {
      index.set(key, new Map([...byLang].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))));
    }
    indexes.set(all, index);
  }
  return index;
}

/** The versions of this page in every language that has one (itself included). */
export function versionsOf(data: I18nData): Map<string, Version> {
  const all = (data.collections?.all ?? []) as Item[];
  const versions = indexOf(all).get(keyOf(data)) ?? new Map<string, Version>();
  if (!versions.size && data.pagination?.pageNumber) {
    // Page 3 of a list may not exist in the other language: its page 1 does.
    return indexOf(all).get(data.bundle) ?? versions;
  }
  return versions;
}

/** URLs of every page of the build (drafts left out of a published build are not there). */
export function builtUrls(data: EleventyData): Set<string> {
  const all = data.collections?.all ?? [];
  let urls = urlSets.get(all);
  if (!urls) urlSets.set(all, (urls = new Set(all.map((item) => item.url).filter(Boolean))));
  return urls;
}

/** Where the language switcher leads for `lang`: the same page, else that language's home. */
export function switchTarget(data: I18nData, lang: string): string {
  const version = versionsOf(data).get(lang);
  if (version) return version.url;
  return lang === data.site.defaultLanguage ? "/" : `/${lang}/`;
}
