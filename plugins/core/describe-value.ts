/**
 * How a value read from YAML or given as an option reads in a message ("found
 * …", "received …"): quoted text, a number, a list, a group of fields. Shared
 * by content validation, plugin options and date reading. Pure.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "an empty value";
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return "a date object (the front matter parser should keep dates as text)";
  // A short list of plain values reads as written ([47.2, -1.5], [2027-05-01, 2027-05-08]).
  if (Array.isArray(value) && value.length <= 6 && value.every((v) => ["string", "number", "boolean"].includes(typeof v))) {
    return `[${value.map((v) => (typeof v === "string" && /[,[\]"]/.test(v) ? JSON.stringify(v) : String(v))).join(", ")}]`;
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return `a group of fields (${Object.keys(value).join(", ") || "empty"})`;
  return typeof value;
}
