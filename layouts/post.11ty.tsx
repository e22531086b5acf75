/**
 * A blog post: title, status badges (with `npm start`), date, authors,
 * translators, reading time, its image, a table of contents when it is long,
 * the text, its tags and the posts before and after it in this language.
 */
import { tableOfContents } from "../plugins/blog/excerpt.ts";
import type { BlogSettings } from "../plugins/blog/options.ts";
import type { PostImage } from "../plugins/blog/post-image.ts";
import { neighboursOf, postFacts, postOf } from "../plugins/blog/posts.ts";
import { Base } from "./components/Base.tsx";
import { Credits } from "./components/Credits.tsx";
import { Html } from "./components/Html.tsx";
import { PostPager } from "./components/Pager.tsx";
import { PostBadges } from "./components/PostBadges.tsx";
import { TagLinks } from "./components/TagLinks.tsx";
import { Toc } from "./components/Toc.tsx";
import { contextOf } from "./lib/context.ts";
import type { Item, PageData } from "./lib/types.ts";

export default function PostLayout(data: PageData & { blogSettings: BlogSettings; postImage?: PostImage }) {
  const c = contextOf(data);
  const post = postOf(data, c.site.timezone);
  const html = data.content ?? "";
  // An untranslated copy: the text is in the original's language, the interface is not.
  const textLang = data.contentLang !== c.lang ? data.contentLang : undefined;
  const list = (data.collections[`posts_${c.lang}`] ?? []) as Item[];
  const { older, newer } = neighboursOf(list, data.page.url || "");
  const image = data.postImage && post.imageAlt ? { url: data.postImage.url, alt: post.imageAlt } : undefined;
  return (
    <Base data={data} title={post.title} description={post.summary} ogType="article" image={image} styles={["/assets/blog.css"]}>
      <article class="post">
        <header class="post-header">
          <h1 lang={textLang}>{post.title}</h1>
          {post.subtitle && (
            <p class="subtitle" lang={textLang}>
              {post.subtitle}
            </p>
          )}
          {/* A search result should quote the text, not "Publié le … · Par …": Pagefind skips the byline. */}
          <p class="meta" data-pagefind-ignore="">
            <PostBadges post={post} c={c} />
            {c.t("post.publishedOn")} <time datetime={c.iso(post.date)}>{c.date(post.date)}</time>
            {post.updated && (
              <>
                {", "}
                {c.t("post.updatedOn")} <time datetime={c.iso(post.updated)}>{c.date(post.updated)}</time>
              </>
            )}
            {post.authors && <> · {c.t("post.by", { names: post.authors.join(", ") })}</>}
            {post.translators && !data.untranslated && <> · {c.t("post.translatedBy", { names: post.translators.join(", ") })}</>}
            {" · "}
            <span class="reading-time">{c.t("post.readingTime", { count: postFacts(data.page.url || "", html).minutes })}</span>
          </p>
        </header>
        {post.image && post.imageAlt && (
          <div class="post-image">
            {/* The images plugin turns this into a responsive <picture>; the first screen loads it at once. */}
            <img src={post.image} alt={post.imageAlt} lang={textLang} loading="eager" fetchpriority="high" />
          </div>
        )}
        <Toc entries={tableOfContents(html, data.blogSettings.tocMinSections)} c={c} lang={textLang} />
        <Html class="prose" lang={textLang} html={html} />
        {/* Translators are in the header already. */}
        <Credits of={post} c={c} textLang={textLang} withTranslators={false} />
        {post.tags.length > 0 && (
          <footer class="post-footer">
            <h2 class="post-footer-title">{c.t("post.tags")}</h2>
            <TagLinks tags={post.tags} data={data} c={c} />
          </footer>
        )}
      </article>
      <PostPager older={older} newer={newer} c={c} />
    </Base>
  );
}
