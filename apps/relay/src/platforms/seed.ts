import type { AnyAdapter } from '@relay/core';
import { z } from 'zod';
import type { Db } from '../db/client';
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
 * One multi-row statement.
 */
export async function seedPlatforms(db: Db, registry: AdapterRegistry): Promise<number> {
  const adapters = registry.all();
  if (adapters.length === 0) return 0;
  const values: unknown[] = [];
  for (const a of adapters) {
    values.push(
      a.code,
      a.name,
      a.category,
      a.tier,
      a.authType,
      a.baseUrl,
      JSON.stringify(credentialJsonSchema(a)),
      a.description ?? `${a.name} (${a.apiVersion})`,
    );
  }
  const rows = adapters.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, 1)').join(', ');
  await db.$executeRawUnsafe(
    `INSERT INTO platforms (platform_code, name, category, tier, auth_type, api_base_url, credential_schema, description, is_active)
     VALUES ${rows}
     ON DUPLICATE KEY UPDATE name = VALUES(name), category = VALUES(category), tier = VALUES(tier),
       auth_type = VALUES(auth_type), api_base_url = VALUES(api_base_url),
       credential_schema = VALUES(credential_schema), description = VALUES(description)`,
    ...values,
  );
  return adapters.length;
}
