/**
 * A throwaway site for a plugin test: Markdown pages written under `<root>/content`,
 * built into `<root>/_site` with only the plugins the test registers (not the
 * project's config). Used by the Markdown and images plugin tests.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
// @ts-ignore: Eleventy ships no types (a shared declaration may exist or not); what these tests use is typed below.
import EleventyUntyped from "@11ty/eleventy";
import type { EleventyConfig } from "../../plugins/core/eleventy.ts";

interface EleventyBuild {
  write(): Promise<unknown>;
  disableLogger(): void;
}
const Eleventy = EleventyUntyped as unknown as new (
  input: string,
  output: string,
  options: { quietMode?: boolean; configPath?: string | false; config?: (cfg: EleventyConfig) => void },
) => EleventyBuild;

/** Writes each page (path under content/ → text), and the config file every such site shares. */
export function writeContent(root: string, pages: Record<string, string>): void {
  for (const [file, text] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(root, "content", file)), { recursive: true });
    writeFileSync(path.join(root, "content", file), text);
  }
  // What the site's config file sets and a plugin cannot: content never goes through a template engine.
  writeFileSync(path.join(root, "eleventy.config.mjs"), "export const config = { markdownTemplateEngine: false };\n");
}

/**
 * Builds `root/content` into `root/_site` (returned), with `config` registering the plugins.
 * Quiet for real: failures surface as the rejected promise, not as log lines.
 */
export async function buildContent(root: string, config: (cfg: EleventyConfig) => void): Promise<string> {
  const out = path.join(root, "_site");
  const elev = new Eleventy(path.join(root, "content"), out, { quietMode: true, configPath: path.join(root, "eleventy.config.mjs"), config });
  elev.disableLogger();
  await elev.write();
  return out;
}
