/**
 * zod's issues in words a writer or a treasurer reads: what was expected and
 * what was found. Each becomes a problem at its path, with the line of its file
 * found by whoever knows the file (a YAML document, the settings module).
 */
import type { z } from "zod";
import { closest } from "./closest.ts";
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

/**
 * One message per field an issue is about (an unknown field each). Parse with
 * `reportInput: true`, or every value reads as missing. Given the `schema`
 * parsed with, an unknown field names the known one it is closest to.
 */
export function issueMessages(issue: z.core.$ZodIssue, schema?: z.ZodType): { path: PropertyKey[]; message: string }[] {
  const path = issue.path;
  if (issue.code === "unrecognized_keys") {
    const known = schema ? fieldsAt(schema, path) : [];
    return issue.keys.map((key) => {
      const near = closest(key, known);
      return { path: [...path, key], message: `unknown field "${key}": ${near ? `did you mean "${near}"?` : "check its spelling or remove it"}` };
    });
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

/** A zod schema's definition, as far as {@link fieldsAt} reads it. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
}

/** The field names the object at `path` of `schema` takes (every option's, for a union). */
export function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const found = new Set<string>();
  const walk = (at: z.ZodType | undefined, rest: readonly PropertyKey[], depth: number): void => {
    if (!at || depth > 50) return;
    const def = (at as unknown as { _zod: { def: Def } })._zod.def;
    const inner = def.innerType ?? def.in ?? (def.type === "lazy" ? def.getter?.() : undefined);
    if (inner) return walk(inner, rest, depth + 1);
    if (def.type === "union") return def.options?.forEach((option) => walk(option, rest, depth + 1));
    if (def.type === "intersection") return [def.left, def.right].forEach((side) => walk(side, rest, depth + 1));
    if (rest.length === 0) {
      if (def.type === "object") Object.keys(def.shape ?? {}).forEach((key) => found.add(key));
      return;
    }
    const [head, ...tail] = rest;
    if (def.type === "object") walk(def.shape?.[String(head)], tail, depth + 1);
    else if (def.type === "array") walk(def.element, tail, depth + 1);
    else if (def.type === "record") walk(def.valueType, tail, depth + 1);
  };
  walk(schema, path, 0);
  return [...found];
}
