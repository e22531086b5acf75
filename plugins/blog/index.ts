/**
 * The blog: a `posts_<lang>` collection per language (newest first, including
 * untranslated copies marked as such) and a paginated index per language.
 */
import type { EleventyConfig, EleventyData } from "../core/eleventy.ts";
import type { Project } from "../core/project.ts";
import { localizedUrl } from "../i18n/paths.ts";
import { sortPosts } from "./posts.ts";

export interface BlogOptions {
  project: Project;
  /** Layout of the paginated index (a file of the layouts folder). */
  listLayout?: string;
}

export default function blogPlugin(eleventyConfig: EleventyConfig, { project, listLayout = "blog-list.11ty.tsx" }: BlogOptions) {
  const { site } = project;
  for (const { code } of site.languages) {
    eleventyConfig.addCollection(`posts_${code}`, (api) =>
      sortPosts(
        api.getAll().filter((item) => item.data.type === "post" && item.data.lang === code && item.url),
        site.timezone,
      ),
    );
    eleventyConfig.addTemplate(
      `blog/index.${code}.11ty.tsx`,
      { render: () => "" },
      {
        layout: listLayout,
        type: "list",
        pagination: { data: `collections.posts_${code}`, size: site.postsPerPage, alias: "posts", generatePageOnEmptyData: true },
        permalink: (data: EleventyData) => {
          const n = data.pagination?.pageNumber ?? 0;
          return `${localizedUrl(n ? `blog/page/${n + 1}/` : "blog/", code, site.defaultLanguage)}index.html`;
        },
      },
    );
  }
}
