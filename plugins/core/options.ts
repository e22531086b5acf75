/**
 * Every plugin validates its options at registration the same way: defaults filled in
 * by its schema, and one error listing each bad option with what was expected and what
 * was received, headed by the plugin's name. No Eleventy import.
 */
import { z } from "zod";
import type { Project } from "./project.ts";
import { describeValue } from "./describe-value.ts";

/** The options as the plugin's code reads them, or an error naming the plugin and each bad option. */
export function parsePluginOptions<S extends z.ZodType>(pluginName: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const where = issue.path.join(".") || "(options)";
    const received = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], input);
    // describeValue, not JSON: options hold the project and functions, which JSON cannot show.
    return `  ${where}: ${issue.message} (received ${describeValue(received)})`;
  });
  throw new Error(`[${pluginName} plugin] invalid options:\n${lines.join("\n")}`);
}

/**
 * The Eleventy versions these plugins are written and tested against: 3.1 brought
 * the virtual templates and preprocessors they use; 4 is unknown ground.
 */
export const ELEVENTY_VERSIONS = ">=3.1.0 <4";

/** The project from `loadProject()`, as the option every plugin of this site takes. */
export const ProjectOption = z.custom<Project>(
  (value) => typeof value === "object" && value !== null && "site" in value && "input" in value,
  "the project from loadProject()",
);

/**
 * What every plugin does first: checks the running Eleventy against ELEVENTY_VERSIONS
 * (as @11ty/eleventy-plugin-rss does), then reads its options through its schema.
 */
export function registerPlugin<S extends z.ZodType>(eleventyConfig: VersionCheck, pluginName: string, schema: S, input: unknown): z.output<S> {
  checkEleventyVersion(eleventyConfig, pluginName);
  return parsePluginOptions(pluginName, schema, input);
}

interface VersionCheck {
  versionCheck(range: string): void;
}

/** Stops the build, naming the plugin, when the running Eleventy is outside ELEVENTY_VERSIONS. */
export function checkEleventyVersion(eleventyConfig: VersionCheck, pluginName: string): void {
  try {
    eleventyConfig.versionCheck(ELEVENTY_VERSIONS);
  } catch (error) {
    throw new Error(`[${pluginName} plugin] needs Eleventy ${ELEVENTY_VERSIONS}: ${(error as Error).message}`);
  }
}

/**
 * Eleventy skips a second `addPlugin` of a plugin marked unique (the first one wins):
 * adding one of these twice must not register its templates, collections and checks twice.
 */
export const UNIQUE_PLUGIN = Object.freeze({ unique: true });
