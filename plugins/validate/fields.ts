/**
 * Field types shared by the content schemas. Dates are wall-clock text read
 * in the site's zone; the output is a luxon DateTime with the right offset.
 */
import type { DateTime } from "luxon";
import { z } from "zod";
import { parseWallClock } from "../i18n/dates.ts";
import { expect } from "./zod-problems.ts";

/** `2025-03-12` or `2025-03-12T18:30`, a wall-clock time in `zone`. */
export function wallClock(zone: string) {
  return z.unknown().transform((value, ctx): DateTime => {
    const parsed = parseWallClock(value, zone);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed.dateTime;
  });
}

/** A list of names; one name alone is accepted too. */
export const names = z
  .union([z.string().min(1), z.array(z.string().min(1))], expect("a name or a list of names"))
  .transform((v) => (Array.isArray(v) ? v : [v]));

/** Tags: lowercase words; one alone or a list. */
export const tags = z
  .union([z.string().min(1), z.array(z.string().min(1))], expect("a tag or a list of tags"))
  .transform((v) => (Array.isArray(v) ? v : [v]).map((t) => t.trim()));

/** Fields every page may carry, whatever its type. */
export function commonFields() {
  return {
    /** Title of the page (also in `<title>`, feeds, lists). */
    title: z.string(expect("a title")).trim().min(1, "expected a title, found an empty text (or only spaces)"),
    /** One or two sentences for lists, feeds, search results and meta description. */
    summary: z.string(expect("a sentence")).optional(),
    /** Per-language URL segment replacing the folder or file name. */
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected lowercase letters, digits and hyphens").optional(),
    /** Old URLs of this page; each gets a redirect page. */
    aliases: z.array(z.string().regex(/^\//, "expected a site path starting with /")).default([]),
    /** People who translated this page. */
    translators: names.optional(),
    /** Hash of the original this translation was made from (set by `npm run translations -- --mark`). */
    translationOf: z.string().regex(/^[0-9a-f]{8,64}$/, "expected the hash printed by npm run translations").optional(),
    /** Kept out of `npm run build` (shown by `npm start`). */
    draft: z.boolean(expect("true or false")).default(false),
    /** Set by the languages plugin on untranslated copies; never written by hand. */
    untranslated: z.boolean().optional(),
  };
}
