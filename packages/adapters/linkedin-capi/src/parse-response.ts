import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  outcomeFromErrorTable,
  outcomeFromStatus,
  outcomeOfRow,
} from '@relay/core';
import { type LinkedinError, describeLinkedinError, linkedinErrors } from './error-map';

const PLATFORM = 'LinkedIn Conversions API';

interface BatchBody extends LinkedinError {
  elements?: Array<{ status?: number; error?: LinkedinError }>;
}

/** `Index: N, ERROR :: <reason>` lines of a 422 (the form rudder-transformer's linkedin_ads parses). */
const INDEXED = /Index: (\d+), ERROR :: ([^\n]*)/g;

/** The elements a 422 names, with LinkedIn's reason for each. */
export function namedElements(message: string | undefined): Map<number, string> {
  const named = new Map<number, string>();
  for (const [, index, reason] of (message ?? '').matchAll(INDEXED)) {
    const k = Number(index);
    named.set(k, [named.get(k), reason!.trim()].filter(Boolean).join('; '));
  }
  return named;
}

function elementOutcome(status: number, error: LinkedinError, headers: Record<string, string>): Outcome {
  const response: HttpResponse = { status, headers, body: JSON.stringify(error), json: error };
  const hit = matchErrorRow(linkedinErrors, response);
  if (hit) return outcomeOfRow(hit.row, hit.error, PLATFORM);
  return outcomeFromStatus(response, PLATFORM, undefined, describeLinkedinError(error));
}

/**
 * `BATCH_CREATE` answers 200 with one element per input (`status` 201 or an error status); each
 * event gets its element's outcome. A 422 fails the whole batch for its invalid elements: the
 * ones its message names (`Index: N, ERROR :: …`) are rejected with LinkedIn's reason and the
 * others marked `collateral`, so core sends them again at once; a 422 naming none, and any other
 * request-level error, is one outcome for the request (core halves a rejected one to isolate it).
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[]): Outcome | Outcome[] {
  const body = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as BatchBody;
  if (response.status >= 200 && response.status < 300) {
    const elements = Array.isArray(body.elements) ? body.elements : [];
    return events.map((_, i) => {
      const element = elements[i];
      if (!element || element.status === undefined || (element.status >= 200 && element.status < 300))
        return { status: 'delivered' };
      return elementOutcome(element.status, element.error ?? {}, response.headers);
    });
  }
  const named = response.status === 422 ? namedElements(body.message) : new Map<number, string>();
  if ([...named.keys()].some((k) => k < events.length)) {
    return events.map((_, i): Outcome => {
      const reason = named.get(i);
      return reason !== undefined
        ? {
            status: 'rejected',
            code: 'invalid_element',
            reason: `${PLATFORM} rejected this conversion: ${reason}`,
          }
        : {
            status: 'retryable',
            reason: `${PLATFORM} refused the batch for other conversions in it; sent again without them`,
            collateral: true,
          };
    });
  }
  return outcomeFromErrorTable(linkedinErrors, response, PLATFORM);
}
