import type { z } from 'zod';

/** FastAPI's validation error item: `loc` names where the bad value is (`["body", "data", 0, "event_time"]`). */
export interface ValidationDetail {
  loc: Array<string | number>;
  msg: string;
  type: string;
}

/** A request that failed validation: rendered as 422 `{detail: [...]}`. */
export class RequestValidationError extends Error {
  constructor(readonly detail: ValidationDetail[]) {
    super(detail.map((d) => `${d.loc.join('.')}: ${d.msg}`).join('; '));
    this.name = 'RequestValidationError';
  }

  static fromZod(error: z.ZodError, where: 'body' | 'query' | 'path'): RequestValidationError {
    return new RequestValidationError(
      error.issues.map((issue) => {
        const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
        return {
          loc: [where, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
          msg: missing ? 'Field required' : issue.message,
          type: missing ? 'missing' : issueType(issue),
        };
      }),
    );
  }
}

function issueType(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `${issue.expected}_type`;
    case 'invalid_format':
      return issue.format === 'datetime' ? 'datetime_from_date_parsing' : 'string_pattern_mismatch';
    case 'too_small':
      return 'too_short';
    case 'too_big':
      return 'too_long';
    case 'invalid_value':
      return 'enum';
    default:
      return 'value_error';
  }
}

/** An error with an HTTP status and the contract's `{error_code, message, details}` body. */
export class HttpProblem extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 503,
    readonly errorCode: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

export const notFound = (what: string, id: unknown) =>
  new HttpProblem(404, 'NOT_FOUND', `${what} with id ${String(id)} not found`, { resource: what, id });

export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new HttpProblem(409, 'CONFLICT', message, details);

/** A body over the route's limit, found while streaming it (http/body-limit.ts). */
export class BodyTooLargeError extends HttpProblem {
  constructor(readonly limit: number) {
    super(413, 'PAYLOAD_TOO_LARGE', `Request body over ${limit} bytes`, { limit });
    this.name = 'BodyTooLargeError';
  }
}

/** The database did not answer in time or is unreachable: 503 with Retry-After. */
export class DatabaseUnavailableError extends HttpProblem {
  constructor(readonly retryAfterSeconds: number) {
    super(503, 'DATABASE_UNAVAILABLE', 'The database is unavailable; nothing was stored, retry later', {
      retry_after: retryAfterSeconds,
    });
    this.name = 'DatabaseUnavailableError';
  }
}
