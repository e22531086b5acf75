/**
 * Global data shared by every page without a copy per page: Eleventy's data
 * cascade deep-copies plain objects into each page's data, except frozen ones,
 * which it hands over as they are. A site of thousands of pages otherwise
 * copies its settings and UI strings thousands of times.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
