/**
 * The one escape function for text and attribute values written into HTML, SVG or
 * XML by hand: the five characters that can open a tag, start an entity or close an
 * attribute. `&#39;` rather than `&apos;` because HTML 4 readers (some feed readers
 * render RSS descriptions that way) do not know `&apos;`. And {@link safeJson}, for
 * JSON written into a page's `<script type="application/ld+json">`.
 */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Characters that could end the script element, open a comment, or break old JS parsers. */
const UNSAFE: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** JSON for an inline script: the same value once parsed, with no `<`, `>` or `&` in the text. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE[c]!);
}
