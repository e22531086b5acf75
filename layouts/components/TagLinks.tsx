/** A post's tags, each a link to its tag page in the current language, labelled in that language. */
import type { BlogSettings } from "../../plugins/blog/options.ts";
import { tagLabel, tagSlug, tidyTag, type BlogTag } from "../../plugins/blog/tags.ts";
import type { Context } from "../lib/context.ts";
import type { PageData } from "../lib/types.ts";

/** A tag as the current language reads it; an unlabelled tag is in the posts' original language. */
export function TagName({ tag, c, settings }: { tag: string; c: Context; settings: BlogSettings }) {
  const { text, labelled } = tagLabel(tag, c.lang, settings.tagLabels);
  const lang = !labelled && c.lang !== c.site.defaultLanguage ? c.site.defaultLanguage : undefined;
  return lang ? <span lang={lang}>{text}</span> : <>{text}</>;
}

/**
 * One link per tag of a post or an event, whatever its spelling there, named as on its tag page
 * (the blog's tags, `collections.blogTags` of the page's `data`). `hasPage` tells which tags
 * have a page (an event's tags may have no post): the others are shown alike, without a link.
 */
export function TagLinks({ tags, data, c, hasPage = () => true }: { tags: readonly string[]; data: PageData & { blogSettings: BlogSettings }; c: Context; hasPage?: (slug: string) => boolean }) {
  const settings = data.blogSettings;
  const known = (data.collections.blogTags ?? []) as unknown as readonly BlogTag[];
  const bySlug = new Map<string, string>();
  for (const tag of tags) {
    const slug = tagSlug(tag);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, known.find((k) => k.slug === slug)?.name ?? tidyTag(tag));
  }
  return (
    <ul class="tag-list">
      {[...bySlug].map(([slug, tag]) => (
        <li>
          {hasPage(slug) ? (
            <a class="tag" href={c.url(`blog/tags/${slug}/`)}>
              <TagName tag={tag} c={c} settings={settings} />
            </a>
          ) : (
            <span class="tag">
              <TagName tag={tag} c={c} settings={settings} />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
