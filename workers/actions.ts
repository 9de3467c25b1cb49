// The action worker as its own process: sends reminders, cancellation requests and follow-ups,
// checks for the store's confirmation, until SIGINT/SIGTERM.
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { connectRedis } from '../src/store/redis.js';
import { startActionWorker } from '../src/service/workers.js';
import { runUntilSignal } from './shell.js';

const config = loadConfig();
const log = createLogger(config.logLevel).child({ worker: 'actions' });
const redis = connectRedis(config.redis.url, 'orderwatch-actions');
await runUntilSignal(log, async () => {
  const worker = await startActionWorker({ config, redisUrl: config.redis.url, redis, log, now: () => new Date() });
  return { close: async () => { await worker.close(); redis.disconnect(); } };
});
