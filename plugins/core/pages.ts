/**
 * The pages of one content type among Eleventy's items: what every plugin's
 * collections start from (posts, events, reports, docs, notices). No Eleventy import.
 */
import type { CollectionItem } from "./eleventy.ts";

/**
 * The items of `type` (as their folder data sets it) that the build writes (a URL:
 * no draft, no page kept out), in `lang` when one is given, in their order.
 */
export function pagesOfType<T extends CollectionItem>(items: readonly T[], type: string, lang?: string): T[] {
  return items.filter((item) => item.data.type === type && item.url && (lang === undefined || item.data.lang === lang));
}
