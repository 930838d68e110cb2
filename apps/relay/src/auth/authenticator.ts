import { createHash } from 'node:crypto';
import type { RelayConfig } from '../config';
import type { Db } from '../db/client';
import { countAdminAccounts, findAdminAccount } from '../db/admin-accounts';
import { type BasicCredentials, sameCredentials } from '../http/basic-auth';
import type { Logger } from '../log';
import type { Account } from './account';
import { DUMMY_HASH, verifyPassword } from './password-hash';
import { isRole } from './roles';

const VERIFIED_TTL_MS = 5 * 60_000;
const VERIFIED_MAX = 1000;

/**
 * Checks credentials. Ingest (`/v1/*`): INGEST_USERNAME/PASSWORD (or the seed's BASIC_AUTH_*).
 * Admin (`/admin/*`): the ADMIN_USERNAME account (role admin), then the named accounts in the
 * database (scrypt hashes). Without ADMIN_USERNAME and while no named account exists, the ingest
 * credentials act as admin (warned about at start and on use).
 */
export class Authenticator {
  /** sha256(username, password, stored hash) of recent successful scrypt checks: scrypt costs ~50 ms of CPU. */
  readonly #verified = new Map<string, number>();
  #warnedFallback = false;

  constructor(
    private readonly config: RelayConfig,
    private readonly db: Db,
    private readonly logger: Logger,
  ) {}

  ingest(given: BasicCredentials): Account | null {
    return sameCredentials(given, this.config.ingest)
      ? { name: given.username, role: 'ingest', source: 'ingest' }
      : null;
  }

  async admin(given: BasicCredentials): Promise<Account | null> {
    const envAdmin = this.config.admin;
    if (envAdmin && sameCredentials(given, envAdmin))
      return { name: envAdmin.username, role: 'admin', source: 'env' };
    if (
      !envAdmin &&
      sameCredentials(given, this.config.ingest) &&
      (await countAdminAccounts(this.db)) === 0
    ) {
      if (!this.#warnedFallback) {
        this.#warnedFallback = true;
        this.logger.warn(
          'the ingest credentials were used on /admin as admin: set ADMIN_USERNAME/ADMIN_PASSWORD or add accounts with `relay accounts add`',
          { username: given.username },
        );
      }
      return { name: given.username, role: 'admin', source: 'ingest-fallback' };
    }
    if (given.username.length > 64) return null;
    const row = await findAdminAccount(this.db, given.username);
    if (!row || row.username !== given.username || !isRole(row.role)) {
      await verifyPassword(given.password, DUMMY_HASH);
      return null;
    }
    const account: Account = { name: row.username, role: row.role, source: 'database' };
    const key = createHash('sha256')
      .update(`${row.username}\u0000${given.password}\u0000${row.passwordHash}`)
      .digest('base64');
    const until = this.#verified.get(key);
    if (until !== undefined && until > Date.now()) return account;
    if (!(await verifyPassword(given.password, row.passwordHash))) return null;
    if (this.#verified.size >= VERIFIED_MAX) this.#verified.delete(this.#verified.keys().next().value!);
    this.#verified.set(key, Date.now() + VERIFIED_TTL_MS);
    return account;
  }
}
