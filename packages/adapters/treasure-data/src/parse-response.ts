import { type HttpResponse, type Outcome, outcomeFromErrorTable } from '@relay/core';
import { treasureDataErrors } from './error-map';
import type { TreasureDataCredentials } from './schemas';

const PLATFORM = 'Treasure Data';

/** Where the records go: the credential's fields an operator checks after a refused key or a 404. */
export type Target = Pick<TreasureDataCredentials, 'database' | 'table' | 'region'>;

/**
 * The outcome with the credential's table and region appended, for the answers where they are
 * what an operator must check (a refused write key, a missing table); other outcomes unchanged.
 */
export function withTarget(outcome: Outcome, target: Target): Outcome {
  const concernsTarget =
    outcome.status === 'auth' || (outcome.status === 'rejected' && outcome.code === 'table_not_found');
  if (!concernsTarget) return outcome;
  return {
    ...outcome,
    reason: `${outcome.reason} (table ${target.database}.${target.table}, region ${target.region})`,
  };
}

/**
 * The Data Ingestion API takes or refuses a batch as a whole: a 2xx delivers every record of
 * the request (the body lists the UUIDs the API gave the records, which Relay does not need);
 * any other answer is one outcome for the whole request, from the error table (error-map.ts),
 * else core's status table.
 */
export function parseResponse(response: HttpResponse, target: Target, now: Date): Outcome {
  if (response.status >= 200 && response.status < 300) return { status: 'delivered' };
  return withTarget(outcomeFromErrorTable(treasureDataErrors, response, PLATFORM, now), target);
}
