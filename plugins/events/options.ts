/**
 * Options of the events plugin, with their defaults: callers write `EventsOptionsInput`,
 * the code reads `EventsOptions`.
 */
import { z } from "zod";
import { ProjectOption } from "../core/options.ts";

export const EventsOptionsSchema = z.strictObject({
  /** Paths and site settings. */
  project: ProjectOption,
 /** Layout of the agenda page of each language (a file of the layouts folder). */
  agendaLayout: z.string().min(1).default("events-agenda.11ty.tsx"),
  /** Layout of the page of one year's events (`/events/2025/`), in each language. */
  yearLayout: z.string().min(1).default("events-year.11ty.tsx"),
});

export type EventsOptionsInput = z.input<typeof EventsOptionsSchema>;
export type EventsOptions = z.output<typeof EventsOptionsSchema>;
