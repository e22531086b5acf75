/**
 * The line of a field in the site's settings (data/site.ts), so a slip there is
 * reported as the content's are: file, line and field. The module is read by
 * TypeScript's own parser, only once a problem is found (loading it takes about
 * 0.3 s): the object exported by default is walked by the problem's path.
 */
import { createRequire } from "node:module";
import type * as TS from "typescript";

/**
 * The 1-based line of a field given by its path (`["languages", 1, "locale"]`) in
 * the object the module `source` exports by default (`export default { … }`, or a
 * constant declared in the file and exported by its name). For a field that is
 * not written (a missing one), the line of the closest enclosing one that is;
 * undefined when the export is not an object written in the file. The module is
 * parsed once, at the first question.
 */
export function settingsLines(source: string): (path: readonly PropertyKey[]) => number | undefined {
  let parsed: { ts: typeof TS; file: TS.SourceFile; root: TS.Node | undefined } | undefined;
  return (path) => {
    if (!parsed) {
      const ts = createRequire(import.meta.url)("typescript") as typeof TS;
      const file = ts.createSourceFile("site.ts", source, ts.ScriptTarget.Latest, true);
      parsed = { ts, file, root: exported(ts, file) };
    }
    const { ts, file, root } = parsed;
    if (!root) return undefined;
    let node: TS.Node = root;
    let at: TS.Node = root;
    for (const key of path) {
      node = unwrapped(ts, node);
      let next: TS.Node | undefined;
      if (ts.isObjectLiteralExpression(node)) {
        const property = node.properties.find((p) => p.name && propertyName(ts, p.name) === String(key));
        next = property && ts.isPropertyAssignment(property) ? property.initializer : property;
        if (property) at = property;
      } else if (ts.isArrayLiteralExpression(node) && typeof key !== "symbol" && Number.isInteger(Number(key))) {
        next = node.elements[Number(key)];
        if (next) at = next;
      }
      if (!next) break;
      node = next;
    }
    return file.getLineAndCharacterOfPosition(at.getStart(file)).line + 1;
  };
}

/** The expression exported by default, followed to its declaration when it is a name. */
function exported(ts: typeof TS, file: TS.SourceFile): TS.Node | undefined {
  const assignment = file.statements.find(ts.isExportAssignment);
  let expression: TS.Node | undefined = assignment && unwrapped(ts, assignment.expression);
  if (expression && ts.isIdentifier(expression)) {
    const name = expression.text;
    expression = undefined;
    for (const statement of file.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
      if (declaration?.initializer) expression = declaration.initializer;
    }
  }
  return expression && unwrapped(ts, expression);
}

/** `{ … } satisfies SiteInput`, `({ … })`, `{ … } as SiteInput`: the object itself. */
function unwrapped(ts: typeof TS, node: TS.Node): TS.Node {
  while (ts.isParenthesizedExpression(node) || ts.isSatisfiesExpression(node) || ts.isAsExpression(node)) node = node.expression;
  return node;
}

function propertyName(ts: typeof TS, name: TS.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}
