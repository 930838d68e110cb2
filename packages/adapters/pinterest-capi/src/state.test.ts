import { sha256Hex } from '@relay/core';
import { fullPurchaseEvent, runAdapter } from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';

// `st` follows Meta's rule, shared through core's hashedMatchKeys: the two-letter code,
// lower-case, whether the record gives the code or the full name.
describe('st from a full state name', () => {
  it('hashes "New York" as the code ny, the same as "NY"', async () => {
    const stOf = async (state: string) => {
      const { requests } = await runAdapter(adapter, [fullPurchaseEvent({ state })]);
      const body = requests[0]!.json as {
        data: Array<{ user_data: { st?: string[] } }>;
      };
      return body.data[0]!.user_data.st;
    };
    expect(await stOf('New York')).toEqual([sha256Hex('ny')]);
    expect(await stOf('NY')).toEqual([sha256Hex('ny')]);
  });
});
