/**
 * Counts at the end of a scenario. At the simulator, per platform: which accepted order ids
 * arrived in a request the platform answered 2xx (lost = accepted − those), and which arrived
 * more than once (duplicates). In the database: deliveries per status, and how many events or
 * deliveries are not final.
 */
import { type Simulator, eventsOf } from '@relay/testing';
import type { PrivateMariaDb } from './private-mariadb';
import { sleep } from '../bench/process-tools';

export interface PlatformTally {
  accepted: number;
  /** Distinct accepted order ids the platform answered 2xx for. */
  received: number;
  lost: number;
  /** Order ids the platform answered 2xx for more than once. */
  duplicateEvents: number;
  /** Copies beyond the first, summed. */
  duplicateCopies: number;
  /** Requests the simulator answered, per status (`reset` = connection destroyed). */
  requests: Record<string, number>;
  /** Deliveries of this scenario's events per status, from the database. */
  deliveries: Record<string, number>;
}

export interface Tally {
  platforms: Record<string, PlatformTally>;
  /** Events not routed yet plus deliveries pending, leased or paused. */
  nonFinal: number;
  /** Sum over platforms. */
  lost: number;
  duplicateCopies: number;
}

const NON_FINAL_DELIVERY = "('pending', 'leased', 'paused')";

/** Rows of this scenario's events (order ids `<prefix>-n`) grouped as asked. */
const scenarioRows = (db: PrivateMariaDb, database: string, prefix: string, sql: (where: string) => string) =>
  db.query(sql(`e.order_id LIKE '${prefix.replace(/[^a-z0-9-]/gi, '')}-%'`), database) as Promise<
    Array<Record<string, unknown>>
  >;

/** Events not yet routed and deliveries not final, for one scenario's events. */
export async function nonFinalCount(db: PrivateMariaDb, database: string, prefix: string): Promise<number> {
  const [events] = await scenarioRows(
    db,
    database,
    prefix,
    (where) => `SELECT COUNT(*) AS n FROM events e WHERE ${where} AND e.status IN ('pending', 'routing')`,
  );
  const [deliveries] = await scenarioRows(
    db,
    database,
    prefix,
    (where) =>
      `SELECT COUNT(*) AS n FROM deliveries d JOIN events e ON e.id = d.event_id WHERE ${where} AND d.status IN ${NON_FINAL_DELIVERY}`,
  );
  return Number(events?.n ?? 0) + Number(deliveries?.n ?? 0);
}

/**
 * Wait until every event of the scenario is routed and every delivery final (the database must
 * answer), or `timeoutMs` passes; returns how long it took, or undefined on time-out.
 */
export async function settle(
  db: PrivateMariaDb,
  database: string,
  prefix: string,
  timeoutMs: number,
): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const open = await nonFinalCount(db, database, prefix).catch(() => -1);
    if (open === 0) return Date.now() - started;
    await sleep(500);
  }
  return undefined;
}

/** The order ids (`<prefix>-n`) inside one platform event, whatever field the adapter put them in. */
const orderIdsIn = (event: unknown, pattern: RegExp) => new Set(JSON.stringify(event).match(pattern) ?? []);

export async function tally(options: {
  sim: Simulator;
  db: PrivateMariaDb;
  database: string;
  prefix: string;
  platforms: string[];
  accepted: Set<string>;
}): Promise<Tally> {
  const { sim, db, database, prefix, accepted } = options;
  const pattern = new RegExp(`${prefix}-\\d+`, 'g');
  const rows = await scenarioRows(
    db,
    database,
    prefix,
    (where) =>
      `SELECT d.platform_code AS platform, d.status AS status, COUNT(*) AS n FROM deliveries d JOIN events e ON e.id = d.event_id WHERE ${where} GROUP BY d.platform_code, d.status`,
  );
  const platforms: Record<string, PlatformTally> = {};
  for (const platform of options.platforms) {
    const copies = new Map<string, number>();
    const requests: Record<string, number> = {};
    for (const request of sim.receivedBy(platform)) {
      const answered = String(request.answered ?? 'none');
      requests[answered] = (requests[answered] ?? 0) + 1;
      if (typeof request.answered !== 'number' || request.answered >= 300) continue;
      for (const event of eventsOf(request.json) ?? [request.json]) {
        for (const id of orderIdsIn(event, pattern)) copies.set(id, (copies.get(id) ?? 0) + 1);
      }
    }
    const received = [...accepted].filter((id) => copies.has(id)).length;
    const repeated = [...copies.values()].filter((n) => n > 1);
    platforms[platform] = {
      accepted: accepted.size,
      received,
      lost: accepted.size - received,
      duplicateEvents: repeated.length,
      duplicateCopies: repeated.reduce((sum, n) => sum + n - 1, 0),
      requests,
      deliveries: Object.fromEntries(
        rows.filter((r) => r.platform === platform).map((r) => [String(r.status), Number(r.n)]),
      ),
    };
  }
  const all = Object.values(platforms);
  return {
    platforms,
    nonFinal: await nonFinalCount(db, database, prefix),
    lost: all.reduce((sum, p) => sum + p.lost, 0),
    duplicateCopies: all.reduce((sum, p) => sum + p.duplicateCopies, 0),
  };
}
