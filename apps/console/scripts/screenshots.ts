/**
 * Screenshots of every console page for the README (docs/console/*.png), taken from the data
 * `pnpm demo` leaves in its database: run `pnpm demo`, then `pnpm --filter @relay/console
 * screenshots`. Serves that database with the API and the freshly built console on a free
 * port and drives Debian's chromium through each page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { MultiFernet, generateFernetKey } from '@relay/core';
import { chromium } from 'playwright-core';
import { addAccount } from '../../relay/src/auth/accounts';
import { loadConfig } from '../../relay/src/config';
import { createDb } from '../../relay/src/db/client';
import { createApp } from '../../relay/src/http/app';
import { createLogger } from '../../relay/src/log';
import { createRegistry } from '../../relay/src/platforms/registry';
import { closeServer, listen } from '../../relay/src/server';
import { CHROMIUM, buildConsole, signIn } from '../test/support/harness';

const url = process.env.DEMO_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/relay_demo';
const out = fileURLToPath(new URL('../../../docs/console/', import.meta.url));

await buildConsole();
// `pnpm demo` keeps its key here, so previews (which open the destinations' secrets) work.
const keyFile = fileURLToPath(new URL('../../../.relay/demo-encryption.key', import.meta.url));
const key = existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : generateFernetKey();
const config = loadConfig({
  ...process.env,
  DATABASE_URL: url,
  ENCRYPTION_KEY: key,
  RELAY_ENV: 'development',
});
const db = createDb(url);
if ((await db.event.count()) === 0) throw new Error(`no events in ${url}: run \`pnpm demo\` first`);
const app = createApp({
  config,
  db,
  cipher: new MultiFernet(key),
  registry: createRegistry(),
  logger: createLogger('warn'),
});
const server = await listen(app, 0, '127.0.0.1');
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
await mkdir(out, { recursive: true });
const shot = async (name: string) => {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}${name}.png`, fullPage: true });
  console.log(`docs/console/${name}.png`);
};

await signIn(page, base, config.BASIC_AUTH_USERNAME, config.BASIC_AUTH_PASSWORD);
await page.getByRole('heading', { name: 'Overview' }).waitFor();
// The demo plays a whole day of traffic: the day's graphs show its shape.
await page.getByRole('button', { name: 'Last day' }).click();
await page.getByTestId('events-in').waitFor();
await shot('overview');

await page.getByRole('link', { name: 'Storefronts' }).click();
await page.getByRole('heading', { name: 'Storefronts and kill switches' }).waitFor();
await shot('storefronts');

await page.getByRole('link', { name: 'Destinations' }).click();
await page.locator('tbody tr').first().waitFor();
await shot('destinations');

// The demo's Pinterest credential was refused (401) in its last hour: the form says how to resume.
const fix = page.getByRole('button', { name: /^Fix .* credential of / });
if ((await fix.count()) > 0) {
  await fix.first().click();
  await page.getByRole('heading', { name: /^Edit credential \d+$/ }).waitFor();
  await shot('destinations-paused');
  await page.getByRole('button', { name: 'Cancel' }).click();
}

await page.getByRole('button', { name: 'New credential' }).click();
await page.getByLabel('Platform', { exact: true }).selectOption({ label: 'Meta Conversions API (tier 1)' });
await shot('destinations-new-credential');
await page.getByRole('button', { name: 'Cancel' }).click();

await page.getByRole('button', { name: 'Edit the sGTM config of pfizer' }).click();
await shot('destinations-sgtm');
await page.getByRole('button', { name: 'Cancel' }).click();

// pfizer is in health mode: its sGTM's policy and what a purchase would send.
await page.getByRole('button', { name: 'Policy of the sGTM config of pfizer' }).click();
await page.getByRole('button', { name: 'Preview', exact: true }).click();
await page.getByTestId('preview').waitFor();
await shot('destinations-policy');

await page.getByRole('link', { name: 'Events' }).click();
await page.locator('tbody tr').first().waitFor();
await shot('events');

await page.getByRole('link', { name: 'Failures' }).click();
await page.locator('tbody tr').first().waitFor();
await shot('failures');

await page
  .locator('tbody tr')
  .first()
  .getByRole('link', { name: /^#\d+$/ })
  .click();
await page.getByRole('heading', { name: /^Event #\d+$/ }).waitFor();
await page.locator('dl.record').waitFor();
// Open the first request/response excerpt, when a delivery of this event was sent.
const excerpt = page.locator('article.delivery details summary');
if ((await excerpt.count()) > 0) await excerpt.first().click();
await shot('event');

await page.getByRole('link', { name: 'Platforms' }).click();
await page.locator('tbody tr').first().waitFor();
await shot('platforms');

await page.getByRole('link', { name: 'Audit log' }).click();
await page.locator('tbody tr').first().waitFor();
await shot('audit-log');

// What a viewer sees: no switch, no replay, no audit log, no record.
const viewer = { username: 'demo-viewer', password: 'demo-viewer-password' };
await db.adminAccount.deleteMany({ where: { username: viewer.username } });
await addAccount(db, viewer.username, 'viewer', viewer.password);
await page.getByRole('button', { name: 'Sign out' }).click();
await signIn(page, base, viewer.username, viewer.password);
await page.getByRole('heading', { name: 'Overview' }).waitFor();
await page.getByRole('link', { name: 'Storefronts' }).click();
await page.getByRole('heading', { name: 'Storefronts and kill switches' }).waitFor();
await shot('viewer-storefronts');
await db.adminAccount.deleteMany({ where: { username: viewer.username } });

await browser.close();
await closeServer(server);
await db.$disconnect();
