/**
 * A URL part as the file or id it names: `photo%20%C3%A9t%C3%A9.jpg` → `photo été.jpg`.
 * A stray `%` (not an escape: a file named `100%.pdf`) leaves the text as written.
 */
export function decodedOrAsWritten(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
