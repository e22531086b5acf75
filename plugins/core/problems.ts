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

/** `content/x.md:3 · date · expected …`: one line per problem, count first. */
/** One problem on one line: `  file:line · field · message`. */
export function formatProblem(p: ContentProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `  ${where}${p.field ? ` · ${p.field}` : ""} · ${p.message}`;
}

export function formatProblems(problems: ContentProblem[]): string {
  const lines = problems.map(formatProblem);
  const count = problems.length === 1 ? "1 content problem" : `${problems.length} content problems`;
  return `${count} stopped the build:\n${lines.join("\n")}`;
}
