/**
 * Front matter of a report page (moral report, financial report, assembly
 * minutes): the single source of its fields and of the `Report` type layouts
 * receive. What a schema cannot see from the front matter alone (the folder the
 * page sits in, the finances file, the PDF on disk) is checked by
 * `reportValidator`, which has the file in hand.
 */
import { existsSync } from "node:fs";
import { CASE_SENSITIVE, exactFile, writtenAs } from "../core/exact-names.ts";
import path from "node:path";
import { z } from "zod";
import type { Project } from "../core/project.ts";
import { commonFields, wallClock } from "../validate/fields.ts";
import type { FrontMatterValidator } from "../validate/index.ts";
import type { ContentProblem } from "../core/problems.ts";
import { documentProblem } from "../core/file-bytes.ts";
import { strictValidator } from "../validate/strict.ts";
import { expect } from "../validate/zod-problems.ts";
import { EXERCICE_PATTERN } from "./finance-schema.ts";

/** The three documents of a fiscal year, in the order pages and lists show them. */
export const REPORT_KINDS = ["moral", "financial", "assembly"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const EXERCICE_HINT = "an exercice such as 2024-2025 (or 2024 for a calendar year)";
const PERIOD_HINT = 'for another period (a semester, "automne 2018"), name the folder like 2018-automne and add period: { label, start, end }';

/**
 * The folder name of a period that is not a fiscal year: its first year, then
 * words (`2018-automne`, `2019-s1`). Only with an explicit `period`.
 */
export const PERIOD_NAME = /^\d{4}(?:-[a-z0-9]+)+$/;

/** `2024-2025`; a calendar year written `2024` reaches us as a YAML number. */
const exerciceField = z
  .union([z.string(), z.number().int()], expect(EXERCICE_HINT))
  .transform(String)
    // Whether a period name comes with its `period` is checked by reportValidator, which sees both fields.
  .pipe(z.string().regex(new RegExp(`${EXERCICE_PATTERN.source}|${PERIOD_NAME.source}`), `expected ${EXERCICE_HINT}; ${PERIOD_HINT}`));

export function reportFields(zone: string) {
  return {
    ...commonFields(),
    /** Fiscal year the report is about: the name of its folder, and of `data/finances/<exercice>.yaml`. */
    exercice: exerciceField,
    /** moral (activities), financial (figures from data/finances) or assembly (minutes of the general assembly). */
    kind: z.enum(REPORT_KINDS, expect("moral, financial or assembly")),
    /** When the report was presented or the assembly held (wall-clock, site zone). */
    date: wallClock(zone),
    /** PDF version, a file of the page's folder (e.g. rapport-moral-2024-2025.pdf); its size is shown beside the link. */
    pdf: z
      .string(expect("a PDF file name such as rapport-moral-2024-2025.pdf"))
      .regex(/\.pdf$/i, "expected the name of a .pdf file")
      .optional(),
    /**
     * The period the report covers when it is not a school or calendar year (a
     * semester, a season): its name as shown, first and last day.
     */
    period: z
      .strictObject(
        {
          /** As pages show it: "automne 2018", "premier semestre 2019". */
          label: z.string(expect("the period's name, such as automne 2018")).trim().min(1),
          /** First day. */
          start: wallClock(zone),
          /** Last day. */
          end: wallClock(zone),
        },
        expect("a period with label, start and end (dates such as 2018-09-01)"),
      )
      .refine((p) => p.end >= p.start, { message: "expected the period's end after its start", path: ["end"] })
      .optional(),
    /** The text shows what a report looks like, not the association's real year: pages and lists say so. */
    example: z.boolean(expect("true or false")).default(false),
  };
}

export function createReportSchema(zone: string) {
  return z.object(reportFields(zone));
}

export type Report = z.output<ReturnType<typeof createReportSchema>>;

/** Where the validator looks: the project's folders. */
export interface ReportPaths {
  zone: string;
  /** Absolute content folder: a report's exercice is the folder below `reports/`. */
  input: string;
  /** Absolute project root, against which `file` names are given. */
  root: string;
  /** Absolute folder of `<exercice>.yaml` files. */
  financesDir: string;
}

export function reportPathsOf(project: Project): ReportPaths {
  return { zone: project.site.timezone, input: project.input, root: project.root, financesDir: path.join(project.data, "finances") };
}

/**
 * The schema's checks plus those that need the file's place: the exercice is
 * its folder's name, a financial report has figures to show, the PDF exists in
 * the page's folder.
 */
export function reportValidator(paths: ReportPaths): FrontMatterValidator {
  const strict = strictValidator(reportFields(paths.zone));
  return (frontMatter, file) => {
    const problems = strict(frontMatter, file);
    const data = (frontMatter ?? {}) as Record<string, unknown>;
    const absolute = path.resolve(paths.root, file);
    problems.push(...placeProblems(data, file, absolute, paths));
    if (typeof data.pdf === "string" && /\.pdf$/i.test(data.pdf)) problems.push(...pdfProblems(data.pdf, file, absolute, paths.root));
    return problems;
  };
}

/** The exercice folder of a report file: `reports/<exercice>/<name>/index.fr.md` or `reports/<exercice>/<name>.fr.md`. */
export function exerciceFolderOf(absolute: string, input: string): string | undefined {
  const segments = path.relative(input, absolute).split(path.sep);
  return segments.length >= 3 ? segments[1] : undefined;
}

function placeProblems(data: Record<string, unknown>, file: string, absolute: string, paths: ReportPaths): ContentProblem[] {
  const folder = exerciceFolderOf(absolute, paths.input);
  if (!folder || !(EXERCICE_PATTERN.test(folder) || PERIOD_NAME.test(folder))) {
    return [{ file, message: "a report lives in the folder of its exercice: content/reports/<exercice>/<report>/index.<lang>.md (e.g. content/reports/2024-2025/rapport-moral/index.fr.md)" }];
  }
  const exercice = typeof data.exercice === "string" || typeof data.exercice === "number" ? String(data.exercice) : undefined;
  if (!exercice || !(EXERCICE_PATTERN.test(exercice) || PERIOD_NAME.test(exercice))) return []; // the schema said what is wrong
  const problems: ContentProblem[] = [];
  if (exercice !== folder) {
    problems.push({ file, field: "exercice", message: `expected ${folder}, the name of the folder the report is in, found ${exercice}` });
  }
  if (!EXERCICE_PATTERN.test(exercice) && data.period === undefined) {
    problems.push({ file, field: "exercice", message: `expected ${EXERCICE_HINT}, found ${exercice}; ${PERIOD_HINT}` });
    return problems;
  }
  if (!EXERCICE_PATTERN.test(exercice) && data.kind === "financial") {
    // Finance files are per fiscal year: a season has no accounts of its own to chart.
    problems.push({ file, field: "kind", message: `expected moral or assembly for the period ${exercice}: a financial report shows the accounts of a fiscal year (data/finances/<year>.yaml)` });
    return problems;
  }
  const finances = ["yaml", "yml"].map((ext) => path.join(paths.financesDir, `${exercice}.${ext}`));
  if (data.kind === "financial" && !finances.some((f) => existsSync(f))) {
    const expected = path.relative(paths.root, finances[0]!).split(path.sep).join("/");
    problems.push({ file, field: "exercice", message: `a financial report shows the figures of ${expected}, which does not exist` });
  }
  return problems;
}

function pdfProblems(pdf: string, file: string, absolute: string, root: string): ContentProblem[] {
  const dir = path.dirname(absolute);
  const target = path.resolve(dir, pdf);
  const where = path.relative(root, dir).split(path.sep).join("/");
  if (path.relative(dir, target).startsWith("..") || path.isAbsolute(pdf)) {
    return [{ file, field: "pdf", message: `expected a file of the report's folder (${where}), found ${JSON.stringify(pdf)}` }];
  }
  const found = exactFile(target);
  if (!found.stats) {
    const other = found.otherCase ? `, which has ${found.otherCase} ${CASE_SENSITIVE}: write pdf: ${writtenAs(pdf, found.otherCase)}, or rename the file` : ": add it there or correct the name";
    return [{ file, field: "pdf", message: `the file ${pdf} is not in ${where}${other}` }];
  }
  const wrong = documentProblem(found.file, { what: "the report", pdf: true });
  return wrong ? [{ file, field: "pdf", message: `the file ${pdf} ${wrong}` }] : [];
}
