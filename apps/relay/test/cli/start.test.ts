import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { SEED_BATCH } from '@relay/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { rawQuery, TEST_SERVER_URL } from '../support/database';
import { withDatabase } from '../../src/db/url';

const APP = resolve(import.meta.dirname, '../..');
const name = `relay_t_cli_${Date.now().toString(36)}`;
const port = 18_000 + Math.floor(Math.random() * 2000);
let child: ChildProcess | undefined;

afterAll(async () => {
  child?.kill('SIGKILL');
  await rawQuery(`DROP DATABASE IF EXISTS \`${name}\``);
});

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

describe('relay start (the Quick start command)', () => {
  it('comes up on an empty database, the seed curl example gets 202, SIGTERM exits cleanly', async () => {
    child = spawn('pnpm', ['start'], {
      cwd: APP,
      env: {
        ...process.env,
        DATABASE_URL: withDatabase(TEST_SERVER_URL, name),
        PORT: String(port),
        ENCRYPTION_KEY: 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await waitFor(`http://127.0.0.1:${port}/health/ready`, 60_000).catch((e) => {
      throw new Error(`${e.message}\n${output}`);
    });
    const auth = `Basic ${Buffer.from('admin:changeme').toString('base64')}`;
    for (const code of ['bosley', 'pfizer']) {
      await fetch(`http://127.0.0.1:${port}/admin/v1/storefronts`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ storefront_id: code, name: code }),
      });
    }
    const res = await fetch(`http://127.0.0.1:${port}/v1/events`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify(SEED_BATCH),
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ accepted: 3, rejected: 0 });
    // SIGTERM to the process group (what a container runtime does): the relay drains and exits.
    const exited = new Promise<void>((r) => child!.on('exit', () => r()));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    await new Promise((r) => setTimeout(r, 500));
    expect(output).toContain('"msg":"shutting down","signal":"SIGTERM"');
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  }, 90_000);
});
