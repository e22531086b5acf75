/**
 * Events and the agenda: an `events_<lang>` collection per language (soonest first,
 * untranslated copies included), the agenda page of each language, an `.ics` next to
 * every event page and an agenda `.ics` per language for subscription.
 *
 * Calendar files are per language, like the pages: the title and description are in
 * the reader's language, while the UID is the bundle's, so importing the French file
 * and then the English one updates one event instead of adding a second.
 *
 * Which events are upcoming is decided when the site is built (`buildNow()`); the
 * daily scheduled build keeps the agenda true.
 */
import path from "node:path";
import { passthroughPath } from "../core/files.ts";
import { readsOnlyPagesIn } from "../core/incremental.ts";
import type { EleventyConfig, EleventyData } from "../core/eleventy.ts";
import { registerPlugin, UNIQUE_PLUGIN } from "../core/options.ts";
import { pagesOfType } from "../core/pages.ts";
import { EventsOptionsSchema, type EventsOptionsInput } from "./options.ts";
import { buildGitHistory } from "../core/git-history.ts";
import type { Project } from "../core/project.ts";
import { localizedUrl } from "../i18n/paths.ts";
import { addFeedSource } from "../feeds/registry.ts";
import { siteStrings, type Resources } from "../i18n/strings.ts";
import { validationContext, type FrontMatterValidator } from "../validate/index.ts";
import { addContentCheck } from "../validate/registry.ts";
import { Calendars } from "./calendars.ts";
import { AGENDA_ICS_PATH, AGENDA_PATH, eventIcsUrl, eventYears, folderYear, sortEvents, type EventYear } from "./entries.ts";
import { agendaFeedSource } from "./feed-source.ts";
import { ICS_TEXTS, saveKeptCalendars } from "./ical.ts";
import { validateEvent, type EventData } from "./schema.ts";
import type { ContentProblem } from "../core/problems.ts";
import { folderImageProblem } from "../images/check-images.ts";
import { addTranslatedFacts } from "../validate/translated-facts.ts";

export { eventOf, sortEvents, eventIcsUrl, recapUrl } from "./entries.ts";


/** Fields that say when, whether, for how much and how to come: the same in every language. */
const EVENT_FACTS = [...["start", "end", "timezone", "repeat", "status", "previousStart", "attendance", "online", "registration", "price", "capacity"].map((f) => [f]), ["venue", "geo"]];

/** Images of event bundles (banners), published at their bundle path for og:image and JSON-LD. */
const BUNDLE_IMAGES = "**/*.{jpg,jpeg,png,webp,avif,gif,svg}";

/**
 * The front-matter validator of `content/events/`: the event schema, a start in the
 * year of its folder, and a recap that names a page of the site (a bundle such as
 * `blog/2025/ag`, or a site path).
 */
export function eventValidator(project: Project): FrontMatterValidator {
  const { site } = project;
  const codes = site.languages.map((l) => l.code);
  return (frontMatter, file, { scan } = validationContext(project)) => {
    const checked = validateEvent(frontMatter, file, { zone: site.timezone });
    const { event } = checked;
    const problems = [...checked.problems, ...(event ? [...folderYearProblems(event, file, project), ...bannerProblems(event, file, project)] : [])];
    const recap = event?.recap;
    if (!recap || /^[a-z][a-z0-9+.-]*:/i.test(recap)) return problems;
    const target = recap.split("#")[0]!;
    const prefixes = codes.filter((c) => c !== site.defaultLanguage).map((c) => `${c}/`);
    const asPath = target.replace(/^\/+/, "").replace(/\/?$/, "/");
    const inLanguage = prefixes.reduce((p, prefix) => (p.startsWith(prefix) ? p.slice(prefix.length) : p), asPath);
    const found = target.startsWith("/") ? scan.files.some((f) => f.urlPath === inLanguage) : scan.bundles.has(target.replace(/\/+$/, ""));
    if (found) return problems;
    return [...problems, { file, field: "recap", message: `expected a page of the site (a folder such as blog/2025/assemblee-generale, or a path such as /blog/2025/assemblee-generale/), found "${recap}", which matches none` }];
  };
}

/**
 * A banner of the event's folder must be there and be an image the build reads
 * (not empty, not a Git LFS pointer…): eleventy-img stopped on it with a stack
 * trace. A site path (/…) or an address is left to the link check.
 */
function bannerProblems(event: EventData, file: string, project: Project): ContentProblem[] {
  const { banner } = event;
  if (!banner || /^([a-z][a-z0-9+.-]*:|\/)/i.test(banner)) return [];
  const wrong = folderImageProblem(banner, path.resolve(project.root, path.dirname(file)), "event");
  return wrong ? [{ file, field: "banner", message: wrong }] : [];
}

/**
 * Last year's event copied to announce this year's: the start says 2026, the folder
 * still 2025, so its address and its year's page say 2025.
 */
function folderYearProblems(event: EventData, file: string, project: Project): ContentProblem[] {
  const year = folderYear(path.relative(project.input, path.resolve(project.root, file)).split(path.sep).join("/"));
  if (year === undefined || event.start.year === year) return [];
  const slug = path.basename(path.dirname(file));
  return [
    {
      file,
      field: "start",
      message: `expected a start in ${year}, the year of its folder (events/${year}/, which makes its address and lists it on the page of ${year}), found ${event.start.toISODate()}: move the folder to events/${event.start.year}/${slug}/, or correct the date`,
    },
  ];
}

export default function eventsPlugin(eleventyConfig: EleventyConfig, options: EventsOptionsInput) {
  const { project, agendaLayout, yearLayout } = registerPlugin(eleventyConfig, "events", EventsOptionsSchema, options);
  const { site } = project;
  const zone = site.timezone;
  const history = buildGitHistory(eleventyConfig, project.input);
  const calendars = new Calendars({ site, input: project.input, history, warn: (message) => console.warn(message) });
  eleventyConfig.on("eleventy.before", () => calendars.reset());
  eleventyConfig.on("eleventy.after", () => saveKeptCalendars());
  // Calendar files are not pages: no layout, not in lists or the sitemap.
  const hidden = { eleventyExcludeFromCollections: true, layout: false };

  // The years of the event folders, every language's count: the pages /events/2025/ and their links.
  eleventyConfig.addCollection("eventYears", (api) => eventYears(pagesOfType(api.getAll(), "event")));

  for (const { code } of site.languages) {
    const collection = `events_${code}`;
    eleventyConfig.addCollection(collection, (api) =>
      sortEvents(
        pagesOfType(api.getAll(), "event", code),
        zone,
      ),
    );
    // The agenda and the calendar files show events only: a saved post does not render them again.
    for (const template of [`events/index.${code}.11ty.tsx`, `events/years.${code}.11ty.tsx`, `events/agenda.${code}.11ty.ts`, `events/event-ics.${code}.11ty.ts`]) {
      readsOnlyPagesIn(path.join(project.input, template), path.join(project.input, "events"));
    }
    eleventyConfig.addTemplate(
      `events/index.${code}.11ty.tsx`,
      { render: () => "" },
      // `type` overrides the folder data of content/events/ (these are not events).
      { layout: agendaLayout, type: "agenda", permalink: `${localizedUrl(AGENDA_PATH, code, site.defaultLanguage)}index.html` },
    );
    // A page per year of the event folders, where their addresses lead (/events/2025/).
    eleventyConfig.addTemplate(
      `events/years.${code}.11ty.tsx`,
      { render: () => "" },
      {
        layout: yearLayout,
        type: "agenda",
        pagination: { data: "collections.eventYears", size: 1, alias: "year", addAllPagesToCollections: true, before: (years: EventYear[]) => years.filter((y) => y.counts[code]) },
        permalink: (data: { year: EventYear }) => `${localizedUrl(`${AGENDA_PATH}${data.year.year}/`, code, site.defaultLanguage)}index.html`,
        eleventyComputed: { translationKey: (data: { year: EventYear }) => `${AGENDA_PATH}${data.year.year}/` },
      },
    );
    eleventyConfig.addTemplate(
      `events/agenda.${code}.11ty.ts`,
      { render: (data: EleventyData) => calendars.agendaFile(data.collections[collection] ?? [], code, data.strings as Resources) },
      { ...hidden, type: "calendar", permalink: localizedUrl(AGENDA_ICS_PATH, code, site.defaultLanguage) },
    );
    eleventyConfig.addTemplate(
      `events/event-ics.${code}.11ty.ts`,
      { render: (data: EleventyData & { entry: EleventyData["collections"][string][number] }) => calendars.eventFile(data.entry, data.strings as Resources) },
      {
        ...hidden,
        type: "calendar",
        pagination: { data: `collections.${collection}`, size: 1, alias: "entry" },
        permalink: (data: { entry: { url: string } }) => eventIcsUrl(data.entry.url),
      },
    );
  }

  // RSS, Atom and JSON Feed of the agenda, written by the feeds plugin (in whichever order the two are added).
  const { resources } = siteStrings(eleventyConfig, project);
  // The calendar words must hold the placeholders ical.ts fills, in every language.
  const stringsFile = (lang: string) => path.relative(project.root, path.join(project.strings, `${lang}.json`));
  addContentCheck(eleventyConfig, "calendar words", () => site.languages.flatMap(({ code }) => ICS_TEXTS.read(resources, code, stringsFile(code)).problems));
  addFeedSource(eleventyConfig, agendaFeedSource(site, resources, calendars));
  addTranslatedFacts(eleventyConfig, project, "events", EVENT_FACTS);

  eleventyConfig.addPassthroughCopy({ [passthroughPath(path.join(import.meta.dirname, "events.css"))]: "assets/events.css" });
  eleventyConfig.addPassthroughCopy(`${passthroughPath(path.join(project.input, "events"))}/${BUNDLE_IMAGES}`);
}

eventsPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
