import { sha256Hex } from '@relay/core';
import { describe, expect, it } from 'vitest';
import { hashGoogleEmail } from './user-data';

// developers.google.com/data-manager/api/devguides/concepts/formatting, email_address:
// "Remove leading, trailing, and intermediate whitespace."
describe('google_ads email hashing', () => {
  it('removes intermediate whitespace before hashing', () => {
    expect(hashGoogleEmail(' John. Doe @Example.com ')).toBe(sha256Hex('john.doe@example.com'));
    expect(hashGoogleEmail('cloudy. sanfrancisco+shopping@gmail.com')).toBe(
      sha256Hex('cloudysanfrancisco@gmail.com'),
    );
  });
});
