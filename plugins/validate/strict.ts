/**
 * Turns a zod object schema into a front-matter validator: unknown fields are
 * errors (typos must not pass silently), each issue names its field.
 */
import { z } from "zod";
import type { FrontMatterValidator } from "./index.ts";
import { issuesToProblems } from "./zod-problems.ts";

export function strictValidator(shape: z.ZodRawShape, refine?: (value: any, ctx: z.RefinementCtx) => void): FrontMatterValidator {
  let schema: z.ZodType = z.strictObject(shape);
  if (refine) schema = (schema as z.ZodObject).superRefine(refine);
  const known = { "": Object.keys(shape) };
  return (frontMatter, file) => {
    const result = schema.safeParse(frontMatter, { reportInput: true });
    return result.success ? [] : issuesToProblems(result.error.issues, file, known);
  };
}
