#!/usr/bin/env node
/**
 * relay start        migrate, seed platforms, serve the API on PORT (and run the worker unless WORKER_ENABLED=false)
 * relay worker       run only the delivery worker
 * relay migrate      create the database if missing and apply migrations
 * relay rotate-keys  re-encrypt every stored secret with the first ENCRYPTION_KEY
 * relay generate-key print a new Fernet key
 * relay import --from <the old service's DATABASE_URL> [--dry-run]
 *                    copy storefronts, platforms, credentials, sGTM configs and undelivered events
 * relay accounts add|list|passwd|remove   named admin accounts (src/auth/accounts-cli.ts)
 * relay prune --older-than 90d [--dry-run]
 *                    delete finished events (with deliveries and attempts) accepted before then
 */
import { parseArgs } from 'node:util';
import { ConfigError, RelayError, generateFernetKey } from '@relay/core';
import { loadConfig } from './config';
import { accountsCommand } from './auth/accounts-cli';
import { rotateKeys } from './crypto/rotate-keys';
import { migrate } from './db/migrate';
import { openLegacySource } from './db/legacy-source';
import { importLegacy } from './maintenance/import-legacy';
import { pruneBefore } from './maintenance/prune';
import { createApp } from './http/app';
import { workerEndpoint } from './metrics/worker-endpoint';
import { createRuntime } from './runtime';
import { closeServer, listen } from './server';
import { startWorker } from './worker/index';
import { applyRelayV8Flags } from './v8-flags';

// Before any command runs: the memory settings every relay process shares (see v8-flags.ts).
applyRelayV8Flags();

type Command = (argv: string[]) => Promise<void>;

function onSignals(stop: () => Promise<void>) {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${JSON.stringify({ level: 'info', msg: 'shutting down', signal })}\n`);
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => handler('SIGTERM'));
  process.on('SIGINT', () => handler('SIGINT'));
}

const commands: Record<string, Command> = {
  async start() {
    const runtime = await createRuntime();
    const { config, logger } = runtime;
    const stopWorker = config.WORKER_ENABLED ? await startWorker(runtime) : async () => {};
    const app = createApp(runtime);
    const server = await listen(app, config.PORT, config.HOST);
    logger.info('relay listening', { port: config.PORT, environment: config.environment });
    onSignals(async () => {
      await closeServer(server);
      await stopWorker();
      await runtime.close();
    });
  },

  async worker() {
    const runtime = await createRuntime();
    const stop = await startWorker(runtime);
    const { METRICS_PORT, HOST } = runtime.config;
    const server = METRICS_PORT ? await listen(workerEndpoint(runtime), METRICS_PORT, HOST) : undefined;
    if (server) runtime.logger.info('worker metrics listening', { port: METRICS_PORT });
    onSignals(async () => {
      if (server) await closeServer(server);
      await stop();
      await runtime.close();
    });
  },

  async migrate() {
    const config = loadConfig();
    const result = await migrate(config.DATABASE_URL);
    const runtime = await createRuntime({ migrate: true });
    await runtime.close();
    process.stdout.write(
      `${JSON.stringify({ level: 'info', msg: 'migrated', applied: result.applied, alreadyApplied: result.alreadyApplied.length })}\n`,
    );
  },

  async 'rotate-keys'() {
    const runtime = await createRuntime({ migrate: false });
    const result = await rotateKeys(runtime.db, runtime.cipher);
    runtime.logger.info('secrets re-encrypted with the first ENCRYPTION_KEY', { ...result });
    await runtime.close();
  },

  async prune(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { 'older-than': { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    });
    const age = values['older-than'];
    const match = age === undefined ? null : /^(\d+)(h|d)$/.exec(age);
    if (!match || Number(match[1]) === 0)
      throw new ConfigError(
        'relay prune needs --older-than with an age in hours or days, e.g. --older-than 90d',
      );
    const ms = Number(match[1]) * (match[2] === 'd' ? 86_400_000 : 3_600_000);
    const runtime = await createRuntime({ migrate: false });
    try {
      const cutoff = new Date(Date.now() - ms);
      const result = await pruneBefore(runtime.db, cutoff, { dryRun: values['dry-run'] });
      runtime.logger.info(values['dry-run'] ? 'would prune' : 'pruned', {
        cutoff: cutoff.toISOString(),
        ...result,
      });
    } finally {
      await runtime.close();
    }
  },

  async import(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    });
    if (!values.from)
      throw new ConfigError(
        "relay import needs --from with the old service's DATABASE_URL, e.g. --from mysql://user:pass@host:3306/marketing_relay",
      );
    const runtime = await createRuntime();
    const source = await openLegacySource(values.from);
    try {
      const summary = await importLegacy(runtime.db, runtime.cipher, source, { dryRun: values['dry-run'] });
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    } finally {
      await source.close();
      await runtime.close();
    }
  },

  async accounts(argv) {
    const runtime = await createRuntime({ migrate: true, verifySecrets: false });
    try {
      await accountsCommand(runtime.db, argv);
    } finally {
      await runtime.close();
    }
  },

  async 'generate-key'() {
    process.stdout.write(`${generateFernetKey()}\n`);
  },
};

const [name = 'start', ...rest] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  process.stderr.write(`unknown command '${name}'. Commands: ${Object.keys(commands).join(', ')}\n`);
  process.exit(2);
}
command(rest).catch((error: unknown) => {
  const message = RelayError.isInstance(error) || error instanceof Error ? error.message : String(error);
  process.stderr.write(`${JSON.stringify({ level: 'error', msg: message })}\n`);
  process.exit(1);
});
