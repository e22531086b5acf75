/**
 * Page data as a typed value: the front matter read by a schema that depends on the
 * site's zone, parsed once per page and zone. Posts, reports and events all read their
 * pages this way, from layouts, lists, feeds and calendars. No Eleventy import.
 */
import type { z } from "zod";
import { perKey } from "../core/memo.ts";
import { ContentError } from "../core/problems.ts";

export interface TypedDataOptions {
  /** What a page of this kind is called in the error: "event" gives "… is not a valid event". */
  kind: string;
  /**
   * The only keys handed to the schema, for strict schemas: page data also carries
   * `page`, `collections`, `site`… Loose schemas drop unknown keys themselves.
   */
  fields?: readonly string[];
}

/**
 * A reader `(data, zone) => typed value`. The validation plugin has checked every content
 * file before the build, so this only throws for data that did not come from one; the
 * error then names the file and each bad field.
 */
export function typedData<S extends z.ZodType>(schemaFor: (zone: string) => S, { kind, fields }: TypedDataOptions) {
  const schemaOf = perKey(schemaFor, 100);
  const cache = new WeakMap<object, Map<string, z.output<S>>>();
  // A layout is handed a copy of the page's data (Eleventy's TemplateLayout: `{ content, ...data }`),
  // and a collection's item another object: each post was parsed again for its layout and its
  // lists. Such a copy is found by its page, and takes the parse when the fields the schema
  // reads hold the very same values (comparing every key of the page's data instead took
  // 90 ms of a 4,000-post build's profile).
  const byPage = new WeakMap<object, { data: object; byZone: Map<string, z.output<S>> }>();
  let read: readonly string[] | undefined;
  const parsedOf = (data: object, zone: string) => {
    const known = cache.get(data);
    if (known) return known;
    const page = (data as { page?: unknown }).page;
    const original = typeof page === "object" && page !== null ? byPage.get(page) : undefined;
    if (!original) return undefined;
    read ??= fields ?? shapeKeys(schemaOf(zone));
    if (!(read ? sameFields(data, original.data, read) : copyOf(data, original.data))) return undefined;
    cache.set(data, original.byZone);
    return original.byZone;
  };
  return (data: object, zone: string): z.output<S> => {
    let byZone = parsedOf(data, zone);
    if (byZone?.has(zone)) return byZone.get(zone)!;
    const schema = schemaOf(zone) as S; // perKey types it Readonly; a schema is never changed
    const record = data as Record<string, unknown>;
    const input = fields ? Object.fromEntries(fields.filter((k) => record[k] !== undefined).map((k) => [k, record[k]])) : data;
    const result = schema.safeParse(input);
    if (!result.success) {
      // A content problem like the validation's (no stack trace), naming the page: the values of this
      // data came from elsewhere (a plugin's page, a data file the validation did not read).
      const where = (record.page as { inputPath?: string } | undefined)?.inputPath?.replace(/^\.\//, "") ?? "page data";
      throw new ContentError(
        result.error.issues.map((i) => ({ file: where, ...(i.path.length ? { field: i.path.join(".") } : {}), message: `not a valid ${kind}: ${i.message}` })),
      );
    }
    if (!byZone) {
      cache.set(data, (byZone = new Map()));
      const page = record.page;
      if (typeof page === "object" && page !== null && !byPage.has(page)) byPage.set(page, { data, byZone });
    }
    byZone.set(zone, result.data);
    return result.data;
  };
}

/** The keys an object schema reads (its shape's); undefined for any other schema. */
function shapeKeys(schema: z.ZodType): string[] | undefined {
  const shape = (schema as { shape?: unknown }).shape;
  return typeof shape === "object" && shape !== null ? Object.keys(shape) : undefined;
}

/** Whether `data` holds the very values of `original` (the same references) at `keys`, and has each key `original` has. */
function sameFields(data: object, original: object, keys: readonly string[]): boolean {
  const copy = data as Record<string, unknown>;
  const from = original as Record<string, unknown>;
  for (const key of keys) if (copy[key] !== from[key] || key in copy !== key in from) return false;
  return true;
}

/** Whether `data` holds the very values of `original` (the same references), and at most a `content` besides. */
function copyOf(data: object, original: object): boolean {
  const copy = data as Record<string, unknown>;
  const from = original as Record<string, unknown>;
  let keys = 0;
  for (const key in from) {
    if (copy[key] !== from[key] || !(key in copy)) return false;
    keys++;
  }
  let copyKeys = 0;
  for (const key in copy) if (key !== "content" || key in from) copyKeys++;
  return copyKeys === keys;
}
