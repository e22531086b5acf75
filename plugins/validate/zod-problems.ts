/**
 * From zod issues to the ContentProblems a writer reads: one per bad field, with the
 * dotted field name, what was expected and what was found. Field schemas phrase their
 * own "expected …, found …" message through `expect()`, so this file only has to add
 * the file name, split unknown keys and suggest the field the writer probably meant.
 */
import type { z } from "zod";
import type { ContentProblem } from "../core/problems.ts";
import { closest } from "../core/closest.ts";
import { describeValue } from "../core/describe-value.ts";
import { fieldsAt } from "../core/zod-issues.ts";

export { closest };

/** A zod `error` option that says what the field takes and what the writer wrote. */
export function expect(what: string) {
  return {
    error: (issue: { input?: unknown; values?: readonly unknown[] }) => {
      const found = describeValue(issue.input);
      const near = typeof issue.input === "string" && issue.values ? closest(issue.input, issue.values.map(String)) : undefined;
      return `expected ${what}, found ${found}${near ? ` (did you mean "${near}"?)` : ""}`;
    },
  };
}

/** The known field `key` is when only spaces around it (a non-breaking one) or its letters' case differ. */
function sameField(key: string, known: readonly string[]): string | undefined {
  const bare = key.trim();
  if (bare === key && known.includes(key)) return undefined;
  return known.find((k) => k === bare || k.toLowerCase() === bare.toLowerCase());
}

const UNKNOWN_FIELD = "unknown field: ";

/** Whether `problem` is a field the schema does not know (from {@link issuesToProblems}). */
export function isUnknownField(problem: ContentProblem): boolean {
  return problem.message.startsWith(UNKNOWN_FIELD);
}

/**
 * One ContentProblem per issue (and per unknown key). `schema`, the one parsed
 * with, gives the fields each object takes, for suggestions (../core/zod-issues.ts);
 * `hints` give a sentence for unknown keys writers are likely to try (`allDay`).
 */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  schema?: z.ZodType,
  hints: Record<string, string> = {},
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const fieldsOf = (issue: z.core.$ZodIssue) => (schema ? fieldsAt(schema, issue.path) : []);
  // A known field written "Title" or with a non-breaking space before its colon: its value was not read, so "missing" there says nothing more.
  const misnamed = new Set(
    issues.flatMap((issue) => {
      if (issue.code !== "unrecognized_keys") return [];
      const at = issue.path.map(String).join(".");
      const fields = fieldsOf(issue);
      return issue.keys.flatMap((key) => {
        const known = sameField(key, fields);
        return known ? [at ? `${at}.${known}` : known] : [];
      });
    }),
  );
  for (const issue of issues) {
    const at = issue.path.map(String).join(".");
    if (misnamed.has(at)) continue;
    if (issue.code === "unrecognized_keys") {
      const fields = fieldsOf(issue);
      for (const key of issue.keys) {
        const near = closest(key, fields);
        const known = sameField(key, fields);
        const hint =
          known === undefined
            ? (hints[key] ?? (near ? `did you mean "${near}"?` : `known fields: ${fields.join(", ")}`))
            : key.trim() !== key
              ? // YAML drops a plain space before the colon, not a non-breaking one (what French keyboards and word processors put before ":").
                `"${key.trim()}" followed by a non-breaking space, which is part of the name: delete the space before the colon (${known}:)`
              : `field names are case-sensitive: write ${known}:`;
        problems.push({ file, field: at ? `${at}.${key}` : key, message: `${UNKNOWN_FIELD}${hint}` });
      }
      continue;
    }
    problems.push({ file, ...(at ? { field: at } : {}), message: issue.message });
  }
  return problems;
}
