/**
 * Front matter of a blog post: the single source of its fields, defaults and
 * of the `Post` type layouts receive.
 */
import { z } from "zod";
import { commonFields, names, tags, wallClock } from "../validate/fields.ts";
import { expect } from "../validate/zod-problems.ts";

export function postFields(zone: string) {
  return {
    ...commonFields(),
    /** Publication date (wall-clock, site zone); a future date publishes on the first build after it. */
    date: wallClock(zone),
    /** Date of a significant update, shown and used by feeds. */
    updated: wallClock(zone).optional(),
    /** Topics; each gets a tag page and a feed per language. */
    tags: tags.default([]),
    /** Writers of the post. */
    authors: names.optional(),
    /** Image for the post's card and og:image, relative to the bundle. */
    image: z.string(expect("an image path such as photo.jpg")).optional(),
    /** Text alternative of `image` (required with it). */
    imageAlt: z.string(expect("a description of the image")).min(1).optional(),
  };
}

export function createPostSchema(zone: string) {
  return z.object(postFields(zone)).superRefine(imageNeedsAlt);
}

export function imageNeedsAlt(value: { image?: string; imageAlt?: string }, ctx: z.RefinementCtx) {
  if (value.image && !value.imageAlt) {
    ctx.addIssue({ code: "custom", path: ["imageAlt"], message: `expected a text alternative for the image "${value.image}", found nothing` });
  }
}

export type Post = z.output<ReturnType<typeof createPostSchema>>;
