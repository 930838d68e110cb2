import { IDENTIFIER_CLASSES as CORE_IDENTIFIER_CLASSES } from '@relay/core';
import { SEED_BATCH } from '@relay/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJson } from '../../relay/src/crypto/secrets';
import { addAccount } from '../../relay/src/auth/accounts';
import { reasonGroup } from '../../relay/src/db/reason-group';
import { IDENTIFIER_CLASSES } from '../src/privacy';
import { type ConsoleHarness, buildConsole, signIn, startHarness } from './support/harness';

/**
 * The console in a real browser (Debian's chromium driven by playwright-core) against a relay
 * with a migrated database, the platform simulator and a running worker.
 */
let h: ConsoleHarness;
let ids: { bosley: number; meta: number; tiktok: number; pinterest: number };
const purchase = (order_id: string) => ({
  ...SEED_BATCH.data[2],
  order_id,
  event_time: new Date(Date.now() - 5 * 60_000).toISOString(),
  email: 'buyer@example.com',
  ip_address: '203.0.113.7',
  user_agent: 'Mozilla/5.0 (console test)',
});

beforeAll(async () => {
  await buildConsole();
  h = await startHarness();
  const bosley = await h.f.storefront('bosley');
  ids = {
    bosley,
    meta: await h.f.credential(bosley, 'meta_capi'),
    tiktok: await h.f.credential(bosley, 'tiktok_events'),
    pinterest: await h.f.credential(bosley, 'pinterest_capi'),
  };
  h.f.sim.script('tiktok_events', [{ status: 400, message: 'Invalid pixel code' }], { repeatLast: true });
  await h.f.ingest({ data: ['C-1', 'C-2', 'C-3'].map(purchase) });
  await h.settle();
});
afterAll(() => h?.close());

/** Form controls and buttons on the page that have no accessible name (label, aria-label or text). */
const unlabelled = () =>
  h.page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea, button, a[href]')]
      .filter((el) => {
        const control = el as HTMLInputElement;
        const named =
          (control.labels?.length ?? 0) > 0 ||
          el.getAttribute('aria-label') ||
          el.getAttribute('aria-labelledby') ||
          (el.textContent ?? '').trim() !== '';
        return !named;
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );

describe('the console', () => {
  it('signs in with its own form: a wrong password says so, the right one opens the overview', async () => {
    await signIn(h.page, h.url, 'admin', 'wrong');
    await expect.poll(() => h.page.getByRole('alert').textContent()).toBe('Wrong username or password.');
    await h.page.getByLabel('Password').fill('changeme');
    await h.page.getByRole('button', { name: 'Sign in' }).click();
    await h.page.getByRole('heading', { name: 'Overview' }).waitFor();
    // Every call carries the console's mark and Basic credentials.
    const request = await Promise.all([
      h.page.waitForRequest((r) => r.url().includes('/admin/v1/stats/deliveries')),
      h.page.getByRole('button', { name: 'Last hour' }).click(),
    ]).then(([r]) => r);
    expect(request.headers()['x-relay-client']).toBe('console');
    expect(request.headers().authorization).toBe(`Basic ${Buffer.from('admin:changeme').toString('base64')}`);
  });

  it('shows overview numbers that match the database', async () => {
    const db = h.f.t.database.db;
    const events = await db.event.count();
    const by = async (status: string, credentialId?: number) =>
      db.delivery.count({ where: { status, ...(credentialId !== undefined && { credentialId }) } });
    await h.page.getByTestId('events-in').waitFor();
    const text = async (id: string) => (await h.page.getByTestId(id).textContent())?.trim();
    expect(await text('events-in')).toBe(String(events));
    expect(await text('delivered')).toBe(String(await by('delivered')));
    expect(await text('failed')).toBe(String(await by('failed')));
    expect(await text('retrying')).toBe('0');
    expect(await text(`credential:${ids.meta}-delivered`)).toBe(String(await by('delivered', ids.meta)));
    expect(await text(`credential:${ids.tiktok}-failed`)).toBe(String(await by('failed', ids.tiktok)));
    expect(await text(`credential:${ids.pinterest}-delivered`)).toBe('3');
    expect(await text('backlog')).toBe('0 (0)');
    // A number is a link to the matching list.
    await h.page.getByTestId(`credential:${ids.tiktok}-failed`).click();
    await h.page.getByRole('heading', { name: 'Events' }).waitFor();
    await expect.poll(() => h.page.locator('tbody tr').count()).toBe(3);
  });

  it('flips a credential off with a confirmation that says what stops; the next event is suppressed', async () => {
    await h.page.getByRole('link', { name: 'Storefronts' }).click();
    await h.page.getByRole('button', { name: 'Turn off Meta Conversions API for bosley' }).click();
    const dialog = h.page.getByRole('dialog');
    expect(await dialog.textContent()).toContain(
      'Events from bosley are no longer sent to Meta Conversions API (recorded as suppressed)',
    );
    await dialog.getByRole('button', { name: 'Turn off' }).click();
    await h.page.getByRole('button', { name: 'Turn on Meta Conversions API for bosley' }).waitFor();
    const credential = await h.f.t.database.db.credential.findUniqueOrThrow({ where: { id: ids.meta } });
    expect(credential.isActive).toBe(false);

    const metaBefore = h.f.sim.receivedBy('meta_capi').length;
    const { ids: event_ids } = await h.f.ingest({ data: [purchase('C-4')] });
    await h.settle();
    const deliveries = await h.f.t.database.db.delivery.findMany({
      where: { eventId: BigInt(event_ids[0]!) },
      orderBy: { id: 'asc' },
    });
    expect(deliveries.map((d) => [d.platformCode, d.status])).toEqual([
      ['meta_capi', 'suppressed'],
      ['tiktok_events', 'failed'],
      ['pinterest_capi', 'delivered'],
    ]);
    expect(h.f.sim.receivedBy('meta_capi')).toHaveLength(metaBefore);
  });

  it('creates a credential from the form generated from the platform schema; the secret is never shown', async () => {
    await h.page.getByRole('link', { name: 'Destinations' }).click();
    await h.page.getByRole('button', { name: 'New credential' }).click();
    await h.page
      .getByLabel('Platform', { exact: true })
      .selectOption({ label: 'Google Analytics 4 (tier 1)' });
    const secret = h.page.locator('input[name="credentials.api_secret"]');
    expect(await secret.getAttribute('type')).toBe('password');
    await h.page.locator('input[name="credentials.measurement_id"]').fill('G-ABC123XYZ9');
    // A value the schema refuses comes back on its field.
    await h.page.getByRole('button', { name: 'Create credential' }).click();
    await expect.poll(() => h.page.getByRole('alert').textContent()).toContain('credentials.api_secret');
    await secret.fill('console-typed-secret-1234');
    await h.page.getByLabel(/Endpoint override/).fill(`${h.f.sim.url}/ga4`);
    await h.page.getByRole('button', { name: 'Create credential' }).click();
    await expect
      .poll(() => h.page.getByRole('status').textContent())
      .toMatch(/^Created credential \d+ for Google Analytics 4\.$/);
    const ga4 = await h.f.t.database.db.platform.findUniqueOrThrow({ where: { code: 'ga4' } });
    const row = await h.f.t.database.db.credential.findFirstOrThrow({ where: { platformId: ga4.id } });
    expect(row.baseUrl).toBe(`${h.f.sim.url}/ga4`);
    expect(openJson(h.f.t.cipher, row.credentialsEncrypted)).toEqual({
      measurement_id: 'G-ABC123XYZ9',
      api_secret: 'console-typed-secret-1234',
    });
    expect(await h.page.content()).not.toContain('console-typed-secret-1234');
    await h.page.getByRole('cell', { name: /^Google Analytics 4 \(credential \d+\)$/ }).waitFor();
  });

  it('asks for a pixel id once when the platform credentials hold one, and labels the row with it', async () => {
    await h.page.getByRole('link', { name: 'Destinations' }).click();
    await h.page.getByRole('button', { name: 'Edit Meta Conversions API credential of bosley' }).click();
    await h.page.locator('input[name="credentials.pixel_id"]').waitFor();
    expect(await h.page.getByText(/^Pixel id/).count()).toBe(1);
    const before = await h.f.t.database.db.credential.findUniqueOrThrow({ where: { id: ids.meta } });
    await h.page.locator('input[name="credentials.pixel_id"]').fill('998877665544');
    await h.page.locator('input[name="credentials.access_token"]').fill('EAAGconsoleTypedToken0123456789');
    await h.page.getByRole('button', { name: /^Save/ }).click();
    await expect.poll(() => h.page.getByRole('status').textContent()).toMatch(/^Saved credential/);
    const row = await h.f.t.database.db.credential.findUniqueOrThrow({ where: { id: ids.meta } });
    expect(row.pixelId).toBe('998877665544');
    expect(row.accountId).toBe(before.accountId);
    expect(row.baseUrl).toBe(before.baseUrl);
    expect(openJson(h.f.t.cipher, row.credentialsEncrypted)).toEqual({
      pixel_id: '998877665544',
      access_token: 'EAAGconsoleTypedToken0123456789',
    });
    // A platform that names it otherwise (TikTok's pixel_code) is asked once too.
    await h.page.getByRole('button', { name: 'Edit TikTok Events API credential of bosley' }).click();
    await h.page.locator('input[name="credentials.pixel_code"]').waitFor();
    expect(await h.page.getByText(/^Pixel id/).count()).toBe(0);
    await h.page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('names every control on every page and moves through them with the keyboard', async () => {
    for (const [link, heading] of [
      ['Overview', 'Overview'],
      ['Storefronts', 'Storefronts and kill switches'],
      ['Destinations', 'Destinations'],
      ['Events', 'Events'],
      ['Failures', 'Failures'],
      ['Platforms', 'Platforms'],
      ['Audit log', 'Audit log'],
    ] as const) {
      await h.page.getByRole('navigation').getByRole('link', { name: link }).click();
      await h.page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await h.page.waitForLoadState('networkidle');
      expect(await unlabelled(), link).toEqual([]);
    }
    await h.page.getByRole('link', { name: 'Destinations' }).click();
    await h.page.getByRole('button', { name: 'New credential' }).click();
    await h.page.getByLabel('Platform', { exact: true }).selectOption({ label: 'Google Ads (tier 1)' });
    expect(await unlabelled()).toEqual([]);
    // After a navigation the focus is on the new page's content.
    await h.page.getByRole('link', { name: 'Storefronts' }).click();
    await h.page.getByRole('heading', { name: 'Storefronts and kill switches' }).waitFor();
    expect(await h.page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The skip link comes first in the tab order, then the navigation.
    const focused = () => h.page.evaluate(() => document.activeElement?.textContent);
    await h.page.getByRole('link', { name: 'Skip to content' }).focus();
    expect(await focused()).toBe('Skip to content');
    await h.page.keyboard.press('Tab');
    expect(await focused()).toBe('Overview');
    await h.page.keyboard.press('Tab');
    expect(await focused()).toBe('Storefronts');
    // A switch opens its confirmation from the keyboard, and Escape cancels it.
    await h.page.getByRole('button', { name: 'Turn off TikTok Events API for bosley' }).focus();
    await h.page.keyboard.press('Enter');
    await h.page.getByRole('dialog').waitFor();
    await h.page.keyboard.press('Escape');
    await expect.poll(() => h.page.getByRole('dialog').count()).toBe(0);
    expect(
      (await h.f.t.database.db.credential.findUniqueOrThrow({ where: { id: ids.tiktok } })).isActive,
    ).toBe(true);
  });

  it('opens a failed event from Failures and replays it until the simulator receives it', async () => {
    await h.page.getByRole('link', { name: 'Failures' }).click();
    const rows = h.page.locator('tbody tr');
    await rows.first().waitFor();
    // The groups are the database's failed deliveries by destination and reason.
    const failed = await h.f.t.database.db.delivery.findMany({ where: { status: 'failed' } });
    const groups = new Map<string, number>();
    for (const d of failed) {
      const key = `${d.destinationKey} ${reasonGroup(d.reason)}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    expect(await rows.count()).toBe(groups.size);
    const counts = await rows.locator('td.right').allTextContents();
    expect(counts).toEqual([...groups.values()].sort((a, b) => b - a).map(String));
    expect(await rows.first().textContent()).toContain('Invalid pixel code');
    const sample = rows.first().getByRole('link', { name: /^#\d+$/ });
    const eventId = Number((await sample.textContent())!.slice(1));
    const event = await h.f.t.database.db.event.findUniqueOrThrow({ where: { id: BigInt(eventId) } });
    await sample.click();
    await h.page.getByRole('heading', { name: `Event #${eventId}` }).waitFor();
    const tiktok = h.page.getByRole('article', { name: 'Delivery to tiktok_events' });
    expect(await tiktok.textContent()).toContain('400');
    await tiktok.locator('summary').first().click();
    expect(await tiktok.locator('pre').first().textContent()).toContain(event.orderId);

    h.f.sim.reset(); // TikTok accepts again
    await h.page.getByRole('button', { name: 'Replay 1 failed delivery' }).click();
    await h.page.getByRole('dialog').getByRole('button', { name: 'Replay' }).click();
    await expect.poll(() => h.page.getByRole('status').textContent()).toContain('1 delivery is queued again');
    await expect
      .poll(() => h.f.sim.receivedBy('tiktok_events').some((r) => r.body.includes(event.orderId)), {
        timeout: 20_000,
      })
      .toBe(true);
    await h.settle();
    await h.page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => tiktok.locator('h3 .badge').textContent()).toBe('delivered');
  });
});

/**
 * Named accounts, one per role. Created last: once a named account exists, the harness's
 * `admin:changeme` (the ingest login standing in for an admin) no longer opens /admin.
 */
const accounts = {
  viewer: ['vera', 'viewer-secret-1'],
  operator: ['otto', 'operator-secret-1'],
  admin: ['ada', 'admin-secret-12'],
} as const;
const basicOf = (role: keyof typeof accounts) =>
  `Basic ${Buffer.from(accounts[role].join(':')).toString('base64')}`;
/** The admin API as the named admin (the harness's own client signs in as the ingest fallback). */
const asAdmin = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${h.url}${path}`, {
    method,
    headers: { authorization: basicOf('admin'), 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json() as Promise<Record<string, unknown>>;
};

async function signInAs(role: keyof typeof accounts) {
  const out = h.page.getByRole('button', { name: 'Sign out' });
  if ((await out.count()) > 0) await out.click();
  await signIn(h.page, h.url, ...accounts[role]);
  await h.page.getByRole('heading', { name: 'Overview' }).waitFor();
  expect(await h.page.locator('.role-badge').textContent()).toBe(role);
}

const go = async (link: string, heading: string) => {
  await h.page.getByRole('navigation').getByRole('link', { name: link }).click();
  await h.page.getByRole('heading', { name: heading, exact: true }).waitFor();
  await h.page.waitForLoadState('networkidle');
};
const buttons = (name: RegExp | string) => h.page.getByRole('button', { name }).count();
const navLinks = () => h.page.getByRole('navigation').getByRole('link').allTextContents();

describe('the console by role', () => {
  beforeAll(async () => {
    for (const [role, [name, password]] of Object.entries(accounts))
      await addAccount(h.f.t.database.db, name, role, password);
  });

  it("keeps its identifier classes equal to the core's", () => {
    expect([...IDENTIFIER_CLASSES]).toEqual([...CORE_IDENTIFIER_CLASSES]);
  });

  it('shows a viewer no switch, replay, form, audit log, secret or personal data', async () => {
    await signInAs('viewer');
    expect(await navLinks()).toEqual([
      'Overview',
      'Storefronts',
      'Destinations',
      'Events',
      'Failures',
      'Platforms',
    ]);

    await go('Storefronts', 'Storefronts and kill switches');
    expect(await buttons(/^Turn (on|off) /)).toBe(0);
    expect(await h.page.getByTestId('role-note').textContent()).toBe(
      'Turning a switch on or off needs the operator role (you are a viewer).',
    );

    await go('Destinations', 'Destinations');
    expect(await buttons(/^(New credential|New sGTM config|Edit .*)$/)).toBe(0);
    await h.page.getByRole('button', { name: 'Policy of TikTok Events API credential of bosley' }).click();
    for (const c of ['The vendor signed a BAA (aliases and lists do not apply)', 'email', 'click_ids'])
      expect(await h.page.getByRole('checkbox', { name: c }).isDisabled(), c).toBe(true);
    expect(await buttons(/^(Save policy|Preview)$/)).toBe(0);
    expect(await h.page.locator('.policy .role-note').allTextContents()).toEqual([
      'Editing the policy needs the admin role (you are a viewer).',
      'The preview needs the operator role (you are a viewer).',
    ]);

    await go('Failures', 'Failures');
    expect(await buttons(/^Replay/)).toBe(0);
    await h.page
      .locator('tbody tr')
      .first()
      .getByRole('link', { name: /^#\d+$/ })
      .click();
    await h.page.getByRole('heading', { name: /^Event #\d+$/ }).waitFor();
    await h.page.getByTestId('redacted').waitFor();
    expect(await buttons(/^Replay/)).toBe(0);
    // The record's customer data and the platform exchanges never reach a viewer's page.
    const html = await h.page.content();
    for (const personal of ['buyer@example.com', '203.0.113.7', 'Mozilla/5.0 (console test)'])
      expect(html).not.toContain(personal);

    // Typed in by hand, the audit log says why it is not shown and asks the API nothing.
    const asked: string[] = [];
    const record = (r: { url(): string }) => asked.push(r.url());
    h.page.on('request', record);
    await h.page.goto(`${h.url}/console/audit`);
    await h.page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await h.page.waitForLoadState('networkidle');
    h.page.off('request', record);
    expect(await h.page.getByTestId('role-note').textContent()).toBe(
      'The audit log needs the operator role (you are a viewer).',
    );
    expect(asked.filter((u) => u.includes('/admin/v1/audit-log'))).toEqual([]);
  });

  it('lets an operator flip switches, replay and preview, but not edit credentials or policies', async () => {
    await signInAs('operator');
    expect(await navLinks()).toContain('Audit log');
    await go('Storefronts', 'Storefronts and kill switches');
    await h.page.getByRole('button', { name: 'Turn on Meta Conversions API for bosley' }).click();
    await h.page.getByRole('dialog').getByRole('button', { name: 'Turn on' }).click();
    await h.page.getByRole('button', { name: 'Turn off Meta Conversions API for bosley' }).waitFor();
    expect((await h.f.t.database.db.credential.findUniqueOrThrow({ where: { id: ids.meta } })).isActive).toBe(
      true,
    );

    await go('Destinations', 'Destinations');
    expect(await buttons(/^(New credential|New sGTM config|Edit .*)$/)).toBe(0);
    await h.page.getByRole('button', { name: 'Policy of Meta Conversions API credential of bosley' }).click();
    expect(await buttons('Save policy')).toBe(0);
    await h.page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect
      .poll(() => h.page.getByTestId('preview').locator('.badge').first().textContent())
      .toBe('send');

    await go('Failures', 'Failures');
    expect(await buttons(/^Replay \d+ failed deliveries to /)).toBeGreaterThan(0);
  });

  it('lets an admin edit a health-mode policy, and the preview changes with it', async () => {
    await asAdmin('PUT', `/admin/v1/storefronts/${ids.bosley}`, { privacy_mode: 'health' });
    await signInAs('admin');
    await go('Destinations', 'Destinations');
    await h.page.getByRole('button', { name: 'Policy of Meta Conversions API credential of bosley' }).click();
    expect(await h.page.locator('.policy .notice').first().textContent()).toBe(
      'bosley is in health mode: this policy decides what leaves for this destination.',
    );
    const record = JSON.parse(await h.page.getByLabel(/^Sample OMS record/).inputValue());
    const removedByApi = async () => {
      const r = (await asAdmin('POST', `/admin/v1/credentials/${ids.meta}/preview`, {
        records: [record],
      })) as {
        results: Array<{ removed_fields: string[] }>;
      };
      return r.results[0]!.removed_fields.join(', ');
    };
    await h.page.getByRole('button', { name: 'Preview', exact: true }).click();
    const removed = h.page.getByTestId('removed');
    const before = await removedByApi();
    expect(before.split(', ')).toContain('email');
    await expect.poll(() => removed.textContent()).toBe(before);

    await h.page.getByRole('checkbox', { name: 'email' }).check();
    await h.page.getByRole('button', { name: 'Save policy' }).click();
    await expect
      .poll(() => h.page.getByRole('status').textContent())
      .toBe('Saved the policy of Meta Conversions API of bosley.');
    const row = await h.f.t.database.db.credential.findUniqueOrThrow({ where: { id: ids.meta } });
    expect(row.privacy).toEqual({
      baa: false,
      allowed_events: null,
      allowed_properties: ['value', 'currency'],
      allowed_identifiers: ['email'],
    });
    const after = await removedByApi();
    expect(after.split(', ')).not.toContain('email');
    await expect.poll(() => removed.textContent()).toBe(after);
    expect(after).not.toBe(before);
    await asAdmin('PUT', `/admin/v1/storefronts/${ids.bosley}`, { privacy_mode: 'standard' });
  });

  it('shows a paused credential with its reason, and saving the fixed credential resumes it', async () => {
    h.f.sim.script('pinterest_capi', [{ status: 401, message: 'Authentication failed' }], {
      repeatLast: true,
    });
    const { ids: held } = await h.f.ingest({ data: [purchase('C-P1'), purchase('C-P2')] });
    const db = h.f.t.database.db;
    await expect
      .poll(async () => (await db.credential.findUniqueOrThrow({ where: { id: ids.pinterest } })).pausedAt, {
        timeout: 20_000,
      })
      .not.toBeNull();
    await h.settle();
    const paused = await db.credential.findUniqueOrThrow({ where: { id: ids.pinterest } });
    const waiting = { credentialId: ids.pinterest, status: 'paused', eventId: { in: held.map(BigInt) } };
    expect(await db.delivery.count({ where: waiting })).toBe(2);

    await h.page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
    await go('Storefronts', 'Storefronts and kill switches');
    await expect
      .poll(() =>
        h.page.locator('[data-level="credential"]', { hasText: 'Pinterest Conversions API' }).textContent(),
      )
      .toContain('paused: the platform refused the credential, 2 held (fix it in Destinations)');
    await go('Destinations', 'Destinations');
    const card = h.page.getByRole('region', { name: 'Pinterest Conversions API of bosley is paused' });
    expect(await card.textContent()).toContain(paused.pauseReason!);
    expect(await card.textContent()).toContain('2 deliveries wait, nothing is lost.');
    await card.getByRole('button', { name: 'Fix Pinterest Conversions API credential of bosley' }).click();
    expect(await h.page.getByTestId('form-paused').textContent()).toContain(
      'saving resumes the 2 held deliveries',
    );
    await h.page.locator('input[name="credentials.ad_account_id"]').fill('549755885175');
    await h.page
      .locator('input[name="credentials.conversion_token"]')
      .fill('pina_console_fixed_token_0123456789');
    h.f.sim.reset(); // Pinterest accepts the new token
    await h.page.getByRole('button', { name: 'Save and resume' }).click();
    await expect
      .poll(() => h.page.getByRole('status').textContent())
      .toBe(`Saved credential ${ids.pinterest} for Pinterest Conversions API.`);
    await expect.poll(() => h.page.getByRole('region', { name: /is paused$/ }).count()).toBe(0);
    expect((await db.credential.findUniqueOrThrow({ where: { id: ids.pinterest } })).pausedAt).toBeNull();
    await expect
      .poll(() => db.delivery.count({ where: { ...waiting, status: 'delivered' } }), { timeout: 20_000 })
      .toBe(2);
    expect(await h.page.content()).not.toContain('pina_console_fixed_token_0123456789');
  });

  it('creates and edits an sGTM config; its secret is write-only', async () => {
    await go('Destinations', 'Destinations');
    await h.page.getByRole('button', { name: 'New sGTM config' }).click();
    await h.page.getByLabel('Container URL').fill(`${h.f.sim.url}/sgtm`);
    await h.page.getByLabel('Client', { exact: true }).selectOption('custom');
    await h.page.getByLabel(/^Custom endpoint path/).fill('collect');
    await h.page.getByLabel(/^API secret/).fill('sgtm-secret-typed-1234');
    await h.page.getByRole('button', { name: 'Create sGTM config' }).click();
    // The API's refusal comes back on its field.
    await expect
      .poll(() => h.page.locator('#sg-err-custom_endpoint_path').textContent())
      .toBe('custom_endpoint_path must start with /');
    await h.page.getByLabel(/^Custom endpoint path/).fill('/collect');
    await h.page.getByRole('button', { name: 'Create sGTM config' }).click();
    await expect.poll(() => h.page.getByRole('status').textContent()).toMatch(/^Created sGTM config \d+\.$/);
    const db = h.f.t.database.db;
    const created = await db.sgtmConfig.findFirstOrThrow({ where: { storefrontId: ids.bosley } });
    expect([created.sgtmUrl, created.clientType, created.customEndpointPath]).toEqual([
      `${h.f.sim.url}/sgtm`,
      'custom',
      '/collect',
    ]);
    expect(openJson(h.f.t.cipher, created.apiSecretEncrypted!)).toBe('sgtm-secret-typed-1234');

    await h.page.getByRole('button', { name: 'Edit the sGTM config of bosley' }).click();
    expect(await h.page.getByLabel(/^API secret/).inputValue()).toBe('');
    expect(await h.page.locator('label[for="sg-secret"]').textContent()).toBe(
      'API secret (stored; leave empty to keep it)',
    );
    await h.page.getByLabel(/^Custom endpoint path/).fill('/events');
    await h.page.getByRole('button', { name: 'Save sGTM config' }).click();
    await expect
      .poll(() => h.page.getByRole('status').textContent())
      .toBe(`Saved sGTM config ${created.id}.`);
    const edited = await db.sgtmConfig.findUniqueOrThrow({ where: { id: created.id } });
    expect(edited.customEndpointPath).toBe('/events');
    expect(openJson(h.f.t.cipher, edited.apiSecretEncrypted!)).toBe('sgtm-secret-typed-1234');
    expect(await h.page.content()).not.toContain('sgtm-secret-typed-1234');
  });

  it('offers no replay for a group refused as too old for the platform: it would be refused again', async () => {
    await h.f.ingest({
      data: [{ ...purchase('C-OLD'), event_time: new Date(Date.now() - 30 * 24 * 3600_000).toISOString() }],
    });
    await h.settle();
    await h.page.getByRole('link', { name: 'Failures' }).click();
    const old = h.page.locator('tbody tr', { hasText: 'event_too_old:' });
    await old.first().waitFor();
    for (const row of await old.all()) {
      expect(await row.getByRole('button', { name: /^Replay/ }).count()).toBe(0);
      expect(await row.textContent()).toContain(
        "Past the platform's window: a replay would be refused again.",
      );
    }
    // Groups that a replay may fix keep their button.
    expect(
      await h.page.locator('tbody tr', { hasNotText: 'event_too_old:' }).getByRole('button').count(),
    ).toBe(await h.page.locator('tbody tr', { hasNotText: 'event_too_old:' }).count());
  });
});
