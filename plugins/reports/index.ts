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
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileStamp } from "../core/file-memo.ts";
import { passthroughPath } from "../core/files.ts";
import type { EleventyConfig } from "../core/eleventy.ts";
import { showsPagesIn } from "../core/incremental.ts";
import { registerPlugin, UNIQUE_PLUGIN } from "../core/options.ts";
import { pagesOfType } from "../core/pages.ts";
import { ReportsOptionsSchema, type ReportsOptionsInput } from "./options.ts";
import { localizedUrl } from "../i18n/paths.ts";
import { siteStrings } from "../i18n/strings.ts";
import { addContentCheck } from "../validate/registry.ts";
import { addTranslatedFacts } from "../validate/translated-facts.ts";
import { REPORTS_CSS_URL, type ReportsApi } from "./api.ts";
import { findExercice, keptFinances, loadFinances, type Finances } from "./finances.ts";
import { FINANCE_TEXTS, financeLabels, type FinanceLabels } from "./labels.ts";
import { sortByExercice } from "./reports.ts";

export type { Attachment, ReportsApi } from "./api.ts";
export { reportPathsOf, reportValidator } from "./schema.ts";


/** The stylesheets of the report pages, concatenated into one file in this order. */
const STYLESHEETS = ["chart.css", "tables.css", "report.css"].map((name) => path.join(import.meta.dirname, name));

export default function reportsPlugin(eleventyConfig: EleventyConfig, given: ReportsOptionsInput) {
  const options = registerPlugin(eleventyConfig, "reports", ReportsOptionsSchema, given);
  const { project } = options;
  const { site } = project;
  const codes = site.languages.map((l) => l.code);
  const financesDir = options.financesDir ?? path.join(project.data, "finances");
  const financeOptions = { root: project.root, languages: codes };
  // The words of the tables and chart are the `reports.finance` UI strings, checked with the content.
  const fileOf = (lang: string) => path.relative(project.root, path.join(project.strings, `${lang}.json`));
  addContentCheck(eleventyConfig, "finance words", () =>
    codes.flatMap((code) => FINANCE_TEXTS.read(siteStrings(eleventyConfig, project).resources, code, fileOf(code)).problems),
  );
  // The year, kind, date and period's days of a report are its original's in every language (the period's label is words).
  addTranslatedFacts(eleventyConfig, project, "reports", [["exercice"], ["kind"], ["date"], ["period", "start"], ["period", "end"], ["example"]]);
  const labels = new Map<string, FinanceLabels>();
  const labelsOf = (lang: string) => {
    let found = labels.get(lang);
    if (!found) labels.set(lang, (found = financeLabels(siteStrings(eleventyConfig, project).resources, lang, fileOf(lang))));
    return found;
  };

  // Read in the validation pass, so a wrong total stops the build with every
  // other content problem; the pages then use what that pass read.
  let finances: Finances | undefined;
  // npm start runs the checks before each rebuild that lists show: the YAML files
  // are read again only when one of them changed (40 ms a rebuild otherwise).
  let last: { stamp: string; read: ReturnType<typeof keptFinances> } | undefined;
  addContentCheck(eleventyConfig, "finances", () => {
    const dir = path.resolve(project.root, financesDir);
    const names = existsSync(dir) ? readdirSync(dir).sort() : [];
    const stamp = JSON.stringify(names.map((name) => [name, fileStamp(path.join(dir, name))]));
    if (last?.stamp !== stamp) last = { stamp, read: keptFinances(financesDir, financeOptions) };
    finances = last.read.problems.length ? undefined : last.read.finances;
    return last.read.problems;
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
    labels: (lang) => labelsOf(codes.includes(lang) ? lang : site.defaultLanguage),
  };
  // A function returning the object: Eleventy would otherwise call it as the data itself.
  eleventyConfig.addGlobalData("reportsApi", () => api);

  for (const code of codes) {
    eleventyConfig.addCollection(`reports_${code}`, (collections) =>
      sortByExercice(
        pagesOfType(collections.getAll(), "report", code),
        site.timezone,
      ),
    );
    eleventyConfig.addTemplate(
      `reports/index.${code}.11ty.tsx`,
      { render: () => "" },
      {
        layout: options.indexLayout,
        // Not a report itself, whatever the folder data of content/reports says.
        type: "list",
        permalink: `${localizedUrl("reports/", code, site.defaultLanguage)}index.html`,
      },
    );
  }

  // npm start: the reports index and each report's links to the other documents of its year show the
  // reports' titles without paginating over them: a new title renders them again.
  showsPagesIn(path.join(project.input, "reports"), path.join(project.input, "reports"));

  // PDFs beside the report pages keep their path: /reports/2024-2025/rapport-moral/x.pdf.
  eleventyConfig.addPassthroughCopy(`${passthroughPath(project.input)}/reports/**/*.{pdf,PDF}`);

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

reportsPlugin.eleventyPluginOptions = UNIQUE_PLUGIN;
