import type { AnyAdapter } from '@relay/core';
import { z } from 'zod';
import type { Db } from '../db/client';
import { upsertPlatformSeeds } from '../db/platforms';
import type { AdapterRegistry } from './registry';

/** The JSON Schema of an adapter's credentials, generated from its zod schema. */
export function credentialJsonSchema(adapter: AnyAdapter): unknown {
  try {
    return z.toJSONSchema(adapter.credentials, { unrepresentable: 'any', io: 'input' });
  } catch {
    return { type: 'object' };
  }
}

/**
 * Insert or refresh one platform row per adapter (code, name, tier, category, auth type, base
 * URL, credential schema). `is_active` is never touched: an operator's kill switch stays.
 */
export async function seedPlatforms(db: Db, registry: AdapterRegistry): Promise<number> {
  return upsertPlatformSeeds(
    db,
    registry.all().map((a) => ({
      code: a.code,
      name: a.name,
      category: a.category,
      tier: a.tier,
      authType: a.authType,
      apiBaseUrl: a.baseUrl,
      credentialSchema: credentialJsonSchema(a),
      description: a.description ?? `${a.name} (${a.apiVersion})`,
    })),
  );
}
