/**
 * Moral and financial reports: `data/finances/` checked in the validation pass
 * (file and line of every wrong total or category), a `reports_<lang>` list per
 * language, the reports index per language, the PDFs of the report folders
 * published once for every language, and `/assets/reports.css` (chart, tables,
 * report pages). Layouts reach the figures through the `reportsApi` data.
 *
 * Report pages themselves are Markdown bundles under `content/reports/<exercice>/`
 * with `layout: report.11ty.tsx` from their folder data; their front matter is
 * checked by `reportValidator` (schema.ts), registered in the site's config.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../core/eleventy.ts";
import type { Project } from "../core/project.ts";
import { localizedUrl } from "../i18n/paths.ts";
import { addContentCheck } from "../validate/registry.ts";
import { REPORTS_CSS_URL, type ReportsApi } from "./api.ts";
import { findExercice, loadFinances, readFinances, type Finances } from "./finances.ts";
import { FINANCE_LABELS, type FinanceLabels } from "./labels.ts";
import { sortByExercice } from "./reports.ts";

export type { Attachment, ReportsApi } from "./api.ts";
export { reportPathsOf, reportValidator } from "./schema.ts";

export interface ReportsOptions {
  project: Project;
  /** Folder of `categories.yaml` and `<exercice>.yaml`; `<data>/finances` by default. */
  financesDir?: string;
  /** Words of the finance tables and chart per language code; needed for a language other than fr and en. */
  labels?: Record<string, FinanceLabels>;
  /** Layout of the reports index (a file of the layouts folder). */
  indexLayout?: string;
}

/** The stylesheets of the report pages, concatenated into one file in this order. */
const STYLESHEETS = ["chart.css", "tables.css", "report.css"].map((name) => path.join(import.meta.dirname, name));

export default function reportsPlugin(eleventyConfig: EleventyConfig, options: ReportsOptions) {
  const { project } = options;
  const { site } = project;
  const codes = site.languages.map((l) => l.code);
  const financesDir = options.financesDir ?? path.join(project.data, "finances");
  const financeOptions = { root: project.root, languages: codes };
  const labels = { ...FINANCE_LABELS, ...options.labels };
  const missing = codes.filter((code) => !labels[code]);
  if (missing.length) {
    throw new Error(`reportsPlugin: no finance labels for ${missing.join(", ")} (the site's languages); pass them in the "labels" option`);
  }

  // Read in the validation pass, so a wrong total stops the build with every
  // other content problem; the pages then use what that pass read.
  let finances: Finances | undefined;
  addContentCheck(eleventyConfig, "finances", () => {
    const read = readFinances(financesDir, financeOptions);
    finances = read.problems.length ? undefined : read.finances;
    return read.problems;
  });
  const current = (): Finances => (finances ??= loadFinances(financesDir, financeOptions));

  const api: ReportsApi = {
    exercice: (name) => findExercice(current(), name),
    exercices: () => current().exercices,
    attachment: (inputPath, file) => {
      // Eleventy's inputPath is relative to the working directory, as its own resolution is.
      const absolute = path.resolve(path.dirname(path.resolve(inputPath)), file);
      const relative = path.relative(project.input, absolute);
      if (relative.startsWith("..") || !existsSync(absolute)) return undefined;
      return { url: `/${relative.split(path.sep).map(encodeURIComponent).join("/")}`, bytes: statSync(absolute).size };
    },
    labels: (lang) => labels[lang] ?? labels[site.defaultLanguage]!,
  };
  // A function returning the object: Eleventy would otherwise call it as the data itself.
  eleventyConfig.addGlobalData("reportsApi", () => api);

  for (const code of codes) {
    eleventyConfig.addCollection(`reports_${code}`, (collections) =>
      sortByExercice(
        collections.getAll().filter((item) => item.data.type === "report" && item.data.lang === code && item.url),
        site.timezone,
      ),
    );
    eleventyConfig.addTemplate(
      `reports/index.${code}.11ty.tsx`,
      { render: () => "" },
      {
        layout: options.indexLayout ?? "reports-index.11ty.tsx",
        // Not a report itself, whatever the folder data of content/reports says.
        type: "list",
        permalink: `${localizedUrl("reports/", code, site.defaultLanguage)}index.html`,
      },
    );
  }

  // PDFs beside the report pages keep their path: /reports/2024-2025/rapport-moral/x.pdf.
  const input = path.relative(process.cwd(), project.input).split(path.sep).join("/") || ".";
  eleventyConfig.addPassthroughCopy(`${input}/reports/**/*.{pdf,PDF}`);

  eleventyConfig.addTemplate(
    "site-files/reports-css.11ty.ts",
    {
      render: () =>
        // Printed links show where they lead: print.css reads the site's address from here.
        `:root { --print-site-url: ${JSON.stringify(site.url)}; }\n\n` +
        STYLESHEETS.map((file) => readFileSync(file, "utf8")).join("\n"),
    },
    { layout: false, type: "asset", permalink: REPORTS_CSS_URL, eleventyExcludeFromCollections: true },
  );
}
