/**
 * A two-language bundle in a temp folder, built by Eleventy with the Markdown
 * and images plugins: the fixture of index.test.ts. Also runnable on its own,
 * so a test can build in a fresh process (eleventy-img keeps an in-memory cache
 * per process, which would hide whether the disk cache works):
 *
 *   node --import tsx plugins/images/test-site.ts <site folder> [<kept results folder>]   → builds it, prints the ImagesReport as JSON
 *
 * With a folder for kept results, the build keeps them there as `npm run build` does (../core/kept-results.ts).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { buildContent, writeContent } from "../../test/helpers/plugin-site.ts";
import { useKeptResultsPlace } from "../core/kept-results.ts";
import type { EleventyConfig } from "../core/eleventy.ts";
import markdownPlugin from "../markdown/index.ts";
import imagesPlugin, { type ImagesReport } from "./index.ts";

export const SITE_URL = "https://www.chatons-loire.example";

/** Pages by path under content/; front matter sets lang and permalink as the i18n plugin would. */
export const PAGES: Record<string, string> = {
  "blog/ag/index.fr.md": [
    "---\ntitle: Assemblée générale\nlang: fr\npermalink: /blog/ag/\n---",
    "## Assemblée générale",
    '![La salle du conseil, chaises en cercle](salle.jpg "La salle, prête pour l’AG")',
    "![Logo de l’association](logo.svg)",
    "Écrivez {{ title }} et {% raw %} tels quels.",
    "::: donate\nSoutenez-nous.\n:::",
  ].join("\n\n"),
  "blog/ag/index.en.md": [
    "---\ntitle: General assembly\nlang: en\npermalink: /en/blog/ag/\n---",
    "## General assembly",
    '![The council room, chairs in a circle](salle.jpg "The room, ready for the AGM")',
    "::: donate\nSupport us.\n:::",
  ].join("\n\n"),
};

export const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#336"/></svg>\n';

/** Size of the generated photo: narrower than the widest default width (1600), to show widths are capped. */
export const PHOTO = { width: 700, height: 420 };

/** Writes the site; `pages` replaces or adds pages (e.g. a broken one). */
export async function writeSite(root: string, pages: Record<string, string> = {}, photo = PHOTO): Promise<void> {
  writeContent(root, { ...PAGES, ...pages });
  const content = path.join(root, "content");
  // Gradients, not a flat colour: encoders must do real work, as on a photo.
  const { width, height } = photo;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 3) {
    const x = (i / 3) % width;
    const y = Math.floor(i / 3 / width);
    pixels[i] = x % 256;
    pixels[i + 1] = y % 256;
    pixels[i + 2] = (x + y) % 256;
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg().toFile(path.join(content, "blog/ag/salle.jpg"));
  writeFileSync(path.join(content, "blog/ag/logo.svg"), SVG);
}

/** Builds `root/content` into `root/_site`, caching encoded images in `root/.cache/eleventy-img`. */
export async function buildSite(root: string, more?: (cfg: EleventyConfig) => void): Promise<ImagesReport> {
  let report: ImagesReport | undefined;
  // Quiet: when run on its own, stdout carries the JSON report only.
  await buildContent(root, (cfg) => {
    cfg.addPlugin(markdownPlugin, { siteUrl: SITE_URL, donateUrl: "/soutenir/" });
    cfg.addPlugin(imagesPlugin, { cacheDir: path.join(root, ".cache/eleventy-img"), onReport: (r: ImagesReport) => (report = r) });
    more?.(cfg);
  });
  if (!report) throw new Error("the images plugin reported nothing");
  return report;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[3]) useKeptResultsPlace({ dir: process.argv[3], code: "test" });
  const report = await buildSite(process.argv[2]!);
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
