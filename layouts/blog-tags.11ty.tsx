/** Every tag with posts in the current language, alphabetically as that language reads them. */
import type { BlogSettings } from "../plugins/blog/options.ts";
import { tagLabel, type BlogTag, type BlogYear } from "../plugins/blog/tags.ts";
import { Base } from "./components/Base.tsx";
import { ArchiveNav } from "./components/Pager.tsx";
import { TagName } from "./components/TagLinks.tsx";
import { contextOf } from "./lib/context.ts";
import type { PageData } from "./lib/types.ts";

export default function BlogTagsLayout(data: PageData & { blogSettings: BlogSettings }) {
  const c = contextOf(data);
  const settings = data.blogSettings;
  const collator = new Intl.Collator(c.locale, { sensitivity: "base" });
  const tags = ((data.collections.blogTags ?? []) as unknown as BlogTag[])
    .filter((tag) => tag.counts[c.lang])
    .map((tag) => ({ tag, label: tagLabel(tag.name, c.lang, settings.tagLabels).text }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return (
    <Base data={data} title={c.t("blog.tags")} description={c.t("blog.tagsIntro")} styles={["/assets/blog.css"]}>
      <h1>{c.t("blog.tags")}</h1>
      <p class="lead">{c.t("blog.tagsIntro")}</p>
      {tags.length ? (
        <ul class="tag-index">
          {tags.map(({ tag }) => (
            <li>
              <a href={c.url(`blog/tags/${tag.slug}/`)}>
                <TagName tag={tag.name} c={c} settings={settings} />
              </a>{" "}
              <span class="meta">({c.t("blog.postCount", { count: tag.counts[c.lang] })})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{c.t("blog.empty")}</p>
      )}
      <ArchiveNav years={(data.collections.blogYears ?? []) as unknown as BlogYear[]} c={c} here={data.page.url} />
    </Base>
  );
}
