/** The bench's arithmetic and its readers of /proc and of the driver's statements. */
import { describe, expect, it } from 'vitest';
import { hostModeOf, staleTargets } from '../../bench/host-build';
import { selectPhases } from '../../bench/phases';
import { relayArgs } from '../../bench/relay-process';
import { cpuSecondsOfStat, memoryOfStatus } from '../../bench/proc-stats';
import { emptyCounts, perUnit, recordStatement, rowsChanged, sumCounts } from '../../bench/statement-counts';
import { percentile } from '../../bench/stats';

describe('percentile (nearest rank)', () => {
  it('picks the value at the rank, whatever the order given', () => {
    const values = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100];
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(100);
    expect(percentile(values, 10)).toBe(10);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('/proc readers', () => {
  it('adds utime and stime (fields 14 and 15) in seconds, with spaces in the command name', () => {
    const stat =
      '3797 (my server) S 1 3796 3796 0 -1 4194560 57661 0 0 0 987 186 0 0 20 0 31 0 447 1500000000 60000';
    expect(cpuSecondsOfStat(stat)).toBe(11.73);
  });

  it('reads VmRSS and VmHWM in MB', () => {
    const status = 'Name:\tnode\nVmPeak:\t 2000000 kB\nVmHWM:\t  307200 kB\nVmRSS:\t  204800 kB\n';
    expect(memoryOfStatus(status)).toEqual({ rssMb: 200, peakRssMb: 300 });
  });
});

describe('statement counts', () => {
  it('reads the rows a write changed from an OK packet or from the rows RETURNING sent back', () => {
    expect(rowsChanged({ affectedRows: 3, insertId: 7n })).toBe(3);
    expect(rowsChanged([{ id: 1n }, { id: 2n }])).toBe(2);
    expect(rowsChanged(undefined)).toBe(0);
  });

  it('counts statements by keyword and changed rows by table', () => {
    const counts = emptyCounts();
    recordStatement(counts, 'BEGIN', 0);
    recordStatement(counts, 'INSERT IGNORE INTO deliveries (event_id) VALUES (1), (2)', 2);
    recordStatement(counts, '  UPDATE deliveries SET status = ?', 3);
    recordStatement(counts, 'insert into `http_exchanges` (x) values (1)', 1);
    recordStatement(counts, 'DELETE FROM events WHERE id = 1', 0);
    recordStatement(counts, 'SELECT 1', 0);
    expect(counts).toEqual({
      statements: { begin: 1, insert: 2, update: 1, delete: 1, select: 1 },
      rows: { 'insert deliveries': 2, 'update deliveries': 3, 'insert http_exchanges': 1 },
    });
    const twice = sumCounts([counts, counts]);
    expect(twice.statements.insert).toBe(4);
    expect(perUnit(twice, 4)).toEqual({
      statements: 3,
      rowsWritten: 3,
      statementsByKind: { begin: 0.5, insert: 1, update: 0.5, delete: 0.5, select: 0.5 },
      rowsByTable: { 'insert deliveries': 1, 'update deliveries': 1.5, 'insert http_exchanges': 0.5 },
    });
  });
});

describe('--only (selectPhases)', () => {
  it('selects every phase when none is named', () => {
    expect([...selectPhases(undefined)]).toEqual(['ingest', 'delivery', 'scaleout', 'memory']);
    expect([...selectPhases([])]).toEqual(['ingest', 'delivery', 'scaleout', 'memory']);
  });

  it("takes comma-separated and repeated names, in the phases' order", () => {
    expect([...selectPhases(['memory,ingest'])]).toEqual(['ingest', 'memory']);
    expect([...selectPhases(['scaleout', ' delivery '])]).toEqual(['delivery', 'scaleout']);
  });

  it('refuses an unknown phase, naming it', () => {
    expect(() => selectPhases(['ingest,deliveries'])).toThrow(
      "--only: unknown phase 'deliveries' (phases: ingest, delivery, scaleout, memory)",
    );
  });
});

describe('the built host (host-build, relay-process)', () => {
  const mtimes: Record<string, number> = {
    'a/dist': 200,
    'a/src': 100,
    'b/dist': 200,
    'b/src': 300,
    shared: 150,
  };
  const mtime = (path: string) => mtimes[path] ?? 0;

  it('rebuilds a target whose output is missing or older than one of its inputs', () => {
    const targets = [
      { name: 'a', output: 'a/dist', inputs: ['a/src', 'shared'] },
      { name: 'b', output: 'b/dist', inputs: ['b/src', 'shared'] },
      { name: 'c', output: 'c/dist', inputs: ['shared'] },
    ];
    expect(staleTargets(targets, mtime).map((t) => t.name)).toEqual(['b', 'c']);
    mtimes.shared = 250;
    expect(staleTargets(targets, mtime).map((t) => t.name)).toEqual(['a', 'b', 'c']);
  });

  it('runs dist/cli.js with plain node, or src/cli.ts through tsx; preloads before the CLI', () => {
    expect(relayArgs('built', 'worker', ['/x/counter.mjs'])).toEqual([
      '--import',
      '/x/counter.mjs',
      'dist/cli.js',
      'worker',
    ]);
    expect(relayArgs('source', 'start')).toEqual([
      '--import',
      'tsx',
      '--conditions=@relay/source',
      'src/cli.ts',
      'start',
    ]);
  });

  it('--host is built unless told otherwise, and names the choices when wrong', () => {
    expect(hostModeOf(undefined)).toBe('built');
    expect(hostModeOf('source')).toBe('source');
    expect(() => hostModeOf('dist')).toThrow("--host: 'dist' is not one of built, source");
  });
});
