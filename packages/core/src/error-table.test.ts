import { describe, expect, it } from 'vitest';
import { type ErrorTable, matchErrorRow, outcomeOfRow, rowForError } from './error-table';

const table: ErrorTable = {
  read: (response) => {
    const body = response.json as { code?: string; message?: string } | undefined;
    return body?.code ? { code: body.code, message: body.message ?? 'no message' } : undefined;
  },
  rows: [
    {
      status: 400,
      code: 'BAD',
      outcome: { status: 'rejected', code: 'bad' },
      reason: 'rejected the request',
      example: { status: 400, body: { code: 'BAD', message: 'bad' } },
    },
    {
      code: 'TOO_RECENT',
      outcome: { status: 'retryable', retryAfterMs: 21_600_000 },
      reason: 'says the event is too recent',
      example: { status: 400, body: { code: 'TOO_RECENT', message: 'wait' } },
    },
  ],
};

describe('rowForError', () => {
  it('matches an error read out of a partial failure (no HTTP status): rows naming a status never match', () => {
    expect(rowForError(table, { code: 'BAD', message: 'x' })).toBeUndefined();
    expect(rowForError(table, { code: 'BAD', message: 'x' }, 400)).toBe(table.rows[0]);
    expect(rowForError(table, { code: 'TOO_RECENT', message: 'x' })).toBe(table.rows[1]);
    expect(rowForError(table, { code: 'OTHER', message: 'x' })).toBeUndefined();
  });

  it('is what matchErrorRow uses on a response', () => {
    const json = { code: 'BAD', message: 'bad field' };
    expect(matchErrorRow(table, { status: 400, headers: {}, body: JSON.stringify(json), json })?.row).toBe(
      table.rows[0],
    );
    expect(
      matchErrorRow(table, { status: 422, headers: {}, body: JSON.stringify(json), json }),
    ).toBeUndefined();
  });
});

describe('outcomeOfRow', () => {
  it('keeps the reason of a delivered row (an idempotent repeat) as a warning', () => {
    const repeat = {
      status: 409,
      outcome: { status: 'delivered' },
      reason: 'already recorded this event',
      example: { status: 409, body: {} },
    } as const;
    expect(outcomeOfRow(repeat, { message: 'key reused' }, 'Acme')).toEqual({
      status: 'delivered',
      warnings: ['Acme already recorded this event: key reused'],
    });
  });

  it("keeps a retryable row's documented wait", () => {
    expect(outcomeOfRow(table.rows[1]!, { code: 'TOO_RECENT', message: 'wait' }, 'Acme')).toEqual({
      status: 'retryable',
      retryAfterMs: 21_600_000,
      reason: 'Acme says the event is too recent: wait',
    });
  });
});
