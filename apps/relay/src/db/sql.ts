import { Prisma } from '../generated/prisma/client';
import type { Db } from './client';

/**
 * Helpers for the raw statements of the data layer (docs/data-layer.md says which statements are
 * raw and why). Statements are built with Prisma's `sql` tag: every value is a bound parameter,
 * lists are joined with `inList`, and only fixed fragments are spliced with `Prisma.raw`.
 */
export const sql = Prisma.sql;
export const raw = Prisma.raw;
export const empty = Prisma.empty;
export type Sql = Prisma.Sql;

/** `?, ?, ?` for an IN list (never empty: callers return early on an empty list). */
export const inList = (values: readonly unknown[]): Sql => Prisma.join(values as unknown[]);

/** `(?, ?), (?, ?)`: the VALUES rows of a multi-row INSERT, one tuple per row. */
export const rows = (values: ReadonlyArray<readonly unknown[]>): Sql =>
  Prisma.join(values.map((row) => sql`(${Prisma.join(row as unknown[])})`));

/** A transaction client: what `db.$transaction(async (tx) => …)` hands to its callback. */
export type Tx = Prisma.TransactionClient;

/** Either the client or a transaction client, for statements that may run inside a transaction. */
export type Queryable = Db | Tx;
