/**
 * The one escape function for text and attribute values written into HTML, SVG or
 * XML by hand: the five characters that can open a tag, start an entity or close an
 * attribute. `&#39;` rather than `&apos;` because HTML 4 readers (some feed readers
 * render RSS descriptions that way) do not know `&apos;`.
 */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
