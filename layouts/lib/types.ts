/** The data every layout receives: Eleventy's page data plus what our plugins add. */
import type { CollectionItem, EleventyData } from "../../plugins/core/eleventy.ts";
import type { Site } from "../../plugins/core/site.ts";
import type { Resources } from "../../plugins/i18n/strings.ts";
import type { ServicesApi } from "../../plugins/services/index.ts";

export interface FeedLink {
  title: string;
  url: string;
  type: "application/rss+xml" | "application/atom+xml" | "application/feed+json" | "text/calendar";
  /** Announced only on the pages at or under this URL (plugins/feeds: a source's `discovery`). */
  under?: string;
}

export interface PageData extends EleventyData {
  site: Site;
  strings: Resources;
  /** Language of the URL (and of the interface). */
  lang: string;
  /** Language of the text (the original's for an untranslated page). */
  contentLang: string;
  /** Language of the bundle's original (usually the site's default language). */
  originalLang?: string;
  bundle: string;
  section: string;
  untranslated?: boolean;
  title?: string;
  summary?: string;
  /** A page's last change that matters to readers (pages/schema.ts), as written. */
  updated?: string;
  /** Feeds to announce in the head, per language (set by the feeds plugin). */
  feedLinks?: Record<string, FeedLink[]>;
  /** The logo's `<svg>` markup (data/site.ts `logo`), empty when the site has none. */
  logo?: string;
  /** The services of data/services.yaml (plugins/services). */
  servicesApi?: ServicesApi;
  /** Keep out of search engines. */
  noindex?: boolean;
}

export type Item = CollectionItem & { data: PageData };
