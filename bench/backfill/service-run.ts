// Run (a): the real service, `orderwatch run` in a child process, watched through Redis and /proc,
// from spawn to the last order on record (known to be the last once the ingest queue has stayed
// empty for SETTLE_MS). Afterwards its orders are checked against the mailbox's truth.
import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { accountId } from '../../src/config.js';
import { QUEUES } from '../../src/queue/jobs.js';
import { queueOptions } from '../../src/queue/options.js';
import { Keys } from '../../src/store/keys.js';
import { OrderStore } from '../../src/store/order-store.js';
import { connectRedis } from '../../src/store/redis.js';
import { uniquePrefix } from '../../test/support/redis.js';
import { OWNER } from '../mail/mailbox/people.js';
import type { MailboxPlan } from '../mail/mailbox/plan.js';
import { procCpuMs, procStatus } from './proc.js';
import { pendingOf } from './queue-counts.js';
import { serviceCommand, stopChild } from './service-process.js';
import { FOLDER, runTimeoutMs, SETTLE_MS } from './settings.js';

const POLL_MS = 50;

export interface ServiceRun {
  command: string;
  /** The time of (a): spawn -> the last order on record, once the queue has drained; null when it did not get there. */
  ms: number | null;
  /** spawn -> scan done and the queue empty (held for SETTLE_MS). */
  drainedMs: number | null;
  failure: string | null;
  firstRedisMs: number | null;
  scanDoneMs: number | null;
  lastOrderMs: number | null;
  peakRssMb: number;
  /** VmRSS when the scan was done and when the queue was empty. */
  rssAtScanDoneMb: number | null;
  rssAtEndMb: number | null;
  cpuMs: number | null;
  orders: number;
  jobsCompleted: number;
  jobsFailed: number;
  setAside: number;
  redisPeakMb: number;
  missing: string[];
  unexpected: string[];
  shippedMerged: number;
  outputTail: string;
}

export async function runService(opts: { spec: string; redisUrl: string; stateDir: string; maxUid: number; plan: MailboxPlan; log: (line: string) => void }): Promise<ServiceRun> {
  const prefix = uniquePrefix('bench-backfill');
  const keys = new Keys(prefix);
  const folderKey = keys.folder(accountId(opts.spec), FOLDER);
  const env: Record<string, string> = {};
  // the bench sets the service's configuration itself, but for the ingest knobs (to compare settings)
  const passes = (k: string) => (!k.startsWith('ORDERWATCH_') || k.startsWith('ORDERWATCH_INGEST_')) && k !== 'REDIS_URL';
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && passes(k)) env[k] = v;
  Object.assign(env, {
    ORDERWATCH_IMAP: opts.spec,
    REDIS_URL: opts.redisUrl,
    ORDERWATCH_PREFIX: prefix,
    ORDERWATCH_STATE_DIR: opts.stateDir,
    ORDERWATCH_BACKFILL_DAYS: '3650',
    ORDERWATCH_OWNER: OWNER.address,
    ORDERWATCH_LOG_LEVEL: 'warn',
  });
  const cmd = serviceCommand();
  const watcher = connectRedis(opts.redisUrl, 'bench-watch');
  const queue = new Queue(QUEUES.ingest, queueOptions(opts.redisUrl, prefix));
  await queue.getJobCounts(); // connected, scripts loaded: the watch loop costs the same from the first poll on
  const keysBefore = await watcher.dbsize();

  let output = '';
  const t0 = performance.now();
  const child: ChildProcess = spawn(cmd.command, cmd.args, { cwd: cmd.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-8_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exit: string | null = null;
  child.once('exit', (code, signal) => (exit = signal ?? `exit code ${code}`));
  child.once('error', (err) => (exit = `spawn failed: ${err.message}`));
  const pid = child.pid ?? -1;

  const run: ServiceRun = {
    command: cmd.label, ms: null, drainedMs: null, failure: null, firstRedisMs: null, scanDoneMs: null, lastOrderMs: null, peakRssMb: 0, rssAtScanDoneMb: null, rssAtEndMb: null, cpuMs: null,
    orders: 0, jobsCompleted: 0, jobsFailed: 0, setAside: 0, redisPeakMb: 0, missing: [], unexpected: [], shippedMerged: 0, outputTail: '',
  };
  try {
    let settledSince: number | null = null;
    let lastOrders = -1;
    for (;;) {
      const now = performance.now() - t0;
      const mem = procStatus(pid);
      if (mem) run.peakRssMb = Math.max(run.peakRssMb, mem.hwmMb, mem.rssMb);
      const [dbsize, lastUid, orders] = await Promise.all([watcher.dbsize(), watcher.hget(folderKey, 'lastUid'), watcher.zcard(keys.orders())]);
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed');
      if (run.firstRedisMs === null && dbsize > keysBefore) run.firstRedisMs = now;
      if (run.scanDoneMs === null && Number(lastUid ?? 0) >= opts.maxUid) {
        run.scanDoneMs = now;
        run.rssAtScanDoneMb = mem?.rssMb ?? null;
      }
      if (orders !== lastOrders) {
        if (orders > Math.max(lastOrders, 0)) run.lastOrderMs = now;
        lastOrders = orders;
        settledSince = null;
      }
      const pending = pendingOf(counts);
      const finished = (counts.completed ?? 0) + (counts.failed ?? 0);
      if (run.scanDoneMs !== null && pending === 0 && finished > 0) {
        settledSince ??= now;
        if (now - settledSince >= SETTLE_MS) {
          run.drainedMs = settledSince;
          run.ms = run.lastOrderMs;
          break;
        }
      } else settledSince = null;
      if (exit !== null) {
        run.failure = `the service exited (${exit})`;
        break;
      }
      if (now > runTimeoutMs(opts.plan.items.length)) {
        run.failure = `not done after ${runTimeoutMs(opts.plan.items.length) / 1000} s (scan ${run.scanDoneMs !== null ? 'done' : `at UID ${lastUid ?? 0} of ${opts.maxUid}`}, ${pending} jobs pending, ${orders} orders)`;
        break;
      }
      await sleep(POLL_MS);
    }
    const end = procStatus(pid);
    if (end) run.peakRssMb = Math.max(run.peakRssMb, end.hwmMb);
    run.rssAtEndMb = end?.rssMb ?? null;
    run.cpuMs = procCpuMs(pid);

    const counts = await queue.getJobCounts('completed', 'failed');
    run.jobsCompleted = counts.completed ?? 0;
    run.jobsFailed = counts.failed ?? 0;
    run.setAside = await watcher.hlen(keys.setAside());
    run.redisPeakMb = Number(/used_memory_peak:(\d+)/.exec(await watcher.info('memory'))?.[1] ?? 0) / 1048576;
    const recorded = await new OrderStore(watcher, keys).list();
    run.orders = recorded.length;
    const ids = new Set(recorded.map((r) => r.id));
    run.missing = [...opts.plan.expectedOrderIds].filter((id) => !ids.has(id));
    run.unexpected = recorded.filter((r) => !opts.plan.expectedOrderIds.has(r.id)).map((r) => `${r.merchant.domain ?? '?'} #${r.orderNumber} (${r.messages[0]?.subject ?? ''})`);
    run.shippedMerged = recorded.filter((r) => opts.plan.shippedOrderIds.has(r.id) && r.confirmed && r.messages.some((m) => m.kind === 'shipping_notification')).length;
  } finally {
    run.outputTail = output.trim().split('\n').slice(-5).join('\n');
    await stopChild(child);
    await queue.close();
    watcher.disconnect();
  }
  return run;
}
