/**
 * Is a translation still true to its original? A translation records in its
 * front matter (`translationOf`) the hash of the original it was made from;
 * when the original's hash changes, the translation is stale. Pure: no fs,
 * no Eleventy; the CLI and the site both use it, so they always agree.
 */
import { createHash } from "node:crypto";
import { fileText, perFile } from "../core/file-memo.ts";
import { parseFrontMatter, splitFrontMatter } from "../core/front-matter.ts";

/** Hex characters kept from the sha256: enough to never collide within one page's history, short enough to read. */
export const HASH_LENGTH = 12;

/**
 * Fields that belong to one language's file and say nothing about what there
 * is to translate: changing them in the original does not make translations stale.
 */
export const PER_LANGUAGE_FIELDS: readonly string[] = ["translationOf", "translators", "revisers", "original", "slug", "aliases", "draft", "untranslated"];

export type TranslationState = "up-to-date" | "stale" | "missing" | "untracked";

/** The order in which states are listed, worst first. */
export const STATES: readonly TranslationState[] = ["missing", "stale", "untracked", "up-to-date"];

export interface ParsedSource {
  /** Front matter as data ({} when absent or unreadable). */
  data: Record<string, unknown>;
  /** Markdown after the front matter. */
  body: string;
  /** Whether the front matter could be read as YAML. */
  valid: boolean;
  /** Front matter text, for hashing when the YAML is broken. */
  rawFrontMatter: string;
}

export function parseSource(source: string): ParsedSource {
  const split = splitFrontMatter(source);
  if (!split.closed) return { data: {}, body: split.body, valid: !split.opened, rawFrontMatter: split.yaml };
  try {
    return { data: parseFrontMatter(split.yaml), body: split.body, valid: true, rawFrontMatter: split.yaml };
  } catch {
    return { data: {}, body: split.body, valid: false, rawFrontMatter: split.yaml };
  }
}

/** A content file's text and front matter, read again only when the file changed. */
export const parsedFile = perFile((absolute): ParsedSource & { text: string } => {
  const text = fileText(absolute).replace(/^\uFEFF/, "");
  return { text, ...parseSource(text) };
});

/** {@link contentHash} of a content file, computed again only when the file changed. */
export const hashOfFile = perFile((absolute) => hashOfParsed(parsedFile(absolute)));

/** JSON with sorted keys, so reordering front-matter fields changes nothing. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The hash a translation records: sha256 of the original's front matter
 * (without per-language fields, keys sorted) and Markdown body (line endings
 * normalised, trailing blank space dropped), first {@link HASH_LENGTH} hex characters.
 * Re-indenting the YAML or saving with CRLF does not change it; any change of
 * wording, date or field does.
 */
export function contentHash(source: string): string {
  return hashOfParsed(parseSource(source));
}

/** {@link contentHash} of a source already split and parsed. */
function hashOfParsed({ data, body, valid, rawFrontMatter }: ParsedSource): string {
  const fields = Object.fromEntries(Object.entries(data).filter(([k]) => !PER_LANGUAGE_FIELDS.includes(k)));
  const head = valid ? canonical(fields) : rawFrontMatter;
  const text = body.replace(/\r\n?/g, "\n").replace(/\s+$/, "");
  return createHash("sha256").update(`${head}\n---\n${text}`).digest("hex").slice(0, HASH_LENGTH);
}

/** What a translation's front matter says it was made from (undefined when it says nothing). */
export function recordedHash(source: string): string | undefined {
  return recordedIn(parseSource(source).data);
}

/** {@link recordedHash} of front matter already parsed. */
export function recordedIn(data: Record<string, unknown>): string | undefined {
  const value = data.translationOf;
  if (value === undefined || value === null || value === "") return undefined;
  return String(value);
}

/**
 * How a translation stands against its original's current hash. A translation
 * that records nothing is `untracked`: we cannot tell whether it is current,
 * and saying "up to date" would hide the very pages a translator should check.
 */
export function stateOf(translation: string | undefined, originalHash: string): TranslationState {
  if (translation === undefined) return "missing";
  return stateOfRecorded(recordedHash(translation), originalHash);
}

/** {@link stateOf} of an existing translation from the hash its front matter records. */
export function stateOfRecorded(recorded: string | undefined, originalHash: string): TranslationState {
  if (recorded === undefined) return "untracked";
  return sameHash(recorded, originalHash) ? "up-to-date" : "stale";
}

/** Whether a recorded hash names `hash`: one written by hand may be longer or shorter, so compare what both have (8 characters at least). */
export function sameHash(recorded: string, hash: string): boolean {
  const n = Math.min(recorded.length, hash.length);
  return n >= 8 && recorded.slice(0, n).toLowerCase() === hash.slice(0, n);
}

/**
 * The translation's source with `translationOf` set to `hash`, every other
 * byte unchanged: an existing line is rewritten in place, else one line is
 * added at the end of the front matter (with the file's own line ending).
 */
export function withTranslationOf(source: string, hash: string): string {
  const split = splitFrontMatter(source);
  if (!split.closed) throw new Error("the file has no front matter (it must start with a line ---)");
  const { eol } = split;
  const [start, end] = split.yamlRange;
  const raw = source.slice(start, end);
  // Quoted: a hash of digits only would otherwise be read as a number.
  const line = `translationOf: "${hash}"`;
  const existing = /^translationOf[ \t]*:.*$/m;
  const updated = existing.test(raw) ? raw.replace(existing, line) : raw === "" ? line : `${raw}${eol}${line}`;
  return source.slice(0, start) + updated + source.slice(end);
}
