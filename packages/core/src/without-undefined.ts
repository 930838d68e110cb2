/** A record's own keys whose value is not `undefined`, as a partial record (for building request bodies). */
export type WithoutUndefined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** Copy of `record` without the keys whose value is `undefined` (`null`, `0`, `''` are kept). */
export function withoutUndefined<T extends object>(record: T): WithoutUndefined<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as WithoutUndefined<T>;
}
