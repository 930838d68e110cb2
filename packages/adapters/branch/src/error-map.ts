import { type ErrorTable, objectOf } from '@relay/core';

/**
 * Branch's `error` member as one line. Branch answers either `{error: {message, code}}` or, for a
 * body that fails its validation, `{error: {user_data: {developer_identity: "wrong field type"}, …}}`
 * (field → problem, nested), or `{error: "message"}`.
 */
export function describeBranchError(error: unknown): string | undefined {
  if (typeof error === 'string') return error.trim() || undefined;
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as Record<string, unknown>;
  if (typeof e['message'] === 'string' && e['message'].trim() !== '') return e['message'].trim();
  const problems: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') problems.push(`${path}: ${value}`);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    }
  };
  walk(e, '');
  return problems.length > 0 ? problems.join('; ') : undefined;
}

/** Whether Branch's `error` lists invalid fields (`{field: "wrong field type"}`) rather than a message. */
const isFieldErrors = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && !('message' in error) && Object.keys(error).length > 0;

const KEY_REFUSED = 'refused the Branch Key; check branch_key (Branch → Configuration → Credentials)';

/**
 * Branch answers whose outcome differs from core's default for the HTTP status; anything else is
 * core's, with Branch's error message:
 * - a message naming the Branch key (an unknown or mistyped `branch_key`, whatever the status): auth
 *   needs-attention, there is no token to refresh;
 * - 401/403: auth needs-attention, check the `branch_key`;
 * - 400 listing invalid fields: rejected `branch_invalid_field` with every field and problem.
 */
export const branchErrors: ErrorTable = {
  read: (response) => {
    if (response.status >= 200 && response.status < 300) return undefined;
    const error = objectOf(response.json)['error'];
    return {
      message: describeBranchError(error) ?? `HTTP ${response.status}`,
      details: { fieldErrors: isFieldErrors(error) },
    };
  },
  rows: [
    {
      when: (error) => /branch[ _]key/i.test(error.message),
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: KEY_REFUSED,
      scope: 'request',
      example: {
        status: 400,
        body: { error: { code: 400, message: 'Invalid or missing app id, Branch key, or secret' } },
      },
    },
    {
      status: [401, 403],
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: KEY_REFUSED,
      scope: 'request',
      example: { status: 403, body: { error: { code: 403, message: 'Forbidden' } } },
    },
    {
      status: 400,
      when: (error) => error.details?.['fieldErrors'] === true,
      outcome: { status: 'rejected', code: 'branch_invalid_field' },
      reason: 'rejected fields of the event',
      example: { status: 400, body: { error: { user_data: { developer_identity: 'wrong field type' } } } },
    },
  ],
};
