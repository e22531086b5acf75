/**
 * Options of the reports plugin, with their defaults: callers write `ReportsOptionsInput`,
 * the code reads `ReportsOptions`.
 */
import { z } from "zod";
import { ProjectOption } from "../core/options.ts";

export const ReportsOptionsSchema = z.strictObject({
  /** Paths and site settings. */
  project: ProjectOption,
  /** Folder of `categories.yaml` and `<exercice>.yaml`; `<data>/finances` by default. */
  financesDir: z.string().min(1).optional(),
  /** Layout of the reports index (a file of the layouts folder). */
  indexLayout: z.string().min(1).default("reports-index.11ty.tsx"),
});

export type ReportsOptionsInput = z.input<typeof ReportsOptionsSchema>;
export type ReportsOptions = z.output<typeof ReportsOptionsSchema>;
