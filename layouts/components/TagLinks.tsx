/** A post's tags, each a link to its tag page in the current language, labelled in that language. */
import type { BlogSettings } from "../../plugins/blog/options.ts";
import { tagLabel, tagSlug } from "../../plugins/blog/tags.ts";
import type { Context } from "../lib/context.ts";

/** A tag as the current language reads it; an unlabelled tag is in the posts' original language. */
export function TagName({ tag, c, settings }: { tag: string; c: Context; settings: BlogSettings }) {
  const { text, labelled } = tagLabel(tag, c.lang, settings.tagLabels);
  const lang = !labelled && c.lang !== c.site.defaultLanguage ? c.site.defaultLanguage : undefined;
  return lang ? <span lang={lang}>{text}</span> : <>{text}</>;
}

/**
 * A list of tags as links to their blog tag pages. `hasPage` tells which tags have one
 * (an event's tags may have no post): the others are shown alike, without a link.
 */
export function TagLinks({ tags, c, settings, hasPage = () => true }: { tags: readonly string[]; c: Context; settings: BlogSettings; hasPage?: (slug: string) => boolean }) {
  return (
    <ul class="tag-list">
      {tags.map((tag) => {
        const slug = tagSlug(tag);
        return (
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
        );
      })}
    </ul>
  );
}
