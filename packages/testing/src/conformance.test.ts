import { describe, expect, it } from 'vitest';
import { BROKEN, kitAdapter } from './__fixtures__/broken-adapters';
import { conformanceChecks, testAdapterConformance } from './conformance';

/** The well-behaved adapter passes every check. */
testAdapterConformance(kitAdapter());

describe('the conformance kit fails broken adapters', () => {
  it('has a broken adapter for every check of the kit', () => {
    const names = conformanceChecks(kitAdapter()).map((c) => c.name);
    expect(new Set(BROKEN.map((b) => b.check))).toEqual(
      new Set(names.filter((n) => n !== 'accepts the documented credentials example')),
    );
  });

  it.each(BROKEN.map((b) => [b.why, b.check, b.adapter] as const))(
    'an adapter that %s fails "%s"',
    async (_why, name, adapter) => {
      const check = conformanceChecks(adapter).find((c) => c.name === name);
      expect(check, name).toBeDefined();
      await expect(check!.run()).rejects.toThrow();
    },
  );

  it('fails an adapter whose credentials example does not validate', async () => {
    const adapter = kitAdapter({ credentialsExample: { api_key: 'short' } });
    const check = conformanceChecks(adapter).find(
      (c) => c.name === 'accepts the documented credentials example',
    )!;
    await expect(check.run()).rejects.toThrow();
  });
});
