/**
 * esbuild's syntax errors (a comma or a quote missing in data/site.ts), as the build's
 * other problems are given: the file, its line and what is wrong, with what to look
 * for when esbuild expected the comma that ends the line above. Read by
 * scripts/compiled.mjs (`npm run build` compiles the settings first) and by
 * project.ts (`npm start` and the tests load them through tsx, whose errors are
 * esbuild's too). Plain JavaScript: compiled.mjs runs before any TypeScript can.
 */
import path from "node:path";

/**
 * @param {readonly { text: string, location: { file: string, line: number, column: number, lineText: string } | null }[]} errors
 *   esbuild's `errors` (a BuildFailure's or a TransformError's)
 * @param {string} root the folder file names are given from
 * @returns {{ file: string, line?: number, column?: number, lineText?: string, message: string }[]}
 */
export function syntaxProblems(errors, root) {
  return errors.map(({ text, location }) => {
    // What esbuild expected instead of the next line's first word: the comma that ends this one.
    const hint = /^Expected "[,}\])]" but found/.test(text) ? " (a comma missing at the end of the line above?)" : "";
    const message = `${text}${hint}`;
    if (!location) return { file: "(unknown file)", message };
    const file = path.isAbsolute(location.file) ? path.relative(root, location.file) : location.file;
    return { file, line: location.line, column: location.column, lineText: location.lineText, message };
  });
}

/**
 * True for an error esbuild threw with its messages (`errors`), whichever way it came.
 * @param {unknown} error
 * @returns {error is { errors: Parameters<typeof syntaxProblems>[0] }}
 */
export function isSyntaxFailure(error) {
  const errors = /** @type {{ errors?: unknown } | null} */ (error)?.errors;
  return Array.isArray(errors) && errors.length > 0;
}
