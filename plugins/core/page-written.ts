/**
 * Pages as they reach the disk. Eleventy (patches/: `templateHandling.pageWritten`)
 * tells each page once its file holds it: written, touched because it came out
 * the same as the last build's, or left as this process last wrote it. A worker
 * thread that reads every page (the link check, the search index) is handed
 * the file's path and reads the page there: a copy of each page posted from
 * the rendering thread cost that thread 0.2 s of a 1,000-post build.
 */
import type { EleventyConfig } from "./eleventy.ts";

/** A page whose file holds its HTML. */
export interface PageFile {
  /** Its URL path (`/blog/2025/ag/`). */
  url: string;
  /** Its file, as Eleventy names it (relative to the working folder, or absolute). */
  outputPath: string;
}

type Listener = (page: PageFile) => void;

/** Per configuration: a reload (npm start) gives Eleventy a new `templateHandling`, and the plugins register again. */
const listeners = new WeakMap<object, Set<Listener>>();

/** Calls `listener` with each page once its file is on disk, in the order they are written. */
export function onPageWritten(eleventyConfig: EleventyConfig, listener: Listener): void {
  const handling = eleventyConfig.templateHandling ?? {};
  let all = listeners.get(handling);
  if (!all) {
    const set = (all = new Set());
    eleventyConfig.configureTemplateHandling({
      pageWritten: (page) => {
        for (const each of set) each(page);
      },
    });
    listeners.set(eleventyConfig.templateHandling ?? handling, set);
  }
  all.add(listener);
}
