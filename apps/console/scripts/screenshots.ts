/**
 * Screenshots of every console page for the README (docs/console/*.png), taken from the data
 * `pnpm demo` leaves in its database: run `pnpm demo`, then `pnpm --filter @relay/console
 * screenshots`. Serves that database with the API and the freshly built console on a free
 * port and drives Debian's chromium through each page.
 */
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { MultiFernet, generateFernetKey } from '@relay/core';
import { chromium } from 'playwright-core';
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
// The demo's key is gone with its process; nothing here decrypts a stored secret.
const key = generateFernetKey();
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
await page.getByRole('button', { name: 'Last hour' }).click();
await page.getByTestId('events-in').waitFor();
await shot('overview');

await page.getByRole('link', { name: 'Storefronts' }).click();
await page.getByRole('heading', { name: 'Storefronts and kill switches' }).waitFor();
await shot('storefronts');

await page.getByRole('link', { name: 'Destinations' }).click();
await page.getByRole('button', { name: 'New credential' }).click();
await page.getByLabel('Platform', { exact: true }).selectOption({ label: 'Meta Conversions API (tier 1)' });
await shot('destinations');

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

await browser.close();
await closeServer(server);
await db.$disconnect();
