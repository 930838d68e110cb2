import type { Outcome } from '@relay/core';

const PLATFORM = 'Yahoo Conversion API';

/**
 * HTTP answers of the Conversion API that need a more specific outcome than core's default
 * table. Yahoo documents no error codes; each row has a parse test.
 */
export function outcomeForYahooError(status: number, detail: string, pixelId: string): Outcome | undefined {
  if (status === 403) {
    // The token is valid but this client may not post to this pixel: only Yahoo can fix it.
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused pixel ${pixelId} for this client (403); ask the Yahoo account team to allow-list the pixel id for these OAuth credentials: ${detail}`,
    };
  }
  return undefined;
}
