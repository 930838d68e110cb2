import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { type XError, describeXErrors, outcomeForXError } from './error-map';

const PLATFORM = 'X Conversions API';

interface XBody {
  errors?: XError[];
  data?: { conversions_processed?: number };
}

/**
 * X accepts or refuses a request as a whole: 200 → every event delivered (a processed count
 * below the number sent becomes a warning); an error code of the table wins over the status;
 * else the default status table with X's messages as the reason.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const body = (typeof response.json === 'object' && response.json !== null ? response.json : {}) as XBody;
  const errors = Array.isArray(body.errors) ? body.errors : [];
  if (response.status >= 200 && response.status < 300 && errors.length === 0) {
    const processed = body.data?.conversions_processed;
    return sameOutcome(
      typeof processed === 'number' && processed < events.length
        ? {
            status: 'delivered',
            warnings: [`${PLATFORM} processed ${processed} of ${events.length} conversions`],
          }
        : { status: 'delivered' },
      events.length,
    );
  }
  for (const error of errors) {
    const special = outcomeForXError(error);
    if (special) return sameOutcome(special, events.length);
  }
  const outcome = outcomeFromStatus(
    response,
    PLATFORM,
    now,
    errors.length > 0 ? describeXErrors(errors) : undefined,
  );
  return sameOutcome(
    outcome.status === 'rejected' && errors[0]?.code !== undefined
      ? { ...outcome, code: `x_${String(errors[0].code).toLowerCase()}` }
      : outcome,
    events.length,
  );
}
