import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';

/**
 * Logging with pino: one JSON object per line on stdout (`time` ISO 8601, `level` as a word,
 * `msg`), pretty-printed by pino-pretty only in development on a terminal. Secrets and personal
 * data are removed by pino's own redaction (`redact.paths`) before a line is written.
 */

/**
 * Every field name whose value never reaches a log line: secrets (passwords, tokens, keys,
 * authorization headers, cookies, credentials) and personal data (email, phone, names, IP
 * address, user agent). Matched at the top level and up to three objects (or arrays) deep.
 */
export const REDACTED_KEYS = [
  // passwords and secrets
  'password',
  'pass',
  'passwd',
  'BASIC_AUTH_PASSWORD',
  'secret',
  'api_secret',
  'client_secret',
  'app_secret',
  'consumer_secret',
  'token_secret',
  'secret_key',
  // tokens
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'api_token',
  'auth_token',
  'bearer_token',
  'developer_token',
  'app_token',
  's2s_token',
  'accessToken',
  'refreshToken',
  // authorization and API keys
  'authorization',
  'Authorization',
  'proxy-authorization',
  'api_key',
  'apiKey',
  'apikey',
  'api-key',
  'x-api-key',
  // credentials, cookies, encryption keys, sGTM headers
  'credential',
  'credentials',
  'custom_headers',
  'cookie',
  'cookies',
  'set-cookie',
  'encryption_key',
  'encryptionKey',
  'ENCRYPTION_KEY',
  // personal data
  'email',
  'phone',
  'customer_email',
  'customer_phone',
  'first_name',
  'last_name',
  'ip_address',
  'client_ip',
  'user_agent',
] as const;

const CENSOR = '[REDACTED]';
const DEPTH = 3;

/** pino `redact.paths` for REDACTED_KEYS: `key`, `*.key`, `*.*.key`, `*.*.*.key` (bracketed when not an identifier). */
export const REDACT_PATHS: string[] = REDACTED_KEYS.flatMap((key) => {
  const identifier = /^[A-Za-z_$][\w$]*$/.test(key);
  return Array.from({ length: DEPTH + 1 }, (_, depth) => {
    const parents = Array.from({ length: depth }, () => '*').join('.');
    if (identifier) return parents ? `${parents}.${key}` : key;
    return `${parents}["${key}"]`;
  });
});

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** The relay's logger: `logger.info('message', { fields })`, a thin face over pino. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger whose lines all carry `fields` (e.g. `{ requestId }`). */
  child(fields: Record<string, unknown>): Logger;
  /** The pino logger underneath, for libraries that take one. */
  readonly pino: PinoLogger;
}

export interface LoggerOptions {
  /** Pretty-print with pino-pretty (development only; falls back to JSON when it is not installed). */
  pretty?: boolean;
}

function wrap(p: PinoLogger): Logger {
  return {
    debug: (msg, fields) => p.debug(fields ?? {}, msg),
    info: (msg, fields) => p.info(fields ?? {}, msg),
    warn: (msg, fields) => p.warn(fields ?? {}, msg),
    error: (msg, fields) => p.error(fields ?? {}, msg),
    child: (fields) => wrap(p.child(fields)),
    pino: p,
  };
}

/** pino-pretty is a development dependency: absent from the production image, loaded only when asked. */
function prettyStream(): DestinationStream | undefined {
  try {
    const pretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => DestinationStream;
    return pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l' });
  } catch {
    return undefined;
  }
}

/**
 * A pino logger at `level` ('warning' is 'warn'), with `base` on every line, writing to stdout
 * (or to `write`, one JSON line per call, for tests).
 */
export function createLogger(
  level: string = 'info',
  base: Record<string, unknown> = {},
  write?: (line: string) => void,
  options: LoggerOptions = {},
): Logger {
  const destination: DestinationStream | undefined = write
    ? { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) }
    : options.pretty
      ? prettyStream()
      : undefined;
  const logger = pino(
    {
      level: level === 'warning' ? 'warn' : level,
      base,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: CENSOR },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
  return wrap(logger);
}
