/**
 * zod's issues in words a writer or a treasurer reads: what was expected and
 * what was found. Each becomes a problem at its path, with the line of its file
 * found by whoever knows the file (a YAML document, the settings module).
 */
import type { z } from "zod";
import { describeValue } from "./describe-value.ts";

const TYPE_WORDS: Record<string, string> = {
  string: "a text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list (lines starting with -)",
  object: "a group of fields",
  record: "a group of fields",
};

/** One message per field an issue is about (an unknown field each). Parse with `reportInput: true`, or every value reads as missing. */
export function issueMessages(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string }[] {
  const path = issue.path;
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ path: [...path, key], message: `unknown field "${key}": check its spelling or remove it` }));
  }
  const input = issue.input;
  // zod's own wording ("Invalid input: expected object, received string"), unless the schema gave its own.
  if (issue.code === "invalid_type" && issue.message.startsWith("Invalid input")) {
    const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
    return [{ path, message: input === undefined ? `missing: expected ${expected}` : `expected ${expected}, found ${describeValue(input)}` }];
  }
  if (issue.code === "custom") return [{ path, message: issue.message }];
  return [{ path, message: `${issue.message}${input === undefined ? "" : `, found ${describeValue(input)}`}` }];
}
