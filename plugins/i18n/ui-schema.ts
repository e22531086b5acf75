/**
 * What code relies on in the UI strings, beyond "every key in every language":
 *
 * - every language fills the same `{{placeholders}}` for a key (a translation that
 *   drops `{{amount}}` would print a sentence without its figure);
 * - a section read as a whole by a plugin (`events.ics`, `reports.finance`) is
 *   declared once with its keys and their placeholders: that declaration is both
 *   the zod schema the JSON is checked against and the TypeScript types of the keys
 *   and of the values each key must be given.
 */
import { z } from "zod";
import type { ContentProblem } from "../core/problems.ts";
import { unreadable, type Resources } from "./strings.ts";

/** The names of `{{name}}`, `{{- name}}` and `{{name, format}}` (i18next's syntax), sorted, once each. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{-?\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!))].sort();
}

const shown = (names: readonly string[]) => (names.length ? names.map((n) => `{{${n}}}`).join(", ") : "none");
const expectedText = (names: readonly string[]) => (names.length ? `expected the placeholders ${shown(names)}` : "expected no placeholder");

function lookup(obj: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** Keys whose placeholders differ from the first language's (the default one, listed first). */
export function placeholderProblems(resources: Resources, fileOf: (lang: string) => string): ContentProblem[] {
  const [first, ...others] = Object.keys(resources);
  if (!first) return [];
  const problems: ContentProblem[] = [];
  const texts = (obj: unknown, prefix: string): [string, string][] =>
    obj && typeof obj === "object"
      ? Object.entries(obj).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : texts(v, `${prefix}${k}.`)))
      : [];
  for (const [key, base] of texts(resources[first], "")) {
    const expected = placeholdersOf(base);
    for (const lang of others) {
      const text = lookup(resources[lang], key);
      if (typeof text !== "string") continue;
      const found = placeholdersOf(text);
      if (found.join() !== expected.join()) {
        problems.push({ file: fileOf(lang), field: key, message: `${expectedText(expected)} (as in ${fileOf(first)}), found ${shown(found)}` });
      }
    }
  }
  return problems;
}

/** Each key of a section and the placeholders its text must hold. */
export type SectionSpec = Readonly<Record<string, readonly string[]>>;
/** The texts of a section, by key. */
export type SectionTexts<S extends SectionSpec> = { [K in keyof S]: string };
/** The values a key of a section must be given. */
export type SectionValues<S extends SectionSpec, K extends keyof S> = Record<S[K][number], string>;

export interface UiSection<S extends SectionSpec> {
  /** Dotted path of the section in the JSON files (`reports.finance`). */
  path: string;
  spec: S;
  schema: z.ZodType<SectionTexts<S>>;
  /** The section's texts in one language, or the problems that keep it from being used. */
  read(resources: Resources, lang: string, file: string): { texts?: SectionTexts<S>; problems: ContentProblem[] };
}

export function uiSection<const S extends SectionSpec>(path: string, spec: S): UiSection<S> {
  const text = (names: readonly string[]) =>
    z.string().superRefine((value, ctx) => {
      if (!value.trim()) ctx.addIssue({ code: "custom", message: "expected a text, found nothing" });
      const found = placeholdersOf(value);
      if (found.join() !== [...names].sort().join()) ctx.addIssue({ code: "custom", message: `${expectedText(names)}, found ${shown(found)}` });
    });
  const schema = z.strictObject(Object.fromEntries(Object.entries(spec).map(([key, names]) => [key, text(names)]))) as unknown as z.ZodType<SectionTexts<S>>;
  return {
    path,
    spec,
    schema,
    read(resources, lang, file) {
      // A file that is not JSON is reported as such (strings.ts), not as each text it lacks.
      if (unreadable(resources[lang])) return { problems: [] };
      const parsed = schema.safeParse(lookup(resources[lang], path) ?? {});
      if (parsed.success) return { texts: parsed.data, problems: [] };
      return {
        problems: parsed.error.issues.map((issue) => ({
          file,
          field: [path, ...issue.path.map(String)].join("."),
          message: issue.code === "unrecognized_keys" ? `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")} (the keys are: ${Object.keys(spec).join(", ")})` : issue.code === "invalid_type" ? "expected a text, found nothing" : issue.message,
        })),
      };
    },
  };
}
