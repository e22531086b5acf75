/**
 * Posts as layouts and lists see them: front matter parsed by the schema
 * (dates as luxon DateTimes in the site's zone), newest first.
 */
import type { CollectionItem, EleventyData } from "../core/eleventy.ts";
import { excerptOf } from "./excerpt.ts";
import { typedData } from "../validate/typed-data.ts";
import { createPostSchema, type Post } from "./schema.ts";
import { tagSlug } from "./tags.ts";

/** The typed post behind a page's data (validated before the build, so this does not fail). */
export const postOf: (data: EleventyData, zone: string) => Post = typedData(createPostSchema, { kind: "post" });

/**
 * Newest first; equal dates by URL so the order never flickers between builds.
 * Each post's date is read once, not at each of the sort's comparisons: every
 * rebuild of npm start sorts every post three times (50 ms at 4,000 posts).
 */
export function sortPosts<T extends CollectionItem>(items: T[], zone: string): T[] {
  return items
    .map((item) => ({ item, time: postOf(item.data, zone).date.toMillis() }))
    .sort((a, b) => b.time - a.time || a.item.url.localeCompare(b.item.url))
    .map(({ item }) => item);
}

/**
 * A post's facts, kept by its URL beside the HTML they were read from: the
 * post's page and every list that shows it ask (655 ms of a 4,000-post build's
 * profile when counted twice), and npm start asks again after each save. Kept
 * by the HTML itself, every ask hashed the whole text (20 ms of a 1,000-post
 * build's profile); a new version of the post gets new facts (a new object).
 */
export function postFacts(url: string, html: string): PostFacts {
  let facts = factsByUrl.get(url);
  if (facts?.html !== html) factsByUrl.set(url, (facts = new PostFacts(html)));
  return facts;
}

const factsByUrl = new Map<string, PostFacts>();

/** What a post's HTML gives its page and the lists that show it, each worked out when first asked for. */
export class PostFacts {
  #minutes: number | undefined;
  #excerpt: string | null | undefined;
  /** `html`: the HTML they come from. */
  constructor(readonly html: string) {}
  get minutes(): number {
    return (this.#minutes ??= readingMinutes(this.html));
  }
  /** The writer's excerpt ({@link excerptOf}). */
  get excerpt(): string | undefined {
    if (this.#excerpt === undefined) this.#excerpt = excerptOf(this.html) ?? null;
    return this.#excerpt ?? undefined;
  }
}

/** Reading time in minutes at 220 words a minute (a common figure for French and English). */
export function readingMinutes(html: string): number {
  return Math.max(1, Math.round(wordsIn(html) / 220));
}

/**
 * The words of a post's HTML: runs of characters that are not white space
 * (what `\s` matches), outside tags and code blocks (`<pre>…</pre>`), which
 * separate words. Read in one pass over the HTML: the text without its tags,
 * made first, took 67 MB of a 4,000-post build's memory, and twice the time.
 */
export function wordsIn(html: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < html.length; ) {
    const c = html.charCodeAt(i);
    if (c === LESS_THAN) {
      const preEnd = html.startsWith("pre", i + 1) ? html.indexOf("</pre>", i + 4) : -1;
      const tagEnd = preEnd === -1 ? html.indexOf(">", i + 1) : -1;
      if (preEnd !== -1 || tagEnd > i + 1) {
        inWord = false;
        i = preEnd !== -1 ? preEnd + "</pre>".length : tagEnd + 1;
        continue;
      }
    }
    if (isSpace(c)) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
    i++;
  }
  return words;
}

const LESS_THAN = 60;

/** Whether a character is one `\s` matches (French text has no-break spaces, U+00A0 and U+202F). */
function isSpace(c: number): boolean {
  if (c <= 127) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Each list's positions by URL, made once per list (a build makes each list
 * once). Every post page asked where it sits by a search through its
 * language's list: 4.8 s of CPU in a build at 4,000 posts.
 */
const positions = new WeakMap<readonly { url: string }[], Map<string, number>>();

/** The older and newer posts around `url` in one language's list (newest first). */
export function neighboursOf<T extends { url: string }>(list: readonly T[], url: string): { older?: T; newer?: T } {
  let byUrl = positions.get(list);
  if (!byUrl) {
    byUrl = new Map();
    for (const [i, item] of list.entries()) if (!byUrl.has(item.url)) byUrl.set(item.url, i);
    positions.set(list, byUrl);
  }
  const i = byUrl.get(url) ?? -1;
  if (i < 0) return {};
  const older = list[i + 1];
  const newer = i > 0 ? list[i - 1] : undefined;
  return { ...(older ? { older } : {}), ...(newer ? { newer } : {}) };
}

/**
 * Each list's posts grouped once per list and grouping. Every tag page and
 * every year page filtered its language's whole list, parsing each post's
 * front matter again: tags × posts per build (475 ms at 4,000 posts in a
 * profile of a saved post).
 */
const groupings = new WeakMap<readonly CollectionItem[], Map<string, Map<string, CollectionItem[]>>>();

function groupedOnce<T extends CollectionItem>(list: readonly T[], grouping: string, keysOf: (item: T) => Iterable<string>): Map<string, T[]> {
  let byGrouping = groupings.get(list);
  if (!byGrouping) groupings.set(list, (byGrouping = new Map()));
  let groups = byGrouping.get(grouping) as Map<string, T[]> | undefined;
  if (!groups) {
    groups = new Map();
    for (const item of list) {
      for (const key of keysOf(item)) {
        const items = groups.get(key);
        if (items) items.push(item);
        else groups.set(key, [item]);
      }
    }
    byGrouping.set(grouping, groups as Map<string, CollectionItem[]>);
  }
  return groups;
}

/** The posts of `list` under the tag `slug` (tagSlug of any of their tags), in the list's order. */
export function postsTagged<T extends CollectionItem>(list: readonly T[], slug: string, zone: string): T[] {
  return groupedOnce(list, `tag ${zone}`, (item) => new Set(postOf(item.data, zone).tags.map(tagSlug))).get(slug) ?? [];
}

/** The posts of `list` published in `year` (in the site's zone), in the list's order. */
export function postsOfYear<T extends CollectionItem>(list: readonly T[], year: number, zone: string): T[] {
  return groupedOnce(list, `year ${zone}`, (item) => [String(postOf(item.data, zone).date.year)]).get(String(year)) ?? [];
}
