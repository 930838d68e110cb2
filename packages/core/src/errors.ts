/**
 * The one error family of Relay. Every error carries a stable `code`, the offending `field`
 * when there is one, and a `Symbol.for` marker so `isInstance` works across package copies.
 */
const MARKER = Symbol.for('relay.error');

export type RelayErrorCode =
  | 'VALIDATION_ERROR'
  | 'CONFIG_ERROR'
  | 'PLATFORM_ERROR'
  | 'AUTH_ERROR'
  | 'CRYPTO_ERROR';

export interface RelayErrorOptions {
  field?: string;
  cause?: unknown;
  details?: Record<string, unknown>;
}

export class RelayError extends Error {
  readonly [MARKER] = true;
  readonly code: RelayErrorCode;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: RelayErrorCode, message: string, options: RelayErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }

  static isInstance(value: unknown): value is RelayError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}

function isCode<T extends RelayError>(code: RelayErrorCode) {
  return (value: unknown): value is T => RelayError.isInstance(value) && value.code === code;
}

/** Bad input: a record, credential or option that does not satisfy a schema. */
export class ValidationError extends RelayError {
  constructor(message: string, options?: RelayErrorOptions) {
    super('VALIDATION_ERROR', message, options);
  }
  static override isInstance = isCode<ValidationError>('VALIDATION_ERROR');
}

/** Misconfiguration of the relay or of an adapter (missing key, bad environment). */
export class ConfigError extends RelayError {
  constructor(message: string, options?: RelayErrorOptions) {
    super('CONFIG_ERROR', message, options);
  }
  static override isInstance = isCode<ConfigError>('CONFIG_ERROR');
}

/** A platform answered with something we cannot use. */
export class PlatformError extends RelayError {
  readonly status: number | undefined;
  constructor(message: string, options: RelayErrorOptions & { status?: number } = {}) {
    super('PLATFORM_ERROR', message, options);
    this.status = options.status;
  }
  static override isInstance = isCode<PlatformError>('PLATFORM_ERROR');
}

/** Authentication with a platform failed (token fetch or refresh). */
export class AuthError extends RelayError {
  constructor(message: string, options?: RelayErrorOptions) {
    super('AUTH_ERROR', message, options);
  }
  static override isInstance = isCode<AuthError>('AUTH_ERROR');
}

/** A Fernet token or key could not be used. */
export class CryptoError extends RelayError {
  constructor(message: string, options?: RelayErrorOptions) {
    super('CRYPTO_ERROR', message, options);
  }
  static override isInstance = isCode<CryptoError>('CRYPTO_ERROR');
}
