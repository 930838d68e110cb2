import type { Outcome } from '@relay/core';

const PLATFORM = 'Branch';

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

/**
 * Branch answers whose outcome differs from core's default for the HTTP status (`undefined` when
 * the default applies):
 * - a message naming the Branch key (an unknown or mistyped `branch_key`, whatever the status): auth
 *   needs-attention, there is no token to refresh;
 * - 401/403: auth needs-attention, check the `branch_key`;
 * - 400 listing invalid fields: rejected `branch_invalid_field` with every field and problem.
 */
export function outcomeForBranchError(status: number, error: unknown): Outcome | undefined {
  const detail = describeBranchError(error) ?? `HTTP ${status}`;
  if (status >= 200 && status < 300) return undefined;
  if (/branch[ _]key/i.test(detail) || status === 401 || status === 403) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused the Branch Key (${status}); check branch_key (Branch → Configuration → Credentials): ${detail}`,
    };
  }
  if (status === 400 && isFieldErrors(error)) {
    return {
      status: 'rejected',
      code: 'branch_invalid_field',
      reason: `${PLATFORM} rejected fields of the event: ${detail}`,
    };
  }
  return undefined;
}
