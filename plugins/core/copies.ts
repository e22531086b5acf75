/**
 * The i18n plugin's untranslated copies: a page published in a language its
 * bundle has no file for, showing its original's text under a notice. A copy
 * has no file of its own; the original is the file a writer changes. Set at
 * each configuration load, and by `npm start` when a page is added or deleted;
 * read by its rebuilds (./incremental.ts, scripts/dev/loop.ts), the blog's
 * neighbours and the URL collision messages.
 */

/** Each copy (absolute path of its virtual page) → its original. */
let originals: ReadonlyMap<string, string> = new Map();
/** Each original → its copies. */
let byOriginal: ReadonlyMap<string, readonly string[]> = new Map();

/** The copies of this configuration load (absolute paths: copy → original). */
export function copiesShowText(copyToOriginal: ReadonlyMap<string, string>): void {
  originals = copyToOriginal;
  const grouped = new Map<string, string[]>();
  for (const [copy, original] of copyToOriginal) grouped.set(original, [...(grouped.get(original) ?? []), copy]);
  byOriginal = grouped;
}

/** The file whose text a page (absolute path) shows: its original's for an untranslated copy. */
export function textFileOf(page: string): string {
  return originals.get(page) ?? page;
}

/** The untranslated copies of an original (absolute paths). */
export function copiesOf(original: string): readonly string[] {
  return byOriginal.get(original) ?? [];
}
