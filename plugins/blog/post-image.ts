/**
 * A post's `image` as social networks want it: one JPEG about 1200 px wide
 * (what Mastodon, Matrix and others fetch for `og:image`; they rarely read
 * AVIF or WebP), encoded next to the content images in `/img/` and kept in
 * the same cache folder so a wiped output folder re-encodes nothing.
 */
import Image from "@11ty/eleventy-img";
import { EncodedCache } from "../images/encoded-cache.ts";

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

export function postImageEncoder(options: { outputDir: string; urlPath: string; cacheDir: string }): PostImageEncoder {
  const cache = new EncodedCache(options.cacheDir);
  return {
    async encode(source) {
      const stats = await Image(source, {
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
      return { url: jpeg.url, width: jpeg.width, height: jpeg.height, length: jpeg.size };
    },
    save: () => void cache.save(),
    reset: () => cache.reset(),
  };
}
