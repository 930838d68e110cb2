import { type HttpResponse, type MappedEvent, type Outcome, outcomeFromErrorTable } from '@relay/core';
import { xErrors, xErrorsOf } from './error-map';

const PLATFORM = 'X Conversions API';

interface XBody {
  data?: { conversions_processed?: number };
}

/**
 * X accepts or refuses a request as a whole, so one outcome for the request: 200 → delivered
 * (a processed count below the number sent becomes a warning); an error code of the table
 * (error-map.ts) wins over the status; else the default status table with X's messages as the
 * reason, rejected under X's first error code (`x_<code>`).
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[]): Outcome {
  const errors = xErrorsOf(response.json);
  if (response.status >= 200 && response.status < 300 && errors.length === 0) {
    const body = (typeof response.json === 'object' && response.json !== null ? response.json : {}) as XBody;
    const processed = body.data?.conversions_processed;
    return typeof processed === 'number' && processed < events.length
      ? {
          status: 'delivered',
          warnings: [`${PLATFORM} processed ${processed} of ${events.length} conversions`],
        }
      : { status: 'delivered' };
  }
  const outcome = outcomeFromErrorTable(xErrors, response, PLATFORM);
  return outcome.status === 'rejected' && outcome.code.startsWith('http_') && errors[0]?.code !== undefined
    ? { ...outcome, code: `x_${String(errors[0].code).toLowerCase()}` }
    : outcome;
}
