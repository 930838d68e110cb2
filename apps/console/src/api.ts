/**
 * The console's only way to the relay: same-origin calls to the admin API with Basic
 * credentials and `X-Relay-Client: console` (so a 401 comes without `WWW-Authenticate` and the
 * browser shows no dialog of its own). Credentials live in sessionStorage: gone when the tab is.
 */
const STORAGE_KEY = 'relay-console-auth';

/** The admin roles, weakest first (apps/relay/src/auth/roles.ts). */
export type Role = 'viewer' | 'operator' | 'admin';
const ROLES: readonly Role[] = ['viewer', 'operator', 'admin'];

export interface Session {
  user: string;
  authorization: string;
  /** What the relay said this account is (`GET /admin/v1/me`): the pages show only what it may do. */
  role: Role;
}

let session: Session | null = readSession();
const listeners = new Set<() => void>();

function readSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const stored = raw ? (JSON.parse(raw) as Partial<Session>) : null;
    // A session kept by an older console has no role: sign in again rather than guess one.
    return stored?.user && stored.authorization && ROLES.includes(stored.role as Role)
      ? (stored as Session)
      : null;
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  return session;
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setSession(next: Session | null) {
  session = next;
  if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(STORAGE_KEY);
  for (const l of listeners) l();
}

export function signOut() {
  setSession(null);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Field problems of a 422, as `{field: message}` with the field's dotted path after `body.`. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

interface ProblemBody {
  detail?: string | Array<{ loc?: Array<string | number>; msg?: string }>;
  message?: string;
}

function problemOf(status: number, body: ProblemBody | null, retryAfter: string | null): ApiError {
  if (status === 401) return new ApiError(401, 'Wrong username or password.');
  if (status === 403) return new ApiError(403, 'Your account may not do this.');
  if (status === 429)
    return new ApiError(429, `Too many failed sign-ins. Try again in ${retryAfter ?? 'a few'} seconds.`);
  if (body && Array.isArray(body.detail)) {
    const fields: Record<string, string> = {};
    for (const d of body.detail) {
      const path = (d.loc ?? []).slice(1).join('.');
      fields[path] = d.msg ?? 'invalid';
    }
    const list = Object.entries(fields).map(([f, m]) => (f ? `${f}: ${m}` : m));
    return new ApiError(status, list.join('; ') || 'Invalid request', fields);
  }
  const message = body?.message ?? (typeof body?.detail === 'string' ? body.detail : undefined);
  return new ApiError(status, message ?? `The relay answered ${status}.`);
}

async function send<T>(authorization: string, path: string, method: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        authorization,
        'x-relay-client': 'console',
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'The relay cannot be reached.');
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) throw problemOf(res.status, json as ProblemBody | null, res.headers.get('retry-after'));
  return json as T;
}

const basic = (user: string, password: string) => {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
};

/** Check the credentials and learn the account's role in one call, then keep them for this tab. */
export async function signIn(user: string, password: string): Promise<void> {
  const authorization = basic(user, password);
  const me = await send<{ username: string; role: Role }>(authorization, '/admin/v1/me', 'GET');
  setSession({ user: me.username, authorization, role: me.role });
}

/** What each role may do in the console; the API refuses the same (docs/security.md). */
export const ABILITIES = {
  flip: 'operator',
  replay: 'operator',
  preview: 'operator',
  audit: 'operator',
  configure: 'admin',
} as const satisfies Record<string, Role>;
export type Ability = keyof typeof ABILITIES;

export const can = (role: Role, ability: Ability) => ROLES.indexOf(role) >= ROLES.indexOf(ABILITIES[ability]);

/** Why a control is missing: "needs the operator role (you are a viewer)". */
export const needs = (role: Role, ability: Ability) =>
  `needs the ${ABILITIES[ability]} role (you are ${role === 'admin' ? 'an' : 'a'} ${role})`;

/** One admin API call; a 401 signs out (the form comes back). */
export async function api<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  if (!session) throw new ApiError(401, 'Signed out.');
  try {
    return await send<T>(session.authorization, path, method, body);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) signOut();
    throw error;
  }
}
