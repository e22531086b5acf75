/**
 * The default export of @11ty/eleventy-img 6 (its img.js), which the images
 * plugin's own declaration leaves out: the blog encodes each post's
 * og:image with it. Merges with plugins/images/eleventy-img.d.ts.
 */
declare module "@11ty/eleventy-img" {
  export interface ImageOutput {
    url: string;
    width: number;
    height: number;
    filename: string;
    outputPath: string;
    /** Bytes of the encoded file. */
    size: number;
  }
  export interface ImageOptions {
    widths?: (number | "auto")[];
    formats?: string[];
    urlPath?: string;
    outputDir?: string;
    filenameFormat?: (id: string, src: string, width: number, format: string, options: { outputDir: string }) => string;
    sharpJpegOptions?: Record<string, unknown>;
    [key: string]: unknown;
  }
  /** Encodes `src` into every width × format; resolves to the files per format. */
  export default function Image(src: string, options?: ImageOptions): Promise<Record<string, ImageOutput[]>>;
}
