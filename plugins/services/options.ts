/**
 * Options of the services plugin, with their defaults: callers write `ServicesOptionsInput`,
 * the code reads `ServicesOptions`.
 */
import { z } from "zod";
import { ProjectOption } from "../core/options.ts";

export const ServicesOptionsSchema = z.strictObject({
  /** Paths and site settings. */
  project: ProjectOption,
  /** Layout of the status page of each language (a file of the layouts folder). */
  statusLayout: z.string().min(1).default("status.11ty.tsx"),
});

export type ServicesOptionsInput = z.input<typeof ServicesOptionsSchema>;
export type ServicesOptions = z.output<typeof ServicesOptionsSchema>;
