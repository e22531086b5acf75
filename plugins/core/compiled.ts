/**
 * `npm run build` runs the project's TypeScript compiled ahead by esbuild
 * (scripts/compiled.mjs), which publishes each entry's compiled module under
 * this key; modules the build imports by path look theirs up here.
 */

/** The compiled module of a source file (absolute) when the build runs compiled; undefined under tsx. */
export function compiledModule(file: string): string | undefined {
  return (globalThis as Record<symbol, Map<string, string> | undefined>)[Symbol.for("chatons-site.compiled")]?.get(file);
}
