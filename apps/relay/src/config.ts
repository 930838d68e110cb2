import { isIP } from 'node:net';
import { ConfigError } from '@relay/core';
import { z } from 'zod';

/** Durations like `4h`, `30m`, `90s`, `1500ms` or plain milliseconds. */
const duration = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)?$/, 'a duration such as 4h, 30m, 90s or 1500ms')
  .transform((v) => {
    const [, n, unit] = /^(\d+)(ms|s|m|h|d)?$/.exec(v)!;
    const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit ?? 'ms'] ?? 1;
    return Number(n) * factor;
  });

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => ['true', '1', 'yes'].includes(v));

export const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(mysql|mariadb):\/\//, 'a mysql:// or mariadb:// URL')
    .default('mysql://root@127.0.0.1:3306/relay'),
  PORT: z.coerce.number().int().min(1).max(65535).default(8000),
  HOST: z.string().default('0.0.0.0'),
  /** `relay worker` serves /metrics and /health/ready on this port when set (the API serves them on PORT). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  RELAY_ENV: z.enum(['development', 'test', 'production']).optional(),
  NODE_ENV: z.string().optional(),
  /** Ingest (`/v1/*`) credentials; `INGEST_*` wins over the seed's `BASIC_AUTH_*` names. */
  INGEST_USERNAME: z.string().min(1).optional(),
  INGEST_PASSWORD: z.string().min(1).optional(),
  BASIC_AUTH_USERNAME: z.string().min(1).default('admin'),
  BASIC_AUTH_PASSWORD: z.string().min(1).default('changeme'),
  /** The bootstrap admin account (role admin) for `/admin/*`; without it admin falls back to the ingest credentials, with a warning. */
  ADMIN_USERNAME: z.string().min(1).max(64).optional(),
  ADMIN_PASSWORD: z.string().min(1).optional(),
  /** Proxies whose `X-Forwarded-For` is believed: comma-separated addresses or CIDRs. */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const items = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const item of items) {
        if (!isCidr(item)) {
          ctx.addIssue({
            code: 'custom',
            message: `'${item}' is not an IP address or CIDR (e.g. 10.0.0.0/8)`,
          });
          return z.NEVER;
        }
      }
      return items;
    }),
  /** Failed logins per (client address, username) within LOGIN_WINDOW before 429. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  LOGIN_WINDOW: duration.default(15 * 60_000),
  ENCRYPTION_KEY: z.string().optional(),
  ENCRYPTION_KEY_FILE: z.string().default('.relay/encryption.key'),
  LOG_LEVEL: z
    .string()
    .transform((v) => v.toLowerCase())
    .pipe(z.enum(['debug', 'info', 'warn', 'warning', 'error', 'silent']))
    .default('info'),
  MAX_RETRY_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  RETRY_WINDOW: duration.default(4 * 3_600_000),
  DEFAULT_CURRENCY: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'an ISO 4217 code such as USD')
    .transform((v) => v.toUpperCase())
    .default('USD'),
  DEFAULT_PHONE_COUNTRY: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'an ISO 3166 alpha-2 code such as US')
    .transform((v) => v.toUpperCase())
    .default('US'),
  MAX_BATCH_RECORDS: z.coerce.number().int().min(1).default(500),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  /** Body limit on `/admin/*` (the largest admin body is a credential or platform: small). */
  ADMIN_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Longest wait for a pooled database connection before answering 503. */
  DB_ACQUIRE_TIMEOUT: duration.default(3_000),
  /** Longest a statement may run (server-side max_statement_time and client socket timeout). */
  DB_QUERY_TIMEOUT: duration.default(15_000),
  /** How long `relay start` waits for an unreachable database at boot before giving up. */
  DB_BOOT_WAIT: duration.default(120_000),
  WORKER_ENABLED: bool.default(true),
  WORKER_ID: z.string().optional(),
  WORKER_BATCH_SIZE: z.coerce.number().int().min(1).default(200),
  WORKER_POLL_INTERVAL: duration.default(500),
  LEASE_DURATION: duration.default(120_000),
  HTTP_TIMEOUT: duration.default(15_000),
  PLATFORM_CONCURRENCY: z.coerce.number().int().min(1).default(4),
});

export type RelayConfig = z.output<typeof configSchema> & {
  environment: 'development' | 'test' | 'production';
  /** Credentials for `/v1/*`: INGEST_* or else BASIC_AUTH_*. */
  ingest: { username: string; password: string };
  /** The env admin account, or null when admin falls back to the ingest credentials. */
  admin: { username: string; password: string } | null;
};

/** The seed's default password: refused in production. */
export const DEFAULT_PASSWORD = 'changeme';

function isCidr(value: string): boolean {
  const [address, bits, extra] = value.split('/');
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * Read and validate the configuration from `env`. Every bad variable is listed in one
 * `ConfigError`, so an operator fixes them all at once.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): RelayConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`, {
      field: String(result.error.issues[0]?.path[0] ?? ''),
    });
  }
  const data = result.data;
  // Production unless told otherwise: `pnpm start` sets RELAY_ENV=development explicitly.
  const environment =
    data.RELAY_ENV ??
    (data.NODE_ENV === 'development' ? 'development' : data.NODE_ENV === 'test' ? 'test' : 'production');
  const ingest = {
    username: data.INGEST_USERNAME ?? data.BASIC_AUTH_USERNAME,
    password: data.INGEST_PASSWORD ?? data.BASIC_AUTH_PASSWORD,
  };
  if ((data.ADMIN_USERNAME === undefined) !== (data.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError(
      'Invalid configuration:\n  ADMIN_USERNAME and ADMIN_PASSWORD must be set together',
      {
        field: data.ADMIN_USERNAME === undefined ? 'ADMIN_USERNAME' : 'ADMIN_PASSWORD',
      },
    );
  }
  const admin =
    data.ADMIN_USERNAME !== undefined && data.ADMIN_PASSWORD !== undefined
      ? { username: data.ADMIN_USERNAME, password: data.ADMIN_PASSWORD }
      : null;
  return { ...data, environment, ingest, admin };
}

/**
 * Refuse to start in production with the seed's default password; warn (loudly) when `/admin`
 * falls back to the ingest credentials. Returns the warnings to log.
 */
export function checkStartupConfig(config: RelayConfig): string[] {
  const defaults = [
    config.ingest.password === DEFAULT_PASSWORD &&
      (config.INGEST_PASSWORD ? 'INGEST_PASSWORD' : 'BASIC_AUTH_PASSWORD'),
    config.admin?.password === DEFAULT_PASSWORD && 'ADMIN_PASSWORD',
  ].filter((v): v is string => typeof v === 'string');
  if (config.environment === 'production' && defaults.length > 0) {
    throw new ConfigError(
      `${defaults.join(' and ')} ${defaults.length > 1 ? 'are' : 'is'} the default '${DEFAULT_PASSWORD}': refusing to start in production. ` +
        'Set a strong password (e.g. `openssl rand -base64 24`), or RELAY_ENV=development for local use.',
      { field: defaults[0]! },
    );
  }
  const warnings: string[] = [];
  if (defaults.length > 0)
    warnings.push(
      `${defaults.join(' and ')} is the default '${DEFAULT_PASSWORD}' (${config.environment} only)`,
    );
  if (!config.admin) {
    warnings.push(
      'ADMIN_USERNAME/ADMIN_PASSWORD are not set: until a named account exists (`relay accounts add`), ' +
        'the ingest credentials also open /admin/* with the admin role, so the OMS password can read every decrypted secret',
    );
  }
  return warnings;
}
