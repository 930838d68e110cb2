/**
 * Run the platform simulator on a port, for `pnpm demo` and manual testing:
 *
 *   tsx --conditions=@relay/source packages/testing/src/simulator/cli.ts --port 4010 \
 *     --script meta_capi=500,500,200 --script tiktok_events=429
 *
 * Each `--script <match>=<answers>` scripts comma-separated answers (statuses or `reset`) for
 * a platform code or path prefix. Prints the base URL, then one line per request. Stops on
 * SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { PLATFORMS } from './platforms';
import { type Scenario, type ScriptedResponse, startSimulator } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    script: { type: 'string', multiple: true, default: [] },
    quiet: { type: 'boolean', default: false },
  },
});

function scenarioOf(spec: string): Scenario {
  const [match, answers] = spec.split('=');
  if (!match || !answers) {
    console.error(`--script must look like meta_capi=500,500,200 (got '${spec}')`);
    process.exit(1);
  }
  const responses = answers.split(',').map((answer): ScriptedResponse => {
    if (answer === 'reset') return 'reset';
    const status = Number(answer);
    if (!Number.isInteger(status) || status < 100 || status > 599) {
      console.error(`--script answers are HTTP statuses or 'reset' (got '${answer}')`);
      process.exit(1);
    }
    return status;
  });
  return { match, responses };
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (got '${values.port}')`);
  process.exit(1);
}

const sim = await startSimulator({
  port,
  host: values.host,
  scenarios: values.script.map(scenarioOf),
  onRequest: (r) => {
    if (!values.quiet)
      console.log(`${r.receivedAt.toISOString()} ${r.platform} ${r.method} ${r.path} → ${r.answered ?? '-'}`);
  },
});
console.log(`Relay platform simulator listening on ${sim.url}`);
console.log(`Point a destination at ${sim.url}/<platform code>, e.g. ${sim.url}/meta_capi`);
console.log(
  `Platforms with their own answers: ${Object.keys(PLATFORMS).join(', ')}; any other code gets 200.`,
);

const shutdown = () => {
  sim.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
