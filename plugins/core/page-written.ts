/**
 * Pages as they reach the disk. Eleventy (patches/: `templateHandling.pageWritten`)
 * tells each page once its file holds it: written, touched because it came out
 * the same as the last build's, or left as this process last wrote it. A worker
 * thread that reads every page (the link check, the search index) is handed
 * the file's path and reads the page there, instead of a copy of the page in
 * its message: no page waits in a worker's queue while the worker is behind.
 */
import type { EleventyConfig } from "./eleventy.ts";

/** A page whose file holds its HTML. */
export interface PageFile {
  /** Its URL path (`/blog/2025/ag/`). */
  url: string;
  /** Its file, as Eleventy names it (relative to the working folder, or absolute). */
  outputPath: string;
}

/**
 * A page as a listener hears of it: with the digest of its file's bytes, when
 * the build records what it writes (`npm run build`: scripts/deploy/written-files.ts),
 * by which a worker finds what it kept of the page without reading it.
 */
export interface WrittenPageFile extends PageFile {
  digest: string | undefined;
}

type Listener = (page: WrittenPageFile) => void;

/** Per configuration: a reload (npm start) gives Eleventy a new `templateHandling`, and the plugins register again. */
const listeners = new WeakMap<object, Set<Listener>>();

/** Calls `listener` with each page once its file is on disk, in the order they are written. */
export function onPageWritten(eleventyConfig: EleventyConfig, listener: Listener): void {
  const handling = eleventyConfig.templateHandling;
  let all = listeners.get(handling);
  if (!all) {
    const set = new Set<Listener>();
    listeners.set(handling, (all = set));
    eleventyConfig.configureTemplateHandling({
      pageWritten: (page) => {
        const written = { ...page, digest: eleventyConfig.templateHandling.lastWritten?.()?.written(page.outputPath) };
        set.forEach((each) => each(written));
      },
    });
  }
  all.add(listener);
}
