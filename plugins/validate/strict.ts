/**
 * Turns a zod object shape into a front-matter validator: unknown fields are
 * errors (typos must not pass silently), each issue names its field.
 */
import { z } from "zod";
import type { FrontMatterValidator } from "./index.ts";
import { issuesToProblems } from "./zod-problems.ts";

/** A rule across fields (e.g. an image needs its alt text). */
export type CrossFieldRule = (value: any, ctx: z.RefinementCtx) => void;

export function strictValidator(shape: z.ZodRawShape, refine?: CrossFieldRule): FrontMatterValidator {
  const schema = z.strictObject(shape);
  return (frontMatter, file) => {
    const result = schema.safeParse(frontMatter, { reportInput: true });
    const issues: z.core.$ZodIssue[] = result.success ? [] : [...result.error.issues];
    // zod skips refinements once a field fails; run the cross-field rule anyway
    // (on the raw values then) so a writer sees every problem in one build.
    if (refine) {
      const ctx = {
        value: result.success ? result.data : frontMatter,
        addIssue: (issue: { path?: PropertyKey[]; message?: string }) => {
          issues.push({ code: "custom", input: undefined, ...issue, path: issue.path ?? [], message: issue.message ?? "invalid" } as z.core.$ZodIssue);
        },
      } as unknown as z.RefinementCtx;
      refine(ctx.value, ctx);
    }
    return issuesToProblems(issues, file, schema);
  };
}
