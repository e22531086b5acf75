/**
 * Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 per language for every source
 * (the blog, and whatever other plugins register with addFeedSource: the
 * agenda), whole and per tag; their autodiscovery links in every page's head
 * (global data `feedLinks`); a page per language listing them all.
 *
 * Entries carry the page's full HTML after the site's transforms (the images
 * plugin's <picture>), with every URL absolute; dates carry the offset of their
 * date in the site's zone; ids never change once published (catalog.ts).
 */
import path from "node:path";
import { DateTime } from "luxon";
import type { CollectionItem, EleventyConfig, EleventyData } from "../core/eleventy.ts";
import { checkEleventyVersion, UNIQUE_PLUGIN } from "../core/options.ts";
import { escapeMarkup } from "../core/escape.ts";
import { contentDigest, KeptResults } from "../core/kept-results.ts";
import { perKey } from "../core/memo.ts";
import { pageOnlyFiles, showsPagesIn } from "../core/incremental.ts";
import { buildNow } from "../core/project.ts";
import { timed } from "../core/timings.ts";
import { localizedUrl } from "../i18n/paths.ts";
import { siteStrings, translator } from "../i18n/strings.ts";
import { feedHtml } from "./absolutize.ts";
import { blogFeedSource } from "./blog-source.ts";
import { creditsHtml } from "./credits-html.ts";
import { descriptionOf } from "./description.ts";
import { catalog, entriesFor, entriesOf, entryId, feedUrls, tagSlug, textOf, type SourceEntry } from "./catalog.ts";
import { parseFeedsOptions, type FeedsOptionsInput } from "./options.ts";
import { addFeedSource, feedSources } from "./registry.ts";
import { FEED_AS_TEXT, renderFeed, type RenderedFeed, type RenderEntry } from "./render.ts";
import { FORMATS, type FeedFormat, type FeedSource, type FeedSpec } from "./types.ts";

export { addFeedSource } from "./registry.ts";
export type { FeedEntry, FeedSource, FeedSourceContext, FeedSpec } from "./types.ts";
export type { FeedsOptionsInput } from "./options.ts";

/** One file to write: a feed in one format. */
interface FeedFile {
  spec: string;
  format: FeedFormat;
  url: string;
}

/** An autodiscovery link, as Base.tsx reads it from `feedLinks[lang]`. */
export interface FeedLink {
  title: string;
  url: string;
  type: (typeof FORMATS)[FeedFormat]["type"];
  /** Set when only the pages at or under this site-absolute URL announce the feed (a source's `discovery: "own pages"`). */
  under?: string;
}

type Collections = Record<string, CollectionItem[] | undefined>;
/** An entry's description from its HTML: the same entry sits in several feeds, and in the next build of npm start. */
const descriptionFrom = perKey((html) => ({ text: descriptionOf(html) }), 5000);
const specKey = (spec: FeedSpec) => `${spec.lang}:${spec.source}:${spec.tag?.slug ?? ""}`;

export default function feedsPlugin(eleventyConfig: EleventyConfig, options: FeedsOptionsInput) {
  checkEleventyVersion(eleventyConfig, "feeds");
  const opts = parseFeedsOptions(options);
  const { project, limit } = opts;
  const { site } = project;
  const codes = site.languages.map((l) => l.code);
  const { resources } = siteStrings(eleventyConfig, project);
  const t = (lang: string) => translator(resources, lang);
  const absolute = (url: string) => (/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${site.url}${url.startsWith("/") ? "" : "/"}${url}`);

  if (opts.blog) addFeedSource(eleventyConfig, blogFeedSource(site, t));
  for (const source of opts.sources) addFeedSource(eleventyConfig, source);

  /**
   * What one build computes once, whichever file or page asks: the feeds, each
   * source's entries per language, each entry's feed HTML (an entry sits in its
   * whole feed and in one per tag), each feed's three files.
   */
  interface BuildFeeds {
    specs: FeedSpec[];
    entriesIn: (source: FeedSource, lang: string) => SourceEntry[];
    /** Each entry's feed HTML, with its digest: what a feed's files are kept by (see renderSpec). */
    html: Map<string, Promise<{ html: string; digest: string }>>;
    /** Each entry's feed HTML and its digest, with the content it was made from, for the next build (npm start). */
    made: Map<string, { source: string; html: string; digest: string }>;
    rendered: Map<string, Promise<RenderedFeed>>;
    /** Each feed's files, with what they were made from (JSON), for the next build. */
    feeds: Map<string, { inputs: string; rendered: RenderedFeed }>;
  }
  // One per build, whichever page asks first: paginated files each get their own
  // `collections` object, so keying by it rebuilt the catalog for every feed file.
  let current: BuildFeeds | undefined;
  let previous: BuildFeeds["made"] = new Map();
  let previousFeeds: BuildFeeds["feeds"] = new Map();
  /** npm start: feeds are kept in memory for the next build. */
  let watching = false;
  // npm run build: each feed's files and each entry's feed HTML are kept for the
  // next build (../core/kept-results.ts), keyed by everything they are made of.
  // A 1,000-post rebuild made its 70 feeds again (210 files, 0.33 s of its main thread)
  // when a new post changes a few of them.
  // Kept as text (./render.ts, FEED_AS_TEXT), not parsed back out of JSON.
  const keptFeeds = new KeptResults<RenderedFeed>("feed-files", "feed texts", { ownSave: true, text: FEED_AS_TEXT });
  const keptEntries = new KeptResults<string>("feed-entries", "", { ownSave: true });
  eleventyConfig.on("eleventy.after", ({ runMode }: { runMode?: string }) => {
    if (runMode !== "build") return;
    keptFeeds.save();
    keptEntries.save();
  });
  eleventyConfig.on("eleventy.before", ({ runMode }) => {
    watching = runMode !== "build";
    // A page-only rebuild of npm start renders no feed: the last catalog stands.
    if (pageOnlyFiles()) return;
    if (current) ({ made: previous, feeds: previousFeeds } = current);
    current = undefined;
  });
  const buildOf = (collections: Collections): BuildFeeds => {
    if (!current) {
      const entries = new Map<string, SourceEntry[]>();
      const entriesIn = (source: FeedSource, lang: string) => {
        const key = `${source.key}:${lang}`;
        let found = entries.get(key);
        if (!found) entries.set(key, (found = entriesOf(source, lang, collections, site)));
        return found;
      };
      const words = { tagFeedTitle: (lang: string, vars: { feed: string; tag: string }) => t(lang)("feeds.tagFeedTitle", vars) };
      current = { specs: catalog(feedSources(eleventyConfig), collections, site, words, entriesIn), entriesIn, html: new Map(), made: new Map(), rendered: new Map(), feeds: new Map() };
    }
    return current;
  };
  const specsOf = (collections: Collections): FeedSpec[] => buildOf(collections).specs;
  const renderedOf = (spec: FeedSpec, collections: Collections): Promise<RenderedFeed> => {
    const build = buildOf(collections);
    let feed = build.rendered.get(specKey(spec));
    if (!feed) build.rendered.set(specKey(spec), (feed = renderSpec(spec, build)));
    return feed;
  };

  /** An entry's content in a feed of `spec.lang`, made once per entry and language for all that language's feeds. */
  function entryHtml({ item, entry }: SourceEntry, spec: FeedSpec, build: BuildFeeds): Promise<{ html: string; digest: string }> {
    const key = `${spec.source}:${spec.lang}:${entry.url}`;
    let html = build.html.get(key);
    if (!html) {
      html = (async () => {
        // The transforms the page went through (images → <picture> in /img/), applied to its content alone.
        const getFilter = eleventyConfig.getFilter as ((name: string) => unknown) | undefined;
        const transforms = getFilter?.call(eleventyConfig, "renderTransforms") as ((html: string, page: unknown) => Promise<string>) | undefined;
        // npm start rebuilds the feeds after every save: an entry whose content and credits did not change keeps its HTML.
        let content = entry.content();
        const source = `${content}\u0000${JSON.stringify(entry.credits ?? null)}`;
        const kept = previous.get(key);
        if (kept?.source === source) {
          build.made.set(key, kept);
          return kept;
        }
        if (transforms && String(item.outputPath).endsWith(".html")) content = await transforms(content, item.data.page);
        const tr = t(spec.lang);
        const translated = entry.lang === spec.lang;
        const locale = site.languages.find((l) => l.code === spec.lang)?.locale ?? spec.lang;
        const credits = entry.credits ? creditsHtml(entry.credits, tr, { locale, textLang: translated ? undefined : entry.lang, withTranslators: translated }) : "";
        const make = () => timed("feeds", () => feedHtml(content + credits, absolute(entry.url)));
        // Keyed by the transformed content: an image encoded again under another name changes it.
        const body = watching ? make() : keptEntries.get(`${entry.url}\u0000${content}${credits}`, make);
        const notice = translated ? "" : `<p lang="${spec.lang}"><em>${escapeMarkup(tr("feeds.untranslated", { language: tr(`languageNames.${entry.lang}`) }))}</em></p>\n`;
        const html = `${notice}${body}`;
        const made = { source, html, digest: contentDigest(html) };
        build.made.set(key, made);
        return made;
      })();
      build.html.set(key, html);
    }
    return html;
  }

  async function renderSpec(spec: FeedSpec, build: BuildFeeds): Promise<RenderedFeed> {
    const source = feedSources(eleventyConfig).find((s) => s.key === spec.source)!;
    const chosen = entriesFor(spec, build.entriesIn(source, spec.lang)).slice(0, limit);
    const digests: string[] = [];
    const entries = await Promise.all(
      chosen.map(async (chosenEntry, i): Promise<RenderEntry> => {
        const { entry } = chosenEntry;
        const { html, digest } = await entryHtml(chosenEntry, spec, build);
        digests[i] = digest;
        return {
          id: entryId(entry, spec.lang, site.url),
          title: entry.title,
          url: absolute(entry.url),
          published: entry.published,
          updated: entry.updated,
          // RSS readers list items by their description: the excerpt stands in for a missing summary.
          summary: entry.summary ?? descriptionFrom(entry.body?.() ?? entry.content()).text,
          html,
          authors: entry.authors ?? [],
          categories: (entry.tags ?? []).map((name) => ({ name, term: tagSlug(name) || name })),
          lang: entry.lang,
          image: entry.image && { url: absolute(entry.image.url), length: entry.image.length },
        };
      }),
    );
    const feed = {
      id: absolute(spec.urls.atom),
      title: spec.title,
      description: spec.description,
      lang: spec.lang,
      zone: site.timezone,
      page: absolute(spec.page),
      urls: { rss: absolute(spec.urls.rss), atom: absolute(spec.urls.atom), json: absolute(spec.urls.json) },
      publisher: { name: site.name, email: site.email, url: absolute(localizedUrl("", spec.lang, site.defaultLanguage)) },
      rights: `© ${site.name} · ${site.licence.name}`,
      icon: absolute(opts.icon),
      stylesheet: opts.stylesheet || undefined,
      emptyUpdated: DateTime.fromJSDate(buildNow()).setZone(site.timezone),
    };
    // A feed whose entries did not change keeps its files: npm run build's from the
    // last build (keptFeeds), npm start's from the last save (a feed the saved post is
    // not in: another tag, another language). The build's date only shows in a feed without entries.
    // Each entry's HTML by its digest, worked out once per entry: written whole into
    // the key, the HTML of the entries of 70 feeds was 11 MB of JSON to write and
    // digest at 1,000 posts, each entry's as many times as the feeds it is in.
    const inputs = JSON.stringify([
      { ...feed, emptyUpdated: entries.length ? undefined : feed.emptyUpdated },
      entries.map((entry, i) => ({ ...entry, html: digests[i] })),
    ]);
    const render = () => timed("feeds", () => renderFeed(feed, entries));
    if (!watching) return keptFeeds.get(inputs, render);
    const kept = previousFeeds.get(specKey(spec));
    const rendered = kept?.inputs === inputs ? kept.rendered : render();
    build.feeds.set(specKey(spec), { inputs, rendered });
    return rendered;
  }

  // Paginating over `collections` puts these files after every page in Eleventy's
  // order, so each entry's content is rendered when its feed is written.
  eleventyConfig.addTemplate(
    "feeds/files.11ty.ts",
    {
      render: async (data: EleventyData & { feedFile: FeedFile }) => {
        const collections = data.collections as Collections;
        const spec = specsOf(collections).find((s) => specKey(s) === data.feedFile.spec)!;
        return (await renderedOf(spec, collections))[data.feedFile.format];
      },
    },
    {
      eleventyExcludeFromCollections: true,
      layout: false,
      pagination: {
        data: "collections",
        size: 1,
        alias: "feedFile",
        before: (_keys: unknown, data: EleventyData): FeedFile[] =>
          specsOf(data.collections as Collections).flatMap((spec) =>
            (Object.keys(FORMATS) as FeedFormat[]).map((format) => ({ spec: specKey(spec), format, url: spec.urls[format] })),
          ),
      },
      permalink: (data: { feedFile: FeedFile }) => data.feedFile.url,
    },
  );

  // Autodiscovery: every source's whole feeds in the page's language.
  eleventyConfig.addGlobalData("feedLinks", () =>
    Object.fromEntries(
      codes.map((lang) => [
        lang,
        feedSources(eleventyConfig).flatMap((source): FeedLink[] => {
          const urls = feedUrls(source.path, lang, site);
          const name = `${site.name} · ${textOf(source.title, lang) ?? source.key}`;
          const under = source.discovery === "own pages" ? { under: localizedUrl(source.page, lang, site.defaultLanguage) } : {};
          return (Object.keys(FORMATS) as FeedFormat[]).map((format) => ({ title: `${name} (${FORMATS[format].label})`, url: urls[format], type: FORMATS[format].type, ...under }));
        }),
      ]),
    ),
  );

  // The feeds page of each language lists every feed, tags included. npm start: a page
  // added, or a post's new tags, change which feeds it lists and their counts.
  for (const lang of codes) {
    showsPagesIn(path.join(project.input, `feeds/index.${lang}.11ty.tsx`), project.input, { shows: "front matter" });
    eleventyConfig.addTemplate(`feeds/index.${lang}.11ty.tsx`, { render: () => "" }, {
      layout: opts.pageLayout,
      type: "page",
      // A list of links: nothing a visitor would search for.
      search: false,
      feedCatalog: { specs: (collections: Collections) => specsOf(collections), formats: FORMATS },
    });
  }
}

feedsPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
