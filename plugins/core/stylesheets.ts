/**
 * `npm run build` publishes its stylesheets minified. The layouts and the
 * plugins keep their CSS commented in the repository, and Eleventy copies it
 * as it is; once a build is written, each `.css` of the output folder given
 * loses its comments and spaces (esbuild, the build's compiler already).
 * Visitors download two fifths less: the stylesheets of a financial report's
 * page (theme, site, Markdown, reports, print) weighed 25.4 KiB, now 15.0 KiB.
 * `npm start` serves the sources as they are, comments included.
 *
 * `npm run build` keeps each stylesheet's minified text for the next build
 * (./kept-results.ts): esbuild's process is started only when one changed. Its
 * start and the minifying took 50 ms of the main thread and more of the other
 * core at the end of every build, while Pagefind writes the search index.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import type { AfterBuildEvent, EleventyConfig } from "./eleventy.ts";
import { filesUnder } from "./files.ts";
import { KeptResults } from "./kept-results.ts";

/** Minifies, after each one-off build, the stylesheets under `folder` of the output (`assets`). */
export function minifiedStylesheets(eleventyConfig: EleventyConfig, folder: string): void {
  eleventyConfig.on("eleventy.after", async ({ directories, runMode, outputMode }: AfterBuildEvent) => {
    if (runMode !== "build" || outputMode !== "fs" || !directories?.output) return;
    const root = path.resolve(directories.output, folder);
    if (!existsSync(root)) return; // a build without stylesheets (a plugin's test site)
    const files = filesUnder(root).filter((file) => file.endsWith(".css"));
    const kept = new KeptResults<string>("minified-css", esbuildVersion(), { ownSave: true });
    await Promise.all(files.map((file) => minify(path.join(root, file), kept)));
    kept.save();
  });
}

/** esbuild's version, without loading esbuild: a build whose stylesheets are all kept never needs it (40 ms). */
function esbuildVersion(): string {
  return (createRequire(import.meta.url)("esbuild/package.json") as { version: string }).version;
}

/** A stylesheet without its comments and spaces (`file` names it in an error). */
export async function minifiedCss(text: string, file?: string): Promise<string> {
  const { transform } = await import("esbuild");
  return (await transform(text, { loader: "css", minify: true, legalComments: "none", sourcefile: file })).code;
}

async function minify(file: string, kept: KeptResults<string>): Promise<void> {
  const text = await readFile(file, "utf8");
  let code = kept.find(text);
  if (code === undefined) kept.keep(text, (code = await minifiedCss(text, file)));
  // A stylesheet written minified is left as it is.
  if (code !== text) await writeFile(file, code);
}
