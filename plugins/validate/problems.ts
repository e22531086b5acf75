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
