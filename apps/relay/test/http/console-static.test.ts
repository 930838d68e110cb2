import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { consoleRoutes } from '../../src/http/console-static';

let dir: string;
let app: Hono;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'relay-console-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Relay console</title>');
  await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(join(dir, '..', 'outside.txt'), 'secret').catch(() => undefined);
  app = new Hono();
  app.route('/console', consoleRoutes(dir));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the console at /console', () => {
  it('redirects /console to /console/ and serves index.html with a strict policy', async () => {
    const bare = await app.request('/console');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/console/');
    const res = await app.request('/console/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await res.text()).toBe('<!doctype html><title>Relay console</title>');
  });

  it('answers index.html for client-side routes and hashed assets with a long cache', async () => {
    const page = await app.request('/console/events/42');
    expect(await page.text()).toContain('Relay console');
    const asset = await app.request('/console/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log(1)');
    expect((await app.request('/console/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    for (const path of [
      '/console/assets/..%2F..%2Foutside.txt',
      '/console/assets/%2e%2e/%2e%2e/outside.txt',
    ]) {
      const res = await app.request(path);
      expect(await res.text()).not.toBe('secret');
    }
  });

  it('says how to build it when it is not built', async () => {
    const empty = new Hono();
    empty.route('/console', consoleRoutes(join(dir, 'does-not-exist')));
    const res = await empty.request('/console/');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('pnpm --filter @relay/console build');
  });
});
