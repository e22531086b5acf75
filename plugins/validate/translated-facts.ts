/**
 * Facts are the same in every language. A writer who moves an event's date in
 * the French file and forgets the English one publishes two dates for one event,
 * and the English readers turn up on the wrong day; a report's assembly date or
 * year likewise. So the fields a content type names as facts must be, in every
 * translation, the original's; the build names the field, the line and the value
 * to copy. The words (title, summary, a place's name, the text) are the translator's.
 */
import path from "node:path";
import { readWallClock } from "../core/dates.ts";
import { describeValue } from "../core/describe-value.ts";
import type { EleventyConfig } from "../core/eleventy.ts";
import type { Project } from "../core/project.ts";
import type { ContentFile } from "../i18n/content-files.ts";
import { chooseOriginal, frontMatterOf } from "../i18n/originals.ts";
import { parsedFile } from "../translations/status.ts";
import { validationContext } from "./index.ts";
import type { ContentProblem } from "../core/problems.ts";
import { addContentCheck } from "./registry.ts";
import { frontMatterLine } from "./yaml-source.ts";

/** A fact: a field (`["date"]`), or a field inside a group whose other fields are words (`["period", "start"]`). */
export type FactPath = readonly string[];

/** A value as compared: dates by what they say (`2025-06-14 14:00` is `2025-06-14T14:00`). Maps are compared key by key, so their order does not matter. */
function canonical(value: unknown): unknown {
  if (typeof value === "string") {
    const wall = readWallClock(value);
    if (wall) return `${wall.year}-${wall.month}-${wall.day}${wall.hasTime ? `T${wall.hour}:${wall.minute}:${wall.second}` : ""}${wall.offset ?? ""}`;
    return value.trim();
  }
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

/** Where two front-matter values first differ: the path below them, or undefined when they agree. */
function firstDifference(a: unknown, b: unknown, at: (string | number)[]): (string | number)[] | undefined {
  return differenceIn(canonical(a), canonical(b), at);
}

/** {@link firstDifference} between two canonical values. */
function differenceIn(x: unknown, y: unknown, at: (string | number)[]): (string | number)[] | undefined {
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (isMap(x) && isMap(y)) {
    for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      const found = differenceIn(x[key], y[key], [...at, key]);
      if (found) return found;
    }
    return undefined;
  }
  // Lists of the same length: the first item that differs (its own line); otherwise the whole list.
  if (Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
    for (let i = 0; i < x.length; i++) {
      const found = differenceIn(x[i], y[i], [...at, i]);
      if (found) return found;
    }
    return undefined;
  }
  return JSON.stringify(x) === JSON.stringify(y) ? undefined : at;
}

/** The value at a path of a front matter, or undefined. */
function valueAt(front: Record<string, unknown>, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((v, key) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>)[key] : undefined), front);
}

/** A difference between a translation and its original, at a field of the translation. */
export interface FactDifference {
  /** Dotted path: `start`, `repeat.until`. */
  field: string;
  path: (string | number)[];
  message: string;
}

/**
 * The `facts` of `translation` that are not its original's. `originalAt` says where
 * the original's value is written ("index.fr.md:4"), for the message.
 */
export function factDifferences(
  original: Record<string, unknown>,
  translation: Record<string, unknown>,
  facts: readonly FactPath[],
  originalAt: (path: (string | number)[]) => string,
): FactDifference[] {
  const found: FactDifference[] = [];
  for (const fact of facts) {
    const path = firstDifference(valueAt(original, fact), valueAt(translation, fact), [...fact]);
    if (!path) continue;
    const theirs = valueAt(original, path);
    const ours = valueAt(translation, path);
    const written = (v: unknown) => (v === undefined ? "nothing" : typeof v === "string" ? v : describeValue(v));
    const expected = theirs === undefined ? `no ${path.join(".")}, as the original (${originalAt(path.slice(0, -1))})` : `the original's ${path.join(".")} (${originalAt(path)}: ${written(theirs)})`;
    found.push({
      field: path.join("."),
      path,
      message: `expected ${expected}, found ${written(ours)}: facts such as dates are the same in every language, only words are translated; ${theirs === undefined ? "delete it, or add it to the original too" : "copy the original's"}`,
    });
  }
  return found;
}

/** Whether a file's front matter could be read: when not, the validation says why, and every comparison would be noise. */
function readable(file: ContentFile): boolean {
  const parsed = parsedFile(file.absolute);
  return parsed.valid && Object.keys(parsed.data).length > 0;
}

/**
 * Checks, before each build, every translation of the pages of `section`
 * (`events`, `reports`) against its original (the file ../i18n/originals.ts
 * chooses): each difference in `facts` is a problem at the translation's line.
 */
export function addTranslatedFacts(eleventyConfig: EleventyConfig, project: Project, section: string, facts: readonly FactPath[]): void {
  addContentCheck(eleventyConfig, `${section}: facts in every language`, () => {
    const { site, root } = project;
    const settings = { languages: site.languages.map((l) => l.code), defaultLanguage: site.defaultLanguage, timezone: site.timezone };
    const problems: ContentProblem[] = [];
    for (const byLang of validationContext(project).scan.bundles.values()) {
      if (byLang.size < 2 || byLang.values().next().value!.section !== section) continue;
      const original = chooseOriginal(byLang, settings, frontMatterOf).file;
      const where = (at: (string | number)[]) => {
        const line = at.length ? frontMatterLine(original.absolute, at) : undefined;
        return `${path.basename(original.file)}${line ? `:${line}` : ""}`;
      };
      // An unreadable front matter (its YAML problem is reported) has no facts to compare.
      if (!readable(original)) continue;
      for (const file of byLang.values()) {
        if (file === original || !readable(file)) continue;
        for (const d of factDifferences(frontMatterOf(original), frontMatterOf(file), facts, where)) {
          // Nothing to copy while the original's own value is wrong: its problem is reported, and fixing it may settle this one.
          const followsFrom = { file: path.relative(root, original.absolute), field: d.field };
          problems.push({ file: path.relative(root, file.absolute), line: frontMatterLine(file.absolute, d.path), field: d.field, message: d.message, followsFrom });
        }
      }
    }
    return problems;
  });
}
