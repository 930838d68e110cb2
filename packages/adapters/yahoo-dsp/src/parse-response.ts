import { type HttpResponse, type Outcome, objectOf, outcomeFromErrorTable } from '@relay/core';
import { messageOf, yahooErrors } from './error-map';

const PLATFORM = 'Yahoo Conversion API';

/**
 * The outcome with the credential's pixel id appended when the answer is about the credential
 * (an auth outcome: the pixel is not allow-listed for this client), so an operator knows which
 * pixel to ask Yahoo about; other outcomes unchanged.
 */
export function withPixel(outcome: Outcome, pixelId: string): Outcome {
  return outcome.status === 'auth' ? { ...outcome, reason: `${outcome.reason} (pixel ${pixelId})` } : outcome;
}

/**
 * One outcome for the whole request. A 2xx answers `{success: "COMPLETE" | "PARTIAL", message}`
 * for the whole array: COMPLETE (or no body) → delivered; PARTIAL → delivered with a warning,
 * since Yahoo does not say which events it dropped. Other answers: the error table
 * (error-map.ts) first, then core's HTTP status table.
 */
export function parseResponse(response: HttpResponse, pixelId: string, now: Date): Outcome {
  if (response.status >= 200 && response.status < 300) {
    if (objectOf(response.json)['success'] !== 'PARTIAL') return { status: 'delivered' };
    const message = messageOf(response.json) ?? 'no message';
    return {
      status: 'delivered',
      warnings: [
        `${PLATFORM} processed the batch only in part (success: PARTIAL) without saying which events: ${message}`,
      ],
    };
  }
  return withPixel(outcomeFromErrorTable(yahooErrors, response, PLATFORM, now), pixelId);
}
