import type { AnyAdapter } from '@relay/core';
import { adapters as generated } from '../registry.generated';

/** The adapters this host can deliver with, by platform code. */
export interface AdapterRegistry {
  /** The adapter for a platform code, or for the code it was renamed to (see PLATFORM_ALIASES). */
  get(code: string): AnyAdapter | undefined;
  has(code: string): boolean;
  /** Each adapter once, under its own code (the platform seed). */
  all(): ReadonlyArray<AnyAdapter>;
}

/**
 * Catalog codes of the replaced service that are renamed products, not dead ones: a credential
 * stored under the old code delivers through the adapter of the new one (same credential schema).
 */
export const PLATFORM_ALIASES: Readonly<Record<string, string>> = {
  /** Verizon Media DSP became Yahoo DSP; its Conversion API is the one yahoo_dsp targets. */
  verizon_media: 'yahoo_dsp',
  /** Amazon DSP conversions go through the Amazon Ads Conversions API. */
  amazon_dsp: 'amazon_ads',
};

export function createRegistry(
  list: ReadonlyArray<AnyAdapter> = generated,
  aliases: Readonly<Record<string, string>> = PLATFORM_ALIASES,
): AdapterRegistry {
  const byCode = new Map(list.map((a) => [a.code, a]));
  for (const [alias, target] of Object.entries(aliases)) {
    const adapter = byCode.get(target);
    if (adapter && !byCode.has(alias)) byCode.set(alias, adapter);
  }
  return { get: (code) => byCode.get(code), has: (code) => byCode.has(code), all: () => list };
}
