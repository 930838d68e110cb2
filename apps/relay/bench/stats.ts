/** Small arithmetic the bench reports with. */

/** The p-th percentile (0-100) of `values`, nearest-rank method; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** `value` rounded to `digits` decimals. */
export const round = (value: number, digits = 0) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** a / b, NaN when b is 0. */
export const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);

/** The sum of the numbers, null when any is null (a process /proc did not answer for). */
export const total = (values: ReadonlyArray<number | null>): number | null =>
  values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + (b as number), 0);
