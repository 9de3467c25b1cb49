// What every worker process does around its worker: read the configuration, connect, start the
// worker, wait for SIGINT/SIGTERM, close it.
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import type { Closable, ServiceContext } from '../src/service/workers.js';
import { connectRedis } from '../src/store/redis.js';

export async function runWorkerProcess(name: string, start: (ctx: ServiceContext) => Promise<Closable>): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel).child({ worker: name });
  const redis = connectRedis(config.redis.url, `orderwatch-${name}`);
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const worker = await start({ config, redisUrl: config.redis.url, redis, log, now: () => new Date() });
  log.info('started');
  const signal = await stopped;
  log.info({ signal }, 'closing');
  await worker.close();
  redis.disconnect();
  log.info('closed');
}
