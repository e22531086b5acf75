/** A post's tags, each a link to its tag page in the current language, labelled in that language. */
import type { BlogSettings } from "../../plugins/blog/options.ts";
import { tagLabel, tagSlug, tidyTag, type BlogTag } from "../../plugins/blog/tags.ts";
import type { Context } from "../lib/context.ts";

/** A tag as the current language reads it; an unlabelled tag is in the posts' original language. */
export function TagName({ tag, c, settings }: { tag: string; c: Context; settings: BlogSettings }) {
  const { text, labelled } = tagLabel(tag, c.lang, settings.tagLabels);
  const lang = !labelled && c.lang !== c.site.defaultLanguage ? c.site.defaultLanguage : undefined;
  return lang ? <span lang={lang}>{text}</span> : <>{text}</>;
}

/**
 * One link per tag, whatever its spelling in this post, named as on its tag page (`known`: the
 * blog's tags). `hasPage` tells which tags have a page (an event's tags may have no post):
 * the others are shown alike, without a link.
 */
export function TagLinks({ tags, c, settings, known = [], hasPage = () => true }: { tags: readonly string[]; c: Context; settings: BlogSettings; known?: readonly BlogTag[]; hasPage?: (slug: string) => boolean }) {
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
