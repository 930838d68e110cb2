/** `value` when it is a plain JSON object, else `{}`: for reading platform response bodies safely. */
export const objectOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
