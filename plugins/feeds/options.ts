/**
 * Options of the feeds plugin, with their defaults. Callers write
 * `FeedsOptionsInput`; the code reads `FeedsOptions`.
 */
import { z } from "zod";
import { parsePluginOptions, ProjectOption } from "../core/options.ts";
import type { FeedSource } from "./types.ts";

const sitePath = (example: string) => z.string().regex(/^\/\S*$/, `a site-absolute path such as ${example}`);

export const FeedsOptionsSchema = z.strictObject({
  /** Paths and site settings (URL, languages, time zone, e-mail, licence). */
  project: ProjectOption,
  /** Publish the blog's feeds (collections `posts_<lang>`), whole and per tag. */
  blog: z.boolean().default(true),
  /**
   * More sources, besides those other plugins register with addFeedSource()
   * (see types.ts for what a source gives).
   */
  sources: z.array(z.custom<FeedSource>((value) => typeof value === "object" && value !== null && "key" in value, "a feed source")).default([]),
  /**
   * Entries per feed, newest first. Readers keep what they have already fetched,
   * so a short feed loses nothing for subscribers and stays light to poll.
   */
  limit: z.number().int().positive().default(20),
  /** Square icon of the feeds (Atom `icon`, JSON Feed `favicon`). */
  icon: sitePath("/assets/favicon.svg").default("/assets/favicon.svg"),
  /**
   * An XSL stylesheet the site publishes (its own file, same origin) to show the
   * XML files readably in a browser; false for none. Browsers are dropping XSLT,
   * so none is shipped: readers ignore it either way.
   */
  stylesheet: z.union([sitePath("/feeds/feed.xsl"), z.literal(false)]).default(false),
  /** Layout of the feeds page of each language (`/feeds/`, `/en/feeds/`), a file of the layouts folder. */
  pageLayout: z.string().min(1).default("feeds.11ty.tsx"),
});

export type FeedsOptionsInput = z.input<typeof FeedsOptionsSchema>;
export type FeedsOptions = z.output<typeof FeedsOptionsSchema>;

/** Validates at registration; the error names the plugin, each option, what was expected and received. */
export function parseFeedsOptions(input: unknown): FeedsOptions {
  return parsePluginOptions("feeds", FeedsOptionsSchema, input);
}
