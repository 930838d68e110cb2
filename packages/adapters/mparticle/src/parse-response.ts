import { type HttpResponse, type MappedEvent, type Outcome, outcomeFromErrorTable } from '@relay/core';
import { mparticleErrors } from './error-map';

/**
 * mParticle answers `202 Accepted` to a bulk request even when some of its batches fail later
 * (those failures are not reported back): 2xx delivers every event. Errors carry an optional
 * `{errors: [{code, message}]}` body and refuse the whole request: one outcome (error-map.ts).
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[]): Outcome {
  if (response.status >= 200 && response.status < 300) return { status: 'delivered' };
  return outcomeFromErrorTable(mparticleErrors, response, 'mParticle');
}
