import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  excerpt,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { type MparticleError, describeMparticleErrors, outcomeForMparticleError } from './error-map';

const errorsOf = (json: unknown): MparticleError[] => {
  const errors = (json as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors)
    ? errors.filter((e): e is MparticleError => typeof e === 'object' && e !== null)
    : [];
};

/**
 * mParticle answers `202 Accepted` to a bulk request even when some of its batches fail later
 * (those failures are not reported back): 2xx delivers every event. Errors carry an optional
 * `{errors: [{code, message}]}` body and refuse the whole request.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  if (response.status >= 200 && response.status < 300)
    return sameOutcome({ status: 'delivered' }, events.length);
  const detail =
    describeMparticleErrors(errorsOf(response.json)) ||
    excerpt(response.body, 300) ||
    `HTTP ${response.status}`;
  const special = outcomeForMparticleError(response.status, detail, events.length);
  return sameOutcome(special ?? outcomeFromStatus(response, 'mParticle', now, detail), events.length);
}
