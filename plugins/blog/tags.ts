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
import { addTo } from "../core/add-to.ts";
import { perKey } from "../core/memo.ts";

/** `Assemblée générale` → `assemblee-generale`; "JavaScript" stays `javascript`. */
export function tagSlug(tag: string): string {
  return slugged(tag);
}
// slugify builds its regexes anew on every call, and a build asks for the same few tags thousands of times.
const slugged = perKey((tag) => slugifyText(tag, { decamelize: false, customReplacements: [["&", " "]] }), 10_000);

/** What one post contributes: its language and its tags as written. */
export interface TaggedPost {
  lang: string;
  tags: readonly string[];
}

export interface BlogTag {
  slug: string;
  /** The spelling most posts use, spaces tidied (see {@link preferredSpelling}). */
  name: string;
  /** Number of posts with this tag, per language (untranslated copies count in their list's language). */
  counts: Record<string, number>;
  /** Every spelling found, most used first, when there is more than one. */
  variants?: string[];
}

/** A tag as shown: surrounding and doubled spaces removed, Unicode composed (NFC). */
export function tidyTag(tag: string): string {
  return tidied(tag);
}
// A site has a few dozen tags, written on thousands of posts: each spelling is tidied and keyed once.
const tidied = perKey((tag) => tag.normalize("NFC").trim().replace(/\s+/g, " "), 10_000);

/**
 * Spellings of one tag fold to the same key: case, accents, spaces, hyphens and
 * underscores aside (`Économie sociale`, ` économie  sociale `, `ECONOMIE-SOCIALE`).
 * Tags whose slugs are equal but whose keys differ (`C++`, `C#`) are different tags.
 */
export function tagKey(tag: string): string {
  return keyed(tag);
}
const keyed = perKey((tag) => tidyTag(tag).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[\s_-]+/g, " "), 10_000);

/** Every tag of the blog, sorted by slug; `posts` newest first. */
export function collectTags(posts: readonly TaggedPost[]): BlogTag[] {
  const bySlug = new Map<string, { slug: string; counts: Record<string, number>; spellings: Map<string, number> }>();
  for (const post of posts) {
    // A post that repeats a tag (or writes it twice with different case) counts once.
    for (const slug of new Set(post.tags.map(tagSlug))) {
      if (!slug) continue;
      const entry = bySlug.get(slug) ?? { slug, counts: {}, spellings: new Map<string, number>() };
      entry.counts[post.lang] = (entry.counts[post.lang] ?? 0) + 1;
      for (const spelling of new Set(post.tags.filter((t) => tagSlug(t) === slug).map(tidyTag))) {
        entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
      }
      bySlug.set(slug, entry);
    }
  }
  return [...bySlug.values()]
    .map(({ slug, counts, spellings }) => {
      const ranked = preferredSpelling(spellings);
      const tag: BlogTag = { slug, name: ranked[0]!, counts };
      if (ranked.length > 1) tag.variants = ranked;
      return tag;
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/**
 * Spellings of one tag, most used first; on a tie, the one with fewer capitals
 * (tags are lowercase words unless a name needs capitals), then code-point order.
 * Predictable: it never depends on which post happens to be newest.
 */
export function preferredSpelling(uses: Map<string, number>): string[] {
  const capitals = (s: string) => (s.match(/\p{Lu}/gu) ?? []).length;
  return [...uses]
    .sort((a, b) => b[1] - a[1] || capitals(a[0]) - capitals(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([s]) => s);
}

/** Where one post writes one tag. */
export interface TagUse {
  tag: string;
  file: string;
  line?: number;
}

/**
 * Tags written differently that would share one URL. `collisions`: different
 * tags (different keys, same slug: `C++` and `C#`), a content error. `variants`:
 * spellings of one tag, shown under one name (see {@link collectTags}) and reported.
 */
export function tagClashes(uses: readonly TagUse[]): { collisions: TagUse[][]; variants: TagUse[][] } {
  const bySlug = new Map<string, TagUse[]>();
  for (const use of uses) {
    const slug = tagSlug(use.tag);
    if (slug) addTo(bySlug, slug, use);
  }
  const collisions: TagUse[][] = [];
  const variants: TagUse[][] = [];
  for (const group of bySlug.values()) {
    const firstOfKey = new Map<string, TagUse>();
    for (const use of group) if (!firstOfKey.has(tagKey(use.tag))) firstOfKey.set(tagKey(use.tag), use);
    if (firstOfKey.size > 1) collisions.push([...firstOfKey.values()]);
    else if (new Set(group.map((u) => tidyTag(u.tag))).size > 1 || group.some((u) => u.tag !== tidyTag(u.tag))) variants.push(group);
  }
  return { collisions, variants };
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

/** The blog's years: posts counted per language (../core/years.ts, shared with the agenda's years). */
export { collectYears, type YearCounts as BlogYear } from "../core/years.ts";
