// Errors carry a `code` and say what the caller should do with them:
// `retry` (transient: network, 429, 5xx), `skip` (this input is bad, go on), `stop` (fix config/usage).

export type ErrorAction = 'retry' | 'skip' | 'stop';

export class SolieuError extends Error {
  readonly code: string;
  readonly action: ErrorAction;
  constructor(message: string, code: string, action: ErrorAction, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.action = action;
  }
}

/** A config file or CLI option is wrong: exit 2. */
export class ConfigError extends SolieuError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'E_CONFIG', 'stop', options);
  }
}

/** One input (file, URL, page) cannot be used: record it as failed and go on. */
export class InputError extends SolieuError {
  readonly input: string;
  constructor(input: string, message: string, code = 'E_INPUT', options?: { cause?: unknown }) {
    super(`${input}: ${message}`, code, 'skip', options);
    this.input = input;
  }
}

/** A transient failure worth retrying (timeouts, 5xx, 429). */
export class RetryableError extends SolieuError {
  readonly retryAfterMs?: number;
  constructor(message: string, code: string, retryAfterMs?: number, options?: { cause?: unknown }) {
    super(message, code, 'retry', options);
    this.retryAfterMs = retryAfterMs;
  }
}

/** The database is unusable (newer schema, locked by another run, corrupt): stop. */
export class StoreError extends SolieuError {
  constructor(message: string, code = 'E_STORE', options?: { cause?: unknown }) {
    super(message, code, 'stop', options);
  }
}
