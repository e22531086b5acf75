/** The posts of one year in the current language, newest first, month by month. */
import { postOf, postsOfYear } from "../plugins/blog/posts.ts";
import type { BlogYear } from "../plugins/blog/tags.ts";
import { Base } from "./components/Base.tsx";
import { LanguageBadge } from "./components/LanguageBadge.tsx";
import { ArchiveNav } from "./components/Pager.tsx";
import { PostBadges } from "./components/PostBadges.tsx";
import { contextOf } from "./lib/context.ts";
import type { Item, PageData } from "./lib/types.ts";
import { addTo } from "../plugins/core/add-to.ts";
import { capitalized } from "../plugins/i18n/dates.ts";

export default function BlogYearLayout(data: PageData & { year: BlogYear }) {
  const c = contextOf(data);
  const { year } = data.year;
  const zone = c.site.timezone;
  const posts = postsOfYear((data.collections[`posts_${c.lang}`] ?? []) as Item[], year, zone);
  const months = new Map<number, Item[]>();
  for (const item of posts) {
    const month = postOf(item.data, zone).date.month;
    addTo(months, month, item);
  }
  const title = c.t("blog.yearTitle", { year });
  return (
    <Base data={data} title={title} description={c.t("blog.yearIntro", { count: posts.length, year })} styles={["/assets/blog.css"]}>
      <h1>{title}</h1>
      <p class="lead">{c.t("blog.yearIntro", { count: posts.length, year })}</p>
      {[...months].map(([month, items]) => {
        const first = postOf(items[0]!.data, zone).date;
        const id = `month-${String(month).padStart(2, "0")}`;
        return (
          <section class="archive-month" aria-labelledby={id}>
            <h2 id={id}>{capitalized(first.setLocale(c.locale).toFormat("LLLL yyyy"), c.locale)}</h2>
            <ul class="archive-list">
              {items.map((item) => {
                const post = postOf(item.data, zone);
                const foreign = item.data.contentLang !== c.lang;
                return (
                  <li>
                    <time datetime={c.iso(post.date)}>{c.date(post.date)}</time>{" "}
                    <PostBadges post={post} c={c} />
                    <a href={item.url} lang={foreign ? item.data.contentLang : undefined}>
                      {post.title}
                    </a>
                    {foreign && <LanguageBadge lang={item.data.contentLang} c={c} />}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      <ArchiveNav years={(data.collections.blogYears ?? []) as unknown as BlogYear[]} c={c} here={data.page.url} />
    </Base>
  );
}
