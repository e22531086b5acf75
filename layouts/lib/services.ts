/**
 * The services on the home page, from data/services.json (Eleventy's global
 * data `services`): one card each, with a name and one line in every language
 * and the page it leads to. A mistake stops the build naming the entry and field.
 */
import { z } from "zod";

const Text = z.record(z.string(), z.string().min(1));

export const ServiceSchema = z.strictObject({
  /** Stable name of the entry (kebab-case), for error messages and anchors. */
  id: z.string().regex(/^[a-z0-9-]+$/, "kebab-case, such as messagerie"),
  /** Name per language code. */
  name: Text,
  /** One line per language code: what the service does for the visitor. */
  summary: Text,
  /** Path inside a language (`docs/services/`), or an absolute https URL. */
  path: z.string().regex(/^(?!\/)[^\s]*$|^https:\/\//, "a path inside the language such as docs/services/, or an https URL"),
});

export type Service = z.output<typeof ServiceSchema>;

const FILE = "data/services.json";
const parsed = new WeakMap<object, Service[]>();

/** The services for `languages`, checked once per build; none when the site has no data/services.json. */
export function servicesOf(input: unknown, languages: readonly string[]): Service[] {
  if (input === undefined) return [];
  if (typeof input === "object" && input !== null && parsed.has(input)) return parsed.get(input)!;
  const result = z.array(ServiceSchema).safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${FILE} · ${i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "")} · ${i.message}`);
    throw new Error(`The services are not valid:\n${lines.join("\n")}`);
  }
  const missing = result.data.flatMap((s, i) =>
    languages.flatMap((l) => (["name", "summary"] as const).filter((f) => !s[f][l]).map((f) => `  ${FILE} · [${i}].${f}.${l} · missing (${s.id} needs a ${f} in every language)`)),
  );
  if (missing.length) throw new Error(`The services are not valid:\n${missing.join("\n")}`);
  if (typeof input === "object" && input !== null) parsed.set(input, result.data);
  return result.data;
}
