/** The CLI's V8 flags (src/v8-flags.ts): set unless the operator chose their own value. */
import { describe, expect, it } from 'vitest';
import { RELAY_V8_FLAGS, relayV8Flags } from '../../src/v8-flags';

describe('relayV8Flags', () => {
  it('sets both when node was given neither', () => {
    expect(relayV8Flags([])).toEqual(['--liftoff-only', '--heap-growing-percent=60']);
    expect(relayV8Flags(['--enable-source-maps', '--max-old-space-size=512', 'dist/cli.js'])).toEqual([
      ...RELAY_V8_FLAGS,
    ]);
  });

  it('leaves a flag the operator set, in any spelling, negated or with another value', () => {
    expect(relayV8Flags(['--heap_growing_percent=80'])).toEqual(['--liftoff-only']);
    expect(relayV8Flags(['--no-liftoff-only'])).toEqual(['--heap-growing-percent=60']);
    expect(relayV8Flags(['--liftoff-only', '--heap-growing-percent=10'])).toEqual([]);
  });

  it('RELAY_V8_FLAGS replaces the list (empty: none)', () => {
    expect(relayV8Flags([], '')).toEqual([]);
    expect(relayV8Flags(['--liftoff-only'], ' --heap-growing-percent=50  --liftoff-only ')).toEqual([
      '--heap-growing-percent=50',
      '--liftoff-only',
    ]);
  });
});
