/**
 * Site files: `sitemap.xml` with hreflang alternates, `robots.txt`, the
 * bilingual `404.html` (the bucket's single error document) and redirect
 * pages for the old URLs listed in `aliases`.
 */
import { XMLBuilder } from "fast-xml-parser";
import type { CollectionItem, EleventyConfig } from "../core/eleventy.ts";
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

/** Written by an XML builder, which escapes every URL by construction. */
const SITEMAP_XML = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, indentBy: "  ", suppressEmptyNode: true });

export function sitemapXml(all: Item[], siteUrl: string): string {
  const alternate = (hreflang: string, url: string) => ({ "@_rel": "alternate", "@_hreflang": hreflang, "@_href": siteUrl + url });
  const url = all
    .filter(indexable)
    .sort((a, b) => a.url.localeCompare(b.url))
    .map((item) => {
      const versions = [...versionsOf(item.data).values()].filter((v) => !v.untranslated);
      const original = versions.find((v) => v.lang === (item.data.originalLang ?? item.data.site.defaultLanguage));
      const links = versions.length > 1 ? [...versions.map((v) => alternate(v.lang, v.url)), ...(original ? [alternate("x-default", original.url)] : [])] : [];
      return { loc: siteUrl + item.url, ...(links.length ? { "xhtml:link": links } : {}) };
    });
  return SITEMAP_XML.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    urlset: { "@_xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9", "@_xmlns:xhtml": "http://www.w3.org/1999/xhtml", url },
  });
}

pagesPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
