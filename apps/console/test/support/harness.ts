import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { build } from 'vite';
import { closeServer, listen } from '../../../relay/src/server';
import { type PipelineFixture, pipelineFixture } from '../../../relay/test/support/worker-fixture';

/** Debian's chromium (`apt-get install chromium`; .ci/run installs it when missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CONSOLE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `vite build` of the console into apps/console/dist, which the host serves at /console. */
export async function buildConsole(): Promise<void> {
  await build({ root: CONSOLE_ROOT, logLevel: 'warn', configFile: `${CONSOLE_ROOT}vite.config.ts` });
}

export interface ConsoleHarness {
  f: PipelineFixture;
  /** `http://127.0.0.1:<port>`: the relay's API and console. */
  url: string;
  browser: Browser;
  page: Page;
  /** Wait until no delivery is pending or leased (the running worker finished what is due). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A relay on a fresh migrated database listening on a free port, the platform simulator, a
 * worker running on the real clock, and a headless chromium page.
 */
export async function startHarness(): Promise<ConsoleHarness> {
  const f = await pipelineFixture();
  const server = await listen(f.t.app, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const worker = f.worker({ now: () => new Date(), pollMs: 50 });
  worker.start();
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
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  return {
    f,
    url,
    browser,
    page,
    async settle() {
      for (let i = 0; i < 400; i++) {
        const open = await f.t.database.db.delivery.count({
          // Due now or within a second: the database's clock stamps new deliveries, not this one.
          where: {
            status: { in: ['pending', 'leased'] },
            nextAttemptAt: { lte: new Date(Date.now() + 1000) },
          },
        });
        const unrouted = await f.t.database.db.event.count({
          where: { status: { in: ['pending', 'routing'] } },
        });
        if (open === 0 && unrouted === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('deliveries did not settle within 20 s');
    },
    async close() {
      await browser.close();
      await closeServer(server);
      await f.close();
    },
  };
}

/** Sign in through the console's own form. */
export async function signIn(page: Page, url: string, user = 'admin', password = 'changeme') {
  await page.goto(`${url}/console/`);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
