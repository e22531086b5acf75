/** "Brouillon" / "À paraître": what only `npm start` shows, marked so nobody mistakes it for published. */
import type { Post } from "../../plugins/blog/schema.ts";
import { buildNow } from "../../plugins/core/project.ts";
import type { Context } from "../lib/context.ts";

export function PostBadges({ post, c }: { post: Post; c: Context }) {
  const scheduled = post.date.toMillis() > buildNow().getTime();
  return (
    <>
      {post.draft && <strong class="status-badge">{c.t("post.draft")}</strong>}
      {scheduled && <strong class="status-badge">{c.t("post.scheduled")}</strong>}
      {(post.draft || scheduled) && " "}
    </>
  );
}
