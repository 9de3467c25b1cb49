// What every worker process does around its worker: start it, wait for SIGINT/SIGTERM, close it.
import type { Logger } from '../src/log.js';

export async function runUntilSignal(log: Logger, start: () => Promise<{ close(): Promise<void> }>): Promise<void> {
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const running = await start();
  log.info('started');
  const signal = await stopped;
  log.info({ signal }, 'closing');
  await running.close();
  log.info('closed');
}
