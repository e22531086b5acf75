/**
 * Page data as a typed value: the front matter read by a schema that depends on the
 * site's zone, parsed once per page and zone. Posts, reports and events all read their
 * pages this way, from layouts, lists, feeds and calendars. No Eleventy import.
 */
import type { z } from "zod";
import { perKey } from "../core/memo.ts";

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
  return (data: object, zone: string): z.output<S> => {
    let byZone = cache.get(data);
    if (byZone?.has(zone)) return byZone.get(zone)!;
    const schema = schemaOf(zone) as S; // perKey types it Readonly; a schema is never changed
    const record = data as Record<string, unknown>;
    const input = fields ? Object.fromEntries(fields.filter((k) => record[k] !== undefined).map((k) => [k, record[k]])) : data;
    const result = schema.safeParse(input);
    if (!result.success) {
      const where = (record.page as { inputPath?: string } | undefined)?.inputPath ?? "page data";
      throw new Error(`${where} is not a valid ${kind}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    if (!byZone) cache.set(data, (byZone = new Map()));
    byZone.set(zone, result.data);
    return result.data;
  };
}
