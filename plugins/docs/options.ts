/**
 * Options of the docs plugin, with their defaults: callers write `DocsOptionsInput`,
 * the code reads `DocsOptions`.
 */
import { z } from "zod";
import { ProjectOption } from "../core/options.ts";

export const DocsOptionsSchema = z.strictObject({
  /** Paths and site settings. */
  project: ProjectOption,
  /** Folder of `content/` holding the documentation (its first segment, also its URL). */
  folder: z.string().regex(/^[a-z0-9-]+$/, "one folder name, lowercase").default("docs"),
});

export type DocsOptionsInput = z.input<typeof DocsOptionsSchema>;
export type DocsOptions = z.output<typeof DocsOptionsSchema>;
