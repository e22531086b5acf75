/**
 * Which pages the search index holds, and the attributes that tell Pagefind
 * so: `data-pagefind-body` on the page's main content (Pagefind then skips
 * every page without it), and a `section` filter named in the page's language.
 * Pure: the layout spreads the result on `<main>`.
 */
import type { Resources } from "../i18n/strings.ts";

/** Name of the filter shown by the search page (the same in every language's index). */
export const SECTION_FILTER = "section";
/** Pages that only list other pages: their entries are found on their own pages. */
const LIST_TYPES = new Set(["list", "agenda"]);
/**
 * Where a page goes when its own section has no name in the UI strings (a
 * folder the strings do not list): with the association's own pages, so every
 * result counts in exactly one section and the search page's section counts
 * add up to its total.
 */
export const FALLBACK_SECTION = "pages";

export interface SearchableData {
  page: { url: string | false };
  lang: string;
  section: string;
  /** Bundle of the page (`docs/ecrire/…`): its first segment is the section. */
  bundle?: string;
  strings: Resources;
  type?: unknown;
  untranslated?: boolean | undefined;
  noindex?: unknown;
  /** `false` in a template's data keeps that page out of the index. */
  search?: unknown;
}

/**
 * Untranslated copies are left out: their text is already indexed once, in
 * its own language, and would otherwise show up in the other language's results.
 * So is the home page (bundle ""): a welcome and lists of services, events and
 * posts, each found on its own page.
 */
export function isSearchable(data: SearchableData): boolean {
  const url = data.page.url;
  return (
    typeof url === "string" &&
    url.endsWith("/") &&
    data.bundle !== "" &&
    !data.untranslated &&
    data.noindex !== true &&
    data.search !== false &&
    !LIST_TYPES.has(String(data.type))
  );
}

/** The section's name in the page's language, from the UI strings (`search.sections.<section>`). */
export function sectionLabel(strings: Resources, lang: string, section: string): string | undefined {
  const sections = (strings[lang]?.search as { sections?: Record<string, unknown> } | undefined)?.sections;
  const label = sections?.[section];
  return typeof label === "string" && label ? label : undefined;
}

/** Attributes for the element that holds the page's own content (`<main>`); none when it is not searchable. */
export function searchAttributes(data: SearchableData, include = true): Record<string, string> {
  if (!include || !isSearchable(data)) return {};
  // `section` can come out "" (Eleventy presets computed keys while it maps their
  // dependencies, and the languages plugin's `section` reads its own key), so fall back to the bundle.
  const section = data.section || (data.bundle ?? "").split("/")[0] || "";
  const label = sectionLabel(data.strings, data.lang, section) ?? sectionLabel(data.strings, data.lang, FALLBACK_SECTION);
  // Pagefind reads "name:value"; a comma would start a second filter.
  return { "data-pagefind-body": "", ...(label ? { "data-pagefind-filter": `${SECTION_FILTER}:${label.replace(/,/g, "")}` } : {}) };
}
