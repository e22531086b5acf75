/** A blog post: title, date, authors, translators, tags, content. */
import { postOf } from "../plugins/blog/posts.ts";
import { Base } from "./components/Base.tsx";
import { Html } from "./components/Html.tsx";
import { contextOf } from "./lib/context.ts";
import type { PageData } from "./lib/types.ts";

export default function PostLayout(data: PageData) {
  const c = contextOf(data);
  const post = postOf(data, c.site.timezone);
  // An untranslated copy: the text is in the original's language, the interface is not.
  const textLang = data.contentLang !== c.lang ? data.contentLang : undefined;
  return (
    <Base data={data} title={post.title} description={post.summary} ogType="article">
      <article class="post">
        <header class="post-header">
          <h1 lang={textLang}>{post.title}</h1>
          <p class="meta">
            {c.t("post.publishedOn")} <time datetime={c.iso(post.date)}>{c.date(post.date)}</time>
            {post.updated && (
              <>
                {", "}
                {c.t("post.updatedOn")} <time datetime={c.iso(post.updated)}>{c.date(post.updated)}</time>
              </>
            )}
            {post.authors && <> · {c.t("post.by", { names: post.authors.join(", ") })}</>}
            {post.translators && !data.untranslated && <> · {c.t("post.translatedBy", { names: post.translators.join(", ") })}</>}
          </p>
        </header>
        <Html class="prose" lang={textLang} html={data.content ?? ""} />
        {post.tags.length > 0 && (
          <footer class="post-footer">
            <p>
              {c.t("post.tags")}{" "}
              {post.tags.map((tag, i) => (
                <>
                  {i > 0 && ", "}
                  <span class="tag">{tag}</span>
                </>
              ))}
            </p>
          </footer>
        )}
      </article>
    </Base>
  );
}
