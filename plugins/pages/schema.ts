/** Front matter of a plain page (association, services, legal…) and of the home page. */
import { z } from "zod";
import { commonFields } from "../validate/fields.ts";

export function pageFields() {
  return {
    ...commonFields(),
    /** Order in menus or lists that show pages. */
    order: z.number().int().optional(),
    /** Main navigation entry this page belongs to (marks it current). */
    nav: z.string().optional(),
  };
}

export const PageSchema = z.object(pageFields());
export type Page = z.output<typeof PageSchema>;
