/** The home page of a language: its Markdown text, the next events, then the latest posts. */
import { Base } from "./components/Base.tsx";
import { EVENTS_CSS, EventNext } from "./components/EventNext.tsx";
import { Html } from "./components/Html.tsx";
import { PostList } from "./components/PostList.tsx";
import { contextOf } from "./lib/context.ts";
import type { Item, PageData } from "./lib/types.ts";

/** Posts shown on the home page. */
const LATEST_POSTS = 3;

export default function HomeLayout(data: PageData) {
  const c = contextOf(data);
  const posts = ((data.collections[`posts_${c.lang}`] ?? []) as Item[]).slice(0, LATEST_POSTS);
  return (
    <Base data={data} title={data.title ?? c.site.name} description={data.summary} styles={[EVENTS_CSS]}>
      <Html class="prose home-intro" html={data.content ?? ""} />
      <EventNext data={data} c={c} />
      <section aria-labelledby="latest-posts">
        <h2 id="latest-posts">{c.t("home.latestPosts")}</h2>
        <PostList posts={posts} c={c} headingLevel={3} />
        <p>
          <a href={c.url("blog/")}>{c.t("home.allPosts")}</a>
        </p>
      </section>
    </Base>
  );
}
