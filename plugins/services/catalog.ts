/**
 * The association's services, from the site's data/services.yaml (read by this
 * plugin, not by Eleventy's data cascade, which would merge it into any page field
 * named `services`): one entry each, with a name and one line in every language and
 * the page it leads to. The home page shows them as cards; status notices name
 * them by id. A mistake stops the build naming the entry and field.
 */
import { z } from "zod";
import type { ContentProblem } from "../core/problems.ts";
import { parseWithSchema, problemAt, readYaml } from "../validate/yaml-source.ts";
import { expect } from "../validate/zod-problems.ts";

const Text = z.record(z.string(), z.string().trim().min(1), expect("one text per language, such as fr: … and en: … on the lines below"));

export const ServiceSchema = z.strictObject({
  /** Stable name of the entry (kebab-case): what status notices write in `services`, and error messages show. */
  id: z.string().regex(/^[a-z0-9-]+$/, "kebab-case, such as messagerie"),
  /** Name per language code. */
  name: Text,
  /** One line per language code: what the service does for the visitor. */
  summary: Text,
  /** Path inside a language (`docs/services/`), or an absolute https URL. */
  path: z.string().regex(/^(?!\/)[^\s]*$|^https:\/\//, "a path inside the language such as docs/services/, or an https URL"),
});

export type Service = z.output<typeof ServiceSchema>;

/** Where the services are read from, as messages name it. */
export const SERVICES_FILE = "data/services.yaml";

export interface ReadServices {
  /** The services, none while the file has a problem. */
  services: Service[];
  problems: ContentProblem[];
  /** Every id written, when the file is a list (even with a problem in an entry): what notices may name. */
  ids?: KnownId[];
}

/** A service's id, and its names in every language: a writer may type the name they see. */
export interface KnownId {
  id: string;
  names: string[];
}

/**
 * The services written in `text` (the YAML of data/services.yaml), or one problem per
 * mistake with its line: a bad field, a name or line missing in one of `languages`,
 * an id used twice.
 */
export function readServices(text: string, languages: readonly string[], file = SERVICES_FILE): ReadServices {
  const { source, problems: syntax } = readYaml(text, file);
  if (syntax.length) return { services: [], problems: syntax };
  const { data, problems } = parseWithSchema(source, z.array(ServiceSchema, expect("a list of services, each line of the first level starting with - id:")));
  if (!data) {
    // A wrong field in one entry: the ids written are still what notices may name.
    const written: unknown = source.doc.toJS();
    return { services: [], problems, ...(Array.isArray(written) ? { ids: knownIds(written) } : {}) };
  }
  const seen = new Set<string>();
  data.forEach((s, i) => {
    for (const field of ["name", "summary"] as const) {
      for (const l of languages.filter((l) => !s[field][l])) problems.push(problemAt(source, [i, field], `missing ${field}.${l}: ${s.id} needs a ${field} in every language of the site`));
    }
    if (seen.has(s.id)) problems.push(problemAt(source, [i, "id"], `"${s.id}" is the id of an earlier entry: each service needs its own`));
    seen.add(s.id);
  });
  return { services: problems.length ? [] : data, problems, ids: knownIds(data) };
}

/** Each entry's id with its names in every language, from entries as written. */
function knownIds(entries: readonly unknown[]): KnownId[] {
  return entries.flatMap((e) => {
    const { id, name } = (e ?? {}) as { id?: unknown; name?: unknown };
    if (typeof id !== "string") return [];
    const names = name && typeof name === "object" ? Object.values(name).filter((n): n is string => typeof n === "string") : [];
    return [{ id, names }];
  });
}

/** Where a service's card or name leads in a language: its page there, or its own https address. */
export function serviceUrl(service: Service, url: (path: string) => string): string {
  return /^https:/.test(service.path) ? service.path : url(service.path);
}
