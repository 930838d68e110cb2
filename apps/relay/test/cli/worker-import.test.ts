import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const APP = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(APP, '.cli-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const runCli = (cli: string, ...args: string[]) =>
  spawnSync('node', ['--conditions=@relay/source', '--import', 'tsx', cli, ...args], {
    cwd: APP,
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('the CLI loads the worker as a static dependency', () => {
  it('imports startWorker statically: no dynamic import that could swallow "module not found"', () => {
    const source = readFileSync(join(APP, 'src/cli.ts'), 'utf8');
    expect(source).toMatch(/^import \{ startWorker \} from '\.\/worker\/index';$/m);
    expect(source).not.toMatch(/(?<!async\s)\bimport\s*\(/);
  });

  it('a broken worker module stops the CLI with the missing module named, instead of starting without delivery', () => {
    const ok = runCli('src/cli.ts', 'generate-key');
    expect([ok.status, ok.stdout.trim().length]).toEqual([0, 44]);

    // The same sources with one module of the worker missing.
    cpSync(join(APP, 'src'), join(scratch, 'src'), { recursive: true });
    rmSync(join(scratch, 'src/worker/lanes.ts'));
    const broken = runCli(join(scratch, 'src/cli.ts'), 'generate-key');
    expect(broken.status).not.toBe(0);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/Cannot find module[^\n]*worker\/lanes/);
  });
});
