/**
 * Other plugins publish feeds through this one: the events plugin registers
 * its agenda with `addFeedSource(eleventyConfig, { key: "agenda", … })`, in any
 * order relative to the feeds plugin (sources are read when the site builds).
 */
import type { EleventyConfig } from "../core/eleventy.ts";
import type { FeedSource } from "./types.ts";

const registries = new WeakMap<object, FeedSource[]>();

export function addFeedSource(eleventyConfig: EleventyConfig, source: FeedSource): void {
  const list = registries.get(eleventyConfig) ?? [];
  if (!/^[a-z0-9][a-z0-9-]*$/.test(source.key)) {
    throw new Error(`[feeds plugin] addFeedSource: expected a key of lowercase letters, digits and hyphens (blog, agenda), found "${source.key}"`);
  }
  if (list.some((s) => s.key === source.key)) {
    throw new Error(`[feeds plugin] addFeedSource: a source named "${source.key}" is already registered`);
  }
  if (source.path && !source.path.endsWith("/")) {
    throw new Error(`[feeds plugin] addFeedSource("${source.key}"): expected path to be "" or a folder ending in "/", found "${source.path}"`);
  }
  list.push(source);
  registries.set(eleventyConfig, list);
}

/** The sources in a stable order, whatever order the plugins were added in. */
export function feedSources(eleventyConfig: EleventyConfig): readonly FeedSource[] {
  const rank = (s: FeedSource) => s.order ?? 100;
  return [...(registries.get(eleventyConfig) ?? [])].sort((a, b) => rank(a) - rank(b) || a.key.localeCompare(b.key));
}
