/**
 * UI strings: one i18next JSON file per language in `data/i18n/`, same keys.
 * A key missing in one language is a content problem naming the key.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import i18next, { type TFunction } from "i18next";
import { parsedJson } from "../core/json-errors.ts";
import type { ContentProblem } from "../core/problems.ts";
import { placeholderProblems } from "./ui-schema.ts";

export type Resources = Record<string, Record<string, unknown>>;

/** `{a: {b: "x"}}` → `["a.b"]`. */
export function flattenKeys(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) ? flattenKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** Keys present in one language's file and absent from another's. */
export function keyParityProblems(resources: Resources, fileOf: (lang: string) => string): ContentProblem[] {
  const keys = new Map(Object.entries(resources).map(([lang, r]) => [lang, new Set(flattenKeys(r))]));
  const all = new Set([...keys.values()].flatMap((s) => [...s]));
  const problems: ContentProblem[] = [];
  for (const [lang, set] of keys) {
    for (const key of [...all].sort()) {
      if (!set.has(key)) {
        const has = [...keys].filter(([, s]) => s.has(key)).map(([l]) => l);
        problems.push({ file: fileOf(lang), field: key, message: `UI string missing (present in ${has.join(", ")})` });
      }
    }
  }
  return problems;
}

/** The stand-ins for files that are not JSON: the file's own problem is reported, not each string it lacks. */
const standIns = new WeakSet<object>();

/** True for a language whose strings file could not be read (see {@link loadResources}). */
export function unreadable(strings: object | undefined): boolean {
  return strings !== undefined && standIns.has(strings);
}

export function loadResources(dir: string, languages: readonly string[], root = process.cwd()): { resources: Resources; problems: ContentProblem[] } {
  const resources: Resources = {};
  const problems: ContentProblem[] = [];
  const fileOf = (lang: string) => path.relative(root, path.join(dir, `${lang}.json`));
  for (const lang of languages) {
    let text: string;
    try {
      text = readFileSync(path.join(dir, `${lang}.json`), "utf8");
    } catch (error) {
      problems.push({ file: fileOf(lang), message: `cannot read the UI strings: ${(error as Error).message}` });
      continue;
    }
    const parsed = parsedJson(text, fileOf(lang), "the UI strings are");
    if (parsed.problem) problems.push(parsed.problem);
    else resources[lang] = parsed.value as Record<string, unknown>;
  }
  // A file that could not be read is not compared: every one of its strings would be "missing".
  problems.push(...keyParityProblems(resources, fileOf), ...placeholderProblems(resources, fileOf));
  for (const lang of languages) {
    if (resources[lang]) continue;
    resources[lang] = {};
    standIns.add(resources[lang]);
  }
  return { resources, problems };
}

const loadedPerConfig = new WeakMap<object, { resources: Resources; problems: ContentProblem[] }>();

/**
 * The site's UI strings, read once per configuration load (a watched edit reloads
 * the configuration, hence the files) and shared by every plugin that needs them.
 */
export function siteStrings(
  eleventyConfig: object,
  project: { strings: string; root: string; site: { languages: readonly { code: string }[] } },
): { resources: Resources; problems: ContentProblem[] } {
  let loaded = loadedPerConfig.get(eleventyConfig);
  if (!loaded) {
    loaded = loadResources(project.strings, project.site.languages.map((l) => l.code), project.root);
    loadedPerConfig.set(eleventyConfig, loaded);
  }
  return loaded;
}

const translators = new WeakMap<Resources, Map<string, TFunction>>();
/** The same strings as another object: Eleventy's data cascade hands every page its own copy of global data. */
const translatorsByContent = new Map<string, Map<string, TFunction>>();

/** A `t` function for one language; one i18next instance per language and set of strings. */
export function translator(resources: Resources, lang: string): TFunction {
  let byLang = translators.get(resources);
  if (!byLang) {
    const content = JSON.stringify(resources);
    byLang = translatorsByContent.get(content);
    if (!byLang) translatorsByContent.set(content, (byLang = new Map()));
    translators.set(resources, byLang);
  }
  let t = byLang.get(lang);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: lang,
      resources: Object.fromEntries(Object.entries(resources).map(([l, r]) => [l, { translation: r }])),
      initAsync: false,
      interpolation: { escapeValue: false }, // the JSX escapes text as it writes it
      returnNull: false,
      showSupportNotice: false,
      missingKeyHandler: (_lngs: readonly string[], _ns: string, key: string) => {
        throw new Error(`UI string "${key}" is missing in data/i18n/${lang}.json`);
      },
      saveMissing: true,
    } as Parameters<typeof instance.init>[0]);
    t = remembered(instance.t.bind(instance) as TFunction);
    byLang.set(lang, t);
  }
  return t;
}

/**
 * `t` with its answers kept: a page asks the same few dozen strings (header,
 * footer, bylines, pager) as every other page, and i18next resolves each call
 * anew (about 0.3 ms per page at 1,000 posts). A call is kept when its options
 * are plain text, numbers or booleans, keyed by them; any other call goes to i18next.
 *
 * A call with values that were not asked before (a list's page number, a tag's
 * name) is filled into the string i18next made once for those option names
 * ({@link shapeOf}): i18next took 20 to 50 µs a call, 30 ms of the 800 such
 * calls of a 1,000-post build. A call with a `count` still goes to i18next,
 * which chooses the plural's string by it.
 */
function remembered(t: TFunction): TFunction {
  const kept = new Map<string, unknown>();
  const shapes = new Map<string, Shape | undefined>();
  const call = t as unknown as (...args: unknown[]) => unknown;
  const fast = (...args: unknown[]) => {
    const [key, options] = args;
    const id = typeof key === "string" && args.length <= 2 ? idOf(key, options) : undefined;
    if (id === undefined) return call(...args);
    let text = kept.get(id);
    if (text === undefined) {
      const values = options as Record<string, string | number | boolean> | undefined;
      const shape = values && !("count" in values) ? shapeOf(shapes, call, key as string, values) : undefined;
      kept.set(id, (text = shape ? filled(shape, values!) : call(...args)));
    }
    return text;
  };
  return fast as unknown as TFunction;
}

/** A string as i18next writes it for some option names: its text, cut where each option's value goes. */
type Shape = { texts: string[]; names: string[] };

/** Marks where i18next puts an option's value; no UI string holds this character. */
const MARK = "\u0001";

/** The shape of `key`'s string for these option names, made by i18next from marks; undefined when it cannot be (a value used in a way a mark does not show). */
function shapeOf(shapes: Map<string, Shape | undefined>, call: (...args: unknown[]) => unknown, key: string, values: Record<string, unknown>): Shape | undefined {
  const names = Object.keys(values);
  const id = `${key}\u0000${names.join("\u0000")}`;
  if (shapes.has(id)) return shapes.get(id);
  const marked = call(key, Object.fromEntries(names.map((name, i) => [name, `${MARK}${i}${MARK}`])));
  let shape: Shape | undefined;
  if (typeof marked === "string") {
    const parts = marked.split(MARK);
    // Text, index, text, index…, text: anything else (a value reformatted) goes to i18next every time.
    if (parts.length % 2 === 1 && parts.every((part, i) => i % 2 === 0 || /^\d+$/.test(part))) {
      shape = { texts: parts.filter((_, i) => i % 2 === 0), names: parts.filter((_, i) => i % 2 === 1).map((i) => names[Number(i)]!) };
    }
  }
  shapes.set(id, shape);
  return shape;
}

function filled({ texts, names }: Shape, values: Record<string, string | number | boolean>): string {
  let text = texts[0]!;
  for (let i = 0; i < names.length; i++) text += String(values[names[i]!]) + texts[i + 1]!;
  return text;
}

function idOf(key: string, options: unknown): string | undefined {
  if (options === undefined) return key;
  if (!options || typeof options !== "object" || Array.isArray(options)) return undefined;
  let id = key;
  for (const [name, value] of Object.entries(options)) {
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return undefined;
    id += `\u0000${name}\u0000${typeof value}:${String(value)}`;
  }
  return id;
}
