/**
 * Front matter of a documentation page: the single source of its fields and
 * of the `Doc` type the layout receives. The parent is the folder; the
 * position among siblings is `order`.
 */
import { z } from "zod";
import { commonFields, wallClock } from "../validate/fields.ts";
import { expect } from "../validate/zod-problems.ts";

export function docFields(zone: string) {
  return {
    ...commonFields(),
    /** Position among the pages of its folder (1 first); pages without one come after, by title. */
    order: z.number(expect("a whole number such as 1")).int(expect("a whole number such as 1")).optional(),
    /**
     * Date of the last significant change, shown only when git history is not
     * available (a shallow clone, a copy without .git): git's date wins otherwise.
     */
    updated: wallClock(zone).optional(),
  };
}

export function createDocSchema(zone: string) {
  return z.object(docFields(zone));
}

export type Doc = z.output<ReturnType<typeof createDocSchema>>;
