/**
 * Options of the pages plugin, with their defaults: callers write `PagesOptionsInput`,
 * the code reads `PagesOptions`.
 */
import { z } from "zod";
import { ProjectOption } from "../core/options.ts";

export const PagesOptionsSchema = z.strictObject({
  /** Paths and site settings. */
  project: ProjectOption,
  /** Layout of the 404 document. */
  notFoundLayout: z.string().min(1).default("not-found.11ty.tsx"),
  /** Layout of a redirect page. */
  redirectLayout: z.string().min(1).default("redirect.11ty.tsx"),
});

export type PagesOptionsInput = z.input<typeof PagesOptionsSchema>;
export type PagesOptions = z.output<typeof PagesOptionsSchema>;
