/**
 * Tags and years of the blog, the same list for every language so that a tag
 * page (or a year page) pairs with its translation through its page number.
 * Pure: no Eleventy.
 *
 * Posts write their tags in the original's language (a translation repeats
 * the original's); the tag page's URL uses that tag's slug in every language
 * and a labels file may say how it reads in each language.
 */
import slugifyText from "@sindresorhus/slugify";
import { z } from "zod";

/** Slugs already made: slugify builds its regexes anew on every call, and a build asks for the same few tags thousands of times. */
const slugs = new Map<string, string>();

/** `Assemblée générale` → `assemblee-generale`; "JavaScript" stays `javascript`. */
export function tagSlug(tag: string): string {
  let slug = slugs.get(tag);
  if (slug === undefined) {
    slug = slugifyText(tag, { decamelize: false, customReplacements: [["&", " "]] });
    slugs.set(tag, slug);
  }
  return slug;
}

/** What one post contributes: its language and its tags as written. */
export interface TaggedPost {
  lang: string;
  tags: readonly string[];
}

export interface BlogTag {
  slug: string;
  /** The tag as the newest post wrote it. */
  name: string;
  /** Number of posts with this tag, per language (untranslated copies count in their list's language). */
  counts: Record<string, number>;
}

/** Every tag of the blog, sorted by slug; `posts` newest first. */
export function collectTags(posts: readonly TaggedPost[]): BlogTag[] {
  const bySlug = new Map<string, BlogTag>();
  for (const post of posts) {
    // A post that repeats a tag (or writes it twice with different case) counts once.
    for (const slug of new Set(post.tags.map(tagSlug))) {
      if (!slug) continue;
      const name = post.tags.find((t) => tagSlug(t) === slug)!;
      const tag = bySlug.get(slug) ?? { slug, name, counts: {} };
      tag.counts[post.lang] = (tag.counts[post.lang] ?? 0) + 1;
      bySlug.set(slug, tag);
    }
  }
  return [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Whether a post carries a tag, whatever its spelling. */
export function hasTag(tags: readonly string[], slug: string): boolean {
  return tags.some((t) => tagSlug(t) === slug);
}

/** The tag labels file: tag as written → language code → label. */
export const TagLabelsSchema = z.record(z.string().min(1), z.record(z.string(), z.string().min(1)));
/** Labels keyed by tag slug (so any spelling of a tag finds its label), then by language. */
export type TagLabels = Record<string, Record<string, string>>;

export function tagLabels(input: z.output<typeof TagLabelsSchema>): TagLabels {
  return Object.fromEntries(Object.entries(input).map(([tag, byLang]) => [tagSlug(tag), byLang]));
}

/** How a tag reads in a language: its label there, else as written (and then in the posts' original language). */
export function tagLabel(name: string, lang: string, labels: TagLabels): { text: string; labelled: boolean } {
  const label = labels[tagSlug(name)]?.[lang];
  return label ? { text: label, labelled: true } : { text: name, labelled: false };
}

export interface BlogYear {
  year: number;
  counts: Record<string, number>;
}

/** Years with posts, newest first, with the number of posts per language. */
export function collectYears(posts: readonly { lang: string; year: number }[]): BlogYear[] {
  const byYear = new Map<number, BlogYear>();
  for (const { lang, year } of posts) {
    const entry = byYear.get(year) ?? { year, counts: {} };
    entry.counts[lang] = (entry.counts[lang] ?? 0) + 1;
    byYear.set(year, entry);
  }
  return [...byYear.values()].sort((a, b) => b.year - a.year);
}
