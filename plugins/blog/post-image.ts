/**
 * A post's `image` as social networks want it: one JPEG about 1200 px wide
 * (what Mastodon, Matrix and others fetch for `og:image`; they rarely read
 * AVIF or WebP), encoded next to the content images in `/img/` and kept in
 * the same cache folder so a wiped output folder re-encodes nothing.
 */
import { fileStamp } from "../core/file-memo.ts";
import { KeptResults } from "../core/kept-results.ts";
import { EncodedCache } from "../images/encoded-cache.ts";
import { eleventyImage } from "../images/load-eleventy-img.ts";

/** Width social networks display large previews at. */
export const OG_IMAGE_WIDTH = 1200;

export interface PostImage {
  /** Site-absolute URL of the JPEG. */
  url: string;
  width: number;
  height: number;
  /** Size of the file in bytes (the feeds' enclosure length). */
  length: number;
}

export interface PostImageEncoder {
  encode(source: string): Promise<PostImage>;
  /** Cache the files this build encoded (after the build). */
  save(): void;
  reset(): void;
}

/**
 * `npm run build` keeps each post's JPEG for the next build
 * (../core/kept-results.ts), found by its photo's path, size and modification
 * time: while its file is in the output or the cache folder, eleventy-img is
 * not asked again (and a rebuild whose photos are all kept does not load it).
 */
const keptImages = new KeptResults<PostImage & { filename: string }>("post-images", "", { ownSave: true });

export function postImageEncoder(options: { outputDir: string; urlPath: string; cacheDir: string }): PostImageEncoder {
  const cache = new EncodedCache(options.cacheDir);
  return {
    async encode(source) {
      const stamp = fileStamp(source);
      const key = stamp === undefined ? undefined : JSON.stringify([source, stamp, options.urlPath]);
      const found = key === undefined ? undefined : keptImages.find(key);
      if (found && cache.restore(options.outputDir, found.filename)) return { url: found.url, width: found.width, height: found.height, length: found.length };
      const stats = await eleventyImage()(source, {
        widths: [OG_IMAGE_WIDTH],
        formats: ["jpeg"],
        urlPath: options.urlPath,
        outputDir: options.outputDir,
        sharpJpegOptions: { quality: 82, mozjpeg: true },
        // A photo cut off (an interrupted copy) fails, as the content images do
        // (../images/index.ts), instead of a preview grey below the cut.
        sharpOptions: { failOn: "truncated" },
        filenameFormat: (id, _src, width, format, imageOptions) => {
          const filename = `${id}-${width}.${format}`;
          cache.prepare(imageOptions.outputDir, filename);
          return filename;
        },
      });
      const jpeg = stats.jpeg?.[0];
      if (!jpeg) throw new Error(`eleventy-img made no JPEG of ${source}`);
      const image = { url: jpeg.url, width: jpeg.width, height: jpeg.height, length: jpeg.size };
      if (key !== undefined) keptImages.keep(key, { ...image, filename: jpeg.filename });
      return image;
    },
    save: () => {
      cache.save();
      keptImages.save();
    },
    reset: () => cache.reset(),
  };
}
