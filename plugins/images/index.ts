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
 * the Markdown file and the image, as checkImages() reports them; so does a
 * photo cut off (an interrupted copy), found when it fails to encode (in npm
 * start, where images are encoded when the tab asks for them: decoded with the page).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { TransformPluginOptions } from "@11ty/eleventy-img";
import { parse as parseHtml } from "node-html-parser";
import posthtml from "posthtml";
import type { EleventyConfig, EleventyData, EleventyPage } from "../core/eleventy.ts";
import { decodedOrAsWritten } from "../core/decode.ts";
import { fileAndFolderStamp, fileStamp, fileText, perFile } from "../core/file-memo.ts";
import { absolutePath } from "../core/files.ts";
import { parseSrcset } from "../core/srcset.ts";
import { narrowRebuildFiles } from "../core/incremental.ts";
import { KeptResults, keptResultsPlace } from "../core/kept-results.ts";
import { checkEleventyVersion, UNIQUE_PLUGIN } from "../core/options.ts";
import { ContentError, type ContentProblem } from "../core/problems.ts";
import { addContentCheck } from "../validate/registry.ts";
import { checkImages, imageFileProblem, imageOnDisk, writtenImages } from "./check-images.ts";
import { EncodedCache } from "./encoded-cache.ts";
import { eleventyImage } from "./load-eleventy-img.ts";
import { checkSvgFiles } from "./svg-check.ts";
import { parseImagesOptions, type ImagesOptions, type ImagesOptionsInput } from "./options.ts";

export { checkImages } from "./check-images.ts";
export type { ImagesOptionsInput, ImagesReport } from "./options.ts";

export default function imagesPlugin(eleventyConfig: EleventyConfig, options: ImagesOptionsInput = {}): void {
  checkEleventyVersion(eleventyConfig, "images");
  const opts = parseImagesOptions(options);
  const cache = new EncodedCache(path.resolve(opts.cacheDir));

  // Belt and braces: the validation plugin runs checkImages() before the build;
  // this catches the same mistakes when a site does not install it (a site that
  // does sets checkPages: false: 40 ms of a 1,000-post build). The file is
  // read again (Eleventy hands over the body without front matter) so the line
  // numbers in the message match what the writer sees in their editor.
  // Each rebuild of `npm start` runs it for every page: a file is checked again
  // only when it or its folder changed.
  const problemsOf = perFile((inputPath: string) => {
    const file = path.relative(process.cwd(), inputPath);
    return checkImages(fileText(inputPath), file, path.dirname(inputPath), { inputDir: eleventyConfig.directories.input });
  }, fileAndFolderStamp);
  // npm start: eleventy-img encodes an image only when the open tab asks for it, and a photo
  // cut off (an interrupted copy) showed as eleventy-img's grey placeholder, said nowhere. There,
  // each raster image a page's Markdown shows is decoded once, small (again when its file
  // changes), and a damaged one stops the page as npm run build stops on it.
  const decodeFailureOf = perFile(decodeFailure);
  eleventyConfig.addPreprocessor("images-check", "md", async (data: EleventyData) => {
    const inputPath = data.page.inputPath;
    // A virtual page (the i18n plugin's untranslated copy) has no file: its
    // source is another page's, which is checked under its own name.
    const absolute = absolutePath(inputPath);
    // npm start after a new text (front matter the same): the pages not saved were checked by the build before.
    if (narrowRebuildFiles()?.has(absolute) === false) return undefined;
    if (fileStamp(absolute) === undefined) return undefined;
    const problems = opts.checkPages ? problemsOf(absolute) : [];
    if (problems.length > 0) throw new ContentError(problems);
    if (data.eleventy.env.runMode !== "build") {
      const damaged = await damagedWrittenImages(absolute, eleventyConfig.directories.input, decodeFailureOf);
      if (damaged.length > 0) throw new ContentError(damaged);
    }
    return undefined; // Keep the content as it is.
  });

  // SVGs are published as they are: none may carry a script or load from elsewhere.
  addContentCheck(eleventyConfig, "svg", () => checkSvgFiles(eleventyConfig.directories.input, process.cwd()));

  eleventyConfig.on("eleventy.before", () => cache.reset());
  eleventyConfig.on("eleventy.after", () => {
    const report = cache.save();
    opts.onReport?.(report);
  });

  const transformOptions: TransformPluginOptions = {
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
    filenameFormat: (id: string, _src: string, width: number, format: string, imageOptions: { outputDir: string }) => {
      const filename = `${id}-${width}.${format}`; // eleventy-img's own default, kept: hashed, stable.
      cache.prepare(imageOptions.outputDir, filename);
      return filename;
    },
    htmlOptions: {
      imgAttributes: { loading: "lazy", decoding: "async", sizes: opts.sizes },
    },
    failOnError: true,
    // eleventy-img reads with sharp's failOn "none": a photo cut off by an
    // interrupted copy was published mostly grey, and the build passed. sharp
    // reads failOn after the failOnError eleventy-img sets, so this one wins.
    // sharpOptions is part of eleventy-img's file hash: adding it renamed every
    // encoded file once (one full re-encode after this change, then cached again).
    sharpOptions: { failOn: "truncated" },
  };
  onlyPagesWithImages(eleventyConfig, keptPages(eleventyConfig, opts, cache), imageTransform(eleventyConfig, transformOptions));
}

/** eleventy-img's posthtml plugin, as Eleventy's HTML transformer keeps it. */
type PosthtmlEntry = { fn: (context: object) => posthtml.Plugin<unknown>; options?: object };

/**
 * eleventy-img's transform, for the pages that hold an image.
 *
 * npm start adds it with the configuration, as eleventy-img is made to be
 * added: in the dev server, its plugin encodes an image when the open tab asks
 * for it, and that plugin must be there from the start. A build loads
 * eleventy-img (./load-eleventy-img.ts) at the first page whose images are not
 * kept (`keptPages`), and adds its transform then, through a view of the
 * configuration that hands over its posthtml plugin.
 */
function imageTransform(eleventyConfig: EleventyConfig, options: TransformPluginOptions): () => readonly PosthtmlEntry[] {
  const transformer = eleventyConfig.htmlTransformer;
  if (process.env.ELEVENTY_RUN_MODE === "serve") {
    eleventyConfig.addPlugin(eleventyImage().eleventyImageTransformPlugin, options);
    const ours = added((transformer.plugins.html ?? []) as PosthtmlEntry[]);
    transformer.remove("html", (entry: unknown) => ours.includes(entry as PosthtmlEntry));
    return () => ours;
  }
  let loaded: readonly PosthtmlEntry[] | undefined;
  return () => {
    if (loaded) return loaded;
    const ours: PosthtmlEntry[] = [];
    const view = new Proxy(eleventyConfig, {
      get(target, key, receiver) {
        if (key === "htmlTransformer") return { addPosthtmlPlugin: (_ext: string, fn: PosthtmlEntry["fn"], given?: { pluginOptions?: object }) => ours.push({ fn, options: given?.pluginOptions }) };
        // Its options for the dev server's plugin, which a build has not.
        if (key === "addJavaScriptFunction") return () => undefined;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    eleventyImage().eleventyImageTransformPlugin(view, options);
    return (loaded = added(ours));
  };
}

/** The posthtml plugins eleventy-img added: at least one, or its API changed under us. */
function added(entries: PosthtmlEntry[]): PosthtmlEntry[] {
  if (entries.length === 0) throw new Error("images: @11ty/eleventy-img added no posthtml plugin for HTML; its transform API changed");
  return entries;
}

/** A page's HTML once its images are encoded, and how to take it from the last build. */
interface KeptPages {
  /** What the page's HTML depends on; undefined when it is not kept (npm start, an image from elsewhere). */
  keyOf(page: EleventyPage, content: string): string | undefined;
  /** The HTML the last build made for `key`, its encoded files back in the output; undefined when it must be made. */
  find(key: string, content: string): string | undefined;
  keep(key: string, html: string): void;
}

/**
 * `npm run build` keeps each page's HTML with its images encoded for the next
 * build (../core/kept-results.ts): a page whose HTML and whose photos' files
 * (their size and modification time) are as they were is not parsed again, and
 * eleventy-img, which reads every photo whole to name its files after a hash of
 * its bytes, does not read them. Its encoded files are restored or kept in the
 * output as eleventy-img would (EncodedCache), and when one cannot be, the page
 * goes through eleventy-img again. At 1,000 posts with 44 photos (the bench),
 * the images' transform took 0.3 to 0.4 s of the main thread.
 */
function keptPages(eleventyConfig: EleventyConfig, opts: ImagesOptions, cache: EncodedCache): KeptPages {
  const { onReport: _report, cacheDir: _cache, ...settings } = opts;
  const kept = new KeptResults<string>("image-pages", JSON.stringify(settings), { ownSave: true });
  eleventyConfig.on("eleventy.after", () => kept.save());
  const outputDir = () => path.join(eleventyConfig.directories.output, opts.urlPath);
  return {
    keyOf(page, content) {
      if (!keptResultsPlace()) return undefined; // npm start, the tests: nothing kept
      const stamps = pageImageStamps(page, content, eleventyConfig.directories.input);
      return stamps === undefined ? undefined : `${page.inputPath}\0${page.outputPath}\0${stamps}\0${content}`;
    },
    find(key, content) {
      const html = kept.find(key);
      if (html === undefined) return undefined;
      // Every file it names that the page did not: eleventy-img's, back in the output (or still there).
      const dir = outputDir();
      const named = encodedFilesOf(html, opts.urlPath);
      for (const file of encodedFilesOf(content, opts.urlPath)) named.delete(file);
      for (const file of named) if (!cache.restore(dir, file)) return undefined;
      return html;
    },
    keep(key, html) {
      kept.keep(key, html);
    },
  };
}

/** `<img … src="…">`: the address of each image of a page's HTML. */
const IMG_SRC = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/**
 * The size and modification time of every image file `content` shows, in its
 * order; undefined when one is not a file of the site (an address elsewhere,
 * a missing file): such a page is never taken from the last build.
 */
function pageImageStamps(page: EleventyPage, content: string, inputDir: string): string | undefined {
  const dir = path.dirname(absolutePath(page.inputPath));
  const stamps: string[] = [];
  for (const match of content.matchAll(IMG_SRC)) {
    const src = match[1] ?? match[2] ?? match[3] ?? "";
    if (src.startsWith("data:")) continue;
    if (isElsewhere(src)) return undefined;
    const stamp = fileStamp(imageOnDisk(src, dir, inputDir));
    if (stamp === undefined) return undefined;
    stamps.push(stamp);
  }
  return stamps.join("|");
}

/** The names of the files under `urlPath` (`/img/`) that an HTML names. */
function encodedFilesOf(html: string, urlPath: string): Set<string> {
  const files = new Set<string>();
  for (let at = html.indexOf(urlPath); at !== -1; at = html.indexOf(urlPath, at + 1)) {
    const name = FILE_NAME.exec(html.slice(at + urlPath.length, at + urlPath.length + 200))?.[0];
    if (name) files.add(name);
  }
  return files;
}

/** A file name as an address or a srcset writes it, up to what ends it. */
const FILE_NAME = /^[^\s"'<>,/?#]+/;

/** `<img` or `<picture` anywhere in a page (a false positive only costs a parse). */
const HAS_IMAGE = /<(?:img|picture)\b/i;

/**
 * eleventy-img adds its work to Eleventy's posthtml pass, which parses and
 * reprints every HTML page, lists, tag pages and the agenda included: about
 * 1 ms a page for pages where it has nothing to do. Its posthtml plugin runs
 * in a transform of its own instead, on pages that hold an image, with the
 * same page context Eleventy would give it.
 */
function onlyPagesWithImages(eleventyConfig: EleventyConfig, kept: KeptPages, imagePlugins: () => readonly PosthtmlEntry[]): void {
  eleventyConfig.addTransform("images", async function (this: Record<string, unknown>, content: string) {
    const outputPath = (this.page as EleventyPage).outputPath;
    if (typeof outputPath !== "string" || !outputPath.endsWith(".html") || !HAS_IMAGE.test(content)) return content;
    const key = kept.keyOf(this.page as EleventyPage, content);
    const found = key === undefined ? undefined : kept.find(key, content);
    if (found !== undefined) return found;
    const plugins = imagePlugins().map(({ fn, options }) => fn({ ...this, ...options }));
    try {
      const { html } = await posthtml([...(plugins as posthtml.Plugin<unknown>[]), linkToLargest]).process(content);
      if (key !== undefined) kept.keep(key, html);
      return html;
    } catch (error) {
      // sharp's error names no file: which of the page's images is damaged, if one is.
      throw (await damagedImages(this.page as EleventyPage, content, eleventyConfig.directories.input)) ?? error;
    }
  });
}

/**
 * After an encoding failed: the page's local images that sharp cannot decode,
 * as a ContentError naming the Markdown file, the line of each and the image
 * (undefined when all decode: the failure was something else). Each image is
 * decoded ({@link decodeFailure}), so this runs only on that failure, never on a good build.
 */
async function damagedImages(page: EleventyPage, html: string, inputDir: string): Promise<ContentError | undefined> {
  const pageFile = absolutePath(page.inputPath);
  const fileOf = (src: string) => imageOnDisk(src, path.dirname(pageFile), inputDir);
  const sources = new Map<string, string>();
  for (const img of parseHtml(html).querySelectorAll("img")) {
    const src = img.getAttribute("src") ?? "";
    if (!isEncodedHere(src)) continue;
    const file = fileOf(src);
    if (!sources.has(file) && existsSync(file)) sources.set(file, decodedOrAsWritten(src));
  }
  const damaged: { file: string; src: string; reason: string }[] = [];
  for (const [file, src] of sources) {
    const reason = await decodeFailure(file);
    if (reason) damaged.push({ file, src, reason });
  }
  if (damaged.length === 0) return undefined;

  // A virtual page (an untranslated copy) has no file of its own: named without a line.
  const text = fileStamp(pageFile) === undefined ? undefined : fileText(pageFile);
  const written = text === undefined ? [] : writtenImages(text);
  const lines = text?.split("\n") ?? [];
  const problems: ContentProblem[] = damaged.flatMap(({ file, src, reason }) => {
    // Empty, a Git LFS pointer…: what the check of the Markdown says of an image it sees (a layout's banner is not in the Markdown).
    const message = (name: string) =>
      imageFileProblem(file, name) ?? damagedMessage(name, reason);
    const at = written.filter((image) => fileOf(image.src) === file);
    const where = path.relative(process.cwd(), pageFile);
    if (at.length > 0) return at.map((image) => ({ file: where, line: image.line, field: image.src, message: message(image.src) }));
    // Shown by a layout (a post's `image:` in front matter): the first line that names it.
    const name = path.basename(file);
    const line = lines.findIndex((l) => l.includes(name)) + 1;
    return [{ file: where, ...(line > 0 ? { line } : {}), field: line > 0 ? name : src, message: message(line > 0 ? name : src) }];
  });
  return new ContentError(problems);
}

/**
 * The images the Markdown of `pageFile` shows that sharp cannot decode, each at
 * its line; `failureOf` is {@link decodeFailure}, kept per file. Missing or
 * empty files are the Markdown check's (checkImages), SVGs are never decoded.
 */
async function damagedWrittenImages(pageFile: string, inputDir: string, failureOf: (file: string) => Promise<string | undefined>): Promise<ContentProblem[]> {
  const where = path.relative(process.cwd(), pageFile);
  const damaged: ContentProblem[] = [];
  for (const { src, line } of writtenImages(fileText(pageFile))) {
    if (!isEncodedHere(src)) continue;
    const file = imageOnDisk(src, path.dirname(pageFile), inputDir);
    const reason = existsSync(file) ? await failureOf(file) : undefined;
    if (reason) damaged.push({ file: where, line, field: src, message: damagedMessage(src, reason) });
  }
  return damaged;
}

/** An image address eleventy-img encodes from a file of the site: not an address elsewhere, not inline data, not an SVG (published as it is). */
function isEncodedHere(src: string): boolean {
  return src !== "" && !src.startsWith("data:") && !isElsewhere(src) && !/\.svg([?#]|$)/i.test(src);
}

/** An image address on another host (`https://…`, `//…`), not a file of the site. */
function isElsewhere(src: string): boolean {
  return /^([a-z][\w+.-]*:)?\/\//i.test(src);
}

/**
 * Why sharp cannot decode the raster image `file` (cut off, damaged), in a few
 * words; undefined when it can. Decoded to raw pixels, as an encode would (not
 * stats(): while eleventy-img's other encodes of the same file were still
 * failing, it passed one time in four), but small: a JPEG's whole stream is
 * still read (libjpeg's scaled decoding), in a third of the time (3 ms against
 * 6 ms for a 1600 × 1000 photo cut at 90 %, 7 ms against 16 ms for the whole one).
 */
async function decodeFailure(file: string): Promise<string | undefined> {
  // eleventy-img's own sharp (its dependency), loaded only when a check needs it.
  const { default: sharp } = await import("sharp");
  try {
    await sharp(file, { failOn: "truncated" }).resize({ width: 64, withoutEnlargement: true }).raw().toBuffer();
    return undefined;
  } catch (error) {
    return sharpReason(error, file);
  }
}

/**
 * When the raster image `file` cannot be decoded (cut off, damaged): what to
 * tell the writer who named it `name`; undefined when it decodes. For an image
 * encoded elsewhere than in the pages' HTML (a post's `image:`, by the blog).
 */
export async function damagedImageMessage(file: string, name: string): Promise<string | undefined> {
  const reason = await decodeFailure(file);
  return reason === undefined ? undefined : damagedMessage(name, reason);
}

function damagedMessage(name: string, reason: string): string {
  return `the image "${name}" is damaged or cut off (sharp: ${reason}): copy the photo into the folder again, or export it again from your photo software`;
}

/** sharp's reason in a few words: `VipsJpeg: Premature end of input file` → `Premature end of input file`. */
function sharpReason(error: unknown, file: string): string {
  const text = error instanceof Error ? error.message : String(error);
  // libheif repeats the file's path on lines of their own before its reason.
  const first = text.split("\n").map((l) => l.trim()).find((l) => l && !l.startsWith(file) && !/^\(\d/.test(l)) ?? "unknown error";
  const reason = first.replace(/^Input file has corrupt header:\s*/i, "").replace(/^[A-Za-z]+:\s+/, "");
  return reason.length > 120 ? `${reason.slice(0, 119)}…` : reason;
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
