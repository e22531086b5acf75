/**
 * Content validation: before anything is built, every Markdown file's front
 * matter is checked against the schema of its section, every registered check
 * runs (UI strings, images, finances…), and the build stops once with one
 * line per problem (file, line, field, what was expected and found).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../core/eleventy.ts";
import type { Project } from "../core/project.ts";
import { timed } from "../core/timings.ts";
import { scanContent, type ContentScan } from "../i18n/content-files.ts";
import { ContentError, type ContentProblem } from "./problems.ts";
import { contentChecks } from "./registry.ts";
import { lineOf, readYaml } from "./yaml-source.ts";

/** What every validator of one pass may consult: the content tree, read once per pass. */
export interface ValidationContext {
  scan: ContentScan;
}

/** Checks one file's front matter; `file` is relative to the project root. */
export type FrontMatterValidator = (frontMatter: unknown, file: string, context?: ValidationContext) => ContentProblem[];
/** Checks one file's Markdown body. */
export type BodyCheck = (body: string, file: string, absoluteDir: string) => ContentProblem[];

export interface ValidateOptions {
  project: Project;
  /** Validator per section (first folder of content/); `"*"` for every other page. */
  types: Record<string, FrontMatterValidator>;
  bodyChecks?: BodyCheck[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export interface SplitSource {
  frontMatter: string;
  body: string;
  /** Line of the file where the front matter text starts (after `---`). */
  firstLine: number;
  bodyLine: number;
}

export function splitSource(source: string): SplitSource {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { frontMatter: "", body: source, firstLine: 1, bodyLine: 1 };
  return {
    frontMatter: match[1]!,
    body: source.slice(match[0].length),
    firstLine: 2,
    bodyLine: match[0].split("\n").length,
  };
}

export function validateFile(
  absolute: string,
  rel: string,
  section: string,
  options: ValidateOptions,
  context: ValidationContext = validationContext(options.project),
): ContentProblem[] {
  const source = readFileSync(absolute, "utf8");
  const split = splitSource(source);
  if (!split.frontMatter && !source.startsWith("---")) {
    return [{ file: rel, line: 1, message: "no front matter: the file must start with --- and at least a title" }];
  }
  const { source: yaml, problems: syntax } = readYaml(split.frontMatter, rel);
  const shift = (p: ContentProblem): ContentProblem => (p.line ? { ...p, line: p.line + split.firstLine - 1 } : p);
  if (syntax.length) return syntax.map(shift);
  const validator = options.types[section] ?? options.types["*"];
  const problems = validator ? validator(yaml.doc.toJS() ?? {}, rel, context) : [];
  const located = problems.map((p) => {
    if (p.line || !p.field) return p;
    const line = lineOf(yaml, p.field.split("."));
    return line ? { ...p, line: line + split.firstLine - 1 } : p;
  });
  const body = (options.bodyChecks ?? []).flatMap((check) =>
    check(split.body, rel, path.dirname(absolute)).map((p) => (p.line ? { ...p, line: p.line + split.bodyLine - 1 } : p)),
  );
  return [...located, ...body];
}

/** The context of a validation pass; build it once and pass it to every validator. */
export function validationContext(project: Project): ValidationContext {
  return { scan: scanContent(project.input, project.site.languages.map((l) => l.code)) };
}

export async function collectProblems(eleventyConfig: EleventyConfig, options: ValidateOptions): Promise<ContentProblem[]> {
  const { project } = options;
  const problems: ContentProblem[] = [];
  for (const check of contentChecks(eleventyConfig)) problems.push(...(await check.run()));
  // Files whose name cannot be read are reported by the languages plugin's file-name check.
  const context = validationContext(project);
  for (const page of context.scan.files) {
    const file = path.relative(project.root, page.absolute);
    problems.push(...validateFile(page.absolute, file, page.section, options, context));
  }
  return problems;
}

export default function validatePlugin(eleventyConfig: EleventyConfig, options: ValidateOptions) {
  eleventyConfig.on("eleventy.before", async () => {
    const problems = await timed("data and validation", () => collectProblems(eleventyConfig, options));
    if (problems.length) throw new ContentError(problems);
  });
}
