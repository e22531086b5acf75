/** A list of posts: title, date, summary; untranslated ones marked with their language. */
import { postOf } from "../../plugins/blog/posts.ts";
import type { Context } from "../lib/context.ts";
import type { Item } from "../lib/types.ts";

export function PostList({ posts, c, headingLevel = 2 }: { posts: Item[]; c: Context; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul class="post-list">
      {posts.map((item) => {
        const post = postOf(item.data, c.site.timezone);
        const foreign = item.data.contentLang !== c.lang;
        return (
          <li class="post-card">
            <H class="post-card-title">
              <a href={item.url} lang={foreign ? item.data.contentLang : undefined}>
                {post.title}
              </a>
              {foreign && <span class="badge"> ({c.t("i18n.inLanguage", { language: c.languageName(item.data.contentLang) })})</span>}
            </H>
            <p class="meta">
              <time datetime={c.iso(post.date)}>{c.date(post.date)}</time>
            </p>
            {post.summary && <p lang={foreign ? item.data.contentLang : undefined}>{post.summary}</p>}
          </li>
        );
      })}
    </ul>
  );
}
