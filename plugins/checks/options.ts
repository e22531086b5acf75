/**
 * Options of the checks plugin, with their defaults: callers write `ChecksOptionsInput`,
 * the code reads `ChecksOptions`.
 */
import { z } from "zod";
import { ProjectOption } from "../core/options.ts";

export const ChecksOptionsSchema = z.strictObject({
  /** Paths and site settings. */
  project: ProjectOption,
  /**
   * URL path prefixes written after Eleventy's own files, by tools that run
   * later in the same `eleventy.after` (Pagefind's index): not checked.
   */
  skip: z.array(z.string().startsWith("/", "a site path such as /pagefind/")).default(["/pagefind/"]),
});

export type ChecksOptionsInput = z.input<typeof ChecksOptionsSchema>;
export type ChecksOptions = z.output<typeof ChecksOptionsSchema>;
