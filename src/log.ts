// The logger is a dependency, never a global: created once at the edge and handed down, with
// child bindings (account, job). Secrets are redacted at the root, whatever a caller logs.
import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

const REDACT = ['password', 'pass', '*.password', '*.pass', 'spec', '*.spec', 'auth', '*.auth', 'url', '*.url', 'mailbox', 'source'];

export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, base: null, redact: { paths: REDACT, censor: '[redacted]' }, timestamp: pino.stdTimeFunctions.isoTime }, destination as never);
}

/** A logger that drops everything (tests, benchmarks). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
