/** One page of the blog index of a language. */
import { Base } from "./components/Base.tsx";
import { PostList } from "./components/PostList.tsx";
import { contextOf } from "./lib/context.ts";
import type { Item, PageData } from "./lib/types.ts";

export default function BlogList(data: PageData & { posts: Item[] }) {
  const c = contextOf(data);
  const pagination = data.pagination!;
  const number = pagination.pageNumber + 1;
  const title = number > 1 ? `${c.t("blog.title")} · ${c.t("blog.page", { number })}` : c.t("blog.title");
  return (
    <Base data={data} title={title} description={c.t("blog.intro")}>
      <h1>{title}</h1>
      <p class="lead">{c.t("blog.intro")}</p>
      {data.posts.length ? <PostList posts={data.posts} c={c} /> : <p>{c.t("blog.empty")}</p>}
      {pagination.hrefs.length > 1 && (
        <nav class="pagination" aria-label={c.t("blog.pagination")}>
          <ul>
            {pagination.href.previous && (
              <li>
                <a href={pagination.href.previous} rel="prev">
                  {c.t("blog.previousPage")}
                </a>
              </li>
            )}
            {pagination.hrefs.map((href, i) => (
              <li>
                <a href={href} aria-current={i === pagination.pageNumber ? "page" : undefined}>
                  {i + 1}
                </a>
              </li>
            ))}
            {pagination.href.next && (
              <li>
                <a href={pagination.href.next} rel="next">
                  {c.t("blog.nextPage")}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </Base>
  );
}
