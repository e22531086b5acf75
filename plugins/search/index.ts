/**
 * Site search without any third-party service: a search page per language
 * (`/search/`, `/en/search/`, Pagefind's UI in that language) and, after every
 * build, a Pagefind index per language written to `<output>/pagefind/`.
 *
 * Pages mark what is indexed with the attributes of ./attributes.ts (Base.tsx
 * puts them on `<main>`); navigation inside `<main>` carries
 * `data-pagefind-ignore`; links to PDFs become results of their own (./pdf-records.ts).
 */
import type { EleventyConfig } from "../core/eleventy.ts";
import { registerPlugin, UNIQUE_PLUGIN } from "../core/options.ts";
import { SearchOptionsSchema, type SearchOptionsInput } from "./options.ts";
import { writeSearchIndex } from "./pagefind.ts";


/** The search page's path inside a language (the header links to it). */
export const SEARCH_PATH = "search/";

export default function searchPlugin(eleventyConfig: EleventyConfig, options: SearchOptionsInput) {
  const { project, layout, excludeSelectors } = registerPlugin(eleventyConfig, "search", SearchOptionsSchema, options);
  const { site } = project;
  for (const { code } of site.languages) {
    // The languages plugin gives it its URL (/search/, /en/search/) and pairs the two.
    eleventyConfig.addTemplate(`${SEARCH_PATH}index.${code}.11ty.tsx`, { render: () => "" }, { layout, type: "search", search: false });
  }

  // Indexing a site of this size takes well under a second, so `npm start`
  // re-indexes after every rebuild too and its search page stays true.
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }) => {
    // Only a build written to disk has pages to index (not toJSON()/toNDJSON()).
    // `directories`, not the deprecated `dir`: only it honours --output.
    if (outputMode !== "fs") return;
    const summary = await writeSearchIndex(directories.output, site, { excludeSelectors });
    const perLanguage = Object.entries(summary.languages)
      .map(([lang, count]) => `${lang} ${count}`)
      .join(", ");
    const logger = eleventyConfig.logger as { message?: (m: string, type: string, color: undefined, force: boolean, prefix: string) => void } | undefined;
    logger?.message?.(`Indexed ${summary.pages} pages and ${summary.pdfs} PDF (${perLanguage || "nothing"}) into /pagefind/`, "log", undefined, false, "[search]");
  });
}

searchPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
