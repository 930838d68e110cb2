import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { MultiFernet, generateFernetKey } from '@relay/core';
import mariadb from 'mariadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJson } from '../../src/crypto/secrets';
import { type LegacySource, openLegacySource } from '../../src/db/legacy-source';
import { parseDatabaseUrl, withDatabase } from '../../src/db/url';
import { createLogger } from '../../src/log';
import { type ImportSummary, importLegacy } from '../../src/maintenance/import-legacy';
import { createRegistry } from '../../src/platforms/registry';
import { seedPlatforms } from '../../src/platforms/seed';
import { routeOnce } from '../../src/worker/router';
import { TEST_KEY } from '../support/app';
import { TEST_SERVER_URL, type TestDatabase, createTestDatabase, rawQuery } from '../support/database';

/** A database created with exactly the replaced service's schema (test/fixtures/legacy/schema.sql). */
const legacyName = `relay_t_legacy_${Date.now().toString(36)}`;
const legacyUrl = withDatabase(TEST_SERVER_URL, legacyName);
const cipher = new MultiFernet(TEST_KEY);
const registry = createRegistry();
let relay: TestDatabase;
let source: LegacySource;

const META = { access_token: 'EAAB-legacy', pixel_id: '123456789012345' };
const tokens = {
  meta: cipher.encrypt(JSON.stringify(META)),
  yahoo: cipher.encrypt(JSON.stringify({ client_id: 'c', client_secret: 's', pixel_id: 'p' })),
  crm: cipher.encrypt(JSON.stringify({ api_key: 'k' })),
  // The old service sealed the api_secret as plain text, custom headers as JSON.
  apiSecret: cipher.encrypt('ga4-secret'),
  headers: cipher.encrypt(JSON.stringify({ 'X-Env': 'prod' })),
};
const record = (order: string, event: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    storefront_id: 'bosley',
    event_name: event,
    event_time: '2026-01-15T10:25:00Z',
    order_id: order,
    ...extra,
  });

beforeAll(async () => {
  await rawQuery(`CREATE DATABASE \`${legacyName}\` CHARACTER SET utf8mb4`);
  const conn = await mariadb.createConnection({ ...parseDatabaseUrl(legacyUrl), multipleStatements: true });
  try {
    await conn.query(readFileSync(`${import.meta.dirname}/../fixtures/legacy/schema.sql`, 'utf8'));
    await conn.query(
      `INSERT INTO storefronts (id, storefront_id, name, domain, is_active) VALUES (1, 'bosley', 'Bosley', 'bosley.com', 1), (2, 'Pfizer', 'Pfizer', NULL, 0);
       INSERT INTO ad_analytics_platforms (id, platform_code, name, category, tier, auth_type, credential_schema, is_active) VALUES
         (1, 'meta_capi', 'Meta', 'advertising', 1, 'access_token', NULL, 0),
         (2, 'verizon_media', 'Verizon Media', 'advertising', 2, 'oauth2', NULL, 1),
         (3, 'legacy_crm', 'Legacy CRM', 'crm', 3, 'api_key', '{"type":"object","required":["api_key"]}', 1);
       INSERT INTO platform_credentials (id, storefront_id, platform_id, credentials_encrypted, destination_type, pixel_id, is_active) VALUES
         (1, 1, 1, ?, 'direct', '123456789012345', 1), (2, 1, 2, ?, 'sgtm', NULL, 1), (3, 2, 3, ?, 'direct', NULL, 0);
       INSERT INTO storefront_sgtm_config (storefront_id, sgtm_url, client_type, measurement_id, api_secret, custom_headers) VALUES
         (1, 'https://sgtm.bosley.com', 'ga4', 'G-BOSLEY', ?, ?);
       INSERT INTO marketing_events (id, event_id, storefront_id, storefront_code, event_type, event_payload, source_system, status) VALUES
         (1, 'ORD-PENDING', 1, 'bosley', 'purchase_completed', ?, 'oms', 'pending'),
         (2, 'ORD-DONE', 1, 'bosley', 'purchase_completed', ?, 'oms', 'delivered'),
         (3, 'ORD-FAILED', 1, 'bosley', 'consult_started', ?, 'oms', 'failed'),
         (4, 'ORD-DIRECT', NULL, 'PFIZER', 'rx_issued', '{"order_revenue": 12.5}', 'oms_direct', 'retrying'),
         (5, 'ORD-GONE', NULL, 'closed_shop', 'lead', '{}', 'oms_direct', 'pending');
       INSERT INTO event_attempts (event_id, credential_id, destination_type, status) VALUES
         (3, 1, 'direct', 'success'), (3, 2, 'sgtm', 'failed'), (2, 1, 'direct', 'success');`,
      [
        tokens.meta,
        tokens.yahoo,
        tokens.crm,
        tokens.apiSecret,
        tokens.headers,
        record('ORD-PENDING', 'purchase_completed', { order_revenue: 80.79, 't-value': 'aff' }),
        record('ORD-DONE', 'purchase_completed'),
        record('ORD-FAILED', 'consult_started'),
      ],
    );
  } finally {
    await conn.end();
  }
  relay = await createTestDatabase();
  await seedPlatforms(relay.db, registry);
  source = await openLegacySource(legacyUrl);
});
afterAll(async () => {
  await source.close();
  await relay.drop();
  await rawQuery(`DROP DATABASE IF EXISTS \`${legacyName}\``);
});

const EXPECTED: Omit<ImportSummary, 'dryRun'> = {
  storefronts: { created: 2, existing: 0 },
  platforms: { created: 2, existing: 1, switchedOff: 1 },
  credentials: { created: 3, existing: 0 },
  sgtmConfigs: { created: 1, existing: 0, secretsResealed: 1 },
  events: {
    found: { pending: 2, failed: 1, retrying: 1 },
    imported: 3,
    alreadyPresent: 0,
    deliveredDestinations: 1,
    skipped: [{ event_id: 'ORD-GONE', reason: "Storefront 'closed_shop' not found" }],
  },
};

describe('relay import --from <the old service DATABASE_URL>', () => {
  it('refuses, naming ENCRYPTION_KEY, when a token does not open with it; nothing is written', async () => {
    const other = new MultiFernet(generateFernetKey());
    const error = (await importLegacy(relay.db, other, source).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      "ENCRYPTION_KEY cannot decrypt 5 secret(s) of the old database (platform_credentials.id 1, platform_credentials.id 2, platform_credentials.id 3, storefront_sgtm_config.id 1 api_secret, storefront_sgtm_config.id 1 custom_headers): put the old service's ENCRYPTION_KEY in ENCRYPTION_KEY (a comma-separated list; the first key encrypts, every key decrypts) and run the import again. Nothing was imported.",
    );
    expect(await relay.db.storefront.count()).toBe(0);
  });

  it('--dry-run reports what it would do and writes nothing', async () => {
    expect(await importLegacy(relay.db, cipher, source, { dryRun: true })).toEqual({
      dryRun: true,
      ...EXPECTED,
    });
    expect([
      await relay.db.storefront.count(),
      await relay.db.credential.count(),
      await relay.db.event.count(),
    ]).toEqual([0, 0, 0]);
  });

  it('copies configuration with the tokens as they were, and the undelivered events, with a summary', async () => {
    expect(await importLegacy(relay.db, cipher, source, { pageSize: 2 })).toEqual({
      dryRun: false,
      ...EXPECTED,
    });
    const db = relay.db;
    const storefronts = await db.storefront.findMany({ orderBy: { id: 'asc' } });
    expect(storefronts.map((s) => [s.code, s.name, s.domain, s.isActive])).toEqual([
      ['bosley', 'Bosley', 'bosley.com', true],
      ['pfizer', 'Pfizer', null, false],
    ]);
    const platform = async (code: string) => db.platform.findUniqueOrThrow({ where: { code } });
    expect((await platform('meta_capi')).isActive).toBe(false); // the old global kill switch carries over
    const verizon = await platform('verizon_media');
    expect([verizon.tier, verizon.authType, registry.get('verizon_media')?.code]).toEqual([
      2,
      'oauth2',
      'yahoo_dsp',
    ]);
    const crm = await platform('legacy_crm');
    expect([crm.category, crm.credentialSchema]).toEqual(['crm', { type: 'object', required: ['api_key'] }]);

    const credentials = await db.credential.findMany({ orderBy: { id: 'asc' }, include: { platform: true } });
    expect(
      credentials.map((c) => [c.platform.code, c.destinationType, c.credentialsEncrypted, c.isActive]),
    ).toEqual([
      ['meta_capi', 'direct', tokens.meta, true],
      ['verizon_media', 'sgtm', tokens.yahoo, true],
      ['legacy_crm', 'direct', tokens.crm, false],
    ]);
    expect(openJson(cipher, credentials[0]!.credentialsEncrypted)).toEqual(META);
    const sgtm = await db.sgtmConfig.findFirstOrThrow();
    expect([sgtm.sgtmUrl, sgtm.clientType, sgtm.measurementId, sgtm.customHeadersEncrypted]).toEqual([
      'https://sgtm.bosley.com',
      'ga4',
      'G-BOSLEY',
      tokens.headers,
    ]);
    expect(openJson(cipher, sgtm.apiSecretEncrypted!)).toBe('ga4-secret');

    const events = await db.event.findMany({ orderBy: { id: 'asc' }, include: { deliveries: true } });
    expect(events.map((e) => [e.orderId, e.storefrontCode, e.dedupKey, e.eventName, e.status])).toEqual([
      ['ORD-PENDING', 'bosley', 'bosley:purchase_completed:ORD-PENDING', 'purchase_completed', 'pending'],
      ['ORD-FAILED', 'bosley', 'bosley:consult_started:ORD-FAILED', 'consult_started', 'pending'],
      ['ORD-DIRECT', 'pfizer', 'pfizer:rx_issued:ORD-DIRECT', 'rx_issued', 'pending'],
    ]);
    expect(events[0]!.payload).toEqual({
      storefront_id: 'bosley',
      event_name: 'purchase_completed',
      event_time: '2026-01-15T10:25:00Z',
      order_id: 'ORD-PENDING',
      order_revenue: 80.79,
      't-value': 'aff',
    });
    // A record without event_time takes the old row's created_at.
    const [old] = (await rawQuery(
      `SELECT created_at FROM \`${legacyName}\`.marketing_events WHERE id = 4`,
    )) as Array<{ created_at: Date }>;
    expect(events[2]!.eventTime.getTime()).toBe(old!.created_at.getTime());
    // What the old service already delivered is recorded, so routing never sends it again.
    expect(events[1]!.deliveries.map((d) => [d.destinationKey, d.status])).toEqual([
      [`credential:${credentials[0]!.id}`, 'delivered'],
    ]);
    await routeOnce({
      db,
      registry,
      owner: 'r',
      batchSize: 10,
      leaseMs: 60_000,
      defaultCurrency: 'USD',
      logger: createLogger('silent'),
    });
    const failed = await db.delivery.findMany({ where: { eventId: events[1]!.id }, orderBy: { id: 'asc' } });
    expect(failed.map((d) => [d.destinationKey, d.status])).toEqual([
      [`credential:${credentials[0]!.id}`, 'delivered'],
      [`sgtm:${sgtm.id}`, 'pending'],
    ]);
  });

  it('running it again changes nothing', async () => {
    const counts = async () => [
      await relay.db.storefront.count(),
      await relay.db.platform.count(),
      await relay.db.credential.count(),
      await relay.db.sgtmConfig.count(),
      await relay.db.event.count(),
      await relay.db.delivery.count(),
    ];
    const before = await counts();
    expect(await importLegacy(relay.db, cipher, source)).toEqual({
      dryRun: false,
      storefronts: { created: 0, existing: 2 },
      platforms: { created: 0, existing: 3, switchedOff: 0 },
      credentials: { created: 0, existing: 3 },
      sgtmConfigs: { created: 0, existing: 1, secretsResealed: 0 },
      events: { ...EXPECTED.events, imported: 0, alreadyPresent: 3, deliveredDestinations: 0 },
    });
    expect(await counts()).toEqual(before);
  });

  it('the CLI runs it (--dry-run prints the summary) and names --from when it is missing', async () => {
    const run = promisify(execFile);
    const cli = (args: string[]) =>
      run(
        process.execPath,
        ['--conditions=@relay/source', '--import', 'tsx', 'src/cli.ts', 'import', ...args],
        {
          cwd: `${import.meta.dirname}/../..`,
          env: { ...process.env, DATABASE_URL: relay.url, ENCRYPTION_KEY: TEST_KEY, LOG_LEVEL: 'error' },
        },
      );
    const { stdout } = await cli(['--from', legacyUrl, '--dry-run']);
    expect(JSON.parse(stdout)).toMatchObject({ dryRun: true, events: { imported: 0, alreadyPresent: 3 } });
    const failure = await cli([]).catch((e: { code: number; stderr: string }) => e);
    expect((failure as { code: number }).code).toBe(1);
    expect((failure as { stderr: string }).stderr).toContain(
      "relay import needs --from with the old service's DATABASE_URL",
    );
  });
});
