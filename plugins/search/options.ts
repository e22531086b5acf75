/**
 * Options of the search plugin, with their defaults: callers write `SearchOptionsInput`,
 * the code reads `SearchOptions`.
 */
import { z } from "zod";
import { ProjectOption } from "../core/options.ts";

export const SearchOptionsSchema = z.strictObject({
  /** Paths and site settings. */
  project: ProjectOption,
  /** Layout of the search pages (a file of the layouts folder). */
  layout: z.string().min(1).default("search.11ty.tsx"),
  /**
   * Parts of the indexed content that are not text to search. The Markdown
   * plugin's heading anchors hold a hidden "Link to the section …" that would
   * otherwise fill excerpts and match every heading; its footnote calls and
   * their way back put a stray number and "↩︎" in them ("nantaise 1. Il
   * consomme"). The footnotes' own text stays searchable.
   */
  excludeSelectors: z.array(z.string().min(1)).default([".heading-anchor", ".footnote-ref", ".footnote-backref"]),
});

export type SearchOptionsInput = z.input<typeof SearchOptionsSchema>;
export type SearchOptions = z.output<typeof SearchOptionsSchema>;
