/**
 * Amounts and changes written the way each language writes them, by Intl:
 * fr-FR "1 234,56 €" (narrow no-break space U+202F between thousands, no-break
 * space U+00A0 before the sign), en-GB "€1,234.56". Intl's characters are kept
 * as they are: they stop a line from breaking inside an amount. The minus sign
 * is the true minus (U+2212), as elsewhere on the site, not Intl's hyphen-minus.
 */
import type { Cents } from "./finance-schema.ts";

// Formatters are costly to build and a report formats hundreds of figures.
const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

export interface MoneyOptions {
  /** Show "+" before a positive amount (for a change); negative amounts always show "−". */
  signed?: boolean;
}

/** `123456` cents → "1 234,56 €" in fr-FR, "€1,234.56" in en-GB. */
export function formatMoney(cents: Cents, locale: string, currency = "EUR", { signed = false }: MoneyOptions = {}): string {
  return formatter(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: signed ? "exceptZero" : "auto",
  }).formatToParts(cents / 100).map(trueMinus).join("");
}

function trueMinus(part: Intl.NumberFormatPart): string {
  return part.type === "minusSign" ? "\u2212" : part.value;
}

/** A change in percent (12.34 means 12.34 %) with its sign and one decimal: "+12,3 %", "−50%". */
export function formatChange(percent: number, locale: string): string {
  return formatter(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).formatToParts(percent / 100).map(trueMinus).join("");
}
