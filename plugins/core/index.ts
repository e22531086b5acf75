/**
 * The base every other plugin stands on: YAML 1.2 front matter (dates stay
 * text until luxon reads them in the site's zone), TSX templates rendered to
 * static HTML (./jsx-runtime.ts), the project's layouts, text in composed Unicode (NFC), drafts and scheduled pages,
 * and the watch targets that make `npm start` reload on every kind of edit.
 */
import path from "node:path";
import { Html } from "./jsx-runtime.ts";
import { parseWallClock } from "./dates.ts";
import type { EleventyConfig, EleventyData } from "./eleventy.ts";
import { ProjectOption, registerPlugin, UNIQUE_PLUGIN } from "./options.ts";
import { deepFreeze } from "./freeze.ts";
import { parseFrontMatter } from "./front-matter.ts";
import { timed } from "./timings.ts";
import { betweenBuilds, endBuildPass, startBuildPass, startConfigPass } from "./build-pass.ts";
import { filesChanged } from "./file-memo.ts";
import { answerIncrementalQuestions, rebuildEnds, rebuildStarts, narrowRebuildFiles, showsNoChangedCard } from "./incremental.ts";
import { buildNow, type Project } from "./project.ts";
import { forgetHeldBack, holdBack, whyUnpublished } from "./held-back.ts";

/** Its one option is the project from `loadProject()`. */
export default function corePlugin(eleventyConfig: EleventyConfig, options: Project) {
  const project = registerPlugin(eleventyConfig, "core", ProjectOption, options);
  eleventyConfig.setFrontMatterParsingOptions({
    // The project's one front-matter reader (YAML 1.2, CRLF read like LF), the
    // same validation and the translation status use. NFC: text pasted from macOS
    // tools arrives decomposed, which sorts, searches and compares apart.
    // Eleventy gets its own copy of the shared, frozen parse: its data cascade may write to it.
    engines: { yaml: (source: string) => structuredClone(parseFrontMatter(source.normalize("NFC"))) },
  });
  eleventyConfig.addPreprocessor("unicode-nfc", "md", (_data: EleventyData, content: string) => content.normalize("NFC"));
  // Registered before any other plugin's: the passes of a build share one reading of the content
  // folder, with the plugins that read it as they register. A configuration (re)load is never
  // inside a build, even after one that stopped on an error.
  startConfigPass();
  eleventyConfig.on("eleventy.before", startBuildPass);
  eleventyConfig.on("eleventy.after", endBuildPass);
  // npm start: what the watcher reports changed is read again; the rest keeps its stamps (./file-memo.ts).
  eleventyConfig.on("eleventy.beforeWatch", betweenBuilds);
  eleventyConfig.on("eleventy.beforeWatch", filesChanged);
  eleventyConfig.on("eleventy.beforeWatch", rebuildStarts);
  eleventyConfig.on("eleventy.after", rebuildEnds);
  // A new first paragraph: the pages of lists that do not show that post are left as they were.
  // A save that leaves the front matter as it was leaves the collections and pagination as they were.
  eleventyConfig.configureTemplateHandling({ skipsRender: showsNoChangedCard, relationsKept: () => narrowRebuildFiles() !== undefined });

  // npm run bench's "layouts": each JavaScript template's and layout's own run (its JSX written
  // as it runs), without what Eleventy awaits around it; then the page's text, below.
  eleventyConfig.configureTemplateHandling({
    timeRender: (render) => {
      let output: unknown;
      timed("layouts", () => void (output = render()));
      return output;
    },
  });
  eleventyConfig.addExtension(["11ty.tsx", "11ty.ts"], {
    key: "11ty.js",
    compile() {
      return async function (this: { defaultRenderer(data: unknown): Promise<unknown> }, data: unknown) {
        const output = await this.defaultRenderer(data);
        return timed("layouts", () => toHtml(output));
      };
    },
  });
  // `npm start`: a saved post whose lists and feeds show nothing new re-renders alone (./incremental.ts).
  answerIncrementalQuestions(eleventyConfig.extensionMap, ["11ty.tsx", "11ty.ts", "md"]);
  eleventyConfig.addGlobalData("site", deepFreeze(project.site));
  eleventyConfig.addGlobalData("logo", project.logo ?? ""); // read by loadProject()

  for (const dir of ["layouts", "plugins", "data"]) {
    eleventyConfig.addWatchTarget(path.join(project.root, dir), { resetConfig: dir !== "layouts" });
  }
  eleventyConfig.addWatchTarget(project.data, { resetConfig: true });
  // Markdown edits rebuild incrementally; `npm start` (scripts/dev/loop.ts) reloads the
  // configuration for what changes the site's structure (pages added or deleted…).

  // A page's `date` is a wall-clock time in the site's zone, written as the validation
  // accepts it (`2025-07-03 09:30` too, which Eleventy's own reading refuses with a
  // stack trace): Eleventy's `page.date` is then that instant. Anything else is left
  // to Eleventy, after the validation has named it.
  eleventyConfig.addDateParsing((value) => {
    if (typeof value !== "string") return undefined;
    const when = parseWallClock(value, project.site.timezone);
    return "dateTime" in when ? when.dateTime : undefined;
  });

  // Drafts show in `npm start` only; a page dated in the future appears in the
  // first build after its date (the daily scheduled build publishes it).
  // npm run build lists what it left out, and why (./held-back.ts).
  eleventyConfig.on("eleventy.before", forgetHeldBack);
  eleventyConfig.addPreprocessor("publishing", "*", (data: EleventyData) => {
    if (data.eleventy.env.runMode !== "build") return;
    const why = whyUnpublished(data, project.site.timezone, buildNow());
    if (why === undefined) return;
    holdBack(data.page.inputPath, why, true);
    return false;
  });
}

/**
 * What a TSX template returned, as the page's text; whole documents get their
 * doctype. Raw HTML written in Markdown is left as written, as text from a string
 * template is.
 */
export function toHtml(output: unknown): string {
  if (typeof output === "string") return output;
  if (output instanceof Html) {
    const { html } = output;
    // Whether it is a whole page is asked of the text with its doctype already added.
    // The JSX's text is made of pieces, which asking copies into one string: asked
    // before the doctype was added, each page was copied twice (here, then by the
    // images' transform), 50 MB more at 1,000 posts.
    const page = `<!doctype html>\n${html}`;
    return page.startsWith("<!doctype html>\n<html") ? page : html;
  }
  return String(output ?? "");
}

corePlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
