/**
 * Scaffold a new adapter package: `pnpm new-adapter <code> [--name "Acme Ads"] [--auth api_key|bearer|basic|oauth2|none]
 * [--tier 3] [--category advertising] [--base-url https://api.acme.com] [--docs https://…]`.
 * Writes packages/adapters/<code with dashes>/ from scripts/templates/adapter and a changeset.
 * Then: fill in schemas, event map, build-requests, parse-response, README; `pnpm generate`; `pnpm install`.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './workspace';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    auth: { type: 'string', default: 'api_key' },
    tier: { type: 'string', default: '3' },
    category: { type: 'string', default: 'advertising' },
    'base-url': { type: 'string' },
    docs: { type: 'string' },
    'api-version': { type: 'string', default: 'v1' },
    'token-url': { type: 'string', default: 'https://oauth2.example.com/token' },
    /** Where to create the package folder (default packages/adapters); tests use a temporary folder. */
    dest: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const USAGE = `usage: pnpm new-adapter <code> [options]   (code: lower-case letters, digits, underscores, e.g. acme_ads)

  --name "Acme Ads"        display name (default: the code in title case)
  --auth <style>           api_key | bearer | basic | oauth2 | none (default api_key); oauth2 adds src/auth.ts
  --tier <1|2|3>           default 3
  --category <category>    advertising, analytics, … (default advertising)
  --base-url <url>         the platform's API base URL
  --docs <url>             the vendor's API documentation
  --api-version <v>        the API version the adapter targets (default v1)
  --token-url <url>        oauth2 only: the token endpoint
  --dest <folder>          where to create the package (default packages/adapters)

Then follow docs/adding-a-platform.md: fill in the small files, \`pnpm install\`, \`pnpm generate\`.`;

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const code = positionals[0];
if (!code || !/^[a-z][a-z0-9_]*$/.test(code)) {
  console.error(USAGE);
  process.exit(1);
}
const authType = values.auth ?? 'api_key';
const AUTH_STYLES = ['api_key', 'bearer', 'basic', 'oauth2', 'none'];
if (!AUTH_STYLES.includes(authType)) {
  console.error(`--auth must be one of ${AUTH_STYLES.join(', ')}`);
  process.exit(1);
}
const dir = code.replace(/_/g, '-');
const destination = values.dest ?? join(ROOT, 'packages/adapters');
const target = join(destination, dir);
if (existsSync(target)) {
  console.error(`${relative(ROOT, target)} already exists`);
  process.exit(1);
}
const name =
  values.name ??
  code.replace(/(^|_)([a-z])/g, (_, s: string, c: string) => `${s ? ' ' : ''}${c.toUpperCase()}`);
const Pascal = dir.replace(/(^|-)([a-z0-9])/g, (_, _s: string, c: string) => c.toUpperCase());

/** Credentials fields, example and auth wiring for each auth style. */
const styles: Record<string, { fields: string; example: string; secrets: string; headers: string }> = {
  api_key: {
    fields: '  api_key: z.string().min(1),\n  account_id: z.string().min(1),',
    example: "{ api_key: 'example-api-key-123456', account_id: 'acct_123' }",
    secrets: "['api_key']",
    headers: "{ 'content-type': 'application/json', 'x-api-key': ctx.credentials.api_key }",
  },
  bearer: {
    fields: '  access_token: z.string().min(1),\n  account_id: z.string().min(1),',
    example: "{ access_token: 'example-access-token-123456', account_id: 'acct_123' }",
    secrets: "['access_token']",
    headers:
      "{ 'content-type': 'application/json', authorization: `Bearer ${ctx.credentials.access_token}` }",
  },
  oauth2: {
    fields:
      '  client_id: z.string().min(1),\n  client_secret: z.string().min(1),\n  refresh_token: z.string().min(1),\n  account_id: z.string().min(1),',
    example:
      "{ client_id: 'example-client-id', client_secret: 'example-client-secret', refresh_token: 'example-refresh-token', account_id: 'acct_123' }",
    secrets: "['client_secret', 'refresh_token']",
    headers: "{ 'content-type': 'application/json', authorization: `Bearer ${ctx.accessToken ?? ''}` }",
  },
  basic: {
    fields:
      '  username: z.string().min(1),\n  password: z.string().min(1),\n  account_id: z.string().min(1),',
    example: "{ username: 'example-user', password: 'example-password-123456', account_id: 'acct_123' }",
    secrets: "['password']",
    headers:
      "{ 'content-type': 'application/json', authorization: basicAuthorization(ctx.credentials.username, ctx.credentials.password) }",
  },
  none: {
    fields: '  account_id: z.string().min(1),',
    example: "{ account_id: 'acct_123' }",
    secrets: '[]',
    headers: "{ 'content-type': 'application/json' }",
  },
};
const style = styles[authType]!;
const vars: Record<string, string> = {
  code,
  dir,
  name,
  Pascal,
  tier: values.tier ?? '3',
  category: values.category ?? 'advertising',
  authType,
  docsUrl: values.docs ?? `https://example.com/${dir}/docs`,
  baseUrl: values['base-url'] ?? `https://api.${dir}.example.com`,
  apiVersion: values['api-version'] ?? 'v1',
  tokenUrl: values['token-url'] ?? '',
  credentialFields: style.fields,
  credentialsExample: style.example,
  secretFields: style.secrets,
  authHeaders: style.headers,
  coreImports: authType === 'basic' ? 'basicAuthorization, hashEmail' : 'hashEmail',
  authImport: authType === 'oauth2' ? "import { auth } from './auth';\n" : '',
  authField: authType === 'oauth2' ? '\n  auth,' : '',
};
const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? `{{${k}}}`);

const templates = join(ROOT, 'scripts/templates/adapter');
const walk = (from: string): string[] =>
  readdirSync(from, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(from, d.name)) : [join(from, d.name)],
  );
for (const file of walk(templates)) {
  const rel = relative(templates, file);
  const oauthOnly = rel.endsWith('.oauth2.tmpl');
  if (oauthOnly && authType !== 'oauth2') continue;
  const out = join(target, rel.replace(/\.oauth2\.tmpl$/, '').replace(/\.tmpl$/, ''));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, fill(readFileSync(file, 'utf8')));
}
writeFileSync(
  join(values.dest ? target : join(ROOT, '.changeset'), `adapter-${dir}.md`),
  `---\n'@relay/adapter-${dir}': minor\n---\n\nFirst release of the ${name} adapter.\n`,
);
console.log(`created ${relative(ROOT, target)}
next:
  1. edit src/schemas.ts, src/event-map.ts, src/build-requests.ts, src/parse-response.ts, src/error-map.ts, README.md
  2. pnpm generate && pnpm install      (registry, docs/platforms.md, host dependency)
  3. pnpm exec vitest run --project @relay/adapter-${dir} -u   (then review every inline snapshot by hand)`);
