/**
 * A pure computation kept by its key (a text, a date and its zone…), so the
 * many readers of one value share one computation. The bound only keeps a long
 * `npm start` session from keeping every version of every edited file: past
 * it, everything is computed afresh. Readers share each value: `compute`
 * returns it frozen.
 */

export function perKey<T>(compute: (key: string) => T, max: number): (key: string) => Readonly<T> {
  return keyedBy((key: string) => key, compute, max);
}

/** The same for a computation of a value that is not a text: kept by the text `keyOf` makes of it (all it depends on). */
export function keyedBy<A, T>(keyOf: (arg: A) => string, compute: (arg: A) => T, max: number): (arg: A) => Readonly<T> {
  const kept = new Map<string, Readonly<T>>();
  return (arg) => {
    const key = keyOf(arg);
    let value = kept.get(key);
    if (value === undefined) {
      if (kept.size >= max) kept.clear();
      kept.set(key, (value = compute(arg)));
    }
    return value;
  };
}
