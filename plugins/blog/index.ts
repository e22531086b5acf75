/**
 * The blog: a `posts_<lang>` collection per language (newest first, including
 * untranslated copies marked as such), a paginated index, tag pages and a tags
 * index, a page per year, and each post's og:image. Drafts and future posts
 * never reach these lists in a build: the core plugin drops them first.
 *
 * Tag and year pages paginate over one list shared by every language, so a
 * tag's page has the same page number in French and English and the language
 * switcher pairs them; a language without posts for a tag writes no page.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { CollectionItem, EleventyConfig, EleventyData } from "../core/eleventy.ts";
import { absolutePath } from "../core/files.ts";
import { parseWallClock } from "../core/dates.ts";
import { textFileOf } from "../core/copies.ts";
import { listsCards, rendersAgainWhen, savedFiles } from "../core/incremental.ts";
import { checkEleventyVersion, UNIQUE_PLUGIN } from "../core/options.ts";
import { pagesOfType } from "../core/pages.ts";
import { localizedUrl } from "../i18n/paths.ts";
import { scanContent } from "../i18n/content-files.ts";
import { parsedFile } from "../translations/status.ts";
import { addContentCheck } from "../validate/registry.ts";
import { ContentError, type ContentProblem } from "../core/problems.ts";
import { damagedImageMessage } from "../images/index.ts";
import { frontMatterLine } from "../validate/yaml-source.ts";
import { parseBlogOptions, type BlogOptionsInput, type BlogSettings } from "./options.ts";
import { postImageEncoder } from "./post-image.ts";
import { NeighbourPages } from "./neighbours.ts";
import { postOf, sortPosts } from "./posts.ts";
import { tagCollisionProblems, tagUses, tagVariantNotes } from "./tag-check.ts";
import { collectTags, collectYears, tagLabels, TagLabelsSchema, tagSlug, type BlogTag, type BlogYear } from "./tags.ts";

export type { BlogOptionsInput, BlogSettings } from "./options.ts";

/**
 * The posts of a list that are among `files` (absolute paths, one set per
 * rebuild), found once per list and rebuild: every page of its lists asks.
 */
const savedIn = new WeakMap<readonly CollectionItem[], { files: ReadonlySet<string>; found: CollectionItem[] }>();
function savedPosts(list: readonly CollectionItem[], files: ReadonlySet<string>): CollectionItem[] {
  let kept = savedIn.get(list);
  if (kept?.files !== files) savedIn.set(list, (kept = { files, found: list.filter((item) => files.has(absolutePath(item.inputPath))) }));
  return kept.found;
}

export default function blogPlugin(eleventyConfig: EleventyConfig, options: BlogOptionsInput) {
  checkEleventyVersion(eleventyConfig, "blog");
  const { project, layouts, tagLabelsFile, tocMinSections, imageUrlPath, imageCacheDir } = parseBlogOptions(options);
  const { site } = project;
  const zone = site.timezone;
  const codes = site.languages.map((l) => l.code);
  const url = (urlPath: string, lang: string) => `${localizedUrl(urlPath, lang, site.defaultLanguage)}index.html`;

  const labels = readTagLabels(path.join(project.input, tagLabelsFile), path.relative(project.root, path.join(project.input, tagLabelsFile)), codes);
  addContentCheck(eleventyConfig, "blog tag labels", () => labels.problems);
  addContentCheck(eleventyConfig, "blog tags", () => {
    const uses = tagUses(scanContent(project.input, codes).files, project.root);
    const notes = tagVariantNotes(uses);
    if (notes.length) process.stderr.write(`Tags written in several ways (each is shown under one name):\n${notes.join("\n")}\n`);
    return tagCollisionProblems(uses);
  });
  const settings: BlogSettings = { tagLabels: tagLabels(labels.value), tocMinSections };
  eleventyConfig.addGlobalData("blogSettings", settings);

  // npm start: the pages that link a post by its title (its neighbours) render again when its front matter changes.
  const neighbours = new NeighbourPages();
  // Every language's posts, found and sorted once per build for the collections below: each went
  // through all pages and sorted its posts again (100 ms of each npm start rebuild at 4,000 posts).
  // User collections are made once every page without pagination is in `all`, posts among them.
  let posts: { found: CollectionItem[]; sorted: CollectionItem[] } | undefined;
  const postsOf = (api: { getAll(): CollectionItem[] }) => {
    if (!posts) {
      const found = pagesOfType(api.getAll(), "post");
      posts = { found, sorted: sortPosts(found, zone) };
    }
    return posts;
  };
  for (const code of codes) {
    eleventyConfig.addCollection(`posts_${code}`, (api) => {
      const sorted = postsOf(api).sorted.filter((item) => item.data.lang === code);
      neighbours.record(code, sorted.map((item) => ({ file: absolutePath(item.inputPath), time: postOf(item.data, zone).date.toMillis() })));
      return sorted;
    });
  }
  let linking: Set<string> | undefined;
  eleventyConfig.on("eleventy.before", () => {
    linking = undefined;
    posts = undefined;
  });
  const dateOf = (file: string) => {
    const date = parseWallClock(parsedFile(textFileOf(file)).data.date, zone);
    return "error" in date ? undefined : date.dateTime.toMillis();
  };
  rendersAgainWhen("blog neighbours", (template) => (linking ??= neighbours.linking(savedFiles(), dateOf)).has(template));
  // One list for every language (see above); `all` keeps each post once per language.
  eleventyConfig.addCollection("blogTags", (api) =>
    collectTags(postsOf(api).sorted.map((item) => ({ lang: item.data.lang as string, tags: postOf(item.data, zone).tags }))),
  );
  eleventyConfig.addCollection("blogYears", (api) =>
    collectYears(postsOf(api).found.map((item) => ({ lang: item.data.lang as string, year: postOf(item.data, zone).date.year }))),
  );

  for (const code of codes) {
    const posts = `posts_${code}`;
    // Every page of these lists is a page of the site: in the sitemap, paired with its translation.
    const list = { type: "list", eleventyImport: { collections: [posts] } };
    eleventyConfig.addTemplate(`blog/index.${code}.11ty.tsx`, { render: () => "" }, {
      ...list,
      layout: layouts.list,
      pagination: { data: `collections.${posts}`, size: site.postsPerPage, alias: "posts", generatePageOnEmptyData: true, addAllPagesToCollections: true },
      permalink: (data: EleventyData) => {
        const n = data.pagination?.pageNumber ?? 0;
        return url(n ? `blog/page/${n + 1}/` : "blog/", code);
      },
    });
    eleventyConfig.addTemplate(`blog/tags/index.${code}.11ty.tsx`, { render: () => "" }, {
      ...list,
      layout: layouts.tags,
      permalink: url("blog/tags/", code),
    });
    eleventyConfig.addTemplate(`blog/tags/tag.${code}.11ty.tsx`, { render: () => "" }, {
      ...list,
      layout: layouts.tag,
      // Only the tags this language has posts for. Not `permalink: false` per page:
      // Eleventy 3 shares one write switch between the pages of a paginated template,
      // so the last page's `false` would silently drop every page of the language.
      pagination: { data: "collections.blogTags", size: 1, alias: "tag", addAllPagesToCollections: true, before: (tags: BlogTag[]) => tags.filter((t) => t.counts[code]) },
      permalink: (data: EleventyData & { tag: BlogTag }) => url(`blog/tags/${data.tag.slug}/`, code),
      // Page numbers differ between languages now: pair each tag page by its tag.
      eleventyComputed: { translationKey: (data: EleventyData & { tag: BlogTag }) => `blog/tags/${data.tag.slug}/` },
    });
    // A new first paragraph in a post: only the pages that show its card render again (npm start).
    const saved = (data: Record<string, unknown>, files: ReadonlySet<string>) => savedPosts((data.collections as Record<string, CollectionItem[]>)[posts] ?? [], files);
    listsCards(path.join(project.input, `blog/index.${code}.11ty.tsx`), (data, files) => {
      const changed = saved(data, files);
      return (data.posts as CollectionItem[]).some((item) => changed.includes(item));
    });
    listsCards(path.join(project.input, `blog/tags/tag.${code}.11ty.tsx`), (data, files) =>
      saved(data, files).some((item) => postOf(item.data, zone).tags.some((tag) => tagSlug(tag) === (data.tag as BlogTag).slug)),
    );
    listsCards(path.join(project.input, `blog/years.${code}.11ty.tsx`), (data, files) =>
      saved(data, files).some((item) => postOf(item.data, zone).date.year === (data.year as BlogYear).year),
    );
    eleventyConfig.addTemplate(`blog/years.${code}.11ty.tsx`, { render: () => "" }, {
      ...list,
      layout: layouts.year,
      pagination: { data: "collections.blogYears", size: 1, alias: "year", addAllPagesToCollections: true, before: (years: BlogYear[]) => years.filter((y) => y.counts[code]) },
      permalink: (data: EleventyData & { year: BlogYear }) => url(`blog/${data.year.year}/`, code),
      eleventyComputed: { translationKey: (data: EleventyData & { year: BlogYear }) => `blog/${data.year.year}/` },
    });
  }

  // og:image: computed before rendering because encoding is asynchronous and layouts are not.
  const encoder = postImageEncoder({
    outputDir: path.join(project.output, imageUrlPath),
    urlPath: imageUrlPath,
    cacheDir: path.resolve(project.root, imageCacheDir),
  });
  eleventyConfig.on("eleventy.before", () => encoder.reset());
  eleventyConfig.on("eleventy.after", () => encoder.save());
  // A preprocessor, not computed data: see the languages preprocessor (plugins/i18n/index.ts).
  eleventyConfig.addPreprocessor("post-image", "md", async (data: EleventyData) => {
    const image = data.image;
    if (data.type !== "post" || typeof image !== "string" || !image) return;
    const source = path.resolve(path.dirname(data.page.inputPath), image);
    try {
      data.postImage = await encoder.encode(source);
    } catch (error) {
      // A photo cut off by an interrupted copy: said at the field, in npm start's tab too,
      // where the page's own images are encoded only when the tab asks for them.
      const message = await damagedImageMessage(source, image);
      if (message === undefined) throw error;
      const page = absolutePath(data.page.inputPath);
      const line = existsSync(page) ? frontMatterLine(page, ["image"]) : undefined;
      throw new ContentError([{ file: path.relative(process.cwd(), page), ...(line === undefined ? {} : { line }), field: "image", message }]);
    }
    return;
  });
}

/** The tag labels file, if the site has one; its mistakes are content problems. */
function readTagLabels(absolute: string, file: string, codes: string[]) {
  const problems: ContentProblem[] = [];
  if (!existsSync(absolute)) return { value: {}, problems };
  let raw: unknown;
  try {
    raw = YAML.parse(readFileSync(absolute, "utf8")) ?? {};
  } catch (error) {
    return { value: {}, problems: [{ file, message: `not valid YAML: ${(error as Error).message}` }] };
  }
  const result = TagLabelsSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, field: issue.path.join("."), message: `expected tag: { ${codes.join(": …, ")}: … } (labels per language), ${issue.message}` });
    }
    return { value: {}, problems };
  }
  for (const [tag, byLang] of Object.entries(result.data)) {
    for (const lang of Object.keys(byLang)) {
      if (!codes.includes(lang)) problems.push({ file, field: `${tag}.${lang}`, message: `unknown language "${lang}" (the site's languages: ${codes.join(", ")})` });
    }
  }
  return { value: result.data, problems };
}

blogPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
