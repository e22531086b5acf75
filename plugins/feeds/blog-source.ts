/**
 * The blog as a feed source: `posts_<lang>` (untranslated copies included,
 * marked with the original's language), whole at `/feed.xml`… and per tag at
 * `/blog/tags/<slug>/feed.xml`…, beside the tag pages.
 */
import type { TFunction } from "i18next";
import { postOf } from "../blog/posts.ts";
import type { Site } from "../core/site.ts";
import type { FeedSource } from "./types.ts";

export function blogFeedSource(site: Site, t: (lang: string) => TFunction): FeedSource {
  return {
    key: "blog",
    order: 0,
    title: (lang) => t(lang)("blog.title"),
    description: (lang) => t(lang)("blog.intro"),
    collection: (lang) => `posts_${lang}`,
    path: "",
    page: "blog/",
    tagPath: (slug) => `blog/tags/${slug}/`,
    toEntry(item) {
      const post = postOf(item.data, site.timezone);
      // The og:image JPEG the blog plugin encodes, when the post has an image.
      const image = item.data.postImage as { url?: unknown; length?: number } | undefined;
      return {
        key: String(item.data.bundle),
        title: post.title,
        url: item.url,
        published: post.date,
        updated: post.updated,
        summary: post.summary,
        content: () => item.content,
        authors: post.authors,
        tags: post.tags,
        lang: String(item.data.contentLang ?? item.data.lang),
        image: typeof image?.url === "string" ? { url: image.url, length: image.length } : undefined,
        credits: post,
      };
    },
  };
}
