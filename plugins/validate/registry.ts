/**
 * Plugins register their content checks here; the validation plugin runs them
 * all before the build and stops it once with every problem listed.
 */
import type { EleventyConfig } from "../core/eleventy.ts";
import type { ContentProblem } from "../core/problems.ts";

export type ContentCheck = () => ContentProblem[] | Promise<ContentProblem[]>;

const checks = new WeakMap<object, { name: string; run: ContentCheck }[]>();

export function addContentCheck(eleventyConfig: EleventyConfig, name: string, run: ContentCheck): void {
  const list = checks.get(eleventyConfig) ?? [];
  list.push({ name, run });
  checks.set(eleventyConfig, list);
}

export function contentChecks(eleventyConfig: EleventyConfig): { name: string; run: ContentCheck }[] {
  return checks.get(eleventyConfig) ?? [];
}
