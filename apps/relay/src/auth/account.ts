import type { Context } from 'hono';
import type { Role } from './roles';

/**
 * Who made the request: the ingest client on `/v1/*`, a named account on `/admin/*`. `source`
 * says where the account is defined (`env`: ADMIN_USERNAME; `database`: `relay accounts`;
 * `ingest-fallback`: the ingest credentials while no admin is configured).
 */
export interface Account {
  name: string;
  role: Role | 'ingest';
  source: 'env' | 'database' | 'ingest-fallback' | 'ingest';
}

declare module 'hono' {
  interface ContextVariableMap {
    account: Account;
  }
}

/** The authenticated account of this request (undefined on routes without auth, such as /health). */
export const currentAccount = (c: Context): Account | undefined => c.get('account');
