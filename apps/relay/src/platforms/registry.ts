import type { AnyAdapter } from '@relay/core';
import { adapters as generated } from '../registry.generated';

/** The adapters this host can deliver with, by platform code. */
export interface AdapterRegistry {
  get(code: string): AnyAdapter | undefined;
  has(code: string): boolean;
  all(): ReadonlyArray<AnyAdapter>;
}

export function createRegistry(list: ReadonlyArray<AnyAdapter> = generated): AdapterRegistry {
  const byCode = new Map(list.map((a) => [a.code, a]));
  return { get: (code) => byCode.get(code), has: (code) => byCode.has(code), all: () => list };
}
