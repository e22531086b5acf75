/**
 * After every build, every internal link, image, stylesheet, `#anchor`,
 * language switch and feed or calendar URL of the written pages must lead to
 * something the build wrote. A broken one stops `npm run build`, naming the
 * Markdown file (and line, when the link is in it), the target and the page;
 * `npm start` lists them and keeps serving. External links are not fetched
 * (see `npm run check:external`).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { AfterBuildEvent, EleventyConfig } from "../core/eleventy.ts";
import { decodedOrAsWritten } from "../core/decode.ts";
import { CASE_SENSITIVE, exactFile, writtenAs } from "../core/exact-names.ts";
import { onPageWritten } from "../core/page-written.ts";
import { registerPlugin, UNIQUE_PLUGIN } from "../core/options.ts";
import { timed } from "../core/timings.ts";
import { ChecksOptionsSchema, type ChecksOptionsInput } from "./options.ts";
import { localizedUrl } from "../i18n/paths.ts";
import { ContentError, formatProblem, type ContentProblem } from "../core/problems.ts";
import { WorkerThread } from "../core/workers.ts";
import { closest } from "../validate/zod-problems.ts";
import { reasonOf, type BrokenLink } from "./links.ts";
import type { ScanMessage } from "./scan.worker.ts";
import { WrittenPages, type CheckReport, type CheckRequest, type WrittenPage } from "./written-pages.ts";
import { linkLocator } from "./link-lines.ts";
import { sourceLinkTarget } from "../markdown/source-links.ts";
import { sourceOf } from "./sources.ts";


/** Past this many pages, a broken link made by a layout is listed once with a count. */
const MAX_PAGES_LISTED = 3;

export default function checksPlugin(eleventyConfig: EleventyConfig, input: ChecksOptionsInput) {
  const options = registerPlugin(eleventyConfig, "checks", ChecksOptionsSchema, input);
  const { project } = options;
  // /.11ty/ is Eleventy Dev Server's (images encoded on request by npm start), never in a build.
  const skip = [...options.skip, "/.11ty/"];

  // Each page is read for its links as it is written, after every other
  // transform (this plugin comes last), so a build need not keep the pages'
  // HTML until the check: 200 MB at 4,000 posts (patches/: keepWrittenContent).
  eleventyConfig.configureTemplateHandling({ keepWrittenContent: false });
  // npm run build reads and checks them in a worker thread (./scan.worker.ts),
  // beside the rendering, from their files; npm start, which rewrites a few pages a save, here.
  let scanner: WorkerThread | undefined;
  const here = new WrittenPages();
  eleventyConfig.on("eleventy.before", ({ runMode }: { runMode: string }) => {
    void scanner?.stop(); // a failed build's
    scanner = runMode === "build" ? new WorkerThread(new URL("./scan.worker.ts", import.meta.url), { yieldCores: true }) : undefined;
    scanner?.post({ kind: "start", siteUrl: project.site.url, skip } satisfies ScanMessage);
    here.forget();
  });
  // npm start: a page whose HTML comes out as last written is not transformed, so
  // not read again here (patches/: Eleventy's renderedDigests).
  eleventyConfig.addTransform("link-check", function (content) {
    const { outputPath } = this.page;
    if (!scanner && typeof outputPath === "string" && outputPath.endsWith(".html")) here.add(outputPath, content);
    return content;
  });
  // npm run build: the worker reads each page from its file, once it is there.
  // With the digest npm run build's record of written files made of it (scripts/deploy/written-files.ts):
  // a page whose links are kept is neither read nor hashed again there.
  onPageWritten(eleventyConfig, ({ outputPath, url, digest }) => {
    if (!scanner || !outputPath.endsWith(".html")) return;
    scanner.post({ kind: "page", outputPath, url, digest } satisfies ScanMessage);
  });

  eleventyConfig.on("eleventy.after", (event: AfterBuildEvent) => timed("link check", () => checkBuild(event)));
  async function checkBuild(event: AfterBuildEvent): Promise<void> {
    const pages: WrittenPage[] = [];
    const inputOf = new Map<string, string>();
    for (const r of event.results ?? []) {
      if (!r.outputPath || !r.url) continue;
      pages.push({ outputPath: r.outputPath as string, url: r.url });
      inputOf.set(r.url, r.inputPath);
    }
    const request: CheckRequest = {
      pages,
      output: path.resolve(event.directories?.output ?? project.output),
      since: eleventyConfig.templateHandling?.writtenSince?.(),
      siteUrl: project.site.url,
      skip,
    };
    const worker = scanner;
    scanner = undefined;
    let found: CheckReport;
    try {
      found = worker ? await worker.call<CheckReport>({ kind: "check", ...request } satisfies ScanMessage) : await here.check(request);
    } finally {
      await worker?.stop();
    }
    // A site without a home page (a fixture, a site being set up) is told once, not on every page's header.
    const { site } = project;
    const homes = new Set(site.languages.map((l) => localizedUrl("", l.code, site.defaultLanguage)));
    const noHome = !found.hasHome;
    if (noHome) console.warn(`[checks] no home page: add content/index.${site.defaultLanguage}.md (every page's header links to it).`);
    const broken = found.broken.filter((b) => !(noHome && b.kind === "missing" && homes.has(b.target)));
    if (!broken.length) return;

    // Pages of the default language first: their target is the one a message should show.
    // Then by URL: pages reach the check in the order they finished rendering, which
    // changes from build to build, and so did the order of the summary's lines.
    const prefixes = site.languages.filter((l) => l.code !== site.defaultLanguage).map((l) => `/${l.code}/`);
    const rank = (url: string) => (prefixes.some((p) => url.startsWith(p)) ? 1 : 0);
    broken.sort((a, b) => rank(a.page) - rank(b.page) || a.page.localeCompare(b.page));
    const problems = toProblems(broken, (url) => sourceOf(inputOf.get(url) ?? "", project), [...inputOf.keys()]);
    if (event.runMode === "build") throw new ContentError(problems);
    // Watch and serve: say it, keep serving (the writer is probably fixing it).
    const count = problems.length === 1 ? "1 broken link" : `${problems.length} broken links`;
    console.warn(`[checks] ${count} (npm run build will stop on them):\n${problems.map(formatProblem).join("\n")}`);
  }
}

type SourceOf = (pageUrl: string) => { file: string; markdown: string | undefined };

/**
 * One problem per broken link of a Markdown file (with its line), whichever
 * pages show it (an original and its untranslated copy); a broken link the
 * layout puts on many pages is one problem listing a few of them.
 */
export function toProblems(broken: BrokenLink[], sourceOf: SourceOf, pageUrls: readonly string[] = []): ContentProblem[] {
  const groups = new Map<string, { link: BrokenLink; pages: string[]; file: string; line: number | undefined }>();
  const lineIn = linkLocator();
  for (const link of broken) {
    const source = sourceOf(link.page);
    const line = source.markdown === undefined ? undefined : lineIn(source.markdown, link.ref.raw);
    // Layout links are grouped across files; Markdown links per file and line.
    // A relative link resolves differently on an untranslated copy: group by what was written.
    const key = [line === undefined ? link.target : `${source.file}:${line}`, link.ref.raw, link.kind].join("\u0000");
    const group = groups.get(key) ?? { link, pages: [], file: source.file, line };
    if (!group.pages.includes(link.page)) group.pages.push(link.page);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ link, pages, file, line }) => {
    const listed = pages.slice(0, MAX_PAGES_LISTED).join(", ");
    const more = pages.length > MAX_PAGES_LISTED ? ` and ${pages.length - MAX_PAGES_LISTED} more pages` : "";
    const origin = line === undefined ? `${link.ref.via} made by the layout, not the Markdown,` : link.ref.via;
    const hint = link.kind === "missing" ? (otherCaseOf(link.ref.raw, file) ?? didYouMean(nearestPage(link.target, pageUrls))) : undefined;
    const reason = (link.kind === "missing" && sourceLinkReason(link.ref.raw, file)) || `${reasonOf(link)}${hint ? `; ${hint}` : ""}`;
    return { file, ...(line === undefined ? {} : { line }), field: link.ref.raw, message: `${reason} (${origin} on ${listed}${more})` };
  });
}

/**
 * The page a link that leads nowhere probably meant: the same page under another
 * year (/blog/2024/x/ for /blog/2025/x/), else a page of the same folder whose
 * name is a typo away (nouveau-serveur-2 → nouveau-serveur). Only asked for
 * broken links, so the list is walked only then.
 */
export function nearestPage(target: string, pageUrls: readonly string[]): string | undefined {
  const parts = target.replace(/\/$/, "").split("/");
  const name = parts.at(-1);
  if (!name || !target.endsWith("/")) return undefined;
  const folder = parts.slice(0, -1).join("/");
  const language = /^\/[a-z]{2}\//.exec(target)?.[0] ?? "/";
  const inLanguage = (url: string) => url.startsWith(language) && (language !== "/" || !/^\/[a-z]{2}\//.test(url));
  const sameName = pageUrls.filter((url) => url.endsWith(`/${name}/`) && inLanguage(url));
  if (sameName.length === 1) return sameName[0];
  const siblings = new Map(pageUrls.filter((url) => url.startsWith(`${folder}/`) && url.split("/").length === parts.length + 1).map((url) => [url.split("/").at(-2)!, url]));
  const near = closest(name, [...siblings.keys()]);
  return near === undefined ? undefined : siblings.get(near);
}

const didYouMean = (url: string | undefined) => (url === undefined ? undefined : `did you mean ${url}?`);

/**
 * A file of the Markdown's folder linked in other capitals than its own
 * (`[le bilan](Bilan.pdf)` beside bilan.pdf): a Mac's disk finds it, so the
 * writer's preview works, but the file is not published under that name. The
 * sentence to add, or undefined. Paths are from the project's folder.
 */
function otherCaseOf(raw: string, file: string): string | undefined {
  if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(raw) || raw.endsWith("/")) return undefined;
  const written = raw.replace(/[?#].*$/, "");
  const other = exactFile(path.resolve(path.dirname(file), decodedOrAsWritten(written))).otherCase;
  return other === undefined ? undefined : `the folder has ${other} ${CASE_SENSITIVE}: write (${writtenAs(written, other)})`;
}

/**
 * Why a link to a Markdown file (markdown/source-links.ts) was left as written:
 * the file makes no page in this build, or there is no such file. Paths are
 * from the project's folder, the build's working folder.
 */
function sourceLinkReason(raw: string, file: string): string | undefined {
  const link = sourceLinkTarget(raw, file);
  if (!link) return undefined;
  const target = link.file.split(path.sep).join("/");
  return existsSync(target)
    ? `leads nowhere: ${target} makes no page in this build (a draft, or dated in the future): link to it once it is published`
    : `leads nowhere: there is no file ${target}; check the folder and the file name (index.fr.md, index.en.md…)`;
}

checksPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
