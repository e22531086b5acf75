/**
 * Content is read as UTF-8. A file an older editor saved in Windows-1252 or
 * Latin-1 holds, where its accents are, bytes that are not UTF-8: Node reads
 * each as U+FFFD, and the page would show "publicit�" with no error anywhere.
 * The build names the file, the line and the word instead.
 */
import type { ContentProblem } from "./problems.ts";

const UNREADABLE = "\uFFFD";

/** A problem when `text` (a file read as UTF-8) holds a character that was not UTF-8; `firstLine` is the file's line where `text` starts. */
export function notUtf8(text: string, file: string, firstLine = 1): ContentProblem | undefined {
  const at = text.indexOf(UNREADABLE);
  if (at === -1) return undefined;
  let line = firstLine;
  for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) line++;
  // A few words around it, within its line: what the writer looks for in the editor.
  const lineStart = text.lastIndexOf("\n", at) + 1;
  const lineEnd = text.indexOf("\n", at) === -1 ? text.length : text.indexOf("\n", at);
  const from = Math.max(lineStart, at - 24);
  const to = Math.min(lineEnd, at + 25);
  // A word cut by the window is left out.
  const before = from > lineStart ? text.slice(from, at).replace(/^\S*\s/, "") : text.slice(from, at);
  const after = to < lineEnd ? text.slice(at + 1, to).replace(/\s\S*$/, "") : text.slice(at + 1, to);
  const excerpt = `${before}${UNREADABLE}${after}`.trim();
  return {
    file,
    line,
    message: `this file is not saved as UTF-8: in “${excerpt}”, ${UNREADABLE} stands for a character that cannot be read (an accent saved in another encoding, such as Windows-1252): save the file again with the encoding UTF-8 (your editor's "Save with encoding" or "Reopen with encoding" menu), then check its accents`,
  };
}
