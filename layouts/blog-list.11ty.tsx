/** One page of the blog index of a language, with the way into the archives. */
import type { BlogYear } from "../plugins/blog/tags.ts";
import { Base } from "./components/Base.tsx";
import { ArchiveNav, Pagination } from "./components/Pager.tsx";
import { PostList } from "./components/PostList.tsx";
import { contextOf } from "./lib/context.ts";
import type { Item, PageData } from "./lib/types.ts";

export default function BlogList(data: PageData & { posts: Item[] }) {
  const c = contextOf(data);
  const pagination = data.pagination!;
  const number = pagination.pageNumber + 1;
  const title = number > 1 ? `${c.t("blog.title")} · ${c.t("blog.page", { number })}` : c.t("blog.title");
  return (
    <Base data={data} title={title} description={c.t("blog.intro")} styles={["/assets/blog.css"]}>
      <h1>{title}</h1>
      <p class="lead">{c.t("blog.intro")}</p>
      {data.posts.length ? <PostList posts={data.posts} c={c} /> : <p>{c.t("blog.empty")}</p>}
      <Pagination pagination={pagination} c={c} />
      <ArchiveNav years={(data.collections.blogYears ?? []) as unknown as BlogYear[]} c={c} here={data.page.url} />
    </Base>
  );
}
