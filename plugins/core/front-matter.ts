/**
 * The project's one front-matter splitter and reader. Validation, the
 * translation status, the image check and the build (through Eleventy's
 * front-matter engine option) all read a Markdown file through here, so a file
 * saved by another editor (a UTF-8 byte-order mark, Windows CRLF line endings)
 * is read the same way everywhere. No Eleventy import.
 *
 * Where the block ends follows gray-matter, which Eleventy uses to cut the file:
 * the first line starting with `---` closes it. Such a line with more than
 * `---` on it is reported by validation (`closingExtra`), so the two never
 * disagree about a file that builds.
 */
import { CORE_SCHEMA, load } from "js-yaml";
import { deepFreeze } from "./freeze.ts";
import { KeptResults } from "./kept-results.ts";
import { perKey } from "./memo.ts";

const BOM = "\uFEFF";

export interface FrontMatterSplit {
  /** The file starts (after any byte-order mark) with a line `---`. */
  opened: boolean;
  /** A closing `---` line was found. */
  closed: boolean;
  /** The YAML text between the two lines, with `\n` line endings ("" when there is none). */
  yaml: string;
  /** The Markdown after the closing line, as written (markdown-it reads CRLF too). */
  body: string;
  /** 1-based line of the file where the YAML text starts. */
  yamlLine: number;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** The closing line when it holds more than `---` (gray-matter would still cut there). */
  closingExtra?: { line: number; text: string };
  /** The file's own line ending, for tools that rewrite one line in place. */
  eol: "\n" | "\r\n";
  /** Where the raw YAML text sits in `source` (a byte-order mark counts as one character). */
  yamlRange: [number, number];
}

/** Splits a Markdown file into its YAML front matter and its body. */
export function splitFrontMatter(source: string): FrontMatterSplit {
  const start = source.startsWith(BOM) ? 1 : 0;
  const eol = /\r\n/.test(source.slice(0, 4096)) ? "\r\n" : "\n";
  const none: FrontMatterSplit = {
    opened: false,
    closed: false,
    yaml: "",
    body: source.slice(start),
    yamlLine: 1,
    bodyLine: 1,
    eol,
    yamlRange: [start, start],
  };
  const firstEnd = lineEnd(source, start);
  if (!/^---[ \t]*$/.test(source.slice(start, firstEnd).replace(/\r$/, ""))) return none;
  const yamlStart = Math.min(firstEnd + 1, source.length);
  let line = 2;
  for (let at = yamlStart; at < source.length; line++) {
    const end = lineEnd(source, at);
    const text = source.slice(at, end).replace(/\r$/, "");
    if (text.startsWith("---")) {
      // The text ends before the line break of its last line (CRLF included).
      const rawEnd = Math.max(yamlStart, source[at - 2] === "\r" ? at - 2 : at - 1);
      const raw = source.slice(yamlStart, rawEnd);
      const split: FrontMatterSplit = {
        opened: true,
        closed: true,
        yaml: normalise(raw),
        body: source.slice(Math.min(end + 1, source.length)),
        yamlLine: 2,
        bodyLine: line + 1,
        eol,
        yamlRange: [yamlStart, yamlStart + raw.length],
      };
      if (text.slice(3).trim() !== "") split.closingExtra = { line, text };
      return split;
    }
    at = end + 1;
  }
  const raw = source.slice(yamlStart);
  return { ...none, opened: true, yaml: normalise(raw), body: "", yamlLine: 2, yamlRange: [yamlStart, source.length] };
}

/**
 * Front-matter YAML as data: the core schema, so `date: 2025-03-12` stays
 * wall-clock text (luxon reads it in the site's zone) instead of UTC midnight.
 * Throws the YAML error on invalid text; validation reports it before the build
 * (with the line, through ../validate/yaml-source.ts).
 */
export function parseFrontMatter(yaml: string): Readonly<Record<string, unknown>> {
  // Eleventy's reader (gray-matter) hands over the text with the line break after
  // the opening ---, the others without: the same data, one text to look up.
  return parsedText(normalise(yaml).replace(/^\n+/, ""));
}

/**
 * Each file's front matter is read by Eleventy, validation, the originals and
 * the translation status: one YAML parse, kept by its text (an edited file has
 * a new text) and shared, hence frozen; and kept for the next build.
 */
const parsedText = perKey((text): Record<string, unknown> => {
  const kept = keptParses.find(text);
  if (kept !== undefined) return deepFreeze(kept);
  // js-yaml, which Eleventy itself reads front matter with: about eight times
  // faster than the \`yaml\` package, whose documents keep node positions that
  // only a problem's message needs (the 1,967 front matters of 1,000 bench posts: 555 ms → 115 ms).
  const loaded = withoutControlCharacters(load(text, { schema: CORE_SCHEMA }));
  const value = loaded && typeof loaded === "object" && !Array.isArray(loaded) ? (loaded as Record<string, unknown>) : {};
  if (sameAsJson(value)) keptParses.keep(text, value);
  return deepFreeze(value);
}, 50_000);

/**
 * Each front matter's data, kept from one `npm run build` to the next
 * (./kept-results.ts): a text read by the last build is not parsed again.
 */
const keptParses = new KeptResults<Record<string, unknown>>("front-matter", "js-yaml core schema");

/** Whether JSON gives `value` back as it is: YAML's `.nan`, `.inf` and `-0` would not come back (never kept). */
function sameAsJson(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(sameAsJson);
  if (value && typeof value === "object") return Object.values(value).every(sameAsJson);
  return value === null || typeof value === "string" || typeof value === "boolean";
}

// C0 controls but tab and line breaks, DEL, C1 controls: invisible, invalid in
// XML feeds and iCalendar, flagged by HTML validators. Never meant by a writer.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Front-matter values with control characters removed from every text, so no
 * output format (HTML, feeds, iCalendar, JSON-LD, search index) receives them.
 */
export function withoutControlCharacters<T>(value: T): T {
  if (typeof value === "string") return value.replace(CONTROL, "") as T;
  if (Array.isArray(value)) return value.map(withoutControlCharacters) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutControlCharacters(v)])) as T;
  }
  return value;
}

/** CRLF and lone CR become LF; a stray byte-order mark is dropped. */
function normalise(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

function lineEnd(source: string, from: number): number {
  const at = source.indexOf("\n", from);
  return at === -1 ? source.length : at;
}
