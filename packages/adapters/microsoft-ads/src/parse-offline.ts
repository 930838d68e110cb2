import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  objectOf,
  outcomeFromErrorTable,
} from '@relay/core';
import { type BingError, bingErrors, describeBingError } from './error-map';

const PLATFORM = 'Microsoft Advertising (offline conversions)';

const errorsOf = (value: unknown): BingError[] =>
  Array.isArray(value) ? value.map((e) => objectOf(e) as BingError) : [];

/**
 * One outcome per conversion. 200: `PartialErrors[]` name the failed conversions by `Index`
 * (rejected with Microsoft's error code); the others were applied. Failures of the whole call
 * carry `OperationErrors[]` (or `Errors[]`): one outcome for the request, from the Bing error
 * table (error-map.ts), else the HTTP status.
 */
export function parseOfflineResponse(response: HttpResponse, events: MappedEvent[]): Outcome | Outcome[] {
  const body = objectOf(response.json);
  if (response.status >= 200 && response.status < 300) {
    const byIndex = new Map<number, BingError[]>();
    for (const error of errorsOf(body['PartialErrors'])) {
      if (typeof error.Index !== 'number') continue;
      byIndex.set(error.Index, [...(byIndex.get(error.Index) ?? []), error]);
    }
    return events.map((_, i): Outcome => {
      const errors = byIndex.get(i);
      if (!errors) return { status: 'delivered' };
      return {
        status: 'rejected',
        code: errors[0]!.ErrorCode ?? `bing_${errors[0]!.Code ?? 'error'}`,
        reason: `${PLATFORM} did not apply the conversion: ${errors.map(describeBingError).join('; ')}`,
      };
    });
  }
  return outcomeFromErrorTable(bingErrors, response, PLATFORM);
}
