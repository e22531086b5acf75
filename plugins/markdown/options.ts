/**
 * Options of the Markdown pipeline: the single list of what a site can set,
 * with defaults. Callers write `MarkdownOptionsInput`; the code reads `MarkdownOptions`.
 */
import { z } from "zod";
import { parsePluginOptions } from "../core/options.ts";
import { StringsSchema } from "./strings.ts";

const HOSTNAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d+)?$/;

export const MarkdownOptionsSchema = z.strictObject({
  /** Public URL of the site: links to any other host are external and get `rel="noopener noreferrer"`. */
  siteUrl: z.url({ protocol: /^https?$/ }),
  /** Language served at `/` and used when a page does not say its own; also the fallback of `strings`. */
  defaultLanguage: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "a language code such as fr").default("fr"),
  /**
   * Target of the `::: donate` button. A site-absolute path (`/soutenir/`) gets the
   * page's language prefix (`/en/soutenir/`); a full URL is used as is.
   * Without it, a `::: donate` block is a content error.
   */
  donateUrl: z.string().min(1).optional(),
  /**
   * Hosts allowed in `::: peertube` blocks (`video.example.org`). The layout's
   * Content-Security-Policy must list the same hosts in `frame-src` for the
   * click-to-play script. Empty: any host (then keep the CSP in step by hand).
   */
  peertubeHosts: z.array(z.string().toLowerCase().regex(HOSTNAME, "a host name such as video.example.org")).default([]),
  /** Headings from this level down get an id and an anchor link (the layout's page title is the h1). */
  anchorLevel: z.number().int().min(1).max(6).default(2),
  /** Wording per language code, over the built-in fr and en table: add a language or reword one. */
  strings: z.record(z.string(), StringsSchema.partial()).default({}),
});

export type MarkdownOptionsInput = z.input<typeof MarkdownOptionsSchema>;
export type MarkdownOptions = z.output<typeof MarkdownOptionsSchema>;

/** Validates at registration; the error names the plugin, each option, what was expected and received. */
export function parseMarkdownOptions(input: unknown): MarkdownOptions {
  return parsePluginOptions("markdown", MarkdownOptionsSchema, input);
}
