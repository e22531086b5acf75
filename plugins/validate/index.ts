/**
 * Content validation: before anything is built, every Markdown file's front
 * matter is checked against the schema of its section, every registered check
 * runs (UI strings, images, finances…), and the build stops once with one
 * line per problem (file, line, field, what was expected and found).
 */
import path from "node:path";
import type { EleventyConfig } from "../core/eleventy.ts";
import { notUtf8 } from "../core/encoding.ts";
import { parseFrontMatter, splitFrontMatter } from "../core/front-matter.ts";
import { fileAndFolderStamp, fileText } from "../core/file-memo.ts";
import { narrowRebuildFiles } from "../core/incremental.ts";
import { registerPlugin, UNIQUE_PLUGIN } from "../core/options.ts";
import type { Project } from "../core/project.ts";
import { timed } from "../core/timings.ts";
import { keptFile, keptResultsPlace, readKeptFile, saveKeptResults, writeWhole } from "../core/kept-results.ts";
import { inputsDigest } from "../core/file-states.ts";
import { scanContent, type ContentScan } from "../i18n/content-files.ts";
import { ValidateOptionsSchema, type ValidateOptions, type ValidateOptionsInput } from "./options.ts";
import { ContentError, withoutConsequences, type ContentProblem } from "../core/problems.ts";
import { contentChecks } from "./registry.ts";
import { collidingUrls, collisionProblems, sourceResolver, type InputPathToUrl } from "./url-collisions.ts";
import { lineOf, readYaml, type YamlSource } from "./yaml-source.ts";
import { dataFileFields, pageDataFiles } from "./data-files.ts";
import { isUnknownField } from "./zod-problems.ts";

/** What every validator of one pass may consult: the content tree, read once per pass. */
export interface ValidationContext {
  scan: ContentScan;
}

/** Checks one file's front matter; `file` is relative to the project root. */
export type FrontMatterValidator = (frontMatter: unknown, file: string, context?: ValidationContext) => ContentProblem[];
/** Checks one file's Markdown body. */
export type BodyCheck = (body: string, file: string, absoluteDir: string) => ContentProblem[];

export type { ValidateOptions, ValidateOptionsInput } from "./options.ts";

export function validateFile(
  absolute: string,
  rel: string,
  section: string,
  options: ValidateOptions,
  context: ValidationContext = validationContext(options.project),
  dataFiles: readonly string[] = pageDataFiles(absolute, options.project.input).files,
): ContentProblem[] {
  const text = fileText(absolute);
  const unreadable = notUtf8(text, rel);
  if (unreadable) return [unreadable];
  const split = splitFrontMatter(text);
  if (!split.opened) return [noFrontMatter(text, rel)];
  if (!split.closed) {
    return [{ file: rel, line: 1, message: "the front matter is never closed: add a line --- after its last field" }];
  }
  if (split.closingExtra) {
    const { line, text } = split.closingExtra;
    return [{ file: rel, line, message: `the line ending the front matter must be --- alone, found ${JSON.stringify(text)}` }];
  }
  // The parse the build shares (../core/front-matter.ts); the YAML is read again
  // with node positions only when there is a line to name.
  let data: Readonly<Record<string, unknown>>;
  try {
    data = parseFrontMatter(split.yaml);
  } catch (error) {
    const syntax = readYaml(split.yaml, rel, split.yamlLine).problems;
    return syntax.length ? syntax : [{ file: rel, line: 1, message: `the YAML is not valid: ${(error as Error).message.split("\n")[0]}` }];
  }
  const validator = options.types[section] ?? options.types["*"];
  // With the fields of the section the page takes from data files (./data-files.ts), which the build
  // reads as its own. The others are Eleventy's (layout, permalink…), not the writer's slips.
  const fromFiles = new Map(validator ? [...dataFileFields(dataFiles, data)].filter(([key]) => knows(validator, key, context)) : []);
  const merged = fromFiles.size ? { ...Object.fromEntries([...fromFiles].map(([key, { value }]) => [key, value])), ...data } : data;
  const problems = validator ? validator(merged, rel, context) : [];
  let yaml: YamlSource | undefined;
  const located = problems.map((p) => {
    const fromFile = p.field === undefined ? undefined : fromFiles.get(p.field.split(".")[0]!);
    if (fromFile) return inDataFile(p, fromFile.file, options.project.root);
    if (p.line || !p.field) return p;
    yaml ??= readYaml(split.yaml, rel).source;
    const line = lineOf(yaml, p.field.split("."));
    return line ? { ...p, line: line + split.yamlLine - 1 } : p;
  });
  const body = (options.bodyChecks ?? []).flatMap((check) =>
    check(split.body, rel, path.dirname(absolute)).map((p) => (p.line ? { ...p, line: p.line + split.bodyLine - 1 } : p)),
  );
  return [...located, ...body];
}

/** Whether each field is one `validator` reads (asked once per field, with a value of none). */
const knownFields = new WeakMap<FrontMatterValidator, Map<string, boolean>>();

function knows(validator: FrontMatterValidator, key: string, context: ValidationContext): boolean {
  let known = knownFields.get(validator);
  if (!known) knownFields.set(validator, (known = new Map()));
  let answer = known.get(key);
  if (answer === undefined) {
    try {
      answer = !validator({ [key]: null }, "", context).some((p) => p.field === key && isUnknownField(p));
    } catch {
      answer = true; // a rule that needs more fields than this one: the field is the section's
    }
    known.set(key, answer);
  }
  return answer;
}

/** A problem of a field the page takes from the data file `file`: that file's, at the field's line. */
function inDataFile(problem: ContentProblem, file: string, root: string): ContentProblem {
  const rel = path.relative(root, file);
  const line = lineOf(readYaml(fileText(file), rel).source, problem.field!.split("."));
  return { ...problem, file: rel, ...(line === undefined ? {} : { line }) };
}

/** Why a file has no front matter: none at all, one opened below the first line, or an opening line that is not `---`. */
function noFrontMatter(text: string, file: string): ContentProblem {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/, 50);
  const first = lines.findIndex((l) => l.trim() !== "");
  const opening = lines[first]?.trim() ?? "";
  if (first > 0 && /^-{3,}$/.test(opening)) {
    const blank = first === 1 ? "the empty line" : `the ${first} empty lines`;
    return { file, line: first + 1, message: `the front matter must start on the file's first line: delete ${blank} above this ---` };
  }
  if (first === 0 && /^(-{4,}|—|–+|-{1,2})$/.test(opening)) {
    return { file, line: 1, message: `the line opening the front matter must be three hyphens, ---, found ${JSON.stringify(opening)}` };
  }
  return { file, line: 1, message: "no front matter: the file must start with a line --- followed by at least a title" };
}

/** The context of a validation pass; build it once and pass it to every validator. */
export function validationContext(project: Project): ValidationContext {
  return { scan: scanContent(project.input, project.site.languages.map((l) => l.code)) };
}

/**
 * Every content problem of the site; with `only`, those of these files alone
 * (an `npm start` rebuild after new texts, front matter the same: the
 * cross-page checks read front matter and files, so their answers cannot have
 * changed, and the other files were valid in the build before).
 */
export async function collectProblems(eleventyConfig: EleventyConfig, options: ValidateOptions, only?: ReadonlySet<string>): Promise<ContentProblem[]> {
  const { project } = options;
  const problems: ContentProblem[] = [];
  if (!only) for (const check of contentChecks(eleventyConfig)) problems.push(...(await check.run()));
  // Files whose name cannot be read are reported by the languages plugin's file-name check.
  const context = validationContext(project);
  const cache = cacheFor(options, context);
  for (const page of context.scan.files) {
    if (only && !only.has(page.absolute)) continue;
    const dataFiles = pageDataFiles(page.absolute, project.input);
    const own = fileAndFolderStamp(page.absolute);
    // What its problems depend on: its file and folder, and the data files it takes fields from.
    const stamp = own === undefined || dataFiles.stamp === undefined ? undefined : `${own}|${dataFiles.stamp}`;
    const kept = stamp === undefined ? undefined : cache.files.get(page.absolute);
    if (kept && kept.stamp === stamp) {
      problems.push(...kept.problems);
      continue;
    }
    // Whether its checks look at the other pages (an event's recap names one): then a page added asks them again.
    let readsScan = false;
    const watched: ValidationContext = {
      get scan() {
        readsScan = true;
        return context.scan;
      },
    };
    const found = validateFile(page.absolute, path.relative(project.root, page.absolute), page.section, options, watched, dataFiles.files);
    if (stamp !== undefined) cache.files.set(page.absolute, { stamp, problems: found, readsScan });
    cache.changed = true;
    problems.push(...found);
  }
  // A data file's mistake is found once for each page below it: said once.
  const seen = new Set<string>();
  return withoutConsequences(problems).filter((p) => {
    const key = `${p.file}\n${p.line}\n${p.field}\n${p.message}`;
    return !seen.has(key) && seen.add(key);
  });
}

/**
 * `npm start` validates before every rebuild: a file is checked again only when
 * it or its folder (a photo added or removed) changed. When pages were added,
 * the files whose checks look at other pages are checked again too; when one
 * was deleted, every file (a page's photo may have been another's).
 *
 * `npm run build` keeps these answers for the next build too (in .cache/compiled/,
 * ../core/kept-results.ts), beside the list of pages they were given with. The
 * checks also read the data folders (the services a notice names, the finances
 * a report points to, the UI strings): when a file of those changed, or the
 * kit's code, every file is checked again. At 1,000 posts, checking every file
 * took 0.2 s of each build.
 */
interface KeptProblems {
  /** Its file, its folder and its data files, as they were. */
  stamp: string;
  problems: ContentProblem[];
  /** Its checks read the list of pages. */
  readsScan: boolean;
}

interface ProblemsCache {
  /** The scan these answers were given with (npm start keeps it while no page is added or deleted). */
  scan: ContentScan | undefined;
  /** Its pages. */
  pages: readonly string[];
  files: Map<string, KeptProblems>;
  /** Answers were worked out or dropped since the cache was read or written. */
  changed: boolean;
  /** `npm run build`: where the answers are kept, and what they are worked out with (see {@link keptKey}). */
  keptAt?: { file: string; key: string };
}

/** What a build keeps for the next (see above). */
interface KeptValidation {
  /** The code and the data folders' files (see {@link keptKey}). */
  key: string;
  pages: readonly string[];
  files: Record<string, KeptProblems>;
}

const caches = new WeakMap<ValidateOptions, ProblemsCache>();

function cacheFor(options: ValidateOptions, { scan }: ValidationContext): ProblemsCache {
  let cache = caches.get(options) ?? lastBuildCache(options.project);
  // npm start keeps the scan while no file is added or deleted (../i18n/content-files.ts).
  if (cache?.scan !== scan) {
    const pages = scan.files.map((f) => f.absolute);
    const now = new Set(pages);
    const gone = cache?.pages.some((p) => !now.has(p)) ?? true;
    const same = !gone && cache!.pages.length === now.size;
    const added = !gone && !same;
    let files = new Map<string, KeptProblems>();
    if (same) files = cache!.files;
    else if (added) files = new Map([...cache!.files].filter(([, k]) => !k.readsScan));
    cache = { scan, pages, files, changed: cache === undefined || !same || cache.changed, ...(cache?.keptAt ? { keptAt: cache.keptAt } : {}) };
  }
  caches.set(options, cache);
  return cache;
}

/** Where a build keeps its answers, and what they were worked out with; undefined under tsx. */
function keptKey(project: Project): { file: string; key: string } | undefined {
  const at = keptResultsPlace();
  const file = keptFile("validation.json");
  return at && file ? { file, key: `${at.code} ${inputsDigest([project.data, project.ownData, project.strings])}` } : undefined;
}

/**
 * What the last build kept, when its code and data files were this build's;
 * else no answer, but where to keep this build's. Undefined under tsx.
 */
function lastBuildCache(project: Project): ProblemsCache | undefined {
  const keptAt = keptKey(project);
  if (!keptAt) return undefined;
  try {
    const last = JSON.parse(readKeptFile(keptAt.file)) as KeptValidation;
    if (last.key === keptAt.key) return { scan: undefined, pages: last.pages, files: new Map(Object.entries(last.files)), changed: false, keptAt };
  } catch {
    // None yet, or unreadable: every file is checked.
  }
  return { scan: undefined, pages: [], files: new Map(), changed: true, keptAt };
}

/** Keeps this build's answers for the next one, unless they are those the last one kept. */
function saveProblems(options: ValidateOptions): void {
  const cache = caches.get(options);
  if (!cache?.changed || !cache.keptAt) return;
  const pages = new Set(cache.pages);
  const files = Object.fromEntries([...cache.files].filter(([file]) => pages.has(file)));
  writeWhole(cache.keptAt.file, JSON.stringify({ key: cache.keptAt.key, pages: cache.pages, files } satisfies KeptValidation));
  cache.changed = false;
}

export default function validatePlugin(eleventyConfig: EleventyConfig, input: ValidateOptionsInput) {
  const options = registerPlugin(eleventyConfig, "validate", ValidateOptionsSchema, input);
  eleventyConfig.on("eleventy.before", async () => {
    const problems = await timed("data and validation", () => collectProblems(eleventyConfig, options, narrowRebuildFiles()));
    // Kept whether the build goes on or not: the run after a fix checks only the texts that changed.
    saveKeptResults();
    saveProblems(options);
    if (problems.length) throw new ContentError(problems);
  });
  // Every page's URL is known here, before anything is rendered or written.
  eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl }: { inputPathToUrl: InputPathToUrl }) => {
    // An npm start rebuild that changed no front matter changed no URL: the last build had none colliding.
    if (narrowRebuildFiles()) return;
    const collisions = collidingUrls(inputPathToUrl);
    if (!collisions.size) return;
    const { project } = options;
    const sourcesOf = sourceResolver({
      input: project.input,
      root: project.root,
      scan: validationContext(project).scan,
      isRedirectTemplate: (inputPath) => REDIRECT_TEMPLATE.test(inputPath),
    });
    throw new ContentError(collisionProblems(collisions, sourcesOf));
  });
}

validatePlugin.eleventyPluginOptions = UNIQUE_PLUGIN;

/** The pages plugin's template of redirect pages, one per alias (its pages are the aliases' files'). */
const REDIRECT_TEMPLATE = /(^|\/)redirects\.11ty\.tsx$/;
