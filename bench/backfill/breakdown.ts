// Where the time of run (a) goes, measured when (a) misses a target: the service's own sync code
// run again in this process on the first messages, with timers around the mailbox calls and the
// hand-off to Redis; the parser and extractor on what it downloaded; then the service's own
// ingest worker over those jobs, one at a time, with its Redis commands timed.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { loadConfig } from '../../src/config.js';
import { Extraction } from '../../src/extract/extraction.js';
import { extract } from '../../src/extract/index.js';
import { silentLogger } from '../../src/log.js';
import { parseMessage } from '../../src/mail/parse.js';
import type { FetchedMessage, MailboxSource, MessageSummary } from '../../src/mail/source.js';
import { ingestJobId, type IngestJob } from '../../src/queue/jobs.js';
import { runSync } from '../../src/service/sync.js';
import { ingestEnqueuer, startIngestWorker, stores, syncDependencies, type ServiceContext } from '../../src/service/workers.js';
import { connectRedis } from '../../src/store/redis.js';
import { uniquePrefix } from '../../test/support/redis.js';
import { OWNER } from '../mail/mailbox/people.js';
import type { MailKind } from '../mail/mailbox/plan.js';
import { queuePending } from './queue-counts.js';
import { runTimeoutMs } from './settings.js';
import { timeCommands, timed, Timer, type Span } from './timer.js';

interface KindCost {
  fetched: number;
  parseMs: number;
  extractMs: number;
}

export interface Breakdown {
  sync: Span;
  scan: Span;
  fetch: Span;
  handoff: Span;
  parse: Span;
  extract: Span;
  ingest: Span;
  /** Wall time with at least one of ingest's Redis commands outstanding. */
  ingestRedis: Span;
  scanned: number;
  scannedByKind: Map<MailKind | 'unknown', number>;
  fetched: number;
  fetchedBytes: number;
  /** By the kind of mail the generator wrote: what was downloaded and what reading it cost. */
  byKind: Map<MailKind | 'unknown', KindCost>;
  kinds: Record<string, number>;
  outcomes: Record<string, number>;
}

export async function breakdown(opts: { spec: string; redisUrl: string; stateDir: string; sample: number; kindById: Map<string, MailKind> }): Promise<Breakdown> {
  const config = loadConfig({
    ORDERWATCH_IMAP: opts.spec,
    REDIS_URL: opts.redisUrl,
    ORDERWATCH_PREFIX: uniquePrefix('bench-breakdown'),
    ORDERWATCH_STATE_DIR: opts.stateDir,
    ORDERWATCH_BACKFILL_DAYS: '3650',
    ORDERWATCH_OWNER: OWNER.address,
    ORDERWATCH_INGEST_CONCURRENCY: '1',
    ORDERWATCH_LOG_LEVEL: 'silent',
  });
  const redis: Redis = connectRedis(opts.redisUrl, 'bench-breakdown');
  const ctx: ServiceContext = { config, redisUrl: opts.redisUrl, redis, log: silentLogger(), now: () => new Date() };
  const enqueuer = ingestEnqueuer(ctx);
  const t = { sync: new Timer(), scan: new Timer(), fetch: new Timer(), handoff: new Timer(), parse: new Timer(), extract: new Timer(), ingest: new Timer(), ingestRedis: new Timer() };
  const jobs: { job: IngestJob; bytes: number }[] = [];
  let scanned = 0;
  const scannedByKind = new Map<MailKind | 'unknown', number>();
  const onScanned = (batch: MessageSummary[]) => {
    scanned += batch.length;
    for (const m of batch) {
      const kind = (m.messageId && opts.kindById.get(m.messageId)) || 'unknown';
      scannedByKind.set(kind, (scannedByKind.get(kind) ?? 0) + 1);
    }
  };
  try {
    const base = syncDependencies(ctx, (items) => t.handoff.time(async () => {
      await enqueuer.enqueue(items);
      for (const i of items) jobs.push({ job: i.job, bytes: i.source.length });
    }));
    const deps = { ...base, openSource: async () => timedSource(await base.openSource(), t.scan, t.fetch, opts.sample, onScanned) };
    await t.sync.time(() => runSync(deps, new AbortController().signal, { once: true }));

    const { inbox } = stores(ctx);
    const byKind = new Map<MailKind | 'unknown', KindCost>();
    const kinds: Record<string, number> = {};
    const now = new Date();
    // warm-up, not timed: the service has read thousands of messages by the time it is slow, so
    // the parser's and the extractor's code is compiled and optimized first
    for (const { job } of jobs.slice(0, 300)) {
      const raw = await inbox.getRaw(ingestJobId(job));
      if (raw) extract(await parseMessage(raw), { now, ownerAddresses: [] });
    }
    for (const { job } of jobs) {
      const raw = await inbox.getRaw(ingestJobId(job));
      if (!raw) continue;
      const cost = byKind.get((job.messageId && opts.kindById.get(job.messageId)) || 'unknown') ?? { fetched: 0, parseMs: 0, extractMs: 0 };
      byKind.set((job.messageId && opts.kindById.get(job.messageId)) || 'unknown', cost);
      cost.fetched++;
      const p0 = t.parse.ms;
      const parsed = await t.parse.time(() => parseMessage(raw)).catch(() => null);
      cost.parseMs += t.parse.ms - p0;
      if (!parsed) continue;
      const e0 = t.extract.ms;
      const kind = await t.extract.time(async () => {
        try {
          const r = Extraction.safeParse(extract(parsed, { now, ownerAddresses: [] }));
          return r.success ? r.data.kind : 'invalid';
        } catch {
          return 'error';
        }
      });
      cost.extractMs += t.extract.ms - e0;
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    // The service's own ingest worker, one job at a time, over the jobs the sync queued.
    const outcomes: Record<string, number> = {};
    let done = 0;
    timeCommands(redis, t.ingestRedis);
    await t.ingest.time(async () => {
      const worker = await startIngestWorker(ctx, (outcome) => {
        outcomes[outcome.result] = (outcomes[outcome.result] ?? 0) + 1;
        done++;
      });
      try {
        const deadline = performance.now() + runTimeoutMs(jobs.length);
        while (done < jobs.length && performance.now() < deadline) {
          await sleep(20);
          if (done < jobs.length && (await queuePending(enqueuer.queue)) === 0) break;
        }
      } finally {
        await worker.close();
      }
    });
    if (done < jobs.length) outcomes['not finished'] = jobs.length - done;
    return { ...t, scanned, scannedByKind, fetched: jobs.length, fetchedBytes: jobs.reduce((a, j) => a + j.bytes, 0), byKind, kinds, outcomes };
  } finally {
    await enqueuer.queue.close();
    redis.disconnect();
  }
}

function timedSource(inner: MailboxSource, scan: Timer, fetch: Timer, limit: number, onScanned: (batch: MessageSummary[]) => void): MailboxSource {
  return {
    id: inner.id,
    connect: () => inner.connect(),
    listFolders: () => inner.listFolders(),
    openFolder: (folder) => inner.openFolder(folder),
    summaries: (folder, options) => firstMessages(timed(inner.summaries(folder, options), scan), limit, onScanned),
    fetch: (folder, uids) => timed<FetchedMessage>(inner.fetch(folder, uids), fetch),
    waitForChange: (folder, ms, signal) => inner.waitForChange(folder, ms, signal),
    close: () => inner.close(),
  };
}

/** The batches of the first `limit` messages, then the end, as if the folder stopped there. */
async function* firstMessages(source: AsyncIterable<MessageSummary[]>, limit: number, onScanned: (batch: MessageSummary[]) => void): AsyncIterable<MessageSummary[]> {
  let seen = 0;
  for await (const batch of source) {
    const part = batch.slice(0, limit - seen);
    seen += part.length;
    onScanned(part);
    if (part.length > 0) yield part;
    if (seen >= limit) return;
  }
}
