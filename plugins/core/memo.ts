/**
 * A pure computation kept by its key (a text, a date and its zone…), so the
 * many readers of one value share one computation. The bound only keeps a long
 * `npm start` session from keeping every version of every edited file: past
 * it, everything is computed afresh. Readers share each value: `compute`
 * returns it frozen.
 */

export function perKey<T>(compute: (key: string) => T, max: number): (key: string) => Readonly<T> {
  const kept = new Map<string, Readonly<T>>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      if (kept.size >= max) kept.clear();
      kept.set(key, (value = compute(key)));
    }
    return value;
  };
}
