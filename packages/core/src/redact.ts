/**
 * Replace every secret value found in `text` with `[REDACTED]`. Secrets shorter than four
 * characters are ignored (they would redact ordinary text). URL-encoded, JSON-escaped and base64
 * forms are covered too.
 */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  const values = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < 4) continue;
    values.add(secret);
    values.add(encodeURIComponent(secret));
    values.add(JSON.stringify(secret).slice(1, -1));
    values.add(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
  }
  for (const value of [...values].sort((a, b) => b.length - a.length)) {
    out = out.split(value).join('[REDACTED]');
  }
  return out;
}

/**
 * The secret values of a credentials object, by field name (nested objects searched too).
 * A secret field whose value is an object (e.g. `custom_headers`) makes every string inside it secret.
 */
export function secretValues(credentials: unknown, secretFields: ReadonlyArray<string>): string[] {
  const out: string[] = [];
  const fields = new Set(secretFields);
  const walk = (value: unknown, key?: string, inSecret = false) => {
    const secret = inSecret || (key !== undefined && fields.has(key));
    if (typeof value === 'string') {
      if (secret) out.push(value);
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v, key, inSecret);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k, secret);
    }
  };
  walk(credentials);
  return out;
}
