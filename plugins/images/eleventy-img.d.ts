/**
 * @11ty/eleventy-img 6 ships no type declarations: the little this plugin uses,
 * after its src/transform-plugin.js and src/global-options.js.
 */
declare module "@11ty/eleventy-img" {
  export interface TransformPluginOptions {
    /** Output extensions whose HTML is transformed ("html"). */
    extensions?: string;
    /** Output formats; "auto" is the input's own format, "svg" keeps SVG input as SVG. */
    formats?: string[];
    widths?: (number | "auto")[];
    urlPath?: string;
    outputDir?: string;
    /** With "svg" in formats: an SVG input gets no raster versions. */
    svgShortCircuit?: boolean | "size";
    /** Name of each output file; eleventy-img calls it before checking whether that file exists. */
    filenameFormat?: (id: string, src: string, width: number, format: string, options: { outputDir: string }) => string;
    htmlOptions?: { imgAttributes?: Record<string, string>; pictureAttributes?: Record<string, string> };
    failOnError?: boolean;
    transformOnRequest?: boolean;
    [key: string]: unknown;
  }
  export function eleventyImageTransformPlugin(eleventyConfig: unknown, options?: TransformPluginOptions): void;
}
