/**
 * Content problems: what every plugin reports when a writer's file is wrong.
 * A build collects all of them and stops once, listing one line per problem,
 * so a writer fixes everything in one go instead of one error per build.
 */
export interface ContentProblem {
  /** Path of the source file, relative to the project root (e.g. `content/blog/2025/ag/index.fr.md`). */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** Front-matter field (dotted for nested ones: `venue.city`), image path, or string key. */
  field?: string;
  /** What was expected and what was found, in one sentence. */
  message: string;
  /**
   * A problem this one follows from: when the build reports a problem in that file at
   * that field (or inside it), this one is left out (a translation told to copy its
   * original's date while that date is itself wrong would copy the mistake).
   */
  followsFrom?: { file: string; field: string };
}

/** `problems` without those that follow from another one of them (see `followsFrom`). */
export function withoutConsequences(problems: readonly ContentProblem[]): ContentProblem[] {
  const within = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  return problems.filter(({ followsFrom: cause }) => !cause || !problems.some((p) => p.file === cause.file && p.field !== undefined && within(p.field, cause.field)));
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    super(formatProblems(problems));
    this.name = "ContentError";
    this.problems = problems;
  }
}

/** One problem on one line: `  file:line · field · message`. */
export function formatProblem(p: ContentProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `  ${where}${p.field ? ` · ${p.field}` : ""} · ${p.message}`;
}

/** The settings module's name, wherever its data folder is (data/site.ts, or a fixture's). */
const SETTINGS_FILE = /(^|[/\\])site\.ts$/;

/**
 * `3 content problems`, or `1 settings problem` when every one is in the site's
 * settings (data/site.ts, read before any content): a slip there is the
 * webmaster's, not a writer's, and the content was not even read.
 */
export function problemsCount(problems: readonly ContentProblem[]): string {
  const kind = problems.length > 0 && problems.every((p) => SETTINGS_FILE.test(p.file)) ? "settings" : "content";
  return `${problems.length} ${kind} problem${problems.length === 1 ? "" : "s"}`;
}

/** Every problem, one line each under the count: what a build that stops prints. */
export function formatProblems(problems: ContentProblem[]): string {
  return `${problemsCount(problems)} stopped the build:\n${problems.map(formatProblem).join("\n")}`;
}
