/** Admin roles, weakest first: each can do everything the ones before it can. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);
export const roleAtLeast = (role: Role, minimum: Role) => ROLES.indexOf(role) >= ROLES.indexOf(minimum);

/**
 * One admin route and the weakest role allowed on it. `killSwitch`: the weaker role allowed when
 * the body only turns the resource on or off (`{"is_active": …}`). `decrypt`: the role needed
 * with `?decrypt=true`.
 */
export interface RouteRule {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  role: Role;
  killSwitch?: Role;
  decrypt?: Role;
}

const resource = (name: string, secrets: boolean): RouteRule[] => [
  { method: 'GET', path: `/admin/v1/${name}`, role: 'viewer' },
  {
    method: 'GET',
    path: `/admin/v1/${name}/:id`,
    role: 'viewer',
    ...(secrets && { decrypt: 'admin' as const }),
  },
  { method: 'POST', path: `/admin/v1/${name}`, role: 'admin' },
  { method: 'PUT', path: `/admin/v1/${name}/:id`, role: 'admin', killSwitch: 'operator' },
  { method: 'DELETE', path: `/admin/v1/${name}/:id`, role: 'admin' },
];

/**
 * Every admin route and its minimum role (docs/security.md). viewer: reads, without secrets
 * or personal data (event payloads and platform exchanges are redacted for it); operator: kill
 * switches and replay; admin: configuration, credentials, `?decrypt=true` and accounts. A route
 * not listed needs admin.
 */
export const ROUTE_ROLES: RouteRule[] = [
  ...resource('storefronts', false),
  ...resource('platforms', false),
  ...resource('credentials', true),
  ...resource('sgtm-configs', true),
  // What a record would send (secrets masked, nothing sent or stored): the policy's dry run.
  { method: 'POST', path: '/admin/v1/credentials/:id/preview', role: 'operator' },
  { method: 'POST', path: '/admin/v1/sgtm-configs/:id/preview', role: 'operator' },
  { method: 'GET', path: '/admin/v1/events', role: 'viewer' },
  { method: 'GET', path: '/admin/v1/events/:id', role: 'viewer' },
  { method: 'POST', path: '/admin/v1/events/:id/replay', role: 'operator' },
  { method: 'POST', path: '/admin/v1/deliveries/replay', role: 'operator' },
  { method: 'GET', path: '/admin/v1/stats/deliveries', role: 'viewer' },
  { method: 'GET', path: '/admin/v1/event-search', role: 'viewer' },
  { method: 'GET', path: '/admin/v1/failure-groups', role: 'viewer' },
  { method: 'POST', path: '/admin/v1/failure-groups/replay', role: 'operator' },
  { method: 'GET', path: '/admin/v1/kill-switches', role: 'viewer' },
  { method: 'GET', path: '/admin/v1/platform-catalog', role: 'viewer' },
  { method: 'GET', path: '/admin/v1/audit-log', role: 'operator' },
  // Who is signed in and with which role (the console adapts its pages to it).
  { method: 'GET', path: '/admin/v1/me', role: 'viewer' },
  { method: 'GET', path: '/admin/v1/accounts', role: 'admin' },
  { method: 'POST', path: '/admin/v1/accounts', role: 'admin' },
  { method: 'PUT', path: '/admin/v1/accounts/:id', role: 'admin' },
  { method: 'DELETE', path: '/admin/v1/accounts/:id', role: 'admin' },
];

const matches = (pattern: string, path: string) => {
  const want = pattern.split('/');
  const got = path.replace(/\/+$/, '').split('/');
  return (
    want.length === got.length &&
    want.every((part, i) => part === got[i] || (part.startsWith(':') && got[i] !== ''))
  );
};

export function findRouteRule(method: string, path: string): RouteRule | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return ROUTE_ROLES.find((rule) => rule.method === m && matches(rule.path, path));
}

/** True when a parsed JSON body only sets `is_active`: a kill switch. */
export const isKillSwitchBody = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  !Array.isArray(body) &&
  Object.keys(body).length === 1 &&
  typeof (body as { is_active?: unknown }).is_active === 'boolean';

/** The weakest role allowed to make this request. */
export function requiredRole(request: {
  method: string;
  path: string;
  decrypt: boolean;
  body?: unknown;
}): Role {
  const rule = findRouteRule(request.method, request.path);
  if (!rule) return 'admin';
  if (request.decrypt && rule.decrypt) return rule.decrypt;
  if (rule.killSwitch && isKillSwitchBody(request.body)) return rule.killSwitch;
  return rule.role;
}
