// Job options and connection options, built in one place so that every queue and worker agrees.
import type { ConnectionOptions, JobsOptions, QueueOptions, WorkerOptions } from 'bullmq';

export function connectionOptions(redisUrl: string): ConnectionOptions {
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    // Workers wait through a Redis outage rather than fail (BullMQ requires this for workers).
    maxRetriesPerRequest: null,
    retryStrategy: (attempt: number) => Math.min(200 * 2 ** attempt, 5_000),
  };
}

export function queueOptions(redisUrl: string, prefix: string): QueueOptions {
  return { connection: connectionOptions(redisUrl), prefix };
}

export function workerOptions(redisUrl: string, prefix: string, concurrency: number): WorkerOptions {
  return { connection: connectionOptions(redisUrl), prefix, concurrency, autorun: true };
}

/** Ingest jobs: retried with backoff on transient errors; kept a while so a re-add with the same id is a no-op. */
export const INGEST_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 30 * 24 * 3600, count: 200_000 },
  removeOnFail: { age: 90 * 24 * 3600 },
};

/** The long-lived sync job of an account: restarted by its worker loop, never by BullMQ retries. */
export const SYNC_JOB_OPTIONS: JobsOptions = {
  attempts: 1,
  removeOnComplete: true,
  removeOnFail: true,
};

/** Action jobs: reminders and checks wait as delayed jobs; sends retry with backoff on transient failures. */
export const ACTION_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { age: 90 * 24 * 3600 },
  removeOnFail: { age: 180 * 24 * 3600 },
};
