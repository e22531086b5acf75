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

export function TagLinks({ tags, c, settings }: { tags: readonly string[]; c: Context; settings: BlogSettings }) {
  return (
    <ul class="tag-list">
      {tags.map((tag) => (
        <li>
          <a class="tag" href={c.url(`blog/tags/${tagSlug(tag)}/`)}>
            <TagName tag={tag} c={c} settings={settings} />
          </a>
        </li>
      ))}
    </ul>
  );
}
