/**
 * Which feeds exist: every source in every language, whole and (for sources
 * with tag feeds) once per tag its entries carry in that language; where their
 * files live; which entries each holds. No Eleventy import.
 */
import type { CollectionItem } from "../core/eleventy.ts";
import type { Site } from "../core/site.ts";
import { localizedUrl } from "../i18n/paths.ts";
import { tagSlug } from "../blog/tags.ts";
import { addTo } from "../core/add-to.ts";
import { FORMATS, type FeedEntry, type FeedFormat, type FeedSource, type FeedSpec } from "./types.ts";

export { tagSlug };

/** The words a catalog needs in each language (from the UI strings). */
export interface CatalogWords {
  /** `{{feed}}` and `{{tag}}` → "News · tag “infrastructure”". */
  tagFeedTitle: (lang: string, vars: { feed: string; tag: string }) => string;
}

export function textOf(value: Record<string, string> | ((lang: string) => string) | undefined, lang: string): string | undefined {
  return typeof value === "function" ? value(lang) : value?.[lang];
}

export interface SourceEntry {
  item: CollectionItem;
  entry: FeedEntry;
}

/** A source's entries in a language, newest first (equal dates by URL, so the order never flickers). */
export function entriesOf(source: FeedSource, lang: string, collections: Record<string, CollectionItem[] | undefined>, site: Site): SourceEntry[] {
  const items = collections[source.collection(lang)] ?? [];
  return items
    .flatMap((item) => {
      const entry = source.toEntry(item, { lang, site });
      return entry ? [{ item, entry }] : [];
    })
    .sort((a, b) => b.entry.published.toMillis() - a.entry.published.toMillis() || a.entry.url.localeCompare(b.entry.url));
}

/** Entries of one feed: the source's, or those with the tag. */
export function entriesFor(spec: Pick<FeedSpec, "tag">, entries: readonly SourceEntry[]): SourceEntry[] {
  const slug = spec.tag?.slug;
  return slug ? [...(entriesByTag(entries).get(slug) ?? [])] : [...entries];
}

/**
 * A source's entries grouped by tag slug, in their order, each entry once per
 * slug; made once per list of entries. The catalog counts, and each tag feed
 * lists, its entries: filtering the whole list for each tag took 35 to 55 ms
 * of each npm start rebuild at 4,000 posts.
 */
function entriesByTag(entries: readonly SourceEntry[]): Map<string, SourceEntry[]> {
  let byTag = groupedByTag.get(entries);
  if (!byTag) {
    byTag = new Map();
    for (const one of entries) for (const slug of new Set((one.entry.tags ?? []).map(tagSlug))) addTo(byTag, slug, one);
    groupedByTag.set(entries, byTag);
  }
  return byTag;
}
const groupedByTag = new WeakMap<readonly SourceEntry[], Map<string, SourceEntry[]>>();

/** The tags of these entries, by slug, named as the newest entry writes them; sorted by slug. */
export function tagsOf(entries: readonly SourceEntry[]): { slug: string; name: string }[] {
  const bySlug = new Map<string, string>();
  for (const { entry } of entries) {
    for (const name of entry.tags ?? []) {
      const slug = tagSlug(name);
      if (slug && !bySlug.has(slug)) bySlug.set(slug, name);
    }
  }
  return [...bySlug].map(([slug, name]) => ({ slug, name })).sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Site-absolute URL of each file of a feed whose folder is `folder` (inside `lang`). */
export function feedUrls(folder: string, lang: string, site: Site): Record<FeedFormat, string> {
  const at = (file: string) => localizedUrl(`${folder}${file}`, lang, site.defaultLanguage);
  return { rss: at(FORMATS.rss.file), atom: at(FORMATS.atom.file), json: at(FORMATS.json.file) };
}

/** Every feed of every source in every language. */
export function catalog(
  sources: readonly FeedSource[],
  collections: Record<string, CollectionItem[] | undefined>,
  site: Site,
  words: CatalogWords,
  /** A source's entries in a language; pass a cached lookup to share them with whatever renders the feeds. */
  entriesIn: (source: FeedSource, lang: string) => SourceEntry[] = (source, lang) => entriesOf(source, lang, collections, site),
): FeedSpec[] {
  const specs: FeedSpec[] = [];
  for (const source of sources) {
    for (const { code: lang } of site.languages) {
      const name = textOf(source.title, lang) ?? source.key;
      const title = `${site.name} · ${name}`;
      const description = textOf(source.description, lang) ?? site.description[lang] ?? site.name;
      const page = localizedUrl(source.page, lang, site.defaultLanguage);
      const calendar = source.calendar ? localizedUrl(source.calendar, lang, site.defaultLanguage) : undefined;
      const entries = entriesIn(source, lang);
      specs.push({ source: source.key, lang, title, description, page, urls: feedUrls(source.path, lang, site), calendar, count: entries.length });
      if (!source.tagPath) continue;
      for (const tag of tagsOf(entries)) {
        const folder = source.tagPath(tag.slug);
        specs.push({
          source: source.key,
          lang,
          tag,
          title: `${site.name} · ${words.tagFeedTitle(lang, { feed: name, tag: tag.name })}`,
          description,
          page: localizedUrl(folder, lang, site.defaultLanguage),
          urls: feedUrls(folder, lang, site),
          count: entriesFor({ tag }, entries).length,
        });
      }
    }
  }
  return specs;
}

/**
 * A permanent id (RFC 4151 tag URI) for an entry in a feed of `lang`: the
 * site's host, the year of first publication and the entry's key. A new title,
 * an edit or a translation replacing an untranslated copy keeps it.
 */
export function entryId(entry: Pick<FeedEntry, "key" | "id" | "published">, lang: string, siteUrl: string): string {
  if (entry.id) return entry.id;
  const host = new URL(siteUrl).hostname;
  const key = entry.key.split("/").map(encodeURIComponent).join("/");
  return `tag:${host},${entry.published.year}:${lang}/${key}`;
}
