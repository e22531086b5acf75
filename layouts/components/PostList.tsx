/**
 * A list of posts: title, date, reading time, then the writer's excerpt (the
 * text before `<!-- more -->`) or the summary. Untranslated posts are marked
 * with their language; drafts and scheduled posts (seen with `npm start` only)
 * with a badge.
 */
import { postFacts, postOf, type PostFacts } from "../../plugins/blog/posts.ts";
import type { Post } from "../../plugins/blog/schema.ts";
import { buildNow } from "../../plugins/core/project.ts";
import type { Context } from "../lib/context.ts";
import type { Item } from "../lib/types.ts";
import type { Html as Markup } from "../../plugins/core/jsx-runtime.ts";
import { Html } from "./Html.tsx";
import { LanguageBadge } from "./LanguageBadge.tsx";
import { PostBadges } from "./PostBadges.tsx";

/**
 * Each post's card, per language and heading level: a post is in the blog's
 * index, on each of its tags' pages and, while recent, on the home page, and
 * the cards took 74 ms of a 1,000-post rebuild's profile, each written two or
 * more times. Kept beside the post's HTML (a new version, a new card) and
 * checked against what else it is made of: the post's data, the UI strings,
 * the build's time (a scheduled post's badge).
 */
const cards = new WeakMap<PostFacts, Map<string, { post: Post; t: Context["t"]; now: number; card: Markup }>>();

export function PostList({ posts, c, headingLevel = 2 }: { posts: Item[]; c: Context; headingLevel?: 2 | 3 }) {
  return <ul class="post-list">{posts.map((item) => cardOf(item, c, headingLevel))}</ul>;
}

function cardOf(item: Item, c: Context, headingLevel: 2 | 3): Markup {
  const post = postOf(item.data, c.site.timezone);
  // Layouts run once every page's content is rendered, so the post's HTML is there:
  // it is read once per version of it (postFacts), however many lists show it.
  const facts = postFacts(item.url, item.content ?? "");
  const now = buildNow().getTime();
  let byKey = cards.get(facts);
  if (!byKey) cards.set(facts, (byKey = new Map()));
  const key = `${c.lang}:${headingLevel}`;
  let kept = byKey.get(key);
  if (kept?.post !== post || kept.t !== c.t || kept.now !== now) byKey.set(key, (kept = { post, t: c.t, now, card: PostCard({ item, post, facts, c, headingLevel }) }));
  return kept.card;
}

function PostCard({ item, post, facts, c, headingLevel }: { item: Item; post: Post; facts: PostFacts; c: Context; headingLevel: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const foreign = item.data.contentLang !== c.lang;
  const textLang = foreign ? item.data.contentLang : undefined;
  const { excerpt, minutes } = facts;
  return (
    <li class="post-card">
      <H class="post-card-title">
        <a href={item.url} lang={textLang}>
          {post.title}
        </a>
        {textLang && <LanguageBadge lang={textLang} c={c} />}
      </H>
      <p class="meta">
        <PostBadges post={post} c={c} />
        <time datetime={c.iso(post.date)}>{c.date(post.date)}</time> · {c.t("post.readingTime", { count: minutes })}
      </p>
      {excerpt ? (
        <Html class="post-card-excerpt" lang={textLang} html={excerpt} />
      ) : (
        post.summary && <p lang={textLang}>{post.summary}</p>
      )}
      {excerpt && (
        <p class="post-card-more">
          <a href={item.url}>
            {c.t("blog.readMore")}
            <span class="visually-hidden">
              {": "}
              <span lang={textLang}>{post.title}</span>
            </span>
          </a>
        </p>
      )}
    </li>
  );
}
