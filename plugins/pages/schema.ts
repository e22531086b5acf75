/** Front matter of a plain page (association, services, legal…) and of the home page. */
import { z } from "zod";
import { commonFields, wallClock } from "../validate/fields.ts";

/** `zone`: the site's time zone, in which `updated` is read. */
export function pageFields(zone: string) {
  return {
    ...commonFields(),
    /**
     * Date of the last change that matters to a reader (terms of service, legal
     * notice, membership fees): shown under the title. Typo fixes need not move it.
     */
    updated: wallClock(zone).optional(),
    /** Order in menus or lists that show pages. */
    order: z.number().int().optional(),
    /** Main navigation entry this page belongs to (marks it current). */
    nav: z.string().optional(),
  };
}

export type Page = z.output<z.ZodObject<ReturnType<typeof pageFields>>>;
