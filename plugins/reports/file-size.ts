/**
 * A file's size as a reader weighs a download: "120 Ko" / "120 KB",
 * "2,4 Mo" / "2.4 MB". Decimal units (1 KB = 1000 bytes), as storage makers
 * and most systems print them. The unit's words are UI strings; this file
 * picks the unit and formats the number for the language.
 */
export type SizeUnit = "bytes" | "kB" | "MB";

const KILO = 1000;

export interface SizeParts {
  unit: SizeUnit;
  /** The number to show, already rounded: whole kilobytes, megabytes to one decimal. */
  value: number;
}

export function sizeParts(bytes: number): SizeParts {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`a file size is a number of bytes, found ${bytes}`);
  if (bytes < KILO) return { unit: "bytes", value: bytes };
  const kilo = Math.round(bytes / KILO);
  // 999 600 bytes round to 1000 kB: say 1 MB instead.
  if (kilo < KILO) return { unit: "kB", value: kilo };
  return { unit: "MB", value: Math.round(bytes / KILO / KILO * 10) / 10 };
}

/** The number of `sizeParts` in the locale's digits and separators ("2,4" in fr-FR). */
export function formatSizeValue(parts: SizeParts, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(parts.value);
}
