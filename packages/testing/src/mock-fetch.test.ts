import { describe, expect, it } from 'vitest';
import { mockFetch, scripted, socketError } from './mock-fetch';

describe('mockFetch', () => {
  it('records the request and parses a JSON body', async () => {
    const fake = mockFetch();
    const res = await fake.fetch('https://api.example.com/x', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });
    expect(res.status).toBe(200);
    expect(fake.calls).toEqual([
      {
        url: 'https://api.example.com/x',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
        json: { a: 1 },
      },
    ]);
  });

  it('answers 204 with an empty body, as GA4 does', async () => {
    const fake = mockFetch(() => ({ status: 204 }));
    const res = await fake.fetch('https://www.google-analytics.com/mp/collect', { method: 'POST' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('plays a script and throws socket errors with their code', async () => {
    const fake = mockFetch(scripted({ status: 500 }, socketError('ECONNRESET'), { status: 200 }));
    expect((await fake.fetch('https://x.test')).status).toBe(500);
    await expect(fake.fetch('https://x.test')).rejects.toMatchObject({ cause: { code: 'ECONNRESET' } });
    expect((await fake.fetch('https://x.test')).status).toBe(200);
    expect((await fake.fetch('https://x.test')).status).toBe(200);
  });
});
