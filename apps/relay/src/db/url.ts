import { ConfigError } from '@relay/core';

export interface DatabaseUrl {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** Split a `mysql://user:pass@host:port/db` URL into connection options. */
export function parseDatabaseUrl(url: string): DatabaseUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL', { field: 'DATABASE_URL' });
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_$-]{1,64}$/.test(database)) {
    throw new ConfigError('DATABASE_URL must name a database (letters, digits, _ $ -)', {
      field: 'DATABASE_URL',
    });
  }
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    database,
  };
}

/** The same URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
