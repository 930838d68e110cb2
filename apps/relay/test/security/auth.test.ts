import { Readable } from 'node:stream';
import { MultiFernet } from '@relay/core';
import { SEED_BATCH } from '@relay/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsCommand } from '../../src/auth/accounts-cli';
import { addAccount } from '../../src/auth/accounts';
import { verifyPassword } from '../../src/auth/password-hash';
import { ROLES, ROUTE_ROLES, type Role } from '../../src/auth/roles';
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/http/app';
import { createLogger } from '../../src/log';
import { createRegistry } from '../../src/platforms/registry';
import { seedPlatforms } from '../../src/platforms/seed';
import { TEST_KEY, type TestResponse } from '../support/app';
import { type TestDatabase, createTestDatabase } from '../support/database';

let database: TestDatabase;
const registry = createRegistry();
beforeAll(async () => {
  database = await createTestDatabase();
  await seedPlatforms(database.db, registry);
});
afterAll(() => database.drop());

const INGEST = { INGEST_USERNAME: 'oms', INGEST_PASSWORD: 'ingest-secret-1' };
const ADMIN = { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'admin-secret-1' };

/** The API over the shared test database, with `env` on top of a test config; log lines collected. */
function makeApp(env: Record<string, string> = {}) {
  const config = loadConfig({
    DATABASE_URL: database.url,
    ENCRYPTION_KEY: TEST_KEY,
    RELAY_ENV: 'test',
    ...env,
  });
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('info', {}, (line) => lines.push(JSON.parse(line)));
  const app = createApp({ config, db: database.db, cipher: new MultiFernet(TEST_KEY), registry, logger });
  const call = (
    method: string,
    path: string,
    options: {
      user?: [string, string];
      body?: unknown;
      headers?: Record<string, string>;
      peer?: string;
    } = {},
  ): Promise<TestResponse> =>
    Promise.resolve(
      app.request(
        path,
        {
          method,
          headers: {
            ...(options.user && {
              authorization: `Basic ${Buffer.from(options.user.join(':')).toString('base64')}`,
            }),
            ...(options.body !== undefined && { 'content-type': 'application/json' }),
            ...options.headers,
          },
          ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
        },
        { incoming: { socket: { remoteAddress: options.peer ?? '192.0.2.1' } } },
      ),
    );
  return { app, call, lines };
}

const ingestUser: [string, string] = ['oms', 'ingest-secret-1'];
const envAdmin: [string, string] = ['root', 'admin-secret-1'];

describe('ingest and admin credentials are separate', () => {
  it('the ingest login opens /v1 only, the admin login /admin only', async () => {
    const { call } = makeApp({ ...INGEST, ...ADMIN });
    const batch = { count: 0, data: [], error: 'oms down' };
    expect((await call('POST', '/v1/events', { user: ingestUser, body: batch })).status).toBe(202);
    expect((await call('POST', '/v1/events', { user: envAdmin, body: batch })).status).toBe(401);
    expect((await call('GET', '/admin/v1/storefronts', { user: ingestUser })).status).toBe(401);
    expect((await call('GET', '/admin/v1/storefronts', { user: envAdmin })).status).toBe(200);
  });

  it("the seed's BASIC_AUTH_* names still set the ingest login", async () => {
    const { call } = makeApp({ BASIC_AUTH_USERNAME: 'seed', BASIC_AUTH_PASSWORD: 'seed-secret-1', ...ADMIN });
    const batch = { count: 0, data: [], error: 'x' };
    expect((await call('POST', '/v1/events', { user: ['seed', 'seed-secret-1'], body: batch })).status).toBe(
      202,
    );
  });

  it('without ADMIN_*, the ingest login is admin only until a named account exists (warned about)', async () => {
    const { call, lines } = makeApp(INGEST);
    expect((await call('GET', '/admin/v1/storefronts', { user: ingestUser })).status).toBe(200);
    expect(lines.find((l) => l.level === 'warn')?.msg).toMatch(
      /ingest credentials were used on \/admin as admin/,
    );
    const created = await addAccount(database.db, 'first', 'admin', 'first-secret-12');
    try {
      expect((await call('GET', '/admin/v1/storefronts', { user: ingestUser })).status).toBe(401);
      expect(
        (await call('GET', '/admin/v1/storefronts', { user: ['first', 'first-secret-12'] })).status,
      ).toBe(200);
    } finally {
      await database.db.adminAccount.delete({ where: { id: created!.id } });
    }
  });
});

describe('named accounts with roles', () => {
  const users: Record<Role, [string, string]> = {
    viewer: ['vera', 'viewer-secret-1'],
    operator: ['otto', 'operator-secret-1'],
    admin: ['ada', 'admin-secret-12'],
  };
  let h: ReturnType<typeof makeApp>;
  beforeAll(async () => {
    for (const role of ROLES) await addAccount(database.db, users[role][0], role, users[role][1]);
    h = makeApp({ ...INGEST, ...ADMIN });
  });

  it('stores passwords as scrypt hashes only', async () => {
    const row = await database.db.adminAccount.findUnique({ where: { username: 'vera' } });
    expect(row!.passwordHash).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(row!.passwordHash).not.toContain('viewer-secret-1');
    expect(await verifyPassword('viewer-secret-1', row!.passwordHash)).toBe(true);
    expect(await verifyPassword('viewer-secret-2', row!.passwordHash)).toBe(false);
  });

  it('a wrong password or an unknown user is a 401', async () => {
    expect((await h.call('GET', '/admin/v1/storefronts', { user: ['vera', 'wrong-password'] })).status).toBe(
      401,
    );
    expect(
      (await h.call('GET', '/admin/v1/storefronts', { user: ['nobody', 'viewer-secret-1'] })).status,
    ).toBe(401);
    expect((await h.call('GET', '/admin/v1/storefronts', { user: ['VERA', 'viewer-secret-1'] })).status).toBe(
      401,
    );
  });

  it('GET /admin/v1/me names the signed-in account and its role', async () => {
    for (const role of ROLES) {
      const res = await h.call('GET', '/admin/v1/me', { user: users[role] });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ username: users[role][0], role, source: 'database' });
    }
    const env = await h.call('GET', '/admin/v1/me', { user: envAdmin });
    expect(await env.json()).toEqual({ username: 'root', role: 'admin', source: 'env' });
    expect((await h.call('GET', '/admin/v1/me', { user: ingestUser })).status).toBe(401);
  });

  it('covers every admin route the app serves with a rule', () => {
    const served = h.app.routes
      .filter((r) => r.path.startsWith('/admin/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`);
    const ruled = ROUTE_ROLES.map((r) => `${r.method} ${r.path}`);
    expect(served.filter((r) => !ruled.includes(r))).toEqual([]);
    expect(new Set(served)).toEqual(new Set(ruled));
  });

  for (const rule of ROUTE_ROLES) {
    it(`${rule.method} ${rule.path}: ${rule.role} and up`, async () => {
      const path = rule.path.replace(':id', '999999');
      for (const role of ROLES) {
        const res = await h.call(rule.method, path, {
          user: users[role],
          ...(rule.method === 'POST' || rule.method === 'PUT' ? { body: { unknown_field: 1 } } : {}),
        });
        const allowed = ROLES.indexOf(role) >= ROLES.indexOf(rule.role);
        if (allowed) {
          expect([200, 204, 404, 422], `${role} on ${rule.method} ${path}`).toContain(res.status);
        } else {
          expect(res.status, `${role} on ${rule.method} ${path}`).toBe(403);
          expect(await res.json()).toMatchObject({
            error_code: 'FORBIDDEN',
            details: { required_role: rule.role, role },
          });
        }
      }
    });
  }

  it('?decrypt=true needs admin', async () => {
    const code = await h.call('POST', '/admin/v1/storefronts', {
      user: users.admin,
      body: { storefront_id: 'dec', name: 'D' },
    });
    const storefront = await code.json();
    const platform = await database.db.platform.findUnique({ where: { code: 'ga4' } });
    const created = await h.call('POST', '/admin/v1/credentials', {
      user: users.admin,
      body: {
        storefront_id: storefront.id,
        platform_id: platform!.id,
        credentials: { measurement_id: 'G-ABC123', api_secret: 'very-secret' },
      },
    });
    expect(created.status).toBe(201);
    const id = (await created.json()).id;
    for (const role of ['viewer', 'operator'] as const) {
      const res = await h.call('GET', `/admin/v1/credentials/${id}?decrypt=true`, { user: users[role] });
      expect(res.status).toBe(403);
      const plain = await h.call('GET', `/admin/v1/credentials/${id}`, { user: users[role] });
      expect(plain.status).toBe(200);
      expect(await plain.json()).not.toHaveProperty('credentials');
    }
    const decrypted = await h.call('GET', `/admin/v1/credentials/${id}?decrypt=true`, { user: users.admin });
    expect((await decrypted.json()).credentials).toEqual({
      measurement_id: 'G-ABC123',
      api_secret: 'very-secret',
    });
  });

  it('an operator may flip kill switches (is_active alone), not edit', async () => {
    const res = await h.call('POST', '/admin/v1/storefronts', {
      user: users.admin,
      body: { storefront_id: 'ks', name: 'K' },
    });
    const id = (await res.json()).id;
    const off = await h.call('PUT', `/admin/v1/storefronts/${id}`, {
      user: users.operator,
      body: { is_active: false },
    });
    expect(off.status).toBe(200);
    expect((await off.json()).is_active).toBe(false);
    const edit = await h.call('PUT', `/admin/v1/storefronts/${id}`, {
      user: users.operator,
      body: { is_active: true, name: 'renamed' },
    });
    expect(edit.status).toBe(403);
    const viewer = await h.call('PUT', `/admin/v1/storefronts/${id}`, {
      user: users.viewer,
      body: { is_active: true },
    });
    expect(viewer.status).toBe(403);
  });

  it('a viewer sees events without their payload (personal data)', async () => {
    for (const code of ['bosley', 'pfizer'])
      await h.call('POST', '/admin/v1/storefronts', {
        user: users.admin,
        body: { storefront_id: code, name: code },
      });
    const ingested = await h.call('POST', '/v1/events', { user: ingestUser, body: SEED_BATCH });
    expect(ingested.status).toBe(202);
    const list = await (await h.call('GET', '/admin/v1/events', { user: users.viewer })).json();
    const id = list.items[0].id;
    const asViewer = await (await h.call('GET', `/admin/v1/events/${id}`, { user: users.viewer })).json();
    expect(asViewer.payload).toBeNull();
    expect(asViewer.redacted).toBe(true);
    const asOperator = await (await h.call('GET', `/admin/v1/events/${id}`, { user: users.operator })).json();
    expect(asOperator.payload).toMatchObject({ order_id: expect.any(String) });
  });

  it('names the account in the request log (for the audit trail)', async () => {
    h.lines.length = 0;
    await h.call('GET', '/admin/v1/storefronts', { user: users.operator });
    expect(h.lines.find((l) => l.msg === 'request')).toMatchObject({ account: 'otto', status: 200 });
  });

  it('the console gets a 401 without a Basic challenge; other clients get the challenge', async () => {
    const plain = await h.call('GET', '/admin/v1/storefronts');
    expect(plain.status).toBe(401);
    expect(plain.headers.get('www-authenticate')).toBe('Basic realm="relay", charset="UTF-8"');
    const consoleRes = await h.call('GET', '/admin/v1/storefronts', {
      user: ['vera', 'nope-nope-nope'],
      headers: { 'X-Relay-Client': 'console' },
    });
    expect(consoleRes.status).toBe(401);
    expect(consoleRes.headers.get('www-authenticate')).toBeNull();
    expect(await consoleRes.json()).toEqual({ detail: 'Invalid authentication credentials' });
  });

  it('admins manage accounts over the API; passwords never come back', async () => {
    const created = await h.call('POST', '/admin/v1/accounts', {
      user: users.admin,
      body: { username: 'new.person', role: 'viewer', password: 'new-person-secret' },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: number };
    expect(Object.keys(body).sort()).toEqual(['created_at', 'id', 'role', 'updated_at', 'username']);
    expect(
      (await h.call('GET', '/admin/v1/storefronts', { user: ['new.person', 'new-person-secret'] })).status,
    ).toBe(200);
    const short = await h.call('POST', '/admin/v1/accounts', {
      user: users.admin,
      body: { username: 'x', role: 'viewer', password: 'short' },
    });
    expect(short.status).toBe(422);
    expect((await short.json()).detail[0].loc).toEqual(['body', 'password']);
    const promoted = await h.call('PUT', `/admin/v1/accounts/${body.id}`, {
      user: users.admin,
      body: { role: 'operator' },
    });
    expect(((await promoted.json()) as { role: string }).role).toBe('operator');
    expect((await h.call('DELETE', `/admin/v1/accounts/${body.id}`, { user: users.admin })).status).toBe(204);
    expect(
      (await h.call('GET', '/admin/v1/storefronts', { user: ['new.person', 'new-person-secret'] })).status,
    ).toBe(401);
  });

  it('relay accounts add|list|passwd|remove', async () => {
    const out: string[] = [];
    const io = (stdin = '') => ({ out: (l: string) => out.push(l), stdin: Readable.from([stdin]) });
    await accountsCommand(database.db, ['add', 'cli.user', '--role', 'operator'], io());
    const added = JSON.parse(out[0]!);
    expect(added.added).toMatchObject({ username: 'cli.user', role: 'operator' });
    expect(added.password).toMatch(/^[\w-]{24}$/);
    expect(
      (await h.call('GET', '/admin/v1/storefronts', { user: ['cli.user', added.password] })).status,
    ).toBe(200);
    await accountsCommand(
      database.db,
      ['passwd', 'cli.user', '--password-stdin'],
      io('a-new-long-password\n'),
    );
    expect(JSON.parse(out[1]!)).toEqual({ password_changed: 'cli.user' });
    expect(
      (await h.call('GET', '/admin/v1/storefronts', { user: ['cli.user', added.password] })).status,
    ).toBe(401);
    expect(
      (await h.call('GET', '/admin/v1/storefronts', { user: ['cli.user', 'a-new-long-password'] })).status,
    ).toBe(200);
    await accountsCommand(database.db, ['list'], io());
    expect(out.slice(2).map((l) => JSON.parse(l).username)).toContain('cli.user');
    await expect(accountsCommand(database.db, ['add', 'cli.user', '--role', 'boss'], io())).rejects.toThrow(
      /role/,
    );
    out.length = 0;
    await accountsCommand(database.db, ['remove', 'cli.user'], io());
    expect(out).toEqual([JSON.stringify({ removed: 'cli.user' })]);
    await expect(accountsCommand(database.db, ['remove', 'cli.user'], io())).rejects.toThrow(
      "no account 'cli.user'",
    );
  });
});

describe('failed-login limit per (client address, username)', () => {
  it('answers 429 with Retry-After after LOGIN_MAX_FAILURES, per pair, without throttling valid logins', async () => {
    const { call } = makeApp({ ...INGEST, ...ADMIN, LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW: '10m' });
    const batch = { count: 0, data: [], error: 'x' };
    const guess = (peer: string, user = 'oms') =>
      call('POST', '/v1/events', { user: [user, 'guess'], body: batch, peer });
    expect((await guess('198.51.100.7')).status).toBe(401);
    expect((await guess('198.51.100.7')).status).toBe(401);
    const third = await guess('198.51.100.7');
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(590);
    const fourth = await guess('198.51.100.7');
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toMatch(/^\d+$/);
    // The blocked pair is not even checked: a correct guess from there learns nothing.
    expect(
      (await call('POST', '/v1/events', { user: ingestUser, body: batch, peer: '198.51.100.7' })).status,
    ).toBe(429);
    // Another address with the same username, and another username at the same address, are not blocked.
    expect(
      (await call('POST', '/v1/events', { user: ingestUser, body: batch, peer: '198.51.100.8' })).status,
    ).toBe(202);
    expect((await guess('198.51.100.7', 'someone-else')).status).toBe(401);
    // A client with valid credentials is never throttled, however often it calls.
    for (let i = 0; i < 50; i++) {
      expect(
        (await call('POST', '/v1/events', { user: ingestUser, body: batch, peer: '198.51.100.9' })).status,
      ).toBe(202);
    }
  });

  it('counts admin logins too, and believes X-Forwarded-For only from TRUSTED_PROXIES', async () => {
    const direct = makeApp({ ...INGEST, ...ADMIN, LOGIN_MAX_FAILURES: '2' });
    // Not behind a trusted proxy: a forged X-Forwarded-For does not give a fresh address.
    for (let i = 0; i < 2; i++) {
      await direct.call('GET', '/admin/v1/storefronts', {
        user: ['root', 'guess'],
        peer: '203.0.113.50',
        headers: { 'x-forwarded-for': `10.9.9.${i}` },
      });
    }
    const forged = await direct.call('GET', '/admin/v1/storefronts', {
      user: ['root', 'guess'],
      peer: '203.0.113.50',
      headers: { 'x-forwarded-for': '10.9.9.99' },
    });
    expect(forged.status).toBe(429);

    const proxied = makeApp({
      ...INGEST,
      ...ADMIN,
      LOGIN_MAX_FAILURES: '2',
      TRUSTED_PROXIES: '10.0.0.0/8, ::1',
    });
    const via = (client: string, password = 'guess') =>
      proxied.call('GET', '/admin/v1/storefronts', {
        user: ['root', password],
        peer: '::ffff:10.1.2.3',
        headers: { 'x-forwarded-for': `1.1.1.1, ${client}, 10.4.4.4` },
      });
    expect((await via('192.0.2.77')).status).toBe(401);
    expect((await via('192.0.2.77')).status).toBe(429);
    expect((await via('192.0.2.78')).status).toBe(401);
    expect((await via('192.0.2.79', 'admin-secret-1')).status).toBe(200);
  });
});
