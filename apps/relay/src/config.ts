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
  BASIC_AUTH_USERNAME: z.string().min(1).default('admin'),
  BASIC_AUTH_PASSWORD: z.string().min(1).default('changeme'),
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
};

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
  const environment =
    data.RELAY_ENV ??
    (data.NODE_ENV === 'production' ? 'production' : data.NODE_ENV === 'test' ? 'test' : 'development');
  return { ...data, environment };
}
