/**
 * A YAML file read with its node positions, so every problem found later (by
 * zod or by a cross-check) can name the line a treasurer has to open.
 */
import { readFileSync } from "node:fs";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { z } from "zod";
import { notUtf8 } from "../core/encoding.ts";
import { splitFrontMatter } from "../core/front-matter.ts";
import type { ContentProblem } from "../core/problems.ts";
import { issueMessages } from "../core/zod-issues.ts";

export type YamlPath = readonly PropertyKey[];

export interface YamlSource {
  /** Path relative to the project root, as problems print it. */
  file: string;
  doc: Document;
  lineCounter: LineCounter;
}

/** The line of a front-matter field (`["repeat", "until"]`) in a Markdown file, from the YAML parser's positions. */
export function frontMatterLine(absolute: string, path: YamlPath): number | undefined {
  const split = splitFrontMatter(readFileSync(absolute, "utf8"));
  const line = lineOf(readYaml(split.yaml, absolute).source, path);
  return line === undefined ? undefined : line + split.yamlLine - 1;
}

/**
 * Parses `text`; syntax errors become problems with their line in the file:
 * `firstLine` is the file's line where `text` starts (a front matter's is 2).
 */
export function readYaml(text: string, file: string, firstLine = 1): { source: YamlSource; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const unreadable = notUtf8(text, file, firstLine);
  if (unreadable) return { source: { file, doc, lineCounter }, problems: [unreadable] };
  const seen = new Set<string>();
  const lines = doc.errors.length ? text.split(/\r?\n/) : [];
  const problems: ContentProblem[] = doc.errors.flatMap((e) => {
    const at = lineCounter.linePos(e.pos[0]).line;
    const line = at + firstLine - 1;
    const problem = (e.code === "DUPLICATE_KEY" ? writtenTwice(lines, at, firstLine, file) : quoteHint(lines[at - 1] ?? "", file, line)) ?? {
      file,
      line,
      message: `the YAML is not valid: ${e.message.split("\n")[0]}`,
    };
    // One mistake often makes several errors on its line: report it once.
    const key = `${line}\n${problem.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [problem];
  });
  return { source: { file, doc, lineCounter }, problems };
}

/**
 * A field written twice in one map (`end:` on two lines, the second meant to
 * replace the first): YAML refuses to guess which one counts. Names both lines.
 */
function writtenTwice(lines: readonly string[], at: number, firstLine: number, file: string): ContentProblem | undefined {
  const key = /^(\s*(?:- )?)([^\s:#"'][^:#]*?):(\s|$)/.exec(lines[at - 1] ?? "");
  if (!key) return undefined;
  const [, indent, name] = key as unknown as [string, string, string];
  // The same key at the same depth, whether or not a list item's "- " opens its line.
  const depth = indent.replace("- ", "  ");
  const starts = [depth, ...(depth.length >= 2 ? [`${depth.slice(0, -2)}- `] : [])].map((lead) => `${lead}${name}:`);
  const first = lines.slice(0, at - 1).findLastIndex((l) => starts.some((start) => l.startsWith(start))) + 1;
  const line = at + firstLine - 1;
  const where = first > 0 ? `lines ${first + firstLine - 1} and ${line}` : `line ${line} and above`;
  return { file, line, field: name.trim(), message: `the field ${name.trim()} is written twice (${where}): keep the one you mean and delete the other` };
}

/**
 * `title: Atelier : chiffrer ses courriels`, the most common French case: YAML
 * reads the second ": " as a nested field. Say so, with the line to write instead.
 */
function quoteHint(lineText: string, file: string, line: number): ContentProblem | undefined {
  const match = /^(\s*(?:- )?)([^\s:#"'][^:#]*?):[ \t]+([^"'\s].*?)\s*$/.exec(lineText);
  if (!match || !/:(\s|$)/.test(match[3]!)) return undefined;
  const [, indent, key, written] = match as unknown as [string, string, string, string];
  // Typographic quotes (“…”, what word processors and phones type) are text to YAML, not quotes: straightened.
  const curly = /^“(.*)”$/.exec(written);
  const value = curly ? curly[1]! : written;
  const quoted = /["\\]/.test(value) ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
  return {
    file,
    line,
    field: key.trim(),
    message: curly
      ? `the quotes “ ” are read as text, so the ": " inside them is not quoted; write the line with straight quotes: ${indent}${key}: ${quoted}`
      : `a value containing ": " must be put in quotes; write the line as: ${indent}${key}: ${quoted}`,
  };
}

/**
 * Line of the field at `path`, or of its nearest existing parent when the field
 * is missing. A map entry points at its key, so `expenses:` followed by a block
 * list points at `expenses:`, not at the first item below it.
 */
export function lineOf(source: YamlSource, path: YamlPath): number | undefined {
  let node: unknown = source.doc.contents;
  let offset = rangeStart(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(String(segment))) {
      // A list item by its index, a number or its text ("aliases.0" as a problem's field names it).
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : source.lineCounter.linePos(offset).line;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

/** `expenses.2.category`: the dotted field name problems print. */
export function fieldName(path: YamlPath): string | undefined {
  return path.length ? path.map(String).join(".") : undefined;
}

/** A problem at `path` in `source`, with its line. */
export function problemAt(source: YamlSource, path: YamlPath, message: string): ContentProblem {
  const problem: ContentProblem = { file: source.file, message };
  const line = lineOf(source, path);
  if (line !== undefined) problem.line = line;
  const field = fieldName(path);
  if (field !== undefined) problem.field = field;
  return problem;
}

/** Runs `schema` on the document; each zod issue becomes one problem with file, line and field. */
export function parseWithSchema<S extends z.ZodType>(
  source: YamlSource,
  schema: S,
): { data?: z.output<S>; problems: ContentProblem[] } {
  const value: unknown = source.doc.toJS();
  if (value === null || value === undefined) {
    return { problems: [{ file: source.file, message: "the file is empty: expected the fields described in its example" }] };
  }
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue) => issueProblems(source, issue, schema));
  return { problems };
}

function issueProblems(source: YamlSource, issue: z.core.$ZodIssue, schema: z.ZodType): ContentProblem[] {
  return issueMessages(issue, schema).map(({ path, message }) => problemAt(source, path, message));
}
