import { describe, expect, it } from 'vitest';
import { REDACTED_KEYS, createLogger } from '../../src/log';

/** Every field the relay's logs must never show (secrets and personal data). */
const MUST_REDACT = [
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
  'authorization',
  'Authorization',
  'proxy-authorization',
  'api_key',
  'apiKey',
  'apikey',
  'api-key',
  'x-api-key',
  'credential',
  'credentials',
  'custom_headers',
  'cookie',
  'cookies',
  'set-cookie',
  'encryption_key',
  'encryptionKey',
  'ENCRYPTION_KEY',
  'email',
  'phone',
  'customer_email',
  'customer_phone',
  'first_name',
  'last_name',
  'ip_address',
  'client_ip',
  'user_agent',
];

const capture = (level = 'debug', base: Record<string, unknown> = {}) => {
  const lines: string[] = [];
  const logger = createLogger(level, base, (l) => lines.push(l));
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
};

describe('logger (pino)', () => {
  it('writes one JSON object per line: ISO time, level as a word, msg, base and fields', () => {
    const { logger, lines, parsed } = capture('info', { service: 'relay' });
    logger.info('request', { status: 200, path: '/v1/events' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const [line] = parsed();
    expect(line).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'relay',
      status: 200,
      path: '/v1/events',
      msg: 'request',
    });
  });

  it('drops lines under the level; "warning" means warn; silent writes nothing', () => {
    const warn = capture('warning');
    warn.logger.debug('d');
    warn.logger.info('i');
    warn.logger.warn('w');
    warn.logger.error('e');
    expect(warn.parsed().map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'w'],
      ['error', 'e'],
    ]);
    const silent = capture('silent');
    silent.logger.error('e');
    expect(silent.lines).toEqual([]);
  });

  it('redacts every secret and personal-data field', () => {
    expect([...REDACTED_KEYS].sort()).toEqual([...MUST_REDACT].sort());
  });

  it.each(MUST_REDACT)(
    'redacts %s at the top level, nested three deep, in arrays and in child bindings',
    (key) => {
      const { logger, parsed } = capture();
      logger.info('x', {
        [key]: 'SECRET-1',
        order_id: 'O-1',
        a: { [key]: 'SECRET-2', b: { [key]: 'SECRET-3', c: { [key]: 'SECRET-4', order_id: 'O-2' } } },
        list: [{ [key]: 'SECRET-5' }],
      });
      logger.child({ [key]: 'SECRET-6' }).warn('child');
      const [line, child] = parsed();
      expect(line).toMatchObject({
        [key]: '[REDACTED]',
        order_id: 'O-1',
        a: { [key]: '[REDACTED]', b: { [key]: '[REDACTED]', c: { [key]: '[REDACTED]', order_id: 'O-2' } } },
        list: [{ [key]: '[REDACTED]' }],
      });
      expect(child).toMatchObject({ [key]: '[REDACTED]', msg: 'child' });
      expect(JSON.stringify([line, child])).not.toContain('SECRET-');
    },
  );
});
