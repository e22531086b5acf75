/**
 * The association's services and their status.
 *
 * - `data/services.yaml` lists the services (name and one line per language, the page
 *   each leads to): checked in the validation pass, handed to layouts as
 *   `servicesApi.list()` (the home page's cards).
 * - `content/status/` holds status notices, one Markdown page each: a planned
 *   maintenance or an incident, the services it concerns, when. When the folder
 *   exists: a `notices_<lang>` collection per language, the status page of each
 *   language (`/status/`: what is going on, what is planned, what is over, each
 *   service's state), the notices' feeds (autodiscovered on the status pages only),
 *   and their facts compared across languages. The home page announces what is going
 *   on or planned within a week (layouts read `splitNotices`).
 *
 * Whether a notice is planned, going on or over is decided when the site is built;
 * the daily scheduled build keeps it true.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileText, perFile } from "../core/file-memo.ts";
import { passthroughPath } from "../core/files.ts";
import type { EleventyConfig } from "../core/eleventy.ts";
import { readsOnlyPagesIn } from "../core/incremental.ts";
import { registerPlugin, UNIQUE_PLUGIN } from "../core/options.ts";
import { pagesOfType } from "../core/pages.ts";
import { buildNow, type Project } from "../core/project.ts";
import { buildGitHistory } from "../core/git-history.ts";
import { bundleRevision } from "../events/revision.ts";
import { addFeedSource } from "../feeds/registry.ts";
import { localizedUrl } from "../i18n/paths.ts";
import { siteStrings } from "../i18n/strings.ts";
import type { FrontMatterValidator } from "../validate/index.ts";
import { addContentCheck } from "../validate/registry.ts";
import { addTranslatedFacts } from "../validate/translated-facts.ts";
import { readServices, type ReadServices, type Service } from "./catalog.ts";
import { statusFeedSource } from "./feed-source.ts";
import { noticeOf, noticeValidator, noticeWarning, STATUS_PATH } from "./notices.ts";
import { ServicesOptionsSchema, type ServicesOptionsInput } from "./options.ts";

export { mostSerious, noticeOf, splitNotices, STATUS_PATH, type Notice, type NoticeItem, type NoticeState } from "./notices.ts";
export { serviceUrl, type Service } from "./catalog.ts";

/** What layouts reach as the global data `servicesApi`. */
export interface ServicesApi {
  /** The services of data/services.yaml, in their order (none when the site has no such file). */
  list: () => readonly Service[];
}

/** The folder of the status notices, inside the content folder. */
const STATUS_FOLDER = "status";

/** When, whether and what: the same in every language. */
const NOTICE_FACTS = [["kind"], ["services"], ["start"], ["end"]];

const readers = new WeakMap<Project, () => ReadServices>();

/**
 * The services of the site's own data/services.yaml (a test site without one has
 * none, whatever the project's) and the problems of that file, read again only when
 * it changed: the validation pass, the notices' checks and every layout ask.
 */
function projectServices(project: Project): ReadServices {
  let read = readers.get(project);
  if (!read) {
    const absolute = path.join(project.ownData, "services.yaml");
    const file = path.relative(project.root, absolute);
    const languages = project.site.languages.map((l) => l.code);
    const fromFile = perFile((): ReadServices => (existsSync(absolute) ? readServices(fileText(absolute), languages, file) : { services: [], problems: [], ids: [] }));
    readers.set(project, (read = () => fromFile(absolute)));
  }
  return read();
}

/** The ids of the site's data/services.yaml (what notices name), undefined when that file cannot be read. */
export function serviceIdsOf(project: Project): readonly string[] | undefined {
  return projectServices(project).ids?.map((k) => k.id);
}

/** The front-matter validator of `content/status/`: the notice's fields, its dates, and services the site lists. */
export function statusValidator(project: Project): FrontMatterValidator {
  return noticeValidator(project.site.timezone, () => projectServices(project).ids);
}

export default function servicesPlugin(eleventyConfig: EleventyConfig, options: ServicesOptionsInput) {
  const { project, statusLayout } = registerPlugin(eleventyConfig, "services", ServicesOptionsSchema, options);
  const { site } = project;
  const codes = site.languages.map((l) => l.code);

  addContentCheck(eleventyConfig, "services", () => projectServices(project).problems);
  const api: ServicesApi = { list: () => projectServices(project).services };
  // A function returning the object: Eleventy would otherwise call it as the data itself.
  eleventyConfig.addGlobalData("servicesApi", () => api);

  // The notices' and the status page's stylesheet (the home page's announcements use it too).
  eleventyConfig.addPassthroughCopy({ [passthroughPath(path.join(import.meta.dirname, "status.css"))]: "assets/status.css" });

  // A site without notices has no status page, no feed and no link to them.
  const folder = path.join(project.input, STATUS_FOLDER);
  if (!existsSync(folder)) return;

  for (const code of codes) {
    eleventyConfig.addCollection(`notices_${code}`, (collections) => {
      const notices = pagesOfType(collections.getAll(), "notice", code);
      // Once per build, from the default language's pages: an incident left open, or dated in the future.
      if (code === site.defaultLanguage) {
        const now = buildNow();
        for (const item of notices) {
          const warning = noticeWarning(noticeOf(item.data, site.timezone), now);
          if (warning) console.warn(`[services] ${path.relative(project.root, path.resolve(item.inputPath))}: ${warning}`);
        }
      }
      return notices;
    });
    const template = `${STATUS_FOLDER}/index.${code}.11ty.tsx`;
    // The status page shows notices only: a saved post does not render it again.
    readsOnlyPagesIn(path.join(project.input, template), folder);
    eleventyConfig.addTemplate(
      template,
      { render: () => "" },
      // `type` overrides the folder data of content/status/ (this is not a notice).
      { layout: statusLayout, type: "list", permalink: `${localizedUrl(STATUS_PATH, code, site.defaultLanguage)}index.html` },
    );
  }

  // The git history (read once per build) dates the feeds' entries: first commit = announced, last = updated.
  const history = buildGitHistory(eleventyConfig, project.input);
  const revisionOf = (bundle: string) => bundleRevision(history(), project.input, bundle);
  addFeedSource(eleventyConfig, statusFeedSource(site, siteStrings(eleventyConfig, project).resources, { revisionOf, services: api.list }));
  addTranslatedFacts(eleventyConfig, project, STATUS_FOLDER, NOTICE_FACTS);
}

servicesPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
