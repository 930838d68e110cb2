import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { type LinkedinError, describeLinkedinError, outcomeForLinkedinError } from './error-map';

const PLATFORM = 'LinkedIn Conversions API';

interface BatchBody extends LinkedinError {
  elements?: Array<{ status?: number; error?: LinkedinError }>;
}

/**
 * `BATCH_CREATE` answers 200 with one element per input (`status` 201 or an error status); each
 * event gets its element's outcome. A request-level error (401, 426, 4xx, 5xx) applies to all.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const body = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as BatchBody;
  if (response.status >= 200 && response.status < 300) {
    const elements = Array.isArray(body.elements) ? body.elements : [];
    return events.map((_, i) => {
      const element = elements[i];
      if (!element || element.status === undefined || (element.status >= 200 && element.status < 300))
        return { status: 'delivered' };
      const error = element.error ?? {};
      const special = outcomeForLinkedinError(element.status, error);
      if (special) return special;
      return outcomeFromStatus(
        { status: element.status, headers: response.headers, body: JSON.stringify(error), json: error },
        PLATFORM,
        now,
        describeLinkedinError(error),
      );
    });
  }
  const special = outcomeForLinkedinError(response.status, body);
  if (special) return sameOutcome(special, events.length);
  return sameOutcome(
    outcomeFromStatus(response, PLATFORM, now, body.message ? describeLinkedinError(body) : undefined),
    events.length,
  );
}
