// Factories for the BullMQ workers. Each returns close(); the entry files in workers/ and the
// `orderwatch run` command only wire these to signals. The job logic lives in sync.ts and
// ingest.ts, so a worker is: validate the payload, call src/, report.
import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { openSource } from '../mail/open-source.js';
import type { MessageRef } from '../mail/source.js';
import { ACTION_JOB_OPTIONS, INGEST_JOB_OPTIONS, SYNC_JOB_OPTIONS, queueOptions, workerOptions } from '../queue/options.js';
import { Mailer, PermanentSendError, openTransport } from '../mail/mailer.js';
import { ImapSentFolder, LocalSentFolder, type SentFolder } from '../mail/sent-folder.js';
import { imapSettings } from '../mail/open-source.js';
import { OutboxStore } from '../store/outbox-store.js';
import { loadMerchantDirectory, MerchantDirectory } from '../merchants.js';
import { handleAction } from './actions.js';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ActionJob, IngestJob, QUEUES, SyncJob, actionJobId, ingestJobId, syncJobId } from '../queue/jobs.js';
import { InboxStore } from '../store/inbox-store.js';
import { Keys } from '../store/keys.js';
import { OrderStore } from '../store/order-store.js';
import { ingestMessage, type IngestOutcome } from './ingest.js';
import { runSync, type SyncProgress } from './sync.js';

export interface ServiceContext {
  config: Config;
  redisUrl: string;
  redis: Redis;
  log: Logger;
  now: () => Date;
}

/** Messages queued for reading before the scan pauses. */
const MAX_WAITING_INGEST = 500;

export interface Closable {
  close(): Promise<void>;
}

export function stores(ctx: ServiceContext): { inbox: InboxStore; orders: OrderStore } {
  const keys = new Keys(ctx.config.prefix);
  return { inbox: new InboxStore(ctx.redis, keys), orders: new OrderStore(ctx.redis, keys) };
}

export async function startIngestWorker(ctx: ServiceContext, onDone?: (outcome: IngestOutcome) => void): Promise<Closable> {
  const { inbox, orders } = stores(ctx);
  const actions = actionScheduler(ctx);
  const secret = await installSecret(ctx);
  const directory = ctx.config.merchantsFile ? await loadMerchantDirectory(ctx.config.merchantsFile) : MerchantDirectory.empty();
  const worker = new Worker(
    QUEUES.ingest,
    async (job: Job) => {
      const payload = IngestJob.safeParse(job.data);
      if (!payload.success) throw new UnrecoverableError(`invalid ingest job: ${payload.error.issues[0]?.message}`);
      const outcome = await ingestMessage(
        {
          inbox, orders, owner: ctx.config.owner.address, ownerAddresses: [ctx.config.owner.address], now: ctx.now, log: ctx.log.child({ job: job.id }),
          secret, authservId: ctx.config.authservId, directory, emit: (event, at) => actions.schedule(event, at),
        },
        payload.data,
        job.id!,
      );
      onDone?.(outcome);
      return outcome;
    },
    // A crashed worker's messages are taken over within about 15 s (lock 10 s, checked every 5 s);
    // the lock is renewed every 5 s, far longer than any one message takes under the size limit.
    { ...workerOptions(ctx.redisUrl, ctx.config.prefix, ctx.config.ingestConcurrency), lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 5 },
  );
  worker.on('failed', (job, err) => ctx.log.error({ job: job?.id, err: err.message }, 'ingest job failed'));
  worker.on('error', (err) => ctx.log.warn({ err: err.message }, 'ingest worker: connection problem; retrying'));
  return { close: async () => { await worker.close(); await actions.close(); } };
}

/** The install's secret for reply tokens: made once, kept in Redis beside the orders it protects. */
export async function installSecret(ctx: ServiceContext): Promise<string> {
  const key = `${ctx.config.prefix}:secret`;
  await ctx.redis.set(key, randomBytes(32).toString('base64url'), 'NX');
  return (await ctx.redis.get(key))!;
}

/** Adds action jobs: at once, or delayed to their due time, with ids that make re-adding a no-op. */
export function actionScheduler(ctx: ServiceContext): { schedule: (job: ActionJob, dueMs: number) => Promise<void>; close: () => Promise<void> } {
  const queue = new Queue(QUEUES.actions, queueOptions(ctx.redisUrl, ctx.config.prefix));
  return {
    schedule: async (job, dueMs) => {
      const delay = Math.max(0, dueMs - ctx.now().getTime());
      await queue.add(job.event.type, job, { ...ACTION_JOB_OPTIONS, jobId: actionJobId(job, dueMs), delay });
    },
    close: () => queue.close(),
  };
}

/** Where copies of sent mail go and flags are set: the owner's IMAP Sent folder, or a local one. */
export function openSentFolder(config: Config): SentFolder {
  if (/^imaps?:\/\//i.test(config.mailbox.spec)) return new ImapSentFolder(imapSettings(config.mailbox.spec));
  return new LocalSentFolder(join(config.stateDir, 'sent'));
}

/** The action worker: reminders, cancellation requests, confirmation checks, follow-ups. */
export async function startActionWorker(ctx: ServiceContext): Promise<Closable> {
  const keys = new Keys(ctx.config.prefix);
  const orders = new OrderStore(ctx.redis, keys);
  const transport = openTransport(ctx.config.smtp.spec, { maxConnections: ctx.config.smtp.connections });
  const sentFolder = openSentFolder(ctx.config);
  // A short lease: after a crash, the restarted worker may take the message over within seconds.
  const mailer = new Mailer({ transport, outbox: new OutboxStore(ctx.redis, ctx.config.prefix), sentFolder, now: ctx.now, leaseMs: 10_000 });
  const scheduler = actionScheduler(ctx);
  const secret = await installSecret(ctx);
  const worker = new Worker(
    QUEUES.actions,
    async (job: Job) => {
      const payload = ActionJob.safeParse(job.data);
      if (!payload.success) throw new UnrecoverableError(`invalid action job: ${payload.error.issues[0]?.message}`);
      // Decide at the job's own time: a rerun takes the same decision and sends the same Message-IDs.
      const at = new Date(Math.max(job.timestamp + (job.opts.delay ?? 0), job.timestamp));
      try {
        await handleAction({ config: ctx.config, orders, mailer, sentFolder, schedule: scheduler.schedule, secret, log: ctx.log.child({ job: job.id }) }, payload.data, at);
      } catch (err) {
        if (err instanceof PermanentSendError) throw new UnrecoverableError(`the mail server refused the message for good: ${err.message}`);
        throw err;
      }
    },
    // A crashed worker's jobs are taken over within about 15 s (lock 10 s, checked every 5 s).
    { ...workerOptions(ctx.redisUrl, ctx.config.prefix, 8), lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 100 },
  );
  worker.on('failed', (job, err) => ctx.log.error({ job: job?.id, err: err.message }, 'action job failed'));
  worker.on('error', (err) => ctx.log.warn({ err: err.message }, 'action worker: connection problem; retrying'));
  return {
    close: async () => {
      await worker.close();
      await scheduler.close();
      await Promise.all([transport.close(), sentFolder.close()]);
    },
  };
}

/** Hands messages from the sync loop to the ingest queue: bytes first, then the job that needs them. */
export function ingestEnqueuer(ctx: ServiceContext): { enqueue: (items: { job: IngestJob; source: Buffer }[]) => Promise<void>; queue: Queue } {
  const { inbox } = stores(ctx);
  const queue = new Queue(QUEUES.ingest, queueOptions(ctx.redisUrl, ctx.config.prefix));
  return {
    queue,
    enqueue: async (items) => {
      if (items.length === 0) return;
      // A brake: the scan runs far ahead of reading; past this many waiting messages it waits, so
      // raw mail does not pile up in Redis (nor memory) for a large mailbox.
      while ((await queue.getWaitingCount()) > MAX_WAITING_INGEST) await new Promise((r) => setTimeout(r, 200));
      await Promise.all(items.map((i) => inbox.putRaw(ingestJobId(i.job), i.source)));
      await queue.addBulk(items.map((i) => ({ name: 'ingest', data: i.job, opts: { ...INGEST_JOB_OPTIONS, jobId: ingestJobId(i.job) } })));
    },
  };
}

export function syncDependencies(ctx: ServiceContext, enqueue: ReturnType<typeof ingestEnqueuer>['enqueue'], onProgress?: (p: SyncProgress) => void) {
  const { inbox, orders } = stores(ctx);
  const account = ctx.config.mailbox.account;
  return {
    account,
    openSource: () => openSource(ctx.config.mailbox.spec, ctx.config.stateDir),
    folders: ctx.config.folders,
    inbox,
    enqueue,
    setAside: (m: MessageRef, folder: string, reason: string) =>
      inbox.setAside({ account, folder, uid: m.uid, messageId: m.messageId, subject: m.subject, reason, at: ctx.now().toISOString() }),
    knownMessageIds: (ids: string[]) => orders.knownMessageIds(ids),
    now: ctx.now,
    // The shipped sample mailbox is old mail: read all of it.
    backfillDays: ctx.config.mailbox.embedded ? null : ctx.config.backfillDays,
    maxMessageBytes: ctx.config.maxMessageBytes,
    pollMs: ctx.config.pollMs,
    log: ctx.log.child({ account }),
    ...(onProgress ? { onProgress } : {}),
  };
}

/**
 * The sync worker: holds the account's long-lived sync job. BullMQ's job lock makes sure one
 * worker holds an account at a time; when that worker dies, the lock lapses and another worker's
 * stalled-job check takes the account over.
 */
export async function startSyncWorker(ctx: ServiceContext, onProgress?: (p: SyncProgress) => void): Promise<Closable> {
  const stop = new AbortController();
  const enqueuer = ingestEnqueuer(ctx);
  const worker = new Worker(
    QUEUES.sync,
    async (job: Job, token?: string) => {
      const payload = SyncJob.safeParse(job.data);
      if (!payload.success) throw new UnrecoverableError(`invalid sync job: ${payload.error.issues[0]?.message}`);
      if (payload.data.account !== ctx.config.mailbox.account) {
        // Another install's account on a shared queue: not ours to hold.
        throw new UnrecoverableError(`sync job for account ${payload.data.account}, configured for ${ctx.config.mailbox.account}`);
      }
      await runSync(syncDependencies(ctx, enqueuer.enqueue, onProgress), stop.signal);
      if (stop.signal.aborted && token) {
        // Shutting down: hand the account back to the queue for the next worker, do not finish it.
        await job.moveToDelayed(Date.now() + 1_000, token);
        throw new DelayedError();
      }
    },
    // Taken over within about 15 s of a crash (lock 10 s, checked every 5 s).
    { ...workerOptions(ctx.redisUrl, ctx.config.prefix, 1), lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 1_000_000 },
  );
  worker.on('error', (err) => ctx.log.warn({ err: err.message }, 'sync worker: connection problem; retrying'));
  const queue = new Queue(QUEUES.sync, queueOptions(ctx.redisUrl, ctx.config.prefix));
  await ensureSyncJob(queue, ctx.config.mailbox.account);
  return {
    close: async () => {
      stop.abort();
      await worker.close();
      await Promise.all([queue.close(), enqueuer.queue.close()]);
    },
  };
}

/** Adds the account's sync job unless one is waiting or held; a finished one is replaced. */
export async function ensureSyncJob(queue: Queue, account: string): Promise<void> {
  const id = syncJobId(account);
  const existing = await queue.getJob(id);
  if (existing) {
    const state = await existing.getState();
    if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return;
    await existing.remove().catch(() => {});
  }
  await queue.add('sync', { account }, { ...SYNC_JOB_OPTIONS, jobId: id });
}
