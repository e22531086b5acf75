/**
 * Site files: `sitemap.xml` with hreflang alternates, `robots.txt`, the
 * bilingual `404.html` (the bucket's single error document) and redirect
 * pages for the old URLs listed in `aliases`.
 */
import path from "node:path";
import type { CollectionItem, EleventyConfig } from "../core/eleventy.ts";
import { escapeMarkup } from "../core/escape.ts";
import { showsPagesIn } from "../core/incremental.ts";
import { registerPlugin, UNIQUE_PLUGIN } from "../core/options.ts";
import { PagesOptionsSchema, type PagesOptionsInput } from "./options.ts";
import { versionsOf, type I18nData } from "../i18n/translations.ts";


export interface Redirect {
  from: string;
  to: string;
  lang: string;
  title: string;
}

type Item = CollectionItem & { data: I18nData & { aliases?: string[]; noindex?: boolean; title?: string } };

export default function pagesPlugin(eleventyConfig: EleventyConfig, input: PagesOptionsInput) {
  const options = registerPlugin(eleventyConfig, "pages", PagesOptionsSchema, input);
  const { site } = options.project;
  // Not pages of the site: no layout, not in lists or the sitemap.
  const hidden = { eleventyExcludeFromCollections: true, layout: false };

  eleventyConfig.addCollection("redirects", (api) =>
    (api.getAll() as Item[]).flatMap((item) =>
      item.url && !item.data.untranslated
        ? (item.data.aliases ?? []).map((from): Redirect => ({ from, to: item.url, lang: item.data.lang, title: item.data.title ?? "" }))
        : [],
    ),
  );
  eleventyConfig.addTemplate("site-files/redirects.11ty.tsx", { render: () => "" }, {
    ...hidden,
    layout: options.redirectLayout,
    pagination: { data: "collections.redirects", size: 1, alias: "redirect" },
    permalink: (data: { redirect: Redirect }) => (data.redirect.from.endsWith("/") ? `${data.redirect.from}index.html` : data.redirect.from),
  });

  eleventyConfig.addTemplate("site-files/not-found.11ty.tsx", { render: () => "" }, {
    ...hidden,
    layout: options.notFoundLayout,
    permalink: "/404.html",
  });

  eleventyConfig.addTemplate("site-files/robots.11ty.ts", { render: () => `User-agent: *\nAllow: /\n\nSitemap: ${site.url}/sitemap.xml\n` }, {
    ...hidden,
    permalink: "/robots.txt",
  });

  // npm start: a page added, or a slug or translation changed, changes the sitemap, which lists every page without paginating.
  showsPagesIn(path.join(options.project.input, "site-files/sitemap.11ty.ts"), options.project.input, { shows: "front matter" });
  eleventyConfig.addTemplate(
    "site-files/sitemap.11ty.ts",
    { render: (data: I18nData) => sitemapXml(data.collections.all as Item[], site.url) },
    { ...hidden, permalink: "/sitemap.xml" },
  );
}

/** Pages a search engine should index: not untranslated copies, not redirects, not noindex. */
export function indexable(item: Item): boolean {
  return Boolean(item.url) && !item.data.untranslated && item.data.noindex !== true && item.url.endsWith("/");
}

const byUrl = new Intl.Collator().compare; // localeCompare's order, without a collator made for each comparison

/**
 * Written as text, every value through the one escape function: fast-xml-parser's
 * builder took 0.1 s at 1,000 posts and 0.3 s at 4,000 for the same bytes.
 */
export function sitemapXml(all: Item[], siteUrl: string): string {
  const link = (hreflang: string, url: string) =>
    `    <xhtml:link rel="alternate" hreflang="${escapeMarkup(hreflang)}" href="${escapeMarkup(siteUrl + url)}"/>\n`;
  const urls = all
    .filter(indexable)
    .sort((a, b) => byUrl(a.url, b.url))
    .map((item) => {
      const versions = [...versionsOf(item.data).values()].filter((v) => !v.untranslated);
      const original = versions.find((v) => v.lang === (item.data.originalLang ?? item.data.site.defaultLanguage));
      const links = versions.length > 1 ? versions.map((v) => link(v.lang, v.url)).join("") + (original ? link("x-default", original.url) : "") : "";
      return `  <url>\n    <loc>${escapeMarkup(siteUrl + item.url)}</loc>\n${links}  </url>\n`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("")}</urlset>\n`;
}

pagesPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
