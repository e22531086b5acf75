/** The posts of one tag in the current language (untranslated ones included and marked). */
import type { BlogSettings } from "../plugins/blog/options.ts";
import { postsTagged } from "../plugins/blog/posts.ts";
import { tagLabel, type BlogTag, type BlogYear } from "../plugins/blog/tags.ts";
import { Base } from "./components/Base.tsx";
import { ArchiveNav } from "./components/Pager.tsx";
import { PostList } from "./components/PostList.tsx";
import { TagName } from "./components/TagLinks.tsx";
import { contextOf } from "./lib/context.ts";
import type { Item, PageData } from "./lib/types.ts";

export default function BlogTagLayout(data: PageData & { tag: BlogTag; blogSettings: BlogSettings }) {
  const c = contextOf(data);
  const { tag, blogSettings: settings } = data;
  const posts = postsTagged((data.collections[`posts_${c.lang}`] ?? []) as Item[], tag.slug, c.site.timezone);
  const label = tagLabel(tag.name, c.lang, settings.tagLabels).text;
  // The feeds plugin writes this tag's feeds next to its page: announce them for feed readers.
  const here = data.page.url || "";
  const feedTitle = `${c.site.name} · ${c.t("blog.tagTitle", { tag: label })}`;
  const tagFeeds = posts.length > 0 && (
    <>
      <link rel="alternate" type="application/rss+xml" title={`${feedTitle} (RSS)`} href={`${here}feed.xml`} />
      <link rel="alternate" type="application/atom+xml" title={`${feedTitle} (Atom)`} href={`${here}atom.xml`} />
      <link rel="alternate" type="application/feed+json" title={`${feedTitle} (JSON Feed)`} href={`${here}feed.json`} />
    </>
  );
  return (
    <Base
      data={data}
      title={c.t("blog.tagTitle", { tag: label })}
      description={c.t("blog.tagIntro", { count: posts.length, tag: label })}
      styles={["/assets/blog.css"]}
      head={tagFeeds || undefined}
    >
      <h1>
        {c.t("blog.tagHeading")} <TagName tag={tag.name} c={c} settings={settings} />
      </h1>
      <p class="lead">{c.t("blog.tagIntro", { count: posts.length, tag: label })}</p>
      <PostList posts={posts} c={c} />
      <ArchiveNav years={(data.collections.blogYears ?? []) as unknown as BlogYear[]} c={c} here={data.page.url} />
    </Base>
  );
}
