// `orderwatch run`: the sync and ingest workers in one process, until SIGINT/SIGTERM. With
// --once it backfills, waits for the ingest queue to drain and returns (the embedded-default demo).
import { Queue, type JobType } from 'bullmq';
import { QUEUES } from '../queue/jobs.js';
import { queueOptions } from '../queue/options.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { connectRedis, redisAnswers } from '../store/redis.js';
import { startEmbeddedRedis, type EmbeddedRedis } from './embedded-redis.js';
import { runSync, type SyncProgress } from './sync.js';
import { ingestEnqueuer, startActionWorker, startIngestWorker, startSyncWorker, syncDependencies, type Closable, type ServiceContext } from './workers.js';

export interface RunOptions {
  once: boolean;
  onProgress?: (p: SyncProgress) => void;
  /** Resolves when the service should stop (signals). */
  stopped: Promise<void>;
}

/** Connects to Redis (or starts the embedded one), runs the workers, and closes everything on stop. */
export async function runService(config: Config, log: Logger, options: RunOptions): Promise<ServiceContext & { close(): Promise<void> }> {
  const target = await redisTarget(config, log);
  const redisUrl = target.url;
  const redis = connectRedis(redisUrl, 'orderwatch');
  redis.on('error', (err) => log.warn({ err: err.message }, 'redis connection problem; retrying'));
  const ctx: ServiceContext = { config, redisUrl, redis, log, now: () => new Date() };
  const parts: Closable[] = [];
  const close = async () => {
    for (const part of parts.reverse()) await part.close().catch((err) => log.error({ err: String(err) }, 'close failed'));
    redis.disconnect();
    await target.stop();
  };

  try {
    parts.push(await startIngestWorker(ctx));
    parts.push(await startActionWorker(ctx));
    if (options.once) {
      const stop = new AbortController();
      void options.stopped.then(() => stop.abort());
      const enqueuer = ingestEnqueuer(ctx);
      parts.push({ close: () => enqueuer.queue.close() });
      await runSync(syncDependencies(ctx, enqueuer.enqueue, options.onProgress), stop.signal, { once: true });
      await drained(enqueuer.queue, options.stopped, true);
      const actions = new Queue(QUEUES.actions, queueOptions(ctx.redisUrl, ctx.config.prefix));
      parts.push({ close: () => actions.close() });
      // What is due now (first reminders, notices) goes out before the scan ends; later jobs wait for `run`.
      await drained(actions, options.stopped, false);
    } else {
      parts.push(await startSyncWorker(ctx, options.onProgress));
      await options.stopped;
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { ...ctx, close };
}

/** REDIS_URL when set; else the default address when a Redis answers there; else a private one. */
export async function redisTarget(config: Config, log: Logger): Promise<{ url: string; stop(): Promise<void> }> {
  if (config.redis.explicit || (await redisAnswers(config.redis.url))) return { url: config.redis.url, stop: async () => {} };
  const embedded: EmbeddedRedis = await startEmbeddedRedis(config.stateDir);
  log.info({ dataDir: `${config.stateDir}/redis` }, 'no Redis answered at the default address: started a private redis-server');
  return embedded;
}

async function drained(queue: Queue, stopped: Promise<void>, includeDelayed: boolean): Promise<void> {
  let stop = false;
  void stopped.then(() => (stop = true));
  while (!stop) {
    const types: JobType[] = ['waiting', 'active', 'prioritized', 'waiting-children', ...(includeDelayed ? (['delayed'] as const) : [])];
    const counts = await queue.getJobCounts(...types);
    if (Object.values(counts).every((n) => n === 0)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
