export { escapeMarkup } from "../core/escape.ts";

/** Fills `{{name}}` placeholders (i18next's syntax, so labels can move to its JSON files). */
export function fillLabel(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (all, name: string) => values[name] ?? all);
}
