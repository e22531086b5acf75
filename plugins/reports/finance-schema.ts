/**
 * The format of `data/finances/*.yaml`, the only files a treasurer edits.
 * Schemas are built for the site's languages, so a label missing its English
 * text, or written for a language the site does not have, is an error.
 *
 * Amounts are written in currency units with at most two decimals (`1234.56`)
 * and become integer cents here: every sum is then exact.
 */
import { DateTime } from "luxon";
import { z } from "zod";

/** Integer number of cents (hundredths of the currency unit). */
export type Cents = number;

/** The languages of `data/site.ts` when the caller does not pass them. */
export const DEFAULT_LANGUAGES: readonly string[] = ["fr", "en"];

/** Where categories are declared, beside the exercices. */
export const CATEGORIES_FILE = "categories.yaml";

/** `2024-2025` (fiscal year across two calendar years) or `2024`. */
export const EXERCICE_PATTERN = /^(\d{4})(?:-(\d{4}))?$/;

const CATEGORY_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const AMOUNT_TEXT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * `1234.5` → 123450. Returns a sentence instead when the value is not an amount.
 * The number's shortest decimal form (what JavaScript prints) is read as text,
 * so `0.29` gives 29, not 28.999…, and `12.345` is refused instead of rounded.
 */
export function toCents(value: unknown, { signed = false } = {}): Cents | string {
  const example = signed ? "1234.56 or -1234.56" : "1234.56";
  if (value === undefined || value === null) return `missing: expected an amount such as ${example}`;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    const rewritten = typeof value === "string" ? asWrittenInFrench(value) : undefined;
    return `expected an amount such as ${example} (a dot before the cents, no space, no currency sign), found ${JSON.stringify(value)}${rewritten ? `: write ${rewritten}` : ""}`;
  }
  const match = AMOUNT_TEXT.exec(String(value));
  if (!match) return `expected at most two decimals, found ${String(value)}`;
  const [, minus, units = "", decimals = ""] = match;
  if (minus && !signed) return `expected a positive amount, found ${String(value)}`;
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return `the amount ${String(value)} is too large`;
  return minus ? -cents : cents;
}

/**
 * An amount typed the French way, as a spreadsheet shows it ("1 200,50 €",
 * "1.200,50", "-45,00 €"), written as the file wants it (1200.50); undefined
 * when the text is not one.
 */
function asWrittenInFrench(text: string): string | undefined {
  const m = /^(-?)\s*(\d{1,3}(?:[ \u00A0\u202F.]\d{3})*|\d+)(?:,(\d{1,2}))?\s*(?:€|EUR|euros?)?$/i.exec(text.trim());
  if (!m) return undefined;
  const [, minus = "", units = "", decimals] = m;
  return `${minus}${units.replace(/[ \u00A0\u202F.]/g, "")}${decimals === undefined ? "" : `.${decimals.padEnd(2, "0")}`}`;
}

/** An amount field; `signed` for a result, which may be a deficit. */
export function amountSchema(signed = false) {
  return z.unknown().transform((value, ctx): Cents => {
    const cents = toCents(value, { signed });
    if (typeof cents === "string") {
      ctx.issues.push({ code: "custom", message: cents, input: value });
      return z.NEVER;
    }
    return cents;
  });
}

/** `{ fr: "Dons", en: "Donations" }`: one non-empty text per site language, no other key. */
export function localizedTextSchema(languages: readonly string[]) {
  const text = z.string().trim().min(1, "expected a non-empty text");
  return z.strictObject(Object.fromEntries(languages.map((l) => [l, text]))) as z.ZodType<Record<string, string>>;
}

const categoryCode = z
  .string()
  .regex(CATEGORY_CODE, "expected a category code in lowercase letters, digits and hyphens (e.g. noms-de-domaine)");

const isoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid, {
  message: "expected a date written YYYY-MM-DD (e.g. 2024-09-01)",
});

/** `data/finances/categories.yaml`: code → label per language, grouped by kind; file order is display order. */
export function categoriesFileSchema(languages: readonly string[] = DEFAULT_LANGUAGES) {
  const group = z.record(categoryCode, localizedTextSchema(languages));
  return z.strictObject({
    /** Where the money comes from: fees, donations, grants… */
    income: group,
    /** Where it goes: servers, domain names, insurance… */
    expenses: group,
    /** Contributions valued but not paid: volunteer hours, donated hardware, lent premises. */
    inKind: group.default({}),
  });
}

/** One line of income, expense, in-kind contribution or budget. */
export function lineSchema(languages: readonly string[] = DEFAULT_LANGUAGES) {
  return z.strictObject({
    /** A code of `categories.yaml`, in the group matching the list the line is in. */
    category: categoryCode,
    /** Detail shown under the category (e.g. the funder of a grant). */
    label: localizedTextSchema(languages).optional(),
    /** Amount in currency units, at most two decimals. */
    amount: amountSchema(),
  });
}

/** Totals the treasurer computed by hand: the build checks they match the lines. */
function declaredSchema(withInKind: boolean) {
  const shape = {
    income: amountSchema().optional(),
    expenses: amountSchema().optional(),
    /** Income minus expenses: negative for a deficit. */
    result: amountSchema(true).optional(),
  };
  return withInKind ? z.strictObject({ ...shape, inKind: amountSchema().optional() }) : z.strictObject(shape);
}

/** `data/finances/<exercice>.yaml`. */
export function exerciceFileSchema(languages: readonly string[] = DEFAULT_LANGUAGES) {
  const lines = z.array(lineSchema(languages)).default([]);
  return z.strictObject({
    /** Name of the fiscal year; also the file name and the reports' folder (`reports/2024-2025/`). */
    exercice: z
      .union([z.string(), z.number().int()])
      .transform(String)
      .pipe(z.string().regex(EXERCICE_PATTERN, "expected a year (2024) or two consecutive years (2024-2025)")),
    /** First day of the fiscal year. */
    start: isoDate,
    /** Last day of the fiscal year (included). */
    end: isoDate,
    /** True while the figures are made up: pages and charts say so. */
    example: z.boolean().default(false),
    /** ISO 4217 code; every exercice compared must use the same one. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "expected a currency code such as EUR")
      .default("EUR"),
    income: lines,
    expenses: lines,
    inKind: lines,
    declared: declaredSchema(true).optional(),
    /** Budget voted for the next exercice. */
    budget: z
      .strictObject({ income: lines, expenses: lines, declared: declaredSchema(false).optional() })
      .optional(),
  });
}

export type LocalizedText = Record<string, string>;
export type CategoriesFile = z.output<ReturnType<typeof categoriesFileSchema>>;
export type ExerciceFile = z.output<ReturnType<typeof exerciceFileSchema>>;
export type LineInput = z.output<ReturnType<typeof lineSchema>>;
export type CategoryKind = "income" | "expenses" | "inKind";
export const CATEGORY_KINDS: readonly CategoryKind[] = ["income", "expenses", "inKind"];

/** The exercice after `name`: `2024-2025` → `2025-2026`, `2024` → `2025`. */
export function nextExercice(name: string): string {
  const match = EXERCICE_PATTERN.exec(name);
  if (!match) throw new Error(`"${name}" is not an exercice name`);
  const [, first, last] = match;
  return last ? `${Number(first) + 1}-${Number(last) + 1}` : String(Number(first) + 1);
}
