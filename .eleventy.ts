/**
 * The site is a list of plugins; each lives in plugins/<name>/ and could serve
 * another association's site unchanged. Order matters only where noted.
 *
 * Run through tsx: `node --import tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts`
 * (npm run build / npm start do that).
 */
import path, { relative } from "node:path";
import { passthroughPath } from "./plugins/core/files.ts";
import { showsPagesIn } from "./plugins/core/incremental.ts";
import type { EleventyConfig } from "./plugins/core/eleventy.ts";
import { loadProject } from "./plugins/core/project.ts";
import { minifiedStylesheets } from "./plugins/core/stylesheets.ts";
import corePlugin from "./plugins/core/index.ts";
import i18nPlugin, { markdownSourcesOf } from "./plugins/i18n/index.ts";
import validatePlugin from "./plugins/validate/index.ts";
import { strictValidator } from "./plugins/validate/strict.ts";
import blogPlugin from "./plugins/blog/index.ts";
import { postValidator } from "./plugins/blog/schema.ts";
import { pageFields } from "./plugins/pages/schema.ts";
import pagesPlugin from "./plugins/pages/index.ts";
import feedsPlugin from "./plugins/feeds/index.ts";
import docsPlugin from "./plugins/docs/index.ts";
import { docFields } from "./plugins/docs/schema.ts";
import searchPlugin from "./plugins/search/index.ts";
import eventsPlugin, { eventValidator } from "./plugins/events/index.ts";
import markdownPlugin, { MARKDOWN_ASSETS, markdownBodyCheck } from "./plugins/markdown/index.ts";
import imagesPlugin, { checkImages } from "./plugins/images/index.ts";
import reportsPlugin, { reportPathsOf, reportValidator } from "./plugins/reports/index.ts";
import translationsPlugin from "./plugins/translations/index.ts";
import checksPlugin from "./plugins/checks/index.ts";
import servicesPlugin, { statusValidator } from "./plugins/services/index.ts";

export const config = {
  dir: { input: "content", output: "_site", data: "../data" },
  // Content is never run through a template engine: {{ }} in a post stays text.
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
  templateFormats: ["md", "11ty.tsx", "11ty.ts"],
};

export default async function (eleventyConfig: EleventyConfig) {
  // Paths (the tests build fixture sites with this same config) and data/site.ts.
  const project = await loadProject(eleventyConfig.directories);
  const { site } = project;
  // Layouts are the project's, whatever the content folder (Eleventy allows this outside plugins only).
  eleventyConfig.setLayoutsDirectory(relative(project.input, project.layouts));
  eleventyConfig.setIncludesDirectory(relative(project.input, project.layouts));

  // Front matter as YAML 1.2, TSX layouts, drafts and scheduled pages, watch targets.
  eleventyConfig.addPlugin(corePlugin, project);
  // Languages: URLs from file names, pairing, untranslated copies, UI strings.
  eleventyConfig.addPlugin(i18nPlugin, project);
  const markdown = {
    siteUrl: site.url,
    defaultLanguage: site.defaultLanguage,
    donateUrl: site.donateUrl,
    peertubeHosts: site.peertubeHosts,
  };
  // Every content error of the build at once, before anything is written.
  eleventyConfig.addPlugin(validatePlugin, {
    project,
    types: {
      blog: postValidator(site.timezone, project.root),
      events: eventValidator(project),
      docs: strictValidator(docFields(site.timezone)),
      reports: reportValidator(reportPathsOf(project)),
      status: statusValidator(project),
      "*": strictValidator(pageFields(site.timezone)),
    },
    // Images without alt text, missing or remote; orphan footnotes, raw <iframe>/<script>: named with file and line.
    bodyChecks: [(body, file, dir) => checkImages(body, file, dir, { inputDir: project.input }), markdownBodyCheck(markdown, project.input)],
  });
  // Markdown for writers: anchors, footnotes, figures, callouts, FAQ, donate, PeerTube, highlighting.
  // npm run build renders the pages ahead, in a worker thread, from the languages plugin's list.
  eleventyConfig.addPlugin(markdownPlugin, { ...markdown, sources: () => markdownSourcesOf(eleventyConfig) });
  // Responsive AVIF/WebP images in one shared /img/ folder, cached in .cache/eleventy-img.
  // Their Markdown is checked by the validation above (checkImages), not again page by page.
  eleventyConfig.addPlugin(imagesPlugin, { checkPages: false });
  // Posts per language: paginated index, tag pages, year pages, og:image.
  eleventyConfig.addPlugin(blogPlugin, { project });
  // Events per language, the agenda pages, an .ics per event and per agenda.
  eleventyConfig.addPlugin(eventsPlugin, { project });
  // RSS, Atom and JSON feeds per language (blog, agenda, tags), autodiscovery links, /feeds/ pages.
  eleventyConfig.addPlugin(feedsPlugin, { project });
  // sitemap.xml, robots.txt, 404.html, redirects for aliases.
  eleventyConfig.addPlugin(pagesPlugin, { project });
  // Documentation tree: sidebar, breadcrumbs, previous/next, edit link, last commit date.
  eleventyConfig.addPlugin(docsPlugin, { project });
  // /search/ pages, and a Pagefind index per language written after every build.
  eleventyConfig.addPlugin(searchPlugin, { project });
  // Moral and financial reports: figures from data/finances, tables, chart, PDFs, index per language.
  eleventyConfig.addPlugin(reportsPlugin, { project });
  // The services of data/services.json, and their status notices: the status page, its feeds, the home page's announcements.
  eleventyConfig.addPlugin(servicesPlugin, { project });
  // Translators' page /translations/ and the notice on translations older than their original.
  eleventyConfig.addPlugin(translationsPlugin, { project });
  // After the build: every internal link, image and #anchor must resolve (npm run build stops otherwise).
  eleventyConfig.addPlugin(checksPlugin, { project });

  // npm start: the home page shows the latest posts, the next events and the status notices
  // (layouts/home.11ty.tsx) without paginating over them; a saved one renders it again.
  for (const { code } of site.languages) {
    for (const folder of ["blog", "events", "status"]) showsPagesIn(path.join(project.input, `index.${code}.md`), path.join(project.input, folder));
  }

  // The stylesheets, scripts and icons.
  eleventyConfig.addPassthroughCopy({ [passthroughPath(`${project.layouts}/assets`)]: "assets" });
  eleventyConfig.addPassthroughCopy({
    [passthroughPath(MARKDOWN_ASSETS.css)]: "assets/markdown.css",
    [passthroughPath(MARKDOWN_ASSETS.highlightCss)]: "assets/highlight.css",
    [passthroughPath(MARKDOWN_ASSETS.peertubeJs)]: "assets/peertube.js",
  });
  // npm run build then minifies them (npm start serves them commented).
  minifiedStylesheets(eleventyConfig, "assets");
}
