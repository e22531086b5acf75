/**
 * Options of the blog plugin, with their defaults. Callers write
 * `BlogOptionsInput`; the code reads `BlogOptions`.
 */
import { z } from "zod";
import { parsePluginOptions, ProjectOption } from "../core/options.ts";
import type { TagLabels } from "./tags.ts";

export const BlogOptionsSchema = z.strictObject({
  /** Paths and site settings (languages, time zone, posts per page). */
  project: ProjectOption,
  /** Layouts (files of the layouts folder) of the blog index, a tag page, the tags index and a year page. */
  layouts: z
    .strictObject({
      list: z.string().default("blog-list.11ty.tsx"),
      tag: z.string().default("blog-tag.11ty.tsx"),
      tags: z.string().default("blog-tags.11ty.tsx"),
      year: z.string().default("blog-year.11ty.tsx"),
    })
    .prefault({}),
  /**
   * How each tag reads in each language (YAML: tag as written → language → label),
   * relative to the content folder. Optional: a tag without a label shows as written.
   */
  tagLabelsFile: z.string().min(1).default("blog/tags.yaml"),
  /** A post with at least this many h2 sections gets a table of contents. */
  tocMinSections: z.number().int().positive().default(3),
  /** Where the og:image JPEGs go: the images plugin's folder, so both share one cache. */
  imageUrlPath: z.string().regex(/^\/([\w.-]+\/)*$/, "a site-absolute folder such as /img/").default("/img/"),
  /** Folder (from the project root) keeping encoded images between builds, shared with the images plugin. */
  imageCacheDir: z.string().min(1).default(".cache/eleventy-img"),
});

export type BlogOptionsInput = z.input<typeof BlogOptionsSchema>;
export type BlogOptions = z.output<typeof BlogOptionsSchema>;

/** Validates at registration; the error names the plugin, each option, what was expected and received. */
export function parseBlogOptions(input: unknown): BlogOptions {
  return parsePluginOptions("blog", BlogOptionsSchema, input);
}

/** What layouts read from the `blogSettings` global data. */
export interface BlogSettings {
  /** Tag slug → language → label. */
  tagLabels: TagLabels;
  tocMinSections: number;
}
