/**
 * A file's size as people weigh it: "120 Ko" / "120 KB" on a report's PDF link,
 * "2.3 MB" in the deploy's plan. Decimal units (1 kB = 1000 bytes), as storage
 * makers and most systems print them. This file picks the unit and rounds; the
 * unit's words are the caller's (UI strings on the site, symbols in the terminal).
 */
export type SizeUnit = "bytes" | "kB" | "MB" | "GB" | "TB";

const KILO = 1000;
const UNITS: readonly SizeUnit[] = ["bytes", "kB", "MB", "GB", "TB"];

export interface SizeParts {
  unit: SizeUnit;
  /** The number to show, already rounded to the unit's decimals. */
  value: number;
}

/** Decimals per unit: a reader wants whole kilobytes on a link, the deploy one decimal everywhere. */
export type SizeDecimals = Partial<Record<SizeUnit, number>>;
const READER: SizeDecimals = { MB: 1, GB: 1, TB: 1 };

/** The largest unit in which the rounded value stays under 1000 (999 600 bytes: 1 MB, not 1000 kB). */
export function sizeParts(bytes: number, decimals: SizeDecimals = READER): SizeParts {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`a file size is a number of bytes, found ${bytes}`);
  const round = (value: number, unit: SizeUnit) => {
    const scale = 10 ** (decimals[unit] ?? 0);
    return Math.round(value * scale) / scale;
  };
  let i = 0;
  let value = bytes;
  while (i < UNITS.length - 1 && round(value, UNITS[i]!) >= KILO) {
    value /= KILO;
    i++;
  }
  const unit = UNITS[i]!;
  return { unit, value: round(value, unit) };
}

/** The number of `sizeParts` in the locale's digits and separators ("2,4" in fr-FR). */
export function formatSizeValue(parts: SizeParts, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(parts.value);
}
