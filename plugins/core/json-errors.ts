import type { ContentProblem } from "./problems.ts";

/**
 * Where JSON.parse stopped in a file a person edits (the UI strings, a page's data
 * file), and what to look for there. Node 20 says "at position 827", later versions
 * "(line 27 column 5)".
 */
export function jsonMistake(text: string, error: Error): { line?: number; message: string } {
  const byLine = /\(line (\d+) column \d+\)/.exec(error.message);
  const at = /at position (\d+)/.exec(error.message);
  const line = byLine ? Number(byLine[1]) : at ? text.slice(0, Number(at[1])).split("\n").length : undefined;
  const what = error.message.replace(/ in JSON at position \d+.*$| \(line \d+ column \d+\).*$/s, "");
  return {
    ...(line ? { line } : {}),
    message: `not valid JSON (${what}): look for a comma missing at the end of the line above, one too many before a }, or a quote left open`,
  };
}

/**
 * The JSON of a file a person edits (`file`, as problems name it), or the problem that
 * keeps it from being read, at its line: `subject` begins the message ("this data file is").
 */
export function parsedJson(text: string, file: string, subject: string): { value: unknown; problem?: undefined } | { value?: undefined; problem: ContentProblem } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const { line, message } = jsonMistake(text, error as Error);
    return { problem: { file, ...(line ? { line } : {}), message: `${subject} ${message}` } };
  }
}
