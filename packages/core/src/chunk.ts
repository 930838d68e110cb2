import type { BatchLimits } from './adapter';

/** Split `items` into runs of at most `limits.maxEvents`. */
export function chunkByCount<T>(items: ReadonlyArray<T>, maxEvents: number): T[][] {
  const size = Math.max(1, Math.floor(maxEvents));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Serialized size in bytes of a request body as it will be sent. */
export function bodyBytes(body: unknown): number {
  if (body === undefined) return 0;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return Buffer.byteLength(text, 'utf8');
}

export type { BatchLimits };
