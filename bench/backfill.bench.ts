// How fast orderwatch's first scan (the backfill) reads a real mailbox, against the two ways anyone
// would otherwise do it, all in one run against one Dovecot: (a) the real service, `orderwatch run`
// in a child process, from spawn to the last order on record (known to be the last once the ingest
// queue has stayed empty for two seconds);
// (b) the naive way: fetch every full message with imapflow and parse it with mailparser's
// simpleParser; (c) the raw limit: fetch every full message and do nothing with it.
//
// The mailbox is generated from a seed: 90% mail that is not about orders (personal mail with and
// without attachments, HTML newsletters and promotions, some of whose subjects do say "order now",
// "free shipping" or "sale", mailing-list traffic, notifications) and 10% order mail (order
// confirmations from bench/generate-orders.ts and shipping notices for a quarter of those orders),
// in date order. Messages are written into the Maildir through the test harness; Dovecot indexes
// them on a first SELECT, then one untimed pass fetches flags, size, envelope and the full source
// of every message, as a mail client's first sync would, so that all three runs meet the same warm
// index and page cache. Targets: (a)/(b) at least 4, (a)/(c) at least 0.8, the worker's peak RSS
// under 300 MB. A missed target is printed as MISS; it never fails the run.
//
// When (a) misses a target, two more sections say where its time goes: the service's own sync code
// run again in this process on the first 2,000 messages, with timers around the mailbox calls and
// the hand-off to Redis; the parser and extractor on what it downloaded; then the service's own
// ingest worker over those jobs, one at a time, with its Redis commands timed.
//
// BENCH_BACKFILL_MESSAGES sets the mailbox size (default 20,000; at least 200);
// BENCH_SERVICE_NODE_ARGS adds node options to (a)'s process (a profiler, say).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { ImapFlow } from 'imapflow';
import type { Redis } from 'ioredis';
import { simpleParser } from 'mailparser';
import { encodeWords } from 'nodemailer/lib/mime-funcs';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import { accountId, loadConfig } from '../src/config.js';
import { extract } from '../src/extract/index.js';
import { Extraction } from '../src/extract/extraction.js';
import { triage, type Triage } from '../src/extract/triage.js';
import { silentLogger } from '../src/log.js';
import { parseMessage } from '../src/mail/parse.js';
import type { FetchedMessage, MailboxSource, MessageSummary } from '../src/mail/source.js';
import { orderId } from '../src/orders/order.js';
import { QUEUES, ingestJobId, type IngestJob } from '../src/queue/jobs.js';
import { queueOptions } from '../src/queue/options.js';
import { runSync } from '../src/service/sync.js';
import { ingestEnqueuer, startIngestWorker, stores, syncDependencies, type ServiceContext } from '../src/service/workers.js';
import { Keys } from '../src/store/keys.js';
import { OrderStore } from '../src/store/order-store.js';
import { connectRedis } from '../src/store/redis.js';
import { startDovecot, type TestDovecot } from '../test/support/dovecot.js';
import { startRedis, uniquePrefix, type TestRedis } from '../test/support/redis.js';
import { createRng, DEFAULT_SEED, generateOrder, type OrderTruth, type Rng } from './generate-orders.js';
import type { Section } from './run.js';

export interface BackfillBenchOptions {
  /** Messages in the mailbox. */
  messages: number;
  seed: number;
}

const DEFAULT_MESSAGES = 20_000;
const MIN_MESSAGES = 200;
/** Share of the mailbox that is order mail, and the share of that which is shipping notices. */
const ORDER_MAIL_SHARE = 0.1;
const SHIPPING_SHARE = 0.25;
const TARGET = { aOverB: 4, aOverC: 0.8, rssMb: 300 };
const USER = 'bench';
const PASSWORD = 'bench-password';
const FOLDER = 'INBOX';
const DELIVER_CONCURRENCY = 16;
/** (a) is over when its scan is done and its queue empty, and that has held this long. */
const SETTLE_MS = 2_000;
const POLL_MS = 50;
/** (a) gives up after this long: 30 ms a message, at least two minutes. */
const runTimeoutMs = (messages: number) => Math.max(120_000, messages * 30);
/** The step-by-step rerun of (a), done when (a) misses a target, reads the first this many messages (and scales to the mailbox). */
const BREAKDOWN_SAMPLE = 2_000;
/** Linux clock ticks per second, for /proc/<pid>/stat (USER_HZ is 100 on every common platform). */
const CLOCK_TICKS = 100;

export async function runBackfillBench(log: (line: string) => void, options: Partial<BackfillBenchOptions> = {}): Promise<Section[]> {
  const o: BackfillBenchOptions = { messages: messagesFromEnv(), seed: DEFAULT_SEED, ...options };
  const tmp = await mkdtemp(join(tmpdir(), 'orderwatch-bench-backfill-'));
  let dovecot: TestDovecot | undefined;
  let redis: TestRedis | undefined;
  try {
    dovecot = await startDovecot({ users: { [USER]: PASSWORD } });
    redis = await startRedis();
    log(`planning a mailbox of ${o.messages.toLocaleString('en')} messages (seed ${o.seed}); the order confirmations take a few seconds...`);
    const plan = await planMailbox(o.messages, o.seed);
    const mailbox = await fillMailbox(dovecot, plan, o.seed, log);
    const index = await indexAndWarm(dovecot, o.messages, log);

    const loadBefore = loadavg()[0]!;
    const c = await fetchAll(dovecot, false);
    log(`(c) fetch only: ${seconds(c.ms)}, ${rate(c.messages / (c.ms / 1000))} messages/s`);
    const b = await fetchAll(dovecot, true);
    log(`(b) fetch + simpleParser: ${seconds(b.ms)}, ${rate(b.messages / (b.ms / 1000))} messages/s`);
    const spec = `imap://${USER}:${encodeURIComponent(PASSWORD)}@${dovecot.host}:${dovecot.port}`;
    const a = await runService({ spec, redisUrl: redis.url, stateDir: join(tmp, 'state-a'), maxUid: index.uidNext - 1, plan, log });
    log(a.ms !== null ? `(a) orderwatch run: ${seconds(a.ms)}, ${rate(o.messages / (a.ms / 1000))} messages/s` : `(a) orderwatch run: did not finish (${a.failure ?? 'no order recorded'})`);
    let where: Breakdown | null = null;
    if (!scores(o.messages, a, b, c).allPass) {
      const sample = Math.min(o.messages, BREAKDOWN_SAMPLE);
      log(`(a) misses a target; where its time goes: the same code in this process, one step at a time, on the first ${count(sample)} messages...`);
      where = await breakdown({ spec, redisUrl: redis.url, stateDir: join(tmp, 'state-breakdown'), sample, kindById: mailbox.kindById });
    }
    const load = `${availableParallelism()} cores; load average (1 min) ${loadBefore.toFixed(2)} before the timed runs, ${loadavg()[0]!.toFixed(2)} after: other work on the machine slows every path`;
    return report(o, plan, mailbox, index, { a, b, c }, where, load);
  } finally {
    await Promise.all([dovecot?.stop(), redis?.stop()]);
    await rm(tmp, { recursive: true, force: true });
  }
}

function messagesFromEnv(): number {
  const raw = process.env.BENCH_BACKFILL_MESSAGES;
  if (raw === undefined || raw === '') return DEFAULT_MESSAGES;
  const n = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < MIN_MESSAGES) throw new Error(`BENCH_BACKFILL_MESSAGES: a whole number of at least ${MIN_MESSAGES}, not ${JSON.stringify(raw)}`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Filling and indexing the mailbox.

interface KindStats {
  messages: number;
  bytes: number;
  maxBytes: number;
  triage: Record<Triage, number>;
}

interface Mailbox {
  byKind: Map<MailKind, KindStats>;
  /** Message-ID -> kind, to say what orderwatch chose to download. */
  kindById: Map<string, MailKind>;
  bytes: number;
  ms: number;
}

async function fillMailbox(dovecot: TestDovecot, plan: MailboxPlan, seed: number, log: (line: string) => void): Promise<Mailbox> {
  const t0 = performance.now();
  const shops = [...new Set(plan.items.flatMap((i) => (i.kind === 'order' ? [i.confirmation!.truth.merchantDomain] : [])))];
  const byKind = new Map<MailKind, KindStats>();
  const kindById = new Map<string, MailKind>();
  const inFlight = new Set<Promise<unknown>>();
  let bytes = 0;
  let done = 0;
  for (const item of plan.items) {
    const m = renderMessage(item, seed, shops);
    const s = byKind.get(m.kind) ?? { messages: 0, bytes: 0, maxBytes: 0, triage: { 'order-like': 0, reply: 0, skip: 0 } };
    s.messages++;
    s.bytes += m.raw.length;
    s.maxBytes = Math.max(s.maxBytes, m.raw.length);
    s.triage[m.triage]++;
    byKind.set(m.kind, s);
    if (m.messageId) kindById.set(m.messageId, m.kind);
    bytes += m.raw.length;
    const p = dovecot.deliver(USER, FOLDER, m.raw).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= DELIVER_CONCURRENCY) await Promise.race(inFlight);
    if (++done % 5000 === 0) log(`  ${done.toLocaleString('en')} messages written`);
  }
  await Promise.all(inFlight);
  const ms = performance.now() - t0;
  log(`mailbox written: ${plan.items.length.toLocaleString('en')} messages, ${(bytes / 1e6).toFixed(0)} MB in ${seconds(ms)}`);
  return { byKind, kindById, bytes, ms };
}

interface IndexInfo {
  messages: number;
  uidNext: number;
  selectMs: number;
  warmMs: number;
}

/**
 * STATUS and a read-write SELECT make Dovecot take the new files in (UIDs, index); then one
 * untimed pass fetches what a mail client's first sync would (flags, size, envelope, date) and
 * every message's source, so each timed run meets the same warm index, cache and page cache.
 */
async function indexAndWarm(dovecot: TestDovecot, expected: number, log: (line: string) => void): Promise<IndexInfo> {
  const client = new ImapFlow(dovecot.login(USER));
  await client.connect();
  try {
    const t0 = performance.now();
    const status = await client.status(FOLDER, { messages: true, uidNext: true });
    const box = await client.mailboxOpen(FOLDER);
    const selectMs = performance.now() - t0;
    if (!status || status.messages !== expected || box.exists !== expected) {
      throw new Error(`backfill bench: Dovecot shows ${status ? status.messages : '?'} messages (SELECT: ${box.exists}), ${expected} were written`);
    }
    const t1 = performance.now();
    let seen = 0;
    for await (const msg of client.fetch('1:*', { uid: true, flags: true, size: true, envelope: true, internalDate: true, source: true })) if (msg.source) seen++;
    const warmMs = performance.now() - t1;
    if (seen !== expected) throw new Error(`backfill bench: the warm-up fetch saw ${seen} of ${expected} messages`);
    log(`Dovecot indexed ${expected.toLocaleString('en')} messages (STATUS + SELECT ${seconds(selectMs)}), warm-up fetch ${seconds(warmMs)}`);
    return { messages: expected, uidNext: box.uidNext, selectMs, warmMs };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

// ---------------------------------------------------------------------------------------------
// (b) and (c): one FETCH 1:* of every full message, parsed with simpleParser or not at all.

interface FetchRun {
  ms: number;
  cpuMs: number;
  messages: number;
  bytes: number;
  parseErrors: number;
}

async function fetchAll(dovecot: TestDovecot, parse: boolean): Promise<FetchRun> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const client = new ImapFlow(dovecot.login(USER));
  await client.connect();
  let messages = 0;
  let bytes = 0;
  let parseErrors = 0;
  try {
    const lock = await client.getMailboxLock(FOLDER, { readOnly: true });
    try {
      for await (const msg of client.fetch('1:*', { uid: true, source: true }, { uid: true })) {
        if (!msg.source) continue;
        messages++;
        bytes += msg.source.length;
        if (parse) await simpleParser(msg.source).catch(() => parseErrors++);
      }
    } finally {
      lock.release();
    }
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, messages, bytes, parseErrors };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

// ---------------------------------------------------------------------------------------------
// (a): `orderwatch run` in a child process, watched through Redis and /proc.

interface ServiceRun {
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

async function runService(opts: { spec: string; redisUrl: string; stateDir: string; maxUid: number; plan: MailboxPlan; log: (line: string) => void }): Promise<ServiceRun> {
  const prefix = uniquePrefix('bench-backfill');
  const keys = new Keys(prefix);
  const folderKey = keys.folder(accountId(opts.spec), FOLDER);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('ORDERWATCH_') && k !== 'REDIS_URL') env[k] = v;
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

/** Jobs not yet finished: waiting, running, delayed for a retry. */
function pendingOf(counts: Record<string, number>): number {
  return (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0) + (counts['waiting-children'] ?? 0);
}

async function queuePending(queue: Queue): Promise<number> {
  return pendingOf(await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children'));
}

/** The service as a user runs it: the built CLI under `npm run bench`, the TypeScript entry under tsx. */
function serviceCommand(): { command: string; args: string[]; cwd: string; label: string } {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = basename(dirname(here)) === 'dist';
  const root = built ? resolve(here, '../..') : resolve(here, '..');
  // e.g. BENCH_SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to see where (a) spends its time
  const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  return built
    ? nodeArgs.length === 0
      ? // as a user runs it: the executable, with the node options of its #! line
        { command: join(root, 'bin/orderwatch.js'), args: ['run'], cwd: root, label: 'bin/orderwatch.js run (built)' }
      : { command: process.execPath, args: [...nodeArgs, join(root, 'bin/orderwatch.js'), 'run'], cwd: root, label: 'node bin/orderwatch.js run (built)' }
    : { command: process.execPath, args: [...nodeArgs, '--import', 'tsx', join(root, 'bin/dev.ts'), 'run'], cwd: root, label: 'node --import tsx bin/dev.ts run' };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  if ((await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])) === false) {
    child.kill('SIGKILL');
    await exited;
  }
}

function procStatus(pid: number): { rssMb: number; hwmMb: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

function procCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // after the command name: state(3) ... utime(14) stime(15), so indexes 11 and 12 here
    return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1000;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Where (a)'s time goes: the service's own sync code in this process, with the mailbox calls and
// the hand-off timed, then its ingest code over what the sync handed off, one message at a time.

interface Span {
  ms: number;
  cpuMs: number;
  calls: number;
}

class Timer implements Span {
  ms = 0;
  cpuMs = 0;
  calls = 0;
  async time<T>(work: () => Promise<T>): Promise<T> {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      this.ms += performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      this.cpuMs += (cpu.user + cpu.system) / 1000;
      this.calls++;
    }
  }
}

interface KindCost {
  fetched: number;
  parseMs: number;
  extractMs: number;
}

interface Breakdown {
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

async function breakdown(opts: { spec: string; redisUrl: string; stateDir: string; sample: number; kindById: Map<string, MailKind> }): Promise<Breakdown> {
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

/** Adds to `timer` the wall time during which at least one command of this client is outstanding. */
function timeCommands(redis: Redis, timer: Timer): void {
  const send = redis.sendCommand.bind(redis);
  let outstanding = 0;
  let since = 0;
  redis.sendCommand = ((command: { promise: Promise<unknown> }, stream?: unknown) => {
    if (outstanding++ === 0) since = performance.now();
    const done = () => {
      if (--outstanding === 0) timer.ms += performance.now() - since;
    };
    command.promise.then(done, done);
    timer.calls++;
    return send(command as never, stream as never);
  }) as typeof redis.sendCommand;
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

async function* timed<T>(source: AsyncIterable<T>, timer: Timer): AsyncIterable<T> {
  const it = source[Symbol.asyncIterator]();
  for (;;) {
    const r = await timer.time(() => it.next());
    if (r.done) return;
    yield r.value;
  }
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

// ---------------------------------------------------------------------------------------------
// The report.

/** messages/s of each path, the ratios, and whether (a) meets every target. */
function scores(n: number, a: ServiceRun, b: FetchRun, c: FetchRun) {
  const aRate = a.ms !== null ? n / (a.ms / 1000) : null;
  const bRate = b.messages / (b.ms / 1000);
  const cRate = c.messages / (c.ms / 1000);
  const ab = aRate === null ? null : aRate / bRate;
  const ac = aRate === null ? null : aRate / cRate;
  const allPass = ab !== null && ab >= TARGET.aOverB && ac !== null && ac >= TARGET.aOverC && a.peakRssMb > 0 && a.peakRssMb < TARGET.rssMb;
  return { aRate, bRate, cRate, ab, ac, allPass };
}

function report(
  o: BackfillBenchOptions,
  plan: MailboxPlan,
  mailbox: Mailbox,
  index: IndexInfo,
  runs: { a: ServiceRun; b: FetchRun; c: FetchRun },
  where: Breakdown | null,
  load: string,
): Section[] {
  const { a, b, c } = runs;
  const n = o.messages;
  const mb = mailbox.bytes / 1e6;
  const kindRows: string[][] = [['kind', 'messages', 'MB', 'mean KB', 'max KB', 'triage: order-like', 'reply', 'skip']];
  const order: MailKind[] = ['personal', 'promo', 'list', 'notification', 'order', 'shipping'];
  const tri = { 'order-like': 0, reply: 0, skip: 0 };
  for (const kind of order) {
    const s = mailbox.byKind.get(kind);
    if (!s) continue;
    for (const k of Object.keys(tri) as Triage[]) tri[k] += s.triage[k];
    kindRows.push([kind, count(s.messages), (s.bytes / 1e6).toFixed(1), kb(s.bytes / s.messages), kb(s.maxBytes), count(s.triage['order-like']), count(s.triage.reply), count(s.triage.skip)]);
  }
  kindRows.push(['all', count(n), mb.toFixed(1), kb(mailbox.bytes / n), '', count(tri['order-like']), count(tri.reply), count(tri.skip)]);

  const { aRate, bRate, cRate, ab, ac } = scores(n, a, b, c);
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const throughput: Section = {
    title: `backfill: ${count(n)} messages, ${mb.toFixed(0)} MB, one Dovecot, each path once (MB = 10^6 bytes)`,
    rows: [
      ['path', 'time', 'messages/s', 'MB/s', 'CPU'],
      ['(a) orderwatch run: spawn to the last order on record', a.ms !== null ? seconds(a.ms) : 'n/a', aRate !== null ? rate(aRate) : 'n/a', a.ms !== null ? (mb / (a.ms / 1000)).toFixed(1) : 'n/a', a.cpuMs !== null ? `${seconds(a.cpuMs)} (worker)` : '?'],
      ['(b) imapflow fetch 1:* + simpleParser', seconds(b.ms), rate(bRate), (b.bytes / 1e6 / (b.ms / 1000)).toFixed(1), `${seconds(b.cpuMs)} (this process)`],
      ['(c) imapflow fetch 1:*, no parsing', seconds(c.ms), rate(cRate), (c.bytes / 1e6 / (c.ms / 1000)).toFixed(1), `${seconds(c.cpuMs)} (this process)`],
    ],
    notes: [
      `ratio (a)/(b): ${ab !== null ? ab.toFixed(2) : 'n/a'}   target at least ${TARGET.aOverB}   ${verdict(ab !== null && ab >= TARGET.aOverB)}`,
      `ratio (a)/(c): ${ac !== null ? ac.toFixed(2) : 'n/a'}   target at least ${TARGET.aOverC}   ${verdict(ac !== null && ac >= TARGET.aOverC)}`,
      `peak RSS of the worker: ${a.peakRssMb.toFixed(0)} MB   target under ${TARGET.rssMb} MB   ${verdict(a.peakRssMb > 0 && a.peakRssMb < TARGET.rssMb)}`,
      // A fast backfill that misses orders is no backfill: the count is part of the verdict.
      `orders on record: ${count(a.orders)} of ${count(plan.expectedOrderIds.size)} expected   ${verdict(a.missing.length === 0 && a.unexpected.length === 0)}`,
      ...(a.failure ? [`(a) FAILED: ${a.failure}`, ...a.outputTail.split('\n').map((l) => `  | ${l}`)] : []),
      ...(b.messages !== n || c.messages !== n ? [`fetched ${b.messages} (b) and ${c.messages} (c) of ${n} messages`] : []),
      ...(b.parseErrors ? [`(b) simpleParser rejected ${b.parseErrors} messages`] : []),
      load,
    ],
  };

  const expected = plan.expectedOrderIds.size;
  const detail: Section = {
    title: `backfill: (a) in detail: ${a.command}, default ingest concurrency, log level warn`,
    rows: [
      ['event or count', 'value'],
      ['first Redis write after spawn', a.firstRedisMs !== null ? seconds(a.firstRedisMs) : '?'],
      ['scan done (progress at the last UID)', a.scanDoneMs !== null ? seconds(a.scanDoneMs) : '?'],
      ['last order recorded: the time of (a)', a.lastOrderMs !== null ? seconds(a.lastOrderMs) : '?'],
      [`ingest queue empty (and still so ${SETTLE_MS / 1000} s later)`, a.drainedMs !== null ? seconds(a.drainedMs) : 'n/a'],
      ['messages downloaded and ingested (jobs)', `${count(a.jobsCompleted)} of ${count(n)} (${pct(a.jobsCompleted, n)})`],
      ['jobs failed', count(a.jobsFailed)],
      ['orders on record / expected', `${count(a.orders)} / ${count(expected)}`],
      ['orders with their shipping notice merged', `${count(a.shippedMerged)} / ${count(plan.shippedOrderIds.size)}`],
      ['messages set aside', count(a.setAside)],
      ['worker RSS: peak (VmHWM) / at scan done / at the end', `${a.peakRssMb.toFixed(0)} / ${mb0(a.rssAtScanDoneMb)} / ${mb0(a.rssAtEndMb)} MB`],
      ['Redis peak memory', `${a.redisPeakMb.toFixed(0)} MB`],
    ],
    notes: [
      `Dovecot: STATUS + first SELECT of the written Maildir ${seconds(index.selectMs)}; warm-up pass (flags, size, envelope, date, source) ${seconds(index.warmMs)}; mail written in ${seconds(mailbox.ms)}`,
      ...(a.missing.length ? [`${a.missing.length} expected orders missing`] : []),
      ...(a.unexpected.length ? [`${a.unexpected.length} orders not in the mailbox's truth, e.g. ${a.unexpected.slice(0, 3).join('; ')}`] : []),
    ],
  };

  const mailboxSection: Section = { title: 'backfill: the mailbox (KB = 10^3 bytes)', rows: kindRows, notes: [`triage: what src/extract/triage.ts says on each message's headers (orderwatch also reads all mail from a shop once that shop has sent order mail)`] };
  if (!where) return [mailboxSection, throughput, detail];
  const scale = where.scanned > 0 ? n / where.scanned : 1;
  const ingestRest = where.ingest.ms - where.parse.ms - where.extract.ms - where.ingestRedis.ms;
  const syncRest = where.sync.ms - where.scan.ms - where.fetch.ms - where.handoff.ms;
  const steps: [string, number, string][] = [
    ['header scan (SEARCH, FETCH envelope + headers)', where.scan.ms, `${count(where.scanned)} messages`],
    ['triage, progress and shop list in Redis', syncRest, ''],
    ['body fetch of what triage kept', where.fetch.ms, `${count(where.fetched)} messages (${pct(where.fetched, where.scanned)}), ${(where.fetchedBytes / 1e6).toFixed(0)} MB`],
    ['hand-off: raw bytes to Redis, jobs added', where.handoff.ms, ''],
    ['parse (parseMessage)', where.parse.ms, `${perMessage(where.parse.ms, where.fetched)} a download`],
    ['extract + validate', where.extract.ms, `${perMessage(where.extract.ms, where.fetched)} a download`],
    ['ingest: the stores\' Redis commands', where.ingestRedis.ms, `${(where.ingestRedis.calls / Math.max(1, where.fetched)).toFixed(1)} a download`],
    ['ingest: the rest (BullMQ, locks, JSON, zod)', Math.max(0, ingestRest), 'the ingest worker, concurrency 1, less the rows above'],
  ];
  const sum = steps.reduce((acc, st) => acc + st[1], 0);
  const costs: Section = {
    title: `backfill: where the time of (a) goes: its code in this process, step by step, on the first ${count(where.scanned)} messages`,
    rows: [
      ['step', 'wall', `x ${scale.toFixed(1)} = whole mailbox`, 'share', ''],
      ...steps.map(([label, ms, what]) => [label, seconds(ms), seconds(ms * scale), pct(ms, sum), what]),
      ['sum', seconds(sum), seconds(sum * scale), '100%', `${rate(n / ((sum * scale) / 1000))} messages/s with nothing overlapped`],
    ],
    align: 'lrrrl',
    notes: [
      `ingest outcomes: ${Object.entries(where.outcomes).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${count(v)}`).join(', ')}; extracted kinds: ${Object.entries(where.kinds).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${count(v)}`).join(', ')}`,
      'the service overlaps these steps (the sync loop and 4 ingest jobs share one event loop; Dovecot and Redis run beside it)',
      ...(a.drainedMs !== null && a.cpuMs !== null ? [`(a) itself: ${seconds(a.drainedMs)} wall to an empty queue, ${seconds(a.cpuMs)} of worker CPU`] : []),
    ],
  };
  const kindOrder: (MailKind | 'unknown')[] = ['personal', 'promo', 'list', 'notification', 'order', 'shipping', 'unknown'];
  const byKind: Section = {
    title: 'backfill: what (a) downloads and what reading it costs, by kind of mail (same sample)',
    rows: [
      ['kind', 'downloaded', 'of its kind', 'parse ms', 'extract ms', 'parse + extract, whole mailbox'],
      ...kindOrder.flatMap((kind) => {
        const k = where.byKind.get(kind);
        if (!k) return [];
        return [[kind, count(k.fetched), `${pct(k.fetched, where.scannedByKind.get(kind) ?? 0)}`, perMessage(k.parseMs, k.fetched), perMessage(k.extractMs, k.fetched), seconds((k.parseMs + k.extractMs) * scale)]];
      }),
    ],
    notes: ['ms: per downloaded message; "of its kind": downloaded / messages of that kind in the sample'],
  };
  return [mailboxSection, throughput, detail, costs, byKind];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (x: number) => Math.round(x).toLocaleString('en');
const count = (x: number) => x.toLocaleString('en');
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const mb0 = (x: number | null) => (x === null ? '?' : x.toFixed(0));
const perMessage = (ms: number, messages: number) => (messages > 0 ? `${(ms / messages).toFixed(2)} ms` : '-');
const pct = (part: number, whole: number) => `${whole > 0 ? ((100 * part) / whole).toFixed(0) : '0'}%`;

// ---------------------------------------------------------------------------------------------
// The mailbox: a plan (kind, date, seed index of every message) made first, messages rendered
// one by one in date order while they are delivered, so the bytes are never all in memory.

export type MailKind = 'order' | 'shipping' | 'personal' | 'promo' | 'list' | 'notification';
const OTHER_KINDS: { kind: MailKind; weight: number }[] = [
  { kind: 'personal', weight: 22 },
  { kind: 'promo', weight: 38 },
  { kind: 'list', weight: 18 },
  { kind: 'notification', weight: 22 },
];

interface Confirmation {
  raw: Buffer;
  truth: OrderTruth;
  dateMs: number;
  /** The From and To header values as the shop wrote them (unfolded). */
  from: string;
  to: string;
}

interface PlanItem {
  kind: MailKind;
  /** Index within its kind: with the seed, it decides the message. */
  index: number;
  dateMs: number;
  /** For an order confirmation, and for a shipping notice the order it speaks of. */
  confirmation?: Confirmation;
}

export interface MailboxPlan {
  items: PlanItem[];
  /** Ids of the orders orderwatch should end up with (shop domain and order number). */
  expectedOrderIds: Set<string>;
  /** Of those, the ones that also got a shipping notice. */
  shippedOrderIds: Set<string>;
}

export interface RenderedMessage {
  kind: MailKind;
  raw: Buffer;
  subject: string;
  from: string;
  messageId: string | null;
  /** What triage decides on this message's headers (for the mailbox table). */
  triage: Triage;
}

// The span of the generated orders (2026-01-05 and 300 days on), so that order mail is spread evenly.
const MAILBOX_START = Date.UTC(2026, 0, 1);
const MAILBOX_END = Date.UTC(2026, 10, 20);

export async function planMailbox(total: number, seed: number): Promise<MailboxPlan> {
  const orderMail = Math.round(total * ORDER_MAIL_SHARE);
  const shipping = Math.round(orderMail * SHIPPING_SHARE);
  const confirmations = orderMail - shipping;
  const items: PlanItem[] = [];
  const expectedOrderIds = new Set<string>();
  const shippedOrderIds = new Set<string>();

  const confs: Confirmation[] = [];
  for (let i = 0; i < confirmations; i++) {
    const { raw, truth } = await generateOrder(i, { seed });
    const head = headerBlock(raw);
    const dateMs = Date.parse(head.get('date') ?? '');
    const conf = { raw, truth, dateMs: Number.isFinite(dateMs) ? dateMs : MAILBOX_START, from: head.get('from') ?? '', to: head.get('to') ?? '' };
    confs.push(conf);
    items.push({ kind: 'order', index: i, dateMs: conf.dateMs, confirmation: conf });
    expectedOrderIds.add(orderId(truth.merchantDomain, truth.orderNumber));
  }
  // Shipping notices for a seeded choice of orders, one to five days after the order.
  const rng = createRng(mix(seed, 0x5417, 0));
  const order = confs.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (let s = 0; s < shipping && s < order.length; s++) {
    const conf = confs[order[s]!]!;
    items.push({ kind: 'shipping', index: s, dateMs: conf.dateMs + rng.int(20, 120) * 3_600_000 + rng.int(0, 3599) * 1000, confirmation: conf });
    shippedOrderIds.add(orderId(conf.truth.merchantDomain, conf.truth.orderNumber));
  }
  const weightSum = OTHER_KINDS.reduce((a, k) => a + k.weight, 0);
  const counters = new Map<MailKind, number>();
  for (let i = 0; i < total - orderMail; i++) {
    let u = rng.next() * weightSum;
    const kind = OTHER_KINDS.find((k) => (u -= k.weight) < 0)?.kind ?? 'promo';
    const index = counters.get(kind) ?? 0;
    counters.set(kind, index + 1);
    items.push({ kind, index, dateMs: MAILBOX_START + Math.floor(rng.next() * (MAILBOX_END - MAILBOX_START)) });
  }
  items.sort((x, y) => x.dateMs - y.dateMs);
  return { items, expectedOrderIds, shippedOrderIds };
}

/** The bytes of one planned message; the same plan item and seed always give the same bytes. */
export function renderMessage(item: PlanItem, seed: number, shops: string[]): RenderedMessage {
  if (item.kind === 'order') {
    const c = item.confirmation!;
    const head = headerBlock(c.raw);
    return summarize('order', c.raw, head);
  }
  const rng = createRng(mix(seed, KIND_SALT[item.kind], item.index));
  const raw =
    item.kind === 'shipping' ? shippingNotice(rng, item.confirmation!, item.dateMs)
    : item.kind === 'personal' ? personalMail(rng, item.dateMs)
    : item.kind === 'promo' ? promoMail(rng, item.dateMs, shops)
    : item.kind === 'list' ? listMail(rng, item.dateMs)
    : notificationMail(rng, item.dateMs);
  return summarize(item.kind, raw, headerBlock(raw));
}

const KIND_SALT: Record<MailKind, number> = { order: 1, shipping: 2, personal: 3, promo: 4, list: 5, notification: 6 };

function mix(seed: number, salt: number, index: number): number {
  let h = (seed ^ Math.imul(salt, 0x27d4eb2d) ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function summarize(kind: MailKind, raw: Buffer, head: Map<string, string>): RenderedMessage {
  const subject = decodeWords(head.get('subject') ?? '');
  const from = head.get('from') ?? '';
  const headers: Record<string, string> = {};
  for (const name of ['in-reply-to', 'list-id', 'list-unsubscribe']) {
    const v = head.get(name);
    if (v !== undefined) headers[name] = v;
  }
  return { kind, raw, subject, from, messageId: /<[^<>\s]+>/.exec(head.get('message-id') ?? '')?.[0] ?? null, triage: triage({ subject, from, headers }) };
}

/** The first occurrence of each header of a raw message, unfolded, names lower-case. */
function headerBlock(raw: Buffer): Map<string, string> {
  const end = raw.indexOf('\r\n\r\n');
  const text = raw.subarray(0, end < 0 ? raw.length : end).toString('latin1').replace(/\r\n[ \t]+/g, ' ');
  const out = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).toLowerCase();
    if (!out.has(name)) out.set(name, line.slice(colon + 1).trim());
  }
  return out;
}

/** RFC 2047 words back to text (for the triage column only; the service reads the real headers). */
function decodeWords(s: string): string {
  return s.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=(?:\s+(?==\?))?/g, (_, _charset: string, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m: string, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

// ---------------------------------------------------------------------------------------------
// MIME, written the way common mailers write it: quoted-printable and base64 from nodemailer's
// own encoders, CRLF line ends, folded headers, RFC 2047 subjects.

interface Leaf {
  type: string;
  encoding: '7bit' | 'quoted-printable' | 'base64';
  body: string;
  extra?: string[];
}
interface Multi {
  type: 'multipart/alternative' | 'multipart/mixed' | 'multipart/related';
  boundary: string;
  parts: MimeNode[];
}
type MimeNode = Leaf | Multi;

function qp(text: string): string {
  return qpWrap(qpEncode(text.replace(/\r?\n/g, '\r\n')), 76).replace(/\r?\n/g, '\r\n');
}

function b64(data: Buffer | string): string {
  return (typeof data === 'string' ? Buffer.from(data) : data).toString('base64').replace(/.{76}(?=.)/g, '$&\r\n');
}

function textLeaf(text: string, type = 'text/plain; charset=utf-8'): Leaf {
  return /[^\x20-\x7e\r\n\t]|^.{77,}$/m.test(text) ? { type, encoding: 'quoted-printable', body: qp(text) } : { type, encoding: '7bit', body: text.replace(/\r?\n/g, '\r\n') };
}

function htmlLeaf(html: string, base64 = false): Leaf {
  return base64 ? { type: 'text/html; charset=utf-8', encoding: 'base64', body: b64(html) } : { type: 'text/html; charset=utf-8', encoding: 'quoted-printable', body: qp(html) };
}

function attachment(type: string, filename: string, data: Buffer, inlineCid?: string): Leaf {
  const extra = inlineCid ? [`Content-ID: <${inlineCid}>`, `Content-Disposition: inline; filename="${filename}"`] : [`Content-Disposition: attachment; filename="${filename}"`];
  return { type: `${type}; name="${filename}"`, encoding: 'base64', body: b64(data), extra };
}

function renderNode(node: MimeNode): { headers: string[]; body: string } {
  if ('parts' in node) {
    const body = node.parts.map((p) => {
      const r = renderNode(p);
      return `--${node.boundary}\r\n${r.headers.join('\r\n')}\r\n\r\n${r.body}\r\n`;
    }).join('') + `--${node.boundary}--\r\n`;
    return { headers: [`Content-Type: ${node.type};\r\n boundary="${node.boundary}"`], body };
  }
  return { headers: [`Content-Type: ${node.type}`, `Content-Transfer-Encoding: ${node.encoding}`, ...(node.extra ?? [])], body: node.body };
}

function message(trace: string[], headers: [string, string | null | undefined][], root: MimeNode): Buffer {
  const lines = [...trace];
  for (const [name, value] of headers) if (value) lines.push(fold(`${name}: ${value}`));
  lines.push('MIME-Version: 1.0');
  const r = renderNode(root);
  return Buffer.from(`${[...lines, ...r.headers].join('\r\n')}\r\n\r\n${r.body}`, 'utf8');
}

function fold(line: string, width = 78): string {
  if (line.length <= width) return line;
  const out: string[] = [];
  let cur = '';
  for (const token of line.split(' ')) {
    if (cur && cur.length + 1 + token.length > width) {
      out.push(cur);
      cur = ` ${token}`;
    } else cur = cur ? `${cur} ${token}` : token;
  }
  out.push(cur);
  return out.join('\r\n');
}

function subjectHeader(s: string): string {
  return encodeWords(s, 'Q', 52);
}

function displayAddress(name: string, address: string): string {
  return /^[\x20-\x7e]*$/.test(name) ? `${/[,.;:@"()<>[\]]/.test(name) ? `"${name.replace(/"/g, '')}"` : name} <${address}>` : `${encodeWords(name, 'Q', 52)} <${address}>`;
}

function rfc2822(ms: number, offsetMin: number): string {
  const d = new Date(ms + offsetMin * 60_000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  const abs = Math.abs(offsetMin);
  return `${days[d.getUTCDay()]}, ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${offsetMin < 0 ? '-' : '+'}${p(Math.floor(abs / 60))}${p(abs % 60)}`;
}

/** Lognormal size in bytes around `median`, kept within [min, max]. */
function drawSize(rng: Rng, median: number, spread: number, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, median * Math.exp(spread * rng.normal()))));
}

// ---------------------------------------------------------------------------------------------
// Who writes, and what.

const OWNER = { name: 'Robin Keller', address: 'robin.keller@fastmail.com' };
const FIRST = ['Anna', 'Ben', 'Carla', 'David', 'Elif', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Marco', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sam', 'Tomás', 'Ute', 'Vera', 'Wim', 'Yara', 'Zoë'];
const LAST = ['Albers', 'Brennan', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Huber', 'Ivanova', 'Jansen', 'Kowalski', 'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Rossi', 'Schmidt', 'Tanaka', 'Varga'];
const PERSONAL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'gmx.de', 'web.de', 'orange.fr', 'hotmail.com', 'proton.me', 'posteo.de'];

const SENTENCES_EN = [
  'I hope the week has been kind to you so far.',
  'We were thinking of leaving around nine so we miss the worst of the traffic.',
  'Let me know if Saturday still works, otherwise Sunday afternoon is fine as well.',
  'The photos came out better than I expected, even the ones from the boat.',
  'I talked to Sam about it yesterday and he thinks we should wait until spring.',
  'Could you send me the address again? I seem to have lost the message.',
  'The kids are still talking about the weekend at the lake.',
  'I finally finished the book you lent me; the ending was not what I thought.',
  'My train was delayed by forty minutes again, so I missed the first half.',
  'If you need a hand with the move, I am free most evenings next week.',
  'There is a new bakery on the corner that does the best rye bread in town.',
  'I attached the notes from Tuesday, they are a bit rough but should help.',
  'Mum says hello and asks whether you are coming for lunch on the 14th.',
  'The plumber came this morning and it turns out the pipe was fine after all.',
  'We booked the cabin for the second week of August, the one with the sauna.',
  'Honestly I would skip the museum and spend more time in the old town.',
  'Work has been hectic with the migration, but it should calm down soon.',
  'Thanks again for dinner, the risotto was amazing and we want the recipe.',
  'I am not sure the sofa will fit through the door, we should measure first.',
  'Did you ever hear back from the landlord about the heating?',
  'The weather forecast looks good for the hike, just bring a warm layer.',
  'I found an old photo of us at the festival, I will bring it next time.',
  'Can we move our call to Thursday? Something came up on Wednesday.',
  'The garden is finally coming back to life after that long winter.',
  'I think the meeting point should be the north entrance, it is easier to park.',
  'We still have your umbrella from last time, remind me to give it back.',
  'The concert was sold out, but there is a second date in November.',
  'I started running again, only twice a week so far, but it feels good.',
  'Let us split the costs for the present, I can pay and you send me your half.',
  'The new job is going well, the team is small but really friendly.',
];
const SENTENCES_OTHER: Record<'de' | 'fr' | 'es' | 'it' | 'nl', string[]> = {
  de: ['Ich hoffe, es geht euch allen gut.', 'Wir könnten am Samstag gegen zehn Uhr losfahren.', 'Hast du die Fotos vom Wochenende schon gesehen?', 'Sag mir einfach Bescheid, ob es dir am Sonntag passt.', 'Die Wohnung ist fast fertig, nur die Küche fehlt noch.', 'Mama lässt grüßen und fragt, wann ihr kommt.', 'Der Zug hatte wieder Verspätung, typisch.', 'Ich schicke dir die Adresse gleich noch einmal.'],
  fr: ['J’espère que tout va bien de ton côté.', 'On pourrait partir samedi vers dix heures.', 'As-tu vu les photos du week-end ?', 'Dis-moi si dimanche te convient.', 'L’appartement est presque prêt, il manque la cuisine.', 'Maman t’embrasse et demande quand vous venez.', 'Le train avait encore du retard.', 'Je te renvoie l’adresse tout de suite.'],
  es: ['Espero que todo vaya bien por allí.', 'Podríamos salir el sábado hacia las diez.', '¿Has visto ya las fotos del fin de semana?', 'Dime si el domingo te viene bien.', 'El piso está casi listo, solo falta la cocina.', 'Mamá te manda saludos y pregunta cuándo venís.', 'El tren volvió a llegar tarde.', 'Te vuelvo a mandar la dirección ahora mismo.'],
  it: ['Spero che vada tutto bene da voi.', 'Potremmo partire sabato verso le dieci.', 'Hai già visto le foto del fine settimana?', 'Fammi sapere se domenica ti va bene.', 'La casa è quasi pronta, manca solo la cucina.', 'La mamma ti saluta e chiede quando venite.', 'Il treno era di nuovo in ritardo.', 'Ti rimando subito l’indirizzo.'],
  nl: ['Ik hoop dat alles goed gaat daar.', 'We kunnen zaterdag rond tien uur vertrekken.', 'Heb je de foto’s van het weekend al gezien?', 'Laat me weten of zondag je uitkomt.', 'Het huis is bijna klaar, alleen de keuken nog.', 'Mama doet de groeten en vraagt wanneer jullie komen.', 'De trein had weer vertraging.', 'Ik stuur je het adres zo nog een keer.'],
};
const PERSONAL_SUBJECTS = [
  'Saturday?', 'Photos from the weekend', 'Quick question', 'Lunch next week', 'Happy birthday!!', 'Recipe you asked for', 'Flights in August',
  'Catch-up call?', 'Moving day plan', 'Kitchen renovation quotes', 'Notes from Tuesday', 'Book club - next pick', 'Hiking trip', 'That article I mentioned',
  'Can you return my ladder this week?', 'Selling my old bike', 'Christmas plans', 'Wedding - save the date', 'Dinner at ours?', 'Did you get home ok?',
  'Babysitting Friday', 'Garden stuff', 'The cabin', 'Car insurance question', 'Present for Mum', 'Help with my CV?', 'New flat!', 'Concert tickets',
  'Treffen am Wochenende?', 'Fotos vom Urlaub', 'Dîner samedi ?', 'Photos des vacances', 'Cena el viernes', 'Foto delle vacanze', 'Etentje zaterdag?',
];
const LIST_NAMES = [
  { name: 'rust-users', host: 'lists.rust-community.org', topics: ['Lifetimes in trait objects', 'Best crate for CSV parsing?', 'Order of evaluation in match arms', 'Async closures and borrowing', 'Cross-compiling for ARM', 'Return values from spawned tasks', 'Benchmarking allocators', 'Workspace layout for a CLI'] },
  { name: 'pgsql-general', host: 'lists.postgresql.example.org', topics: ['Slow query after upgrade to 16', 'Vacuum not reclaiming space', 'ORDER BY with NULLS LAST on an index', 'Logical replication lag', 'Partitioning by month', 'Connection pooling advice'] },
  { name: 'climbing-club', host: 'groups.io', topics: ['Saturday trip to the quarry', 'Rope inventory', 'Winter training schedule', 'Carpool for the festival', 'New members evening', 'Gear swap'] },
  { name: 'neighbourhood', host: 'lists.riverside-residents.org', topics: ['Street party planning', 'Lost cat near the park', 'Bin collection changes', 'Tree planting day', 'Parking on Elm Street', 'Delivery vans blocking the road'] },
  { name: 'debian-user', host: 'lists.debian.org', topics: ['Wi-Fi drops after suspend', 'Upgrading from bookworm', 'systemd timer not firing', 'Which firmware package for AX210?', 'Printer stopped working', 'Backup strategy for /home'] },
];
const PROMO_SUBJECTS_NEUTRAL = [
  'New arrivals just landed', 'Our best sellers this month', 'The {brand} journal: {topic}', 'Weekend reads: {topic}', 'Your weekly digest', 'Back in stock: {product}',
  'Members save more this week', 'Gift ideas under 50', 'Meet the makers behind {product}', 'Spring lookbook is here', 'Ten ways to style {product}', 'What we are loving right now',
  'Neu eingetroffen: {product}', 'Unsere Bestseller im Überblick', 'Nouveautés : {product}', 'Novedades de la semana', 'Nuovi arrivi', 'Nieuw binnen: {product}',
];
const PROMO_SUBJECTS_ORDERISH = [
  'Order now: 20% off everything until midnight', 'Free shipping on all orders this weekend', 'Last chance to order before the holidays', 'Pre-order the new {product} today',
  'Your exclusive offer: 15% off your next order', 'Flash sale ends tonight', 'Spring sale: up to 50% off', 'Order by Friday for delivery by Sunday',
  'Sale ends soon', 'Jetzt bestellen und 20 % sparen', 'Kostenloser Versand nur bis Sonntag', 'SALE: bis zu 50 % Rabatt', 'Soldes : jusqu’à -50 %', 'Livraison offerte ce week-end',
  'Rebajas: hasta -50 %', 'Envío gratis este fin de semana', 'Saldi fino al 50%', 'Spedizione gratuita solo per oggi', 'Uitverkoop: tot 50% korting', 'Gratis verzending dit weekend',
];
const BRAND_A = ['North', 'Blue', 'Urban', 'Little', 'Wild', 'Golden', 'Silver', 'Green', 'Happy', 'Modern', 'Coastal', 'Alpine', 'Maple', 'Fox', 'Oak', 'River'];
const BRAND_B = ['Threads', 'Kitchen', 'Outdoors', 'Books', 'Home', 'Beauty', 'Pets', 'Tech', 'Garden', 'Coffee', 'Sports', 'Kids', 'Wine', 'Studio', 'Travel', 'Audio'];
const BRAND_TLD = ['com', 'com', 'com', 'co.uk', 'de', 'fr', 'es', 'it', 'nl', 'eu', 'shop'];
const PRODUCTS = ['Merino Hoodie', 'Cast Iron Skillet', 'Trail Runners', 'Linen Duvet Cover', 'Espresso Grinder', 'Rain Jacket', 'Desk Lamp', 'Yoga Mat', 'Wool Socks', 'Ceramic Vase', 'Noise-Cancelling Headphones', 'Backpack 30L', 'Chef’s Knife', 'Board Game', 'Face Serum'];
const TOPICS = ['how to care for linen', 'our new recycled packaging', 'a day at the roastery', 'five summer recipes', 'the story of our founder', 'choosing the right size', 'behind the scenes at the workshop'];
const ESPS = [
  { name: 'sendgrid', domain: 'sendgrid.net', bounce: (d: string, r: Rng) => `bounces+${r.int(1e6, 9e6)}-${r.hex(4)}@em${r.int(100, 9999)}.${d}` },
  { name: 'mailchimp', domain: 'mcsv.net', bounce: (_d: string, r: Rng) => `bounce-mc.us${r.int(1, 21)}_${r.int(1e7, 9e7)}.${r.int(1e5, 9e5)}@mail${r.int(10, 250)}.suw${r.int(10, 99)}.mcdlv.net` },
  { name: 'klaviyo', domain: 'klaviyomail.com', bounce: (d: string, r: Rng) => `bounce-${r.hex(12)}@send.${d}` },
  { name: 'ses', domain: 'amazonses.com', bounce: (_d: string, r: Rng) => `0102018${r.hex(9)}-${r.hex(8)}-${r.hex(4)}-000000@eu-west-1.amazonses.com` },
];

function sentences(rng: Rng, lang: 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl', min: number, max: number): string {
  const pool = lang === 'en' ? SENTENCES_EN : SENTENCES_OTHER[lang];
  const n = rng.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(pool));
  return out.join(' ');
}

function person(rng: Rng): { name: string; address: string } {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const local = `${first}.${last}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z.]/g, '');
  return { name: `${first} ${last}`, address: `${local}${rng.chance(0.3) ? rng.int(1, 99) : ''}@${rng.pick(PERSONAL_DOMAINS)}` };
}

function messageId(rng: Rng, domain: string): string {
  return `<${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}@${domain}>`;
}

/** The trace a message picks up on its way into the owner's mailbox (Fastmail-style). */
function trace(rng: Rng, ms: number, fromHost: string, ip: string, returnPath: string, dkimDomains: string[]): string[] {
  const date = rfc2822(ms + rng.int(1, 30) * 1000, 0);
  const lines = [
    `Return-Path: <${returnPath}>`,
    `Received: from compute${rng.int(1, 9)}.internal (compute${rng.int(1, 9)}.nyi.internal [10.202.2.${rng.int(2, 250)}])\r\n\t by mailbox.nyi.internal (Cyrus 3.11.0) with LMTPA;\r\n\t ${date}`,
    `X-Delivered-to: ${OWNER.address}`,
    `Received: from mx${rng.int(1, 6)}.messagingengine.com ([10.202.2.${rng.int(2, 250)}])\r\n  by compute${rng.int(1, 9)}.internal (LMTPProxy); ${date}`,
    `Received: from ${fromHost} (${fromHost} [${ip}])\r\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\r\n\t(No client certificate requested)\r\n\tby mx${rng.int(1, 6)}.messagingengine.com (Postfix) with ESMTPS id ${rng.hex(10).toUpperCase()}\r\n\tfor <${OWNER.address}>; ${date}`,
    fold(`Authentication-Results: mx${rng.int(1, 6)}.messagingengine.com; dkim=pass (2048-bit rsa key sha256) header.d=${dkimDomains[0] ?? 'example.com'} header.i=@${dkimDomains[0] ?? 'example.com'} header.b=${rng.b64(8)}; spf=pass smtp.mailfrom=${returnPath.split('@')[1] ?? ''}; dmarc=pass policy.published-domain-policy=none`),
  ];
  for (const d of dkimDomains) {
    // signers break the b= value inside (whitespace there does not count)
    const b = `${rng.b64(342)}==`.match(/.{1,72}/g)!.join('\r\n\t ');
    lines.push(`${fold(`DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=${d}; s=${rng.pick(['s1', 'k1', '20230601', 'google', 'selector1'])}; t=${Math.floor(ms / 1000)}; h=from:to:subject:date:message-id:mime-version:content-type; bh=${rng.b64(43)}=;`)}\r\n\t b=${b}`);
  }
  return lines;
}

function ip(rng: Rng): string {
  return `${rng.int(23, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

function personalMail(rng: Rng, ms: number): Buffer {
  const from = person(rng);
  const domain = from.address.split('@')[1]!;
  const lang = rng.chance(0.82) ? 'en' : rng.pick(['de', 'fr', 'es', 'it', 'nl'] as const);
  const base = rng.pick(PERSONAL_SUBJECTS);
  const reply = rng.chance(0.35);
  const forward = !reply && rng.chance(0.06);
  const subject = reply ? `${rng.chance(0.15) ? 'Re: Re: ' : 'Re: '}${base}` : forward ? `Fwd: ${base}` : base;
  const target = drawSize(rng, 3_500, 0.7, 600, 20_000);
  const paragraphs: string[] = [`Hi ${OWNER.name.split(' ')[0]},`];
  let size = 0;
  while (size < target) {
    const p = sentences(rng, lang, 2, 6);
    paragraphs.push(p);
    size += p.length + 2;
  }
  paragraphs.push(rng.pick(['Cheers,', 'Best,', 'Love,', 'Talk soon,', 'x']), from.name.split(' ')[0]!);
  let text = paragraphs.join('\n\n');
  if (reply) {
    const quoted = Array.from({ length: rng.int(3, 30) }, () => `> ${sentences(rng, lang, 1, 2)}`).join('\n');
    text += `\n\nOn ${rfc2822(ms - rng.int(1, 72) * 3_600_000, 0)}, ${OWNER.name} <${OWNER.address}> wrote:\n${quoted}\n`;
  }
  const gmail = domain === 'gmail.com';
  const html = gmail || rng.chance(0.35);
  let root: MimeNode = html
    ? { type: 'multipart/alternative', boundary: `000000000000${rng.hex(12)}`, parts: [textLeaf(text), htmlLeaf(`<div dir="ltr">${text.split('\n\n').map((p) => `<div>${escapeHtml(p).replace(/\n/g, '<br>')}</div><div><br></div>`).join('')}</div>`)] }
    : textLeaf(text, 'text/plain; charset=utf-8; format=flowed');
  if (rng.chance(0.14)) {
    const photo = rng.chance(0.7);
    const bytes = Buffer.from(rng.b64(rng.int(14_000, 44_000)), 'base64');
    root = { type: 'multipart/mixed', boundary: `000000000000${rng.hex(12)}`, parts: [root, photo ? attachment('image/jpeg', `IMG_${rng.int(1000, 9999)}.jpg`, bytes) : attachment('application/pdf', 'notes.pdf', bytes)] };
  }
  const id = messageId(rng, gmail ? 'mail.gmail.com' : domain);
  const parent = reply ? messageId(rng, 'fastmail.com') : null;
  return message(
    trace(rng, ms, gmail ? `mail-${rng.pick(['ej1', 'wm1', 'lf1', 'pj1'])}-f${rng.int(41, 199)}.google.com` : `mout.${domain}`, ip(rng), from.address, [gmail ? 'gmail.com' : domain]),
    [
      ['From', displayAddress(from.name, from.address)],
      ['Date', rfc2822(ms, rng.pick([0, 60, 120, -300]))],
      ['Message-ID', id],
      ['Subject', subjectHeader(subject)],
      ['To', displayAddress(OWNER.name, OWNER.address)],
      ['In-Reply-To', parent],
      ['References', parent],
      ['X-Mailer', gmail ? null : rng.pick(['Apple Mail (2.3774.500.171.1.1)', 'Microsoft Outlook 16.0', null])],
    ],
    root,
  );
}

function brand(rng: Rng, shops: string[]): { name: string; domain: string } {
  // A third of the promotions come from shops the owner has ordered from.
  if (shops.length > 0 && rng.chance(0.33)) {
    const domain = rng.pick(shops);
    const word = domain.split('.')[0]!;
    return { name: word.charAt(0).toUpperCase() + word.slice(1), domain };
  }
  const a = rng.pick(BRAND_A);
  const b = rng.pick(BRAND_B);
  return { name: `${a} ${b}`, domain: `${a}${b}`.toLowerCase() + `.${rng.pick(BRAND_TLD)}` };
}

function promoMail(rng: Rng, ms: number, shops: string[]): Buffer {
  const b = brand(rng, shops);
  const esp = rng.pick(ESPS);
  const product = rng.pick(PRODUCTS);
  const subject = (rng.chance(0.35) ? rng.pick(PROMO_SUBJECTS_ORDERISH) : rng.pick(PROMO_SUBJECTS_NEUTRAL)).replace('{brand}', b.name).replace('{product}', product).replace('{topic}', rng.pick(TOPICS));
  const target = drawSize(rng, 48_000, 0.5, 18_000, 160_000);
  const link = () => `https://click.${b.domain}/ls/click?upn=${rng.b64(rng.int(120, 260), true)}`;
  const img = () => `https://cdn.${b.domain}/email/2026/${rng.hex(8)}/${rng.hex(16)}.jpg`;
  const cell = 'style="font-family:Helvetica,Arial,sans-serif;font-size:14px;line-height:20px;color:#333333;padding:8px 12px"';
  let html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title><style>@media only screen and (max-width:600px){.col{display:block!important;width:100%!important}.hide{display:none!important}}a{color:#1a73e8}</style></head><body style="margin:0;padding:0;background:#f4f4f4">` +
    `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(sentences(rng, 'en', 1, 2))}</div><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center"><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="background:#ffffff">` +
    `<tr><td align="center" style="padding:24px"><a href="${link()}"><img src="${img()}" width="180" alt="${escapeHtml(b.name)}" style="display:block;border:0"></a></td></tr>` +
    `<tr><td><a href="${link()}"><img src="${img()}" width="600" alt="" style="display:block;border:0;width:100%"></a></td></tr>` +
    `<tr><td align="center" ${cell}><h1 style="font-size:28px;line-height:34px;margin:16px 0">${escapeHtml(subject)}</h1><p>${escapeHtml(sentences(rng, 'en', 2, 4))}</p><a href="${link()}" style="display:inline-block;background:#111111;color:#ffffff;padding:14px 28px;text-decoration:none;border-radius:4px">Shop now</a></td></tr>`;
  let text = `${b.name}\n\n${subject}\n\n${sentences(rng, 'en', 2, 4)}\n\nShop now: ${link()}\n`;
  const footer = `<tr><td align="center" ${cell}><p style="font-size:12px;color:#888888">You are receiving this email because you signed up at ${escapeHtml(b.domain)}. ${escapeHtml(sentences(rng, 'en', 1, 2))}</p><p style="font-size:12px"><a href="${link()}">Unsubscribe</a> · <a href="${link()}">Preferences</a> · <a href="${link()}">View in browser</a></p><p style="font-size:11px;color:#aaaaaa">${escapeHtml(b.name)} Ltd, ${rng.int(1, 200)} Market Street, ${rng.pick(['London', 'Berlin', 'Paris', 'Madrid', 'Amsterdam', 'Portland'])}</p></td></tr></table></td></tr></table></body></html>`;
  while (html.length * 1.08 + text.length < target) {
    if (rng.chance(0.6)) {
      let row = '<tr><td><table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>';
      for (let k = 0; k < 3; k++) {
        const p = rng.pick(PRODUCTS);
        const price = `${rng.int(9, 240)}.${rng.pick(['00', '95', '99'])}`;
        row += `<td class="col" width="200" valign="top" ${cell}><a href="${link()}"><img src="${img()}" width="176" alt="${escapeHtml(p)}" style="display:block;border:0"></a><p style="margin:8px 0 2px;font-weight:bold">${escapeHtml(p)}</p><p style="margin:0;color:#666666">${price}</p></td>`;
        text += `${p} - ${price}\n${link()}\n`;
      }
      html += `${row}</tr></table></td></tr>`;
    } else {
      const p = sentences(rng, 'en', 3, 7);
      html += `<tr><td ${cell}><h2 style="font-size:20px;margin:12px 0">${escapeHtml(rng.pick(TOPICS))}</h2><p>${escapeHtml(p)}</p><a href="${link()}">Read more</a></td></tr>`;
      text += `\n${p}\nRead more: ${link()}\n`;
    }
  }
  html += footer;
  const base64 = rng.chance(0.25);
  const bounce = esp.bounce(b.domain, rng);
  return message(
    trace(rng, ms, `o${rng.int(1, 30)}.${esp.domain}`, ip(rng), bounce, [b.domain, esp.domain]),
    [
      ['From', displayAddress(b.name, `${rng.pick(['news', 'hello', 'newsletter', 'info'])}@${b.domain}`)],
      ['Date', rfc2822(ms, 0)],
      ['Subject', subjectHeader(subject)],
      ['To', OWNER.address],
      ['Message-ID', messageId(rng, esp.domain)],
      ['List-Unsubscribe', `<https://${b.domain}/unsubscribe?u=${rng.b64(48, true)}>, <mailto:unsubscribe-${rng.hex(16)}@${b.domain}>`],
      ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
      ['List-Id', rng.chance(0.3) ? `${b.name} <${rng.hex(10)}.list-id.${esp.domain}>` : null],
      ['Precedence', rng.chance(0.5) ? 'bulk' : null],
      ['Feedback-ID', `${rng.int(1e6, 9e6)}:${rng.int(1e6, 9e6)}:${esp.name}`],
      ['X-Campaign', `${rng.hex(20)}`],
    ],
    { type: 'multipart/alternative', boundary: `----=_Part_${rng.int(1e5, 9e5)}_${rng.int(1e8, 9e8)}.${ms}`, parts: [textLeaf(text), htmlLeaf(html, base64)] },
  );
}

function listMail(rng: Rng, ms: number): Buffer {
  const list = rng.pick(LIST_NAMES);
  const from = person(rng);
  const topic = rng.pick(list.topics);
  const patch = list.name === 'rust-users' || list.name === 'pgsql-general' ? rng.chance(0.1) : false;
  const reply = !patch && rng.chance(0.62);
  const subject = patch ? `[${list.name}] [PATCH v${rng.int(1, 4)} ${rng.int(1, 7)}/7] ${topic.toLowerCase()}` : `${reply ? 'Re: ' : ''}[${list.name}] ${topic}`;
  const target = drawSize(rng, 5_000, 0.6, 1_500, 25_000);
  let text = `${sentences(rng, 'en', 2, 5)}\n\n`;
  if (reply) text = `On ${rfc2822(ms - rng.int(1, 48) * 3_600_000, 0)}, ${person(rng).name} wrote:\n${Array.from({ length: rng.int(4, 40) }, () => `> ${sentences(rng, 'en', 1, 1)}`).join('\n')}\n\n${text}`;
  while (text.length < target) {
    text += patch
      ? `diff --git a/src/${rng.hex(6)}.rs b/src/${rng.hex(6)}.rs\nindex ${rng.hex(7)}..${rng.hex(7)} 100644\n@@ -${rng.int(1, 400)},7 +${rng.int(1, 400)},9 @@\n-    let value = input.parse()?;\n+    let value = input.trim().parse().map_err(Error::from)?;\n+    debug_assert!(value >= 0);\n     Ok(value)\n`
      : `${sentences(rng, 'en', 2, 6)}\n\n`;
  }
  text += `\n--\n${from.name}\n\n_______________________________________________\n${list.name} mailing list\n${list.name}@${list.host}\nhttps://${list.host}/mailman/listinfo/${list.name}\n`;
  const id = messageId(rng, from.address.split('@')[1]!);
  const parent = reply ? messageId(rng, rng.pick(PERSONAL_DOMAINS)) : null;
  return message(
    trace(rng, ms, `mail.${list.host}`, ip(rng), `${list.name}-bounces+robin.keller=fastmail.com@${list.host}`, [list.host]),
    [
      ['From', displayAddress(from.name, from.address)],
      ['To', `${list.name}@${list.host}`],
      ['Date', rfc2822(ms, rng.pick([0, 60, -300, 540]))],
      ['Message-ID', id],
      ['In-Reply-To', parent],
      ['References', parent ? `${messageId(rng, rng.pick(PERSONAL_DOMAINS))} ${parent}` : null],
      ['Subject', subjectHeader(subject)],
      ['List-Id', `${list.name} <${list.name}.${list.host}>`],
      ['List-Unsubscribe', `<https://${list.host}/mailman/options/${list.name}>, <mailto:${list.name}-request@${list.host}?subject=unsubscribe>`],
      ['List-Archive', `<https://${list.host}/pipermail/${list.name}/>`],
      ['List-Post', `<mailto:${list.name}@${list.host}>`],
      ['Precedence', 'list'],
    ],
    textLeaf(text),
  );
}

function notificationMail(rng: Rng, ms: number): Buffer {
  const u = rng.next();
  let fromName: string;
  let fromAddress: string;
  let subject: string;
  let domain: string;
  let extra: [string, string | null][] = [];
  let calendar = false;
  if (u < 0.2) {
    const repo = `${rng.pick(['acme', 'openfoo', 'rkeller', 'datatools'])}/${rng.pick(['api', 'website', 'cli', 'infra', 'parser'])}`;
    const title = rng.pick(['Fix crash on empty input', 'Bump dependencies', 'Add retry with backoff', 'Docs: clarify install steps', 'Flaky test in CI', 'Support Node 22']);
    const n = rng.int(12, 4800);
    const re = rng.chance(0.6);
    fromName = rng.pick(FIRST);
    fromAddress = 'notifications@github.com';
    domain = 'github.com';
    subject = `${re ? 'Re: ' : ''}[${repo}] ${title} (${rng.chance(0.5) ? 'PR' : 'Issue'} #${n})`;
    extra = [['List-ID', `${repo} <${repo.split('/').reverse().join('.')}.github.com>`], ['In-Reply-To', re ? `<${repo}/pull/${n}@github.com>` : null], ['X-GitHub-Reason', rng.pick(['mention', 'review_requested', 'author', 'subscribed'])]];
  } else if (u < 0.45) {
    const bank = rng.pick([{ n: 'Northbank', d: 'northbank.com' }, { n: 'Sparkasse', d: 'sparkasse.de' }, { n: 'Monzo', d: 'monzo.com' }]);
    fromName = bank.n;
    fromAddress = `no-reply@${bank.d}`;
    domain = bank.d;
    subject = rng.pick(['Your monthly statement is ready', 'Payment received - thank you', 'A new device signed in to your account', 'Your card will expire soon', `${bank.n}: your savings goal is reached`]);
  } else if (u < 0.6) {
    calendar = true;
    fromName = person(rng).name;
    fromAddress = 'calendar-notification@google.com';
    domain = 'google.com';
    subject = `${rng.pick(['Invitation', 'Updated invitation', 'Accepted'])}: ${rng.pick(['Team sync', '1:1', 'Dentist', 'Quarterly planning', 'Book club'])} @ ${rfc2822(ms + rng.int(1, 20) * 86_400_000, 0).slice(0, 16)}`;
  } else if (u < 0.8) {
    const svc = rng.pick([{ n: 'Dropbox', d: 'dropbox.com' }, { n: 'Spotify', d: 'spotify.com' }, { n: 'LinkedIn', d: 'linkedin.com' }, { n: 'Strava', d: 'strava.com' }, { n: 'Duolingo', d: 'duolingo.com' }]);
    fromName = svc.n;
    fromAddress = `no-reply@${svc.d}`;
    domain = svc.d;
    subject = rng.pick([`New sign-in to your ${svc.n} account`, 'Confirm your email address', 'Your password was changed', `Your ${svc.n} verification code is ${rng.int(100000, 999999)}`, `You have ${rng.int(2, 30)} new notifications`, `${rng.pick(FIRST)} mentioned you in a comment`, `Your weekly ${svc.n} summary`]);
  } else {
    const soc = rng.pick([{ n: 'Nextdoor', d: 'nextdoor.com' }, { n: 'Meetup', d: 'meetup.com' }, { n: 'Eventbrite', d: 'eventbrite.com' }]);
    fromName = soc.n;
    fromAddress = `notify@${soc.d}`;
    domain = soc.d;
    subject = rng.pick([`${rng.pick(FIRST)} and ${rng.int(2, 40)} others replied`, 'Events near you this weekend', 'Trending in your neighbourhood', `Reminder: ${rng.pick(['Pub quiz', 'Run club', 'Photo walk'])} tomorrow`]);
  }
  const target = drawSize(rng, 9_000, 0.55, 3_000, 40_000);
  let html = `<html><body style="font-family:Arial,sans-serif;background:#f6f8fa"><table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center"><table width="560" style="background:#fff;border:1px solid #e1e4e8;border-radius:6px">`;
  let text = `${subject}\n\n`;
  while (html.length * 1.05 + text.length < target) {
    const p = sentences(rng, 'en', 1, 4);
    const href = `https://${domain}/notifications/${rng.hex(24)}?utm_source=email&utm_medium=notification&token=${rng.b64(60, true)}`;
    html += `<tr><td style="padding:12px 16px;font-size:14px;color:#24292e">${escapeHtml(p)} <a href="${href}" style="color:#0366d6">View</a></td></tr>`;
    text += `${p}\n${href}\n\n`;
  }
  html += `<tr><td style="padding:12px 16px;font-size:12px;color:#6a737d">You are receiving this because of your notification settings. <a href="https://${domain}/settings/notifications">Manage notifications</a></td></tr></table></td></tr></table></body></html>`;
  const alt: Multi = { type: 'multipart/alternative', boundary: `--==_mimepart_${rng.hex(13)}_${rng.hex(5)}`, parts: [textLeaf(text), htmlLeaf(html)] };
  const root: MimeNode = calendar
    ? { type: 'multipart/mixed', boundary: `000000000000${rng.hex(12)}`, parts: [alt, { type: 'text/calendar; charset="UTF-8"; method=REQUEST', encoding: '7bit', body: `BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nDTSTART:20260514T080000Z\r\nDTEND:20260514T083000Z\r\nUID:${rng.hex(26)}@google.com\r\nSUMMARY:${subject.replace(/[,;]/g, ' ')}\r\nEND:VEVENT\r\nEND:VCALENDAR` }] }
    : alt;
  return message(
    trace(rng, ms, `out-${rng.int(1, 30)}.smtp.${domain}`, ip(rng), `bounces@${domain}`, [domain]),
    [
      ['From', displayAddress(fromName, fromAddress)],
      ['To', OWNER.address],
      ['Date', rfc2822(ms, 0)],
      ['Message-ID', messageId(rng, domain)],
      ['Subject', subjectHeader(subject)],
      ...extra,
      ['Auto-Submitted', rng.chance(0.4) ? 'auto-generated' : null],
    ],
    root,
  );
}

const SHIPPING_TEXT: Record<OrderTruth['language'], { subjects: ((n: string) => string)[]; heading: string; body: string; carrier: string; tracking: string; track: string; help: string }> = {
  en: { subjects: [(n) => `Your order #${n} has shipped`, (n) => `A shipment from order #${n} is on the way`, (n) => `Shipped! Order ${n} is on its way`], heading: 'Your order is on its way', body: 'Good news: your package has left our warehouse and is on its way to you.', carrier: 'Carrier', tracking: 'Tracking number', track: 'Track your package', help: 'Questions about your delivery? Reply to this email.' },
  de: { subjects: [(n) => `Ihre Bestellung ${n} wurde versandt`, (n) => `Versandbestätigung zu Ihrer Bestellung ${n}`], heading: 'Ihre Bestellung ist unterwegs', body: 'Gute Nachrichten: Ihr Paket hat unser Lager verlassen und ist auf dem Weg zu Ihnen.', carrier: 'Versanddienstleister', tracking: 'Sendungsnummer', track: 'Sendung verfolgen', help: 'Fragen zur Lieferung? Antworten Sie einfach auf diese E-Mail.' },
  fr: { subjects: [(n) => `Votre commande ${n} a été expédiée`, (n) => `Expédition de votre commande n° ${n}`], heading: 'Votre commande est en route', body: 'Bonne nouvelle : votre colis a quitté notre entrepôt et est en route.', carrier: 'Transporteur', tracking: 'Numéro de suivi', track: 'Suivre mon colis', help: 'Une question sur votre livraison ? Répondez à cet e-mail.' },
  es: { subjects: [(n) => `Tu pedido ${n} ha sido enviado`, (n) => `Tu pedido #${n} ya está en camino`], heading: 'Tu pedido está en camino', body: 'Buenas noticias: tu paquete ha salido de nuestro almacén y va de camino.', carrier: 'Transportista', tracking: 'Número de seguimiento', track: 'Seguir mi envío', help: '¿Dudas sobre la entrega? Responde a este correo.' },
  it: { subjects: [(n) => `Il tuo ordine ${n} è stato spedito`, (n) => `Spedizione del tuo ordine n. ${n}`], heading: 'Il tuo ordine è in viaggio', body: 'Buone notizie: il tuo pacco ha lasciato il nostro magazzino ed è in viaggio.', carrier: 'Corriere', tracking: 'Numero di tracking', track: 'Traccia la spedizione', help: 'Domande sulla consegna? Rispondi a questa email.' },
  nl: { subjects: [(n) => `Je bestelling ${n} is verzonden`, (n) => `Verzendbevestiging voor bestelling ${n}`], heading: 'Je bestelling is onderweg', body: 'Goed nieuws: je pakket heeft ons magazijn verlaten en is onderweg.', carrier: 'Vervoerder', tracking: 'Trackingnummer', track: 'Volg je pakket', help: 'Vragen over de levering? Beantwoord deze e-mail.' },
};
const CARRIERS: Record<OrderTruth['language'], { name: string; number: (r: Rng) => string; url: string }[]> = {
  en: [{ name: 'UPS', number: (r) => `1Z${r.hex(6).toUpperCase()}${r.int(10_000_000, 99_999_999)}${r.int(10, 99)}`, url: 'https://www.ups.com/track?tracknum=' }, { name: 'USPS', number: (r) => `9400${r.int(1e9, 9e9)}${r.int(1e7, 9e7)}`, url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=' }, { name: 'Royal Mail', number: (r) => `${String.fromCharCode(65 + r.int(0, 25))}${String.fromCharCode(65 + r.int(0, 25))}${r.int(1e8, 9e8)}GB`, url: 'https://www.royalmail.com/track-your-item#/tracking-results/' }],
  de: [{ name: 'DHL', number: (r) => `${r.int(1e9, 9e9)}${r.int(10, 99)}`, url: 'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=' }, { name: 'Hermes', number: (r) => `H${r.int(1e9, 9e9)}${r.int(1e9, 9e9)}`, url: 'https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation/#' }],
  fr: [{ name: 'Colissimo', number: (r) => `6A${r.int(1e9, 9e9)}${r.int(100, 999)}`, url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=' }],
  es: [{ name: 'Correos Express', number: (r) => `PQ${r.int(1e9, 9e9)}`, url: 'https://s.correosexpress.com/search?shippingNumber=' }],
  it: [{ name: 'BRT', number: (r) => `${r.int(1e9, 9e9)}${r.int(1e4, 9e4)}`, url: 'https://vas.brt.it/vas/sped_det_show.hsm?nspediz=' }],
  nl: [{ name: 'PostNL', number: (r) => `3S${r.hex(4).toUpperCase()}${r.int(1e8, 9e8)}`, url: 'https://jouw.postnl.nl/track-and-trace/' }],
};

function shippingNotice(rng: Rng, conf: Confirmation, ms: number): Buffer {
  const t = SHIPPING_TEXT[conf.truth.language];
  const carrier = rng.pick(CARRIERS[conf.truth.language]);
  const tracking = carrier.number(rng);
  const n = conf.truth.orderNumber;
  const domain = conf.truth.merchantDomain;
  const subject = rng.pick(t.subjects)(n);
  const from = conf.from.replace(/<[^>]*>/, `<${rng.pick(['shipping', 'orders', 'noreply'])}@${domain}>`);
  const trackUrl = `${carrier.url}${tracking}`;
  const orderUrl = `https://${domain}/account/orders/${encodeURIComponent(n)}?utm_source=shipping&utm_medium=email`;
  let html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#f5f5f5"><table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center"><table width="600" style="background:#ffffff;font-family:Helvetica,Arial,sans-serif;color:#222">` +
    `<tr><td style="padding:24px"><img src="https://cdn.${domain}/email/logo.png" width="160" alt=""></td></tr>` +
    `<tr><td style="padding:0 24px"><h1 style="font-size:24px">${escapeHtml(t.heading)}</h1><p>${escapeHtml(t.body)}</p>` +
    `<p>#${escapeHtml(n)}</p><p>${escapeHtml(t.carrier)}: ${carrier.name}<br>${escapeHtml(t.tracking)}: <b>${tracking}</b></p>` +
    `<p><a href="${trackUrl}" style="display:inline-block;background:#222;color:#fff;padding:12px 24px;text-decoration:none">${escapeHtml(t.track)}</a></p>` +
    `<p><a href="${orderUrl}">#${escapeHtml(n)}</a></p><p style="font-size:13px;color:#666">${escapeHtml(t.help)}</p></td></tr>`;
  let text = `${t.heading}\n\n${t.body}\n\n#${n}\n${t.carrier}: ${carrier.name}\n${t.tracking}: ${tracking}\n${t.track}: ${trackUrl}\n\n${orderUrl}\n\n${t.help}\n`;
  const target = drawSize(rng, 16_000, 0.4, 6_000, 40_000);
  while (html.length + text.length < target) {
    const p = rng.pick(PRODUCTS);
    const href = `https://${domain}/products/${p.toLowerCase().replace(/[^a-z]+/g, '-')}?utm_source=shipping&utm_medium=email&utm_content=${rng.hex(12)}`;
    html += `<tr><td style="padding:8px 24px;font-size:13px"><a href="${href}"><img src="https://cdn.${domain}/p/${rng.hex(12)}.jpg" width="120" alt=""></a> ${escapeHtml(p)}</td></tr>`;
    text += `${p}: ${href}\n`;
  }
  html += `<tr><td style="padding:24px;font-size:11px;color:#999"><a href="https://${domain}/unsubscribe">Unsubscribe</a> · ${escapeHtml(domain)}</td></tr></table></td></tr></table></body></html>`;
  return message(
    trace(rng, ms, `o${rng.int(1, 30)}.ptr${rng.int(1000, 9999)}.${domain}`, ip(rng), `bounce-${rng.hex(10)}@mail.${domain}`, [domain]),
    [
      ['From', from],
      ['To', conf.to],
      ['Date', rfc2822(ms, 0)],
      ['Subject', subjectHeader(subject)],
      ['Message-ID', messageId(rng, `mail.${domain}`)],
      ['List-Unsubscribe', `<https://${domain}/unsubscribe?u=${rng.b64(40, true)}>`],
    ],
    { type: 'multipart/alternative', boundary: `----=_Part_${rng.int(1e5, 9e5)}_${rng.int(1e8, 9e8)}.${ms}`, parts: [textLeaf(text), htmlLeaf(html)] },
  );
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
