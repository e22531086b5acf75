/**
 * Options of the translations plugin, with their defaults: callers write `TranslationsOptionsInput`,
 * the code reads `TranslationsOptions`.
 */
import { z } from "zod";
import { ProjectOption } from "../core/options.ts";

export const TranslationsOptionsSchema = z.strictObject({
  /** Paths and site settings. */
  project: ProjectOption,
  /** Layout of the translators' page (a file of the layouts folder). */
  layout: z.string().min(1).default("translations.11ty.tsx"),
  /** URL path of that page inside each language. */
  urlPath: z.string().regex(/^([a-z0-9-]+\/)+$/, "a path such as translations/").default("translations/"),
});

export type TranslationsOptionsInput = z.input<typeof TranslationsOptionsSchema>;
export type TranslationsOptions = z.output<typeof TranslationsOptionsSchema>;
