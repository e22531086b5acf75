/**
 * Reads `data/finances/`: `categories.yaml` and one `<exercice>.yaml` per fiscal
 * year. Every problem of every file is collected (file, line, field) so a
 * treasurer fixes them all in one go; `loadFinances` then stops the build once.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileText } from "../core/file-memo.ts";
import { KeptResults } from "../core/kept-results.ts";
import { ContentError, type ContentProblem } from "../core/problems.ts";
import {
  compare,
  computeExercice,
  categoriesFrom,
  type Categories,
  type Exercice,
} from "./finance-compute.ts";
import {
  CATEGORIES_FILE,
  CATEGORY_KINDS,
  DEFAULT_LANGUAGES,
  EXERCICE_PATTERN,
  categoriesFileSchema,
  exerciceFileSchema,
  nextExercice,
  type Cents,
  type CategoryKind,
} from "./finance-schema.ts";
import { parseWithSchema, problemAt, readYaml, type YamlPath, type YamlSource } from "../validate/yaml-source.ts";

export interface FinanceOptions {
  /** Project root: problems name files relative to it. Defaults to the working directory. */
  root?: string;
  /** Language codes every label must have (the site's languages). */
  languages?: readonly string[];
}

export interface Finances {
  /** Oldest first; each one but the first carries its comparison with the one before. */
  exercices: Exercice[];
  categories: Categories;
}

const KIND_WORDS: Record<CategoryKind, string> = { income: "income", expenses: "expense", inKind: "in-kind" };

/** Throws a `ContentError` listing every problem; a missing folder is a site without finances. */
export function loadFinances(dir: string, options: FinanceOptions = {}): Finances {
  const { finances, problems } = readFinances(dir, options);
  if (problems.length) throw new ContentError(problems);
  return finances;
}

/** The same reading for the validation pass: problems are returned, never thrown. */
export function checkFinances(dir: string, options: FinanceOptions = {}): ContentProblem[] {
  return readFinances(dir, options).problems;
}

export function findExercice(finances: Finances, name: string): Exercice | undefined {
  return finances.exercices.find((e) => e.exercice === name);
}

/**
 * {@link readFinances}, which `npm run build` keeps for the next build
 * (../core/kept-results.ts), found by the files' names and texts: their YAML,
 * schemas and sums took 0.1 s of each build. The categories' lists are Maps,
 * kept as their entries.
 */
export function keptFinances(dir: string, options: FinanceOptions = {}): { finances: Finances; problems: ContentProblem[] } {
  const absolute = path.resolve(options.root ?? process.cwd(), dir);
  const names = existsSync(absolute) ? readdirSync(absolute).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
  const key = JSON.stringify([absolute, options, names.map((name) => [name, fileText(path.join(absolute, name))])]);
  const json = keptReads.get(key, () => JSON.stringify(readFinances(dir, options), (_key, value: unknown) => (value instanceof Map ? { [MAP]: [...value] } : value)));
  return JSON.parse(json, (_key, value: unknown) =>
    value !== null && typeof value === "object" && MAP in value ? new Map((value as Record<typeof MAP, [string, unknown][]>)[MAP]) : value,
  ) as ReturnType<typeof readFinances>;
}

const keptReads = new KeptResults<string>("finances", "");
const MAP = "$map";

export function readFinances(dir: string, options: FinanceOptions = {}): { finances: Finances; problems: ContentProblem[] } {
  const root = options.root ?? process.cwd();
  const languages = options.languages ?? DEFAULT_LANGUAGES;
  const absolute = path.resolve(root, dir);
  const relative = (name: string) => path.relative(root, path.join(absolute, name)).split(path.sep).join("/");
  const empty: Categories = { income: new Map(), expenses: new Map(), inKind: new Map() };
  if (!existsSync(absolute)) return { finances: { exercices: [], categories: empty }, problems: [] };

  const names = readdirSync(absolute).filter((n) => /\.ya?ml$/.test(n)).sort();
  const problems: ContentProblem[] = [];
  const categoriesName = names.find((n) => n.replace(/\.yml$/, ".yaml") === CATEGORIES_FILE);
  const exerciceNames = names.filter((n) => n !== categoriesName);
  if (!categoriesName && exerciceNames.length === 0) return { finances: { exercices: [], categories: empty }, problems };

  let categories: Categories | undefined;
  if (!categoriesName) {
    problems.push({ file: relative(CATEGORIES_FILE), message: "missing: the categories used by the exercices are defined there" });
  } else {
    const read = readCategories(readFileSync(path.join(absolute, categoriesName), "utf8"), relative(categoriesName), languages);
    problems.push(...read.problems);
    categories = read.categories;
  }

  const exercices: Exercice[] = [];
  const sources = new Map<Exercice, YamlSource>();
  for (const name of exerciceNames) {
    const file = relative(name);
    const stem = name.replace(/\.ya?ml$/, "");
    if (!EXERCICE_PATTERN.test(stem)) {
      problems.push({ file, message: `the file name should be the exercice it describes (e.g. 2024-2025.yaml), found ${name}` });
      continue;
    }
    const read = readExercice(readFileSync(path.join(absolute, name), "utf8"), file, stem, categories, languages);
    problems.push(...read.problems);
    if (read.exercice && read.source) {
      exercices.push(read.exercice);
      sources.set(read.exercice, read.source);
    }
  }

  exercices.sort((a, b) => a.start.localeCompare(b.start));
  exercices.forEach((current, i) => {
    const before = exercices[i - 1];
    if (!before || !categories) return;
    const source = sources.get(current) as YamlSource;
    if (current.start <= before.end) {
      problems.push(problemAt(source, ["start"], `starts on ${current.start}, before ${before.exercice} ends (${before.end})`));
    }
    if (current.currency !== before.currency) {
      problems.push(problemAt(source, ["currency"], `expected ${before.currency} like ${before.exercice}, found ${current.currency}: exercices in different currencies cannot be compared`));
    }
    current.previous = compare(current, before, categories);
  });
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { finances: { exercices, categories: categories ?? empty }, problems };
}

/** Parses `categories.yaml`; a code may belong to one kind only. */
export function readCategories(text: string, file: string, languages: readonly string[] = DEFAULT_LANGUAGES) {
  const { source, problems } = readYaml(text, file);
  if (problems.length) return { problems };
  const parsed = parseWithSchema(source, categoriesFileSchema(languages));
  if (!parsed.data) return { problems: parsed.problems };
  const seen = new Map<string, CategoryKind>();
  for (const kind of CATEGORY_KINDS) {
    for (const code of Object.keys(parsed.data[kind])) {
      const other = seen.get(code);
      if (other) problems.push(problemAt(source, [kind, code], `the code "${code}" is already an ${KIND_WORDS[other]} category: give each category its own code`));
      else seen.set(code, kind);
    }
  }
  return problems.length ? { problems } : { problems, categories: categoriesFrom(parsed.data) };
}

/**
 * Parses one exercice and checks what a schema cannot: the name matches the file
 * and the dates, every category exists, and declared totals match the lines.
 * Without `categories` (their file is broken) only the file's own shape is checked.
 */
export function readExercice(
  text: string,
  file: string,
  stem: string,
  categories: Categories | undefined,
  languages: readonly string[] = DEFAULT_LANGUAGES,
): { exercice?: Exercice; source?: YamlSource; problems: ContentProblem[] } {
  const { source, problems } = readYaml(text, file);
  if (problems.length) return { problems };
  const at = (p: YamlPath, message: string) => problems.push(problemAt(source, p, message));
  const parsed = parseWithSchema(source, exerciceFileSchema(languages));
  problems.push(...parsed.problems);
  // Categories are checked on the raw file, so a wrong code is reported even
  // when another field of the same file is wrong too.
  if (categories) checkCategories(source.doc.toJS(), categories, at);
  const data = parsed.data;
  if (!data) return { problems };

  if (data.exercice !== stem) at(["exercice"], `expected ${stem}, the name of the file, found ${data.exercice}`);
  const [, first = "", last = first] = EXERCICE_PATTERN.exec(data.exercice) ?? [];
  if (Number(last) !== Number(first) && Number(last) !== Number(first) + 1) {
    at(["exercice"], `expected two consecutive years (e.g. ${first}-${Number(first) + 1}), found ${data.exercice}`);
  }
  if (!data.start.startsWith(first)) at(["start"], `an exercice named ${data.exercice} should start in ${first}, found ${data.start}`);
  if (!data.end.startsWith(last)) at(["end"], `an exercice named ${data.exercice} should end in ${last}, found ${data.end}`);
  if (data.end <= data.start) at(["end"], `expected a date after the start (${data.start}), found ${data.end}`);
  if (!categories || problems.length) return { problems };

  const exercice = computeExercice(data, categories, file, nextExercice(data.exercice));
  checkDeclared(data.declared, exercice.totals, ["declared"], at);
  if (data.budget && exercice.budget) checkDeclared(data.budget.declared, exercice.budget.totals, ["budget", "declared"], at);
  return problems.length ? { problems } : { exercice, source, problems };
}

const LINE_LISTS: [YamlPath, CategoryKind][] = [
  [["income"], "income"],
  [["expenses"], "expenses"],
  [["inKind"], "inKind"],
  [["budget", "income"], "income"],
  [["budget", "expenses"], "expenses"],
];

/** Every `category:` of every list must exist in `categories.yaml`, in the group of its list. */
function checkCategories(raw: unknown, categories: Categories, at: (p: YamlPath, message: string) => void): void {
  for (const [listPath, kind] of LINE_LISTS) {
    const list = listPath.reduce<unknown>((node, key) => (isRecord(node) ? node[key as string] : undefined), raw);
    if (!Array.isArray(list)) continue;
    list.forEach((line: unknown, i) => {
      const code = isRecord(line) ? line.category : undefined;
      const message = typeof code === "string" ? unknownCategory(code, kind, categories) : undefined;
      if (message) at([...listPath, i, "category"], message);
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function unknownCategory(code: string, kind: CategoryKind, categories: Categories): string | undefined {
  if (categories[kind].has(code)) return undefined;
  const owner = CATEGORY_KINDS.find((k) => categories[k].has(code));
  if (owner) return `"${code}" is an ${KIND_WORDS[owner]} category, not an ${KIND_WORDS[kind]} one`;
  const known = [...categories[kind].keys()].join(", ") || "none yet";
  return `unknown ${KIND_WORDS[kind]} category "${code}": expected one of ${known} (or add it to ${CATEGORIES_FILE})`;
}

type DeclaredKey = "income" | "expenses" | "inKind" | "result";
const DECLARED_WORDS: Record<DeclaredKey, string> = {
  income: "the income lines add up to",
  expenses: "the expense lines add up to",
  inKind: "the in-kind lines add up to",
  result: "income minus expenses is",
};

function checkDeclared(
  declared: Partial<Record<DeclaredKey, Cents>> | undefined,
  computed: Partial<Record<DeclaredKey, Cents>>,
  base: YamlPath,
  at: (p: YamlPath, message: string) => void,
): void {
  for (const key of Object.keys(DECLARED_WORDS) as DeclaredKey[]) {
    const stated = declared?.[key];
    const actual = computed[key];
    if (stated === undefined || actual === undefined || stated === actual) continue;
    at([...base, key], `declared ${plain(stated)} but ${DECLARED_WORDS[key]} ${plain(actual)} (off by ${plain(Math.abs(stated - actual))})`);
  }
}

/** Cents as the treasurer writes them in the file: `-1234.50`. */
export function plain(cents: Cents): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
