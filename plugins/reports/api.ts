/**
 * What report layouts receive from the plugin, without importing the plugin
 * itself: the `reportsApi` global data and the stylesheets to link.
 */
import type { EleventyData } from "../core/eleventy.ts";
import type { Exercice } from "./finance-compute.ts";
import type { FinanceLabels } from "./labels.ts";

/** Chart, tables and report page styles in one file (built by the plugin). */
export const REPORTS_CSS_URL = "/assets/reports.css";
/** Print rules of report pages (layouts/assets/print.css, copied with the site's assets). */
export const PRINT_CSS_URL = "/assets/print.css";

/** A file attached to a report page, published once for all languages. */
export interface Attachment {
  /** Site-absolute URL, the same from every language's page. */
  url: string;
  bytes: number;
}

/** The `reportsApi` global data. */
export interface ReportsApi {
  /** The figures of an exercice (with its comparison to the one before), if `data/finances` has them. */
  exercice(name: string): Exercice | undefined;
  /** Every exercice with figures, oldest first. */
  exercices(): Exercice[];
  /** A file of a report's folder, by the page's `inputPath` and the name in its front matter. */
  attachment(inputPath: string, file: string): Attachment | undefined;
  /** Words of the finance tables and chart in a language. */
  labels(lang: string): FinanceLabels;
}

export interface ReportsData extends EleventyData {
  reportsApi: ReportsApi;
}
