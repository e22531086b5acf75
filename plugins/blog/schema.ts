/**
 * Front matter of a blog post: the single source of its fields, defaults and
 * of the `Post` type layouts receive.
 */
import path from "node:path";
import { z } from "zod";
import type { FrontMatterValidator } from "../validate/index.ts";
import { strictValidator } from "../validate/strict.ts";
import { commonFields, names, tags, wallClock } from "../validate/fields.ts";
import type { ContentProblem } from "../core/problems.ts";
import { folderImageProblem } from "../images/check-images.ts";
import { expect } from "../validate/zod-problems.ts";

export function postFields(zone: string) {
  return {
    ...commonFields(),
    /** Publication date (wall-clock, site zone); a future date publishes on the first build after it. */
    date: wallClock(zone),
    /** Date of a significant update, shown on the post and used as the feeds' updated date. */
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

/**
 * The front-matter check of a post: its fields, and its `image` is a photo of
 * its folder (`file` is relative to `root`, the project's folder).
 */
export function postValidator(zone: string, root: string): FrontMatterValidator {
  const fields = strictValidator(postFields(zone), imageNeedsAlt);
  return (frontMatter, file) => {
    const image = (frontMatter as { image?: unknown } | null)?.image;
    const bundleDir = path.resolve(root, path.dirname(file));
    return [...fields(frontMatter, file), ...(typeof image === "string" ? postImageProblems(image, file, bundleDir) : [])];
  };
}

/** Formats sharp can read that a writer may commit as a post image. */
const RASTER = new Set([".jpg", ".jpeg", ".png", ".webp", ".avif"]);

/** A post's `image` must be a photo of its bundle that sharp can read. */
export function postImageProblems(image: string | undefined, file: string, bundleDir: string): ContentProblem[] {
  if (!image) return [];
  if (/^[a-z]+:|^\//i.test(image)) {
    return [{ file, field: "image", message: `expected a file of the post's folder such as photo.jpg, found "${image}"` }];
  }
  if (!RASTER.has(path.extname(image).toLowerCase())) {
    return [{ file, field: "image", message: `expected a JPEG, PNG, WebP or AVIF photo, found "${image}"` }];
  }
  // Missing, empty, a Git LFS pointer, an iPhone photo named .jpg: sharp would stop the build with a stack trace.
  const wrong = folderImageProblem(image, bundleDir, "post");
  return wrong ? [{ file, field: "image", message: wrong }] : [];
}

export type Post = z.output<ReturnType<typeof createPostSchema>>;
