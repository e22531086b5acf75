/**
 * Options of the images plugin, with their defaults. Callers write
 * `ImagesOptionsInput`; the code reads `ImagesOptions`.
 */
import { z } from "zod";
import { parsePluginOptions } from "../core/options.ts";

/** What one build did with its images: for `npm run bench`, tests and curious maintainers. */
export interface ImagesReport {
  /** Encoded files this build's pages use (every width × format of every image). */
  files: number;
  /** Of those, files sharp wrote during this build. A warm build reports 0. */
  encoded: number;
  /** Of those, files already there: restored from the cache folder or left in the output by a previous build. */
  reused: number;
}

export const ImagesOptionsSchema = z.strictObject({
  /** Widths to encode, in pixels. Wider than the original are skipped (no upscaling); the original's width is used instead. */
  widths: z.array(z.number().int().positive()).min(1).default([480, 960, 1600]),
  /** Modern formats offered as <source>s, best first. The original format (JPEG, PNG, GIF) is always the <img> fallback. */
  formats: z.array(z.enum(["avif", "webp"])).default(["avif", "webp"]),
  /**
   * AVIF encoder effort, 0 (fast, bigger files) to 9 (slow, smaller). sharp's
   * default 4 saves visitors' bytes; encoding happens once per image thanks to
   * the cache, but a first build of many photos is slow (effort 4: ~10 s for the
   * three widths of a 2000 px photo on a 2-core runner; effort 2: ~2 s, files ~25 % bigger).
   * Changing it re-encodes every AVIF (it is part of the files' hash).
   */
  avifEffort: z.number().int().min(0).max(9).default(4),
  /** `sizes` of every responsive image: the width it takes at each viewport, so browsers download the smallest file that fits. */
  sizes: z.string().min(1).default("(min-width: 50rem) 50rem, 100vw"),
  /** URL folder every encoded image is published under; the files go to `<output>/<urlPath>`. One folder for all pages and languages. */
  urlPath: z.string().regex(/^\/([\w.-]+\/)*$/, "a site-absolute folder such as /img/").default("/img/"),
  /**
   * Folder, relative to the project root, that keeps encoded files between
   * builds (CI caches it). A build whose output folder was wiped copies files
   * back from here instead of encoding them again. Delete it to re-encode all.
   */
  cacheDir: z.string().min(1).default(".cache/eleventy-img"),
  /**
   * Check each page's Markdown images before it is rendered (a missing file, no
   * alt text), stopping the build at the file and line. A site whose validation
   * plugin runs `checkImages` as a body check (this one's .eleventy.ts) sets
   * false: its pages are checked there already, before anything is written.
   */
  checkPages: z.boolean().default(true),
  /** Called after each build with what was encoded and what was reused. */
  onReport: z.custom<(report: ImagesReport) => void>((value) => typeof value === "function", "a function").optional(),
});

export type ImagesOptionsInput = z.input<typeof ImagesOptionsSchema>;
export type ImagesOptions = z.output<typeof ImagesOptionsSchema>;

/** Validates at registration; the error names the plugin, each option, what was expected and received. */
export function parseImagesOptions(input: unknown): ImagesOptions {
  return parsePluginOptions("images", ImagesOptionsSchema, input);
}
