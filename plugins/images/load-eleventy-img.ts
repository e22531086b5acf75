/**
 * @11ty/eleventy-img, and sharp with it, loaded at its first use: a build whose
 * pages and posts' preview photos are all kept from the last one (./index.ts,
 * ../blog/post-image.ts) does not load them (0.1 s of each build at 1,000
 * posts). A CommonJS package: required, without waiting.
 */
import { createRequire } from "node:module";

type EleventyImage = typeof import("@11ty/eleventy-img");

const require = createRequire(import.meta.url);

/** The package: its default export (`Image(src, options)`), with its named exports as properties. */
export function eleventyImage(): EleventyImage["default"] & EleventyImage {
  return require("@11ty/eleventy-img") as EleventyImage["default"] & EleventyImage;
}
