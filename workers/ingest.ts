// The ingest worker as its own process: reads queued messages into order records until
// SIGINT/SIGTERM.
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { connectRedis } from '../src/store/redis.js';
import { startIngestWorker } from '../src/service/workers.js';
import { runUntilSignal } from './shell.js';

const config = loadConfig();
const log = createLogger(config.logLevel).child({ worker: 'ingest' });
const redis = connectRedis(config.redis.url, 'orderwatch-ingest');
await runUntilSignal(log, async () => {
  const worker = await startIngestWorker({ config, redisUrl: config.redis.url, redis, log, now: () => new Date() });
  return { close: async () => { await worker.close(); redis.disconnect(); } };
});
