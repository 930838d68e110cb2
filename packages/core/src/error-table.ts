import type { HttpResponse, Outcome } from './adapter';
import { outcomeFromStatus } from './outcomes';

/** A platform's error as an adapter reads it out of a response. */
export interface PlatformErrorInfo {
  /** The platform's error code (`100`, `'QUOTA_EXCEEDED'`…). */
  code?: number | string;
  /** A finer code under `code` (Meta's `error_subcode`). */
  subcode?: number | string;
  /** The platform's own words, with its trace id when it gives one. */
  message: string;
  /** Anything else a row's `when` may look at (Meta's `is_transient`). */
  details?: Record<string, unknown>;
}

/** What a row turns an answer into; core adds the reason. */
export type ErrorVerdict =
  /**
   * `retryAfterMs`: the wait the platform's docs give for this error (core applies a Retry-After
   * header only to outcomes without a wait; an adapter whose header should win reads it itself).
   */
  | { status: 'retryable'; retryAfterMs?: number }
  | { status: 'rejected'; code: string }
  | { status: 'auth'; kind: 'refresh' | 'needs-attention' }
  /**
   * The answer is an error status but says the event is already recorded (an idempotent repeat,
   * such as FullStory's 409 for a reused key): delivered, the row's reason kept as a warning.
   */
  | { status: 'delivered' };

type OneOrMany<T> = T | ReadonlyArray<T>;

/** One row of an adapter's error table: which answers it matches and the outcome they get. */
export interface ErrorRow {
  /** HTTP statuses this row matches (any when absent). */
  status?: OneOrMany<number>;
  /** Platform error codes this row matches (any when absent; a row with `code` needs one). */
  code?: OneOrMany<number | string>;
  /** Sub-codes this row matches (any when absent). */
  subcode?: OneOrMany<number | string>;
  /** A further condition on the platform's error. */
  when?: (error: PlatformErrorInfo) => boolean;
  outcome: ErrorVerdict;
  /** What an operator reads before the platform's message, after the platform's name. */
  reason: string;
  /**
   * The error is about the request, never about one event of it (a wrong account, a bad
   * envelope): on an all-or-nothing platform core gives it to every event without isolating.
   */
  scope?: 'request';
  /** An answer that hits this row: the docs show it and the conformance kit parses it. */
  example: { status: number; body: unknown; headers?: Record<string, string> };
}

/** A platform's error answers as data: how to read its error, then rows, first match wins. */
export interface ErrorTable {
  /** The platform's error in a response, or `undefined` when the response carries none. */
  read(response: HttpResponse): PlatformErrorInfo | undefined;
  rows: ReadonlyArray<ErrorRow>;
}

const has = <T>(allowed: OneOrMany<T> | undefined, value: T | undefined) =>
  allowed === undefined ||
  (value !== undefined && (Array.isArray(allowed) ? allowed.includes(value) : allowed === value));

/**
 * The first row matching an error already read, `httpStatus` being the answer's status (absent
 * for an error about one event inside a successful answer, such as a partial failure: rows that
 * name a status then never match).
 */
export function rowForError(
  table: ErrorTable,
  error: PlatformErrorInfo,
  httpStatus?: number,
): ErrorRow | undefined {
  return table.rows.find(
    (r) =>
      has(r.status, httpStatus) &&
      has(r.code, error.code) &&
      has(r.subcode, error.subcode) &&
      (r.when?.(error) ?? true),
  );
}

/** The first row matching a response, with the error it read; `undefined` when none does. */
export function matchErrorRow(
  table: ErrorTable,
  response: HttpResponse,
): { row: ErrorRow; error: PlatformErrorInfo } | undefined {
  const error = table.read(response);
  if (!error) return undefined;
  const row = rowForError(table, error, response.status);
  return row ? { row, error } : undefined;
}

/**
 * The outcome a row gives, with `<platform> <row reason>: <platform message>` as the reason (a
 * warning of a `delivered` row).
 */
export function outcomeOfRow(row: ErrorRow, error: PlatformErrorInfo, platform: string): Outcome {
  const reason = `${platform} ${row.reason}: ${error.message}`;
  if (row.outcome.status === 'delivered') return { status: 'delivered', warnings: [reason] };
  return { ...row.outcome, reason } as Outcome;
}

/**
 * The outcome of one answer from the error table, else from the HTTP status (with the
 * platform's message as the detail when it gave one). Retry-After is applied by `deliver()`;
 * `now` (the send time) reads a Retry-After given as an HTTP date on the status fallback.
 */
export function outcomeFromErrorTable(
  table: ErrorTable,
  response: HttpResponse,
  platform: string,
  now?: Date,
): Outcome {
  const hit = matchErrorRow(table, response);
  if (hit) return outcomeOfRow(hit.row, hit.error, platform);
  return outcomeFromStatus(response, platform, now, table.read(response)?.message);
}

/** `from`..`to` inclusive, for rows that match a range of codes. */
export function codeRange(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** An `HttpResponse` for a row's example (the kit and tests parse it). */
export function exampleResponse(row: ErrorRow): HttpResponse {
  const body = typeof row.example.body === 'string' ? row.example.body : JSON.stringify(row.example.body);
  return { status: row.example.status, headers: row.example.headers ?? {}, body, json: row.example.body };
}
