/**
 * Options of the validation plugin: callers write `ValidateOptionsInput`, the code
 * reads `ValidateOptions`.
 */
import { z } from "zod";
import { ProjectOption } from "../core/options.ts";
import type { BodyCheck, FrontMatterValidator } from "./index.ts";

const isFunction = (value: unknown) => typeof value === "function";

export const ValidateOptionsSchema = z.strictObject({
  /** Paths and site settings. */
  project: ProjectOption,
  /** Validator per section (first folder of content/); `"*"` for every other page. */
  types: z.record(z.string(), z.custom<FrontMatterValidator>(isFunction, "a validator function")),
  /** Checks of each Markdown body (images, links…), after its front matter. */
  bodyChecks: z.array(z.custom<BodyCheck>(isFunction, "a check function")).optional(),
});

export type ValidateOptionsInput = z.input<typeof ValidateOptionsSchema>;
export type ValidateOptions = z.output<typeof ValidateOptionsSchema>;
