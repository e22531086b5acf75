/** Types of ./syntax-errors.mjs (plain JavaScript, read before any TypeScript runs). */
export interface EsbuildMessage {
  text: string;
  location: { file: string; line: number; column: number; lineText: string } | null;
}

export interface SyntaxProblem {
  file: string;
  line?: number;
  column?: number;
  lineText?: string;
  message: string;
}

export function syntaxProblems(errors: readonly EsbuildMessage[], root: string): SyntaxProblem[];

export function isSyntaxFailure(error: unknown): error is { errors: EsbuildMessage[] };
