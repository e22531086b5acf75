/**
 * Images of the content, through @11ty/eleventy-img's HTML transform: every
 * <img> of the built pages becomes a <picture> with AVIF and WebP sources, the
 * original format as fallback, several widths, width/height (no layout shift),
 * lazy loading and async decoding. SVG is published as is, never rasterised.
 *
 * `![alt](salle.jpg)` resolves against the Markdown file, so it works from
 * `index.fr.md` and `index.en.md` of a bundle alike; both pages point to the
 * same files in one shared folder (`/img/`), encoded once.
 *
 * Mistakes (no alt, missing file) stop the build with a ContentError naming
 * the Markdown file and the image, as checkImages() reports them.
 */
import path from "node:path";
import { eleventyImageTransformPlugin } from "@11ty/eleventy-img";
import posthtml from "posthtml";
import type { EleventyConfig, EleventyData, EleventyPage } from "../core/eleventy.ts";
import { fileAndFolderStamp, fileStamp, fileText, perFile } from "../core/file-memo.ts";
import { absolutePath } from "../core/files.ts";
import { parseSrcset } from "../core/srcset.ts";
import { pageOnlyFiles } from "../core/incremental.ts";
import { checkEleventyVersion, UNIQUE_PLUGIN } from "../core/options.ts";
import { ContentError } from "../core/problems.ts";
import { addContentCheck } from "../validate/registry.ts";
import { checkImages } from "./check-images.ts";
import { EncodedCache } from "./encoded-cache.ts";
import { checkSvgFiles } from "./svg-check.ts";
import { parseImagesOptions, type ImagesOptionsInput } from "./options.ts";

export { checkImages } from "./check-images.ts";
export type { ImagesOptionsInput, ImagesReport } from "./options.ts";

export default function imagesPlugin(eleventyConfig: EleventyConfig, options: ImagesOptionsInput = {}): void {
  checkEleventyVersion(eleventyConfig, "images");
  const opts = parseImagesOptions(options);
  const cache = new EncodedCache(path.resolve(opts.cacheDir));

  // Belt and braces: the validation plugin runs checkImages() before the build;
  // this catches the same mistakes when a site does not install it. The file is
  // read again (Eleventy hands over the body without front matter) so the line
  // numbers in the message match what the writer sees in their editor.
  // Each rebuild of `npm start` runs it for every page: a file is checked again
  // only when it or its folder changed.
  const problemsOf = perFile((inputPath: string) => {
    const file = path.relative(process.cwd(), inputPath);
    return checkImages(fileText(inputPath), file, path.dirname(inputPath), { inputDir: eleventyConfig.directories.input });
  }, fileAndFolderStamp);
  eleventyConfig.addPreprocessor("images-check", "md", (data: EleventyData) => {
    const inputPath = data.page.inputPath;
    // A virtual page (the i18n plugin's untranslated copy) has no file: its
    // source is another page's, which is checked under its own name.
    const absolute = absolutePath(inputPath);
    // A page-only rebuild of npm start: the pages not saved were checked by the build before.
    if (pageOnlyFiles()?.has(absolute) === false) return undefined;
    if (fileStamp(absolute) === undefined) return undefined;
    const problems = problemsOf(absolute);
    if (problems.length > 0) throw new ContentError(problems);
    return undefined; // Keep the content as it is.
  });

  // SVGs are published as they are: none may carry a script or load from elsewhere.
  addContentCheck(eleventyConfig, "svg", () => checkSvgFiles(eleventyConfig.directories.input, process.cwd()));

  eleventyConfig.on("eleventy.before", () => cache.reset());
  eleventyConfig.on("eleventy.after", () => {
    const report = cache.save();
    opts.onReport?.(report);
  });

  eleventyConfig.addPlugin(eleventyImageTransformPlugin, {
    extensions: "html",
    // "svg" first with svgShortCircuit: an SVG source is copied and nothing else;
    // raster sources skip "svg" and get the modern formats plus their own ("auto").
    formats: ["svg", ...opts.formats, "auto"],
    svgShortCircuit: true,
    sharpAvifOptions: { effort: opts.avifEffort },
    widths: opts.widths,
    // A fixed urlPath puts every page's images in one folder, whatever the page's
    // URL or language: a bundle's photo is encoded once for fr and en.
    urlPath: opts.urlPath,
    outputDir: path.join(eleventyConfig.directories.output, opts.urlPath),
    filenameFormat: (id, _src, width, format, imageOptions) => {
      const filename = `${id}-${width}.${format}`; // eleventy-img's own default, kept: hashed, stable.
      cache.prepare(imageOptions.outputDir, filename);
      return filename;
    },
    htmlOptions: {
      imgAttributes: { loading: "lazy", decoding: "async", sizes: opts.sizes },
    },
    failOnError: true,
  });
  onlyPagesWithImages(eleventyConfig);
}

/** `<img` or `<picture` anywhere in a page (a false positive only costs a parse). */
const HAS_IMAGE = /<(?:img|picture)\b/i;

/**
 * eleventy-img adds its work to Eleventy's posthtml pass, which parses and
 * reprints every HTML page, lists, tag pages and the agenda included: about
 * 1 ms a page for pages where it has nothing to do. Its posthtml plugin is
 * taken out of that pass and run by a transform of its own, on pages that
 * hold an image, with the same page context Eleventy would give it.
 */
function onlyPagesWithImages(eleventyConfig: EleventyConfig): void {
  const transformer = eleventyConfig.htmlTransformer;
  const ours = new Set(transformer.plugins.html ?? []);
  if (ours.size === 0) throw new Error("images: @11ty/eleventy-img added no posthtml plugin for HTML; its transform API changed");
  transformer.remove("html", (entry) => ours.has(entry));
  eleventyConfig.addTransform("images", async function (this: Record<string, unknown>, content: string) {
    const outputPath = (this.page as EleventyPage).outputPath;
    if (typeof outputPath !== "string" || !outputPath.endsWith(".html") || !HAS_IMAGE.test(content)) return content;
    const plugins = [...ours].map(({ fn, options }) => fn({ ...this, ...options }));
    return (await posthtml([...(plugins as posthtml.Plugin<unknown>[]), linkToLargest]).process(content)).html;
  });
}

/** What marks an image to be linked to its largest file (set by the Markdown's galleries). */
export const ENLARGE_ATTRIBUTE = "data-enlarge";

/**
 * `<img data-enlarge>`: once encoded, its `<picture>` becomes a link to the
 * widest file of its own format (JPEG, PNG…), which any browser opens. A
 * photo shown small (a gallery's) can then be seen whole, without a script.
 * Runs after eleventy-img's plugin in the same posthtml pass: it sees the
 * `<picture>` that plugin wrote.
 */
function linkToLargest(tree: posthtml.Node): void {
  tree.match({ tag: "picture" }, (picture) => {
    const img = (picture.content ?? []).find((n): n is posthtml.Node => typeof n === "object" && n.tag === "img");
    const attrs = img?.attrs ?? undefined;
    if (!attrs || !(ENLARGE_ATTRIBUTE in attrs)) return picture;
    delete attrs[ENLARGE_ATTRIBUTE];
    const widest = parseSrcset(attrs.srcset ?? "").sort((a, b) => Number.parseInt(b.descriptor, 10) - Number.parseInt(a.descriptor, 10))[0];
    const href = widest?.url ?? attrs.src;
    return href ? { tag: "a", attrs: { href, class: "enlarge" }, content: [picture] } : picture;
  });
}

imagesPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
