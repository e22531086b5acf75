/**
 * An event's facts are the same in every language. A writer who moves the date in
 * the French file and forgets the English one publishes two dates for one event,
 * and the English readers turn up on the wrong day. So every translation's dates,
 * status, price and registration must be the original's, as written; the build
 * names the field, the line and the value to copy. The words (title, summary, the
 * place's name, the text) are the translator's.
 */
import { readWallClock } from "../core/dates.ts";
import { describeValue } from "../core/describe-value.ts";

/** Fields that say when, whether, for how much and how to come: never translated. */
export const EVENT_FACTS = ["start", "end", "timezone", "repeat", "status", "previousStart", "attendance", "online", "registration", "price", "capacity"] as const;

/** A value as compared: dates by what they say (`2025-06-14 14:00` is `2025-06-14T14:00`), maps by their keys in order. */
function canonical(value: unknown): unknown {
  if (typeof value === "string") {
    const wall = readWallClock(value);
    if (wall) return `${wall.year}-${wall.month}-${wall.day}${wall.hasTime ? `T${wall.hour}:${wall.minute}:${wall.second}` : ""}${wall.offset ?? ""}`;
    return value.trim();
  }
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Where two front-matter values first differ: the path below them, or undefined when they agree. */
function firstDifference(a: unknown, b: unknown, at: (string | number)[] = []): (string | number)[] | undefined {
  const [x, y] = [canonical(a), canonical(b)];
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (isMap(x) && isMap(y)) {
    for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      const found = firstDifference(x[key], y[key], [...at, key]);
      if (found) return found;
    }
    return undefined;
  }
  return JSON.stringify(x) === JSON.stringify(y) ? undefined : at;
}

/** The value at a path of a front matter, or undefined. */
function valueAt(front: Record<string, unknown>, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((v, key) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>)[key] : undefined), front);
}

/** A difference between a translation and its original, at a field of the translation. */
export interface FactDifference {
  /** Dotted path: `start`, `repeat.until`. */
  field: string;
  path: (string | number)[];
  message: string;
}

/**
 * The facts of `translation` that are not its original's. `originalAt` says where
 * the original's value is written ("index.fr.md:4"), for the message.
 */
export function factDifferences(original: Record<string, unknown>, translation: Record<string, unknown>, originalAt: (path: (string | number)[]) => string): FactDifference[] {
  const found: FactDifference[] = [];
  for (const field of EVENT_FACTS) {
    const path = firstDifference(original[field], translation[field], [field]);
    if (!path) continue;
    const theirs = valueAt(original, path);
    const ours = valueAt(translation, path);
    const written = (v: unknown) => (v === undefined ? "nothing" : typeof v === "string" ? v : describeValue(v));
    const expected = theirs === undefined ? `no ${path.join(".")}, as the original (${originalAt(path.slice(0, -1))})` : `the original's ${path.join(".")} (${originalAt(path)}: ${written(theirs)})`;
    found.push({
      field: path.join("."),
      path,
      message: `expected ${expected}, found ${written(ours)}: dates, status, price and registration are the same in every language; ${theirs === undefined ? "delete it, or add it to the original too" : "copy the original's"}`,
    });
  }
  return found;
}
