import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './workspace';

const dest = mkdtempSync(join(tmpdir(), 'relay-scaffold-'));
afterAll(() => rmSync(dest, { recursive: true, force: true }));

const scaffold = (...args: string[]) =>
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts/new-adapter.ts'), ...args, '--dest', dest],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)).map((f) => `${d.name}/${f}`) : [d.name],
  );

describe('pnpm new-adapter', () => {
  it('--help prints every option and creates nothing', () => {
    const out = scaffold('--help');
    for (const option of [
      '--name',
      '--auth',
      '--tier',
      '--category',
      '--base-url',
      '--docs',
      '--api-version',
      '--token-url',
      '--dest',
    ])
      expect(out).toContain(option);
    expect(out).toMatch(/^usage: pnpm new-adapter <code>/);
    expect(readdirSync(dest)).toEqual([]);
  });

  it('creates the agreed package layout with every placeholder filled (oauth2 style)', () => {
    scaffold(
      'acme_ads',
      '--name',
      'Acme Ads',
      '--auth',
      'oauth2',
      '--tier',
      '2',
      '--base-url',
      'https://api.acme.com',
    );
    const pkgDir = join(dest, 'acme-ads');
    expect(files(pkgDir).sort()).toEqual([
      'LICENSE',
      'README.md',
      'adapter-acme-ads.md',
      'package.json',
      'src/adapter.test.ts',
      'src/adapter.ts',
      'src/auth.ts',
      'src/build-requests.ts',
      'src/error-map.ts',
      'src/event-map.ts',
      'src/index.ts',
      'src/parse-response.ts',
      'src/schemas.ts',
      'src/version.ts',
      'tsconfig.json',
      'tsup.config.ts',
      'vitest.config.ts',
    ]);
    for (const file of files(pkgDir)) {
      expect(readFileSync(join(pkgDir, file), 'utf8'), file).not.toMatch(/\{\{\w+\}\}/);
    }
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('@relay/adapter-acme-ads');
    expect(pkg.exports['.']['@relay/source']).toBe('./src/index.ts');
    const adapter = readFileSync(join(pkgDir, 'src/adapter.ts'), 'utf8');
    expect(adapter).toContain("code: 'acme_ads'");
    expect(adapter).toContain('tier: 2');
    expect(adapter).toContain("baseUrl: 'https://api.acme.com'");
    expect(adapter).toContain('auth,');
  });

  it('leaves out the OAuth module for API-key platforms', () => {
    scaffold('beta_pixel', '--auth', 'api_key');
    expect(existsSync(join(dest, 'beta-pixel/src/auth.ts'))).toBe(false);
    expect(readFileSync(join(dest, 'beta-pixel/src/schemas.ts'), 'utf8')).toContain(
      'api_key: z.string().min(1)',
    );
  });

  it('basic style: username/password credentials, the password secret, an RFC 7617 header from core', () => {
    scaffold('gamma_cdp', '--auth', 'basic');
    const schemas = readFileSync(join(dest, 'gamma-cdp/src/schemas.ts'), 'utf8');
    expect(schemas).toContain('username: z.string().min(1)');
    expect(schemas).toContain('password: z.string().min(1)');
    expect(readFileSync(join(dest, 'gamma-cdp/src/adapter.ts'), 'utf8')).toContain(
      "secretFields: ['password']",
    );
    const build = readFileSync(join(dest, 'gamma-cdp/src/build-requests.ts'), 'utf8');
    expect(build).toContain("import { basicAuthorization, hashEmail } from '@relay/core';");
    expect(build).toContain(
      'authorization: basicAuthorization(ctx.credentials.username, ctx.credentials.password)',
    );
  });

  it('refuses bad codes and existing folders', () => {
    expect(() => scaffold('Bad-Code')).toThrow();
    expect(() => scaffold('beta_pixel')).toThrow();
  });
});
