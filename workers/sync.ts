// The sync worker as its own process: holds the account's sync job (backfill, then IDLE) until
// SIGINT/SIGTERM. Run as many as you like against the same Redis: one holds the account, the
// others take over if it dies.
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { connectRedis } from '../src/store/redis.js';
import { startSyncWorker } from '../src/service/workers.js';
import { runUntilSignal } from './shell.js';

const config = loadConfig();
const log = createLogger(config.logLevel).child({ worker: 'sync' });
const redis = connectRedis(config.redis.url, 'orderwatch-sync');
await runUntilSignal(log, async () => {
  const worker = await startSyncWorker({ config, redisUrl: config.redis.url, redis, log, now: () => new Date() });
  return { close: async () => { await worker.close(); redis.disconnect(); } };
});
