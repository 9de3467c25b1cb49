// How late reminders reach the mail server, and how fast a burst of them drains, through the real
// action worker (startActionWorker) against an in-process SMTP server (test/support/smtp.ts) and a
// private Redis (test/support/redis.ts, --hz 100). Two sets, each with its own key prefix:
//   spread: 5,000 reminders due evenly over one minute, the first ~10 s after they are scheduled;
//   burst:  1,000 reminders all due at the same instant (the start of one second).
// Orders are written straight into Redis with OrderStore.update (merchant, number, items, total,
// a deadline two hours after the reminder, a trusted contact, the order confirmation on file) and
// their `reminder_due` jobs are added through actionScheduler(ctx).schedule, as the ingest step does.
// A reminder's delay is the SMTP server's acceptance time (receivedAt) minus its due time, read
// back from its Message-ID (outgoingMessageId puts the due ms in it).
//
// The baseline is a plain pooled nodemailer transport (its defaults: 5 connections, 100 messages
// a connection) sending the same messages (renderMail at the job's own time, then sendMail() with
// the options the service's composeMail gives MailComposer, so the bytes are the service's but for
// the Date header), all handed over at once, after the service run (so its code is warm too), best
// of two rounds for the burst (one for the spread, whose rate its due times set). A second,
// stricter reference hands the pool the same bytes built ahead (`raw`). The service sends with its
// defaults too (ORDERWATCH_SMTP_CONNECTIONS 5). Targets: spread p99 under 500 ms; the burst
// (first due -> last acceptance) at no less than 80% of the plain send's rate. A miss prints MISS,
// never a failure. A third section says where the time goes, from the jobs' own timestamps and the
// CPU used by this process (worker and SMTP server) and by Redis.
//
// BENCH_REMINDERS_SETS (spread, burst or both, comma-separated; default both) picks the sets to run.
// BENCH_REMINDERS_SCALE (0 < s <= 1, default 1) shrinks both sets and the spread's window alike
// (the spread's arrival rate stays 83 a second) and the lead time.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { createTransport, type MailComposerOptions } from 'nodemailer';
import { loadConfig, type Config } from '../src/config.js';
import { silentLogger } from '../src/log.js';
import { composeMail, composerOptions } from '../src/mail/compose.js';
import { renderMail } from '../src/mail/templates.js';
import { orderId, type Order } from '../src/orders/order.js';
import { OutgoingMail } from '../src/orders/outgoing.js';
import { QUEUES, type ActionJob } from '../src/queue/jobs.js';
import { queueOptions } from '../src/queue/options.js';
import { outgoingMessageId } from '../src/service/actions.js';
import { actionScheduler, installSecret, startActionWorker, type ServiceContext } from '../src/service/workers.js';
import { Keys } from '../src/store/keys.js';
import { OrderStore } from '../src/store/order-store.js';
import { connectRedis } from '../src/store/redis.js';
import { startRedis, uniquePrefix, type TestRedis } from '../test/support/redis.js';
import { startSmtpServer, type RecordedMessage, type TestSmtpServer } from '../test/support/smtp.js';
import { createRng, DEFAULT_SEED, type Rng } from './mail/rng.js';
import type { Section } from './run.js';

const SPREAD = { count: 5_000, windowMs: 60_000 };
const BURST = { count: 1_000 };
const LEAD_MS = 10_000;
const MIN_LEAD_MS = 3_000;
const TARGET = { spreadP99Ms: 500, burstRatio: 0.8 };
/** The reminder goes out this long before the order's cancellation deadline (ORDERWATCH_REMIND's 2h). */
const REMIND_BEFORE_MS = 2 * 3_600_000;
/** Orders here have a 24-hour cancellation window. */
const WINDOW_MS = 24 * 3_600_000;
/** How long after the last due time the service may take before the set is cut off. */
const DRAIN_TIMEOUT_MS = 45_000;
const SETUP_CONCURRENCY = 64;
/** Baseline rounds (best kept): the burst's rate is the target's measure, the spread's only a reference. */
const BASELINE_ROUNDS: Record<SetName, number> = { spread: 1, burst: 2 };
const POLL_MS = 10;
const OWNER = { name: 'Robin Achterberg', address: 'robin.achterberg@example.net' };
const TIME_ZONE = 'Europe/Berlin';

type SetName = 'spread' | 'burst';

interface SetPlan {
  name: SetName;
  label: string;
  count: number;
  /** Due time of the i-th reminder, from the set's base time. */
  offsetOf: (i: number) => number;
  leadMs: number;
  /** First order number of the set, so the two sets never share one. */
  numberBase: number;
}

interface Timing {
  label: string;
  messages: number;
  failed: number;
  ms: number;
  cpuMs: number;
}

interface Phases {
  /** due -> the worker took the job (its processedOn). */
  wait: number[];
  /** taken -> the SMTP server accepted the message. */
  work: number[];
  /** accepted -> the job finished (Redis records, the order saved, BullMQ's completion). */
  after: number[];
}

interface SetResult {
  plan: SetPlan;
  accepted: number;
  delays: number[];
  unknown: number;
  duplicates: number;
  firstDue: number;
  lastAccept: number | null;
  setupMs: number;
  /** Time from the last schedule() returning to the first due time (negative: setup overran the lead). */
  slackMs: number;
  drain: { wallMs: number; cpuMs: number; elu: number; redisCpuMs: number; redisCalls: number };
  phases: Phases;
  jobs: { completed: number; failed: number; retried: number; failReason: string | null };
  baseline: Timing[];
  baselineCpuPerMsg: number | null;
  sameBytes: number;
  compared: number;
}

export async function runRemindersBench(log: (line: string) => void): Promise<Section[]> {
  const scale = scaleFromEnv();
  const tmp = await mkdtemp(join(tmpdir(), 'orderwatch-bench-reminders-'));
  let redis: TestRedis | undefined;
  let smtp: TestSmtpServer | undefined;
  let admin: Redis | undefined;
  try {
    [redis, smtp] = await Promise.all([startRedis(), startSmtpServer()]);
    admin = connectRedis(redis.url, 'bench-reminders-admin');
    const hz = ((await admin.call('CONFIG', 'GET', 'hz')) as string[])[1] ?? '?';
    log(`private Redis on ${redis.url} (hz ${hz}), SMTP server on ${smtp.host}:${smtp.port}; scale ${scale}`);
    await mkdir(join(tmp, 'mailbox'), { recursive: true });
    const rng = createRng(DEFAULT_SEED);
    const loadBefore = loadavg()[0]!;
    const spreadCount = Math.max(10, Math.round(SPREAD.count * scale));
    const spreadWindow = Math.max(1_000, Math.round(SPREAD.windowMs * scale));
    const burstCount = Math.max(10, Math.round(BURST.count * scale));
    const leadMs = Math.max(MIN_LEAD_MS, Math.round(LEAD_MS * scale));
    const sets: SetPlan[] = [
      { name: 'spread', label: `spread: ${count(spreadCount)} due over ${seconds(spreadWindow)}`, count: spreadCount, offsetOf: (i) => Math.floor((i * spreadWindow) / spreadCount), leadMs, numberBase: 100_000 },
      { name: 'burst', label: `burst: ${count(burstCount)} due at one instant`, count: burstCount, offsetOf: () => 0, leadMs, numberBase: 500_000 },
    ];
    const results: SetResult[] = [];
    const chosen = setsFromEnv();
    for (const plan of sets.filter((p) => chosen.has(p.name))) results.push(await runSet(plan, { redisUrl: redis.url, admin, smtp, tmp, rng, log }));
    const load = `${availableParallelism()} cores; load average (1 min) ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after; this process runs the worker and the SMTP server`;
    return report(results, hz, load);
  } finally {
    admin?.disconnect();
    await Promise.all([smtp?.stop(), redis?.stop()]);
    await rm(tmp, { recursive: true, force: true });
  }
}

function setsFromEnv(): Set<SetName> {
  const raw = process.env.BENCH_REMINDERS_SETS?.trim();
  if (!raw) return new Set(['spread', 'burst']);
  const names = raw.split(',').map((n) => n.trim());
  const unknown = names.filter((n) => n !== 'spread' && n !== 'burst');
  if (unknown.length > 0) throw new Error(`BENCH_REMINDERS_SETS: spread, burst or both, not ${JSON.stringify(raw)}`);
  return new Set(names as SetName[]);
}

function scaleFromEnv(): number {
  const raw = process.env.BENCH_REMINDERS_SCALE;
  if (raw === undefined || raw === '') return 1;
  const s = Number(raw);
  if (!Number.isFinite(s) || s <= 0 || s > 1) throw new Error(`BENCH_REMINDERS_SCALE: a number above 0 and at most 1, not ${JSON.stringify(raw)}`);
  return s;
}

// ---------------------------------------------------------------------------------------------
// One set: orders, jobs, the worker, the wait, the jobs' timestamps, the baseline.

interface Env {
  redisUrl: string;
  admin: Redis;
  smtp: TestSmtpServer;
  tmp: string;
  rng: Rng;
  log: (line: string) => void;
}

async function runSet(plan: SetPlan, env: Env): Promise<SetResult> {
  const prefix = uniquePrefix(`bench-reminders-${plan.name}`);
  const config = loadConfig({
    ORDERWATCH_IMAP: join(env.tmp, 'mailbox'),
    ORDERWATCH_SMTP: `smtp://${env.smtp.host}:${env.smtp.port}`,
    ORDERWATCH_OWNER: OWNER.address,
    ORDERWATCH_OWNER_NAME: OWNER.name,
    ORDERWATCH_TZ: TIME_ZONE,
    REDIS_URL: env.redisUrl,
    ORDERWATCH_PREFIX: prefix,
    ORDERWATCH_STATE_DIR: join(env.tmp, `state-${plan.name}`),
    ORDERWATCH_LOG_LEVEL: 'silent',
  });
  const setupStart = Date.now();
  // a whole second, so that the burst's instant starts a second
  const base = Math.ceil((setupStart + plan.leadMs) / 1_000) * 1_000;
  const orders = Array.from({ length: plan.count }, (_, i) => makeOrder(env.rng, plan.numberBase + i, base + plan.offsetOf(i), setupStart));
  const planned = new Map<string, Planned>(orders.map((order) => [order.id, { due: Date.parse(order.next!.due), order }]));
  if (planned.size !== plan.count) throw new Error(`reminders bench: ${plan.count - planned.size} order ids collided`);
  // The side that schedules (the ingest step, in the service) has its own connection; so has the worker.
  const setupCtx = context(config, connectRedis(env.redisUrl, 'bench-reminders-setup'));
  const workerCtx = context(config, connectRedis(env.redisUrl, 'bench-reminders-worker'));
  try {
    const store = new OrderStore(setupCtx.redis, new Keys(prefix));
    await inBatches(orders, SETUP_CONCURRENCY, (order) => store.update(order.id, () => order));
    env.log(`${plan.name}: ${count(plan.count)} orders written in ${seconds(Date.now() - setupStart)}`);
    const service = await runService(plan, env, { setupCtx, workerCtx, planned, setupStart });
    const secret = await installSecret(setupCtx);
    const baseline = await runBaseline(plan, env, config, secret, planned, service);
    return { plan, ...service, ...baseline };
  } finally {
    setupCtx.redis.disconnect();
    workerCtx.redis.disconnect();
  }
}

interface Planned {
  due: number;
  order: Order;
}

interface ServiceRun {
  accepted: number;
  delays: number[];
  unknown: number;
  duplicates: number;
  firstDue: number;
  lastAccept: number | null;
  setupMs: number;
  slackMs: number;
  drain: SetResult['drain'];
  phases: Phases;
  jobs: SetResult['jobs'];
  /** Message-ID -> what the SMTP server accepted. */
  sent: Map<string, RecordedMessage>;
  /** Order id -> the time the worker decided at (the job's timestamp + delay). */
  atOf: Map<string, number>;
}

interface DrainMark {
  at: number;
  cpu: NodeJS.CpuUsage;
  elu: EventLoopUtilization;
  redis: RedisUse;
}

/** The real action worker over the set's jobs: scheduled, waited for, matched to their due times. */
async function runService(plan: SetPlan, env: Env, prep: { setupCtx: ServiceContext; workerCtx: ServiceContext; planned: Map<string, Planned>; setupStart: number }): Promise<ServiceRun> {
  const { smtp, log } = env;
  const { planned } = prep;
  const dues = [...planned.values()].map((p) => p.due);
  const firstDue = Math.min(...dues);
  const lastDue = Math.max(...dues);
  const first = smtp.messages.length;
  const worker = await startActionWorker(prep.workerCtx);
  const scheduler = actionScheduler(prep.setupCtx);
  let markTimer: NodeJS.Timeout | undefined;
  let scheduledAt: number;
  let drain: SetResult['drain'] = { wallMs: 0, cpuMs: 0, elu: 0, redisCpuMs: 0, redisCalls: 0 };
  try {
    await inBatches([...planned.values()], SETUP_CONCURRENCY, async ({ due, order }) => {
      const job: ActionJob = { orderId: order.id, event: { type: 'reminder_due', dueAt: new Date(due).toISOString() } };
      await scheduler.schedule(job, due);
    });
    scheduledAt = Date.now();
    log(`${plan.name}: ${count(plan.count)} jobs scheduled; setup took ${seconds(scheduledAt - prep.setupStart)}, first due in ${seconds(firstDue - scheduledAt)}`);

    // CPU and event-loop figures over the drain: from the first due time to the last acceptance.
    let mark: DrainMark | null = null;
    markTimer = setTimeout(() => {
      const at = Date.now();
      const cpu = process.cpuUsage();
      const elu = performance.eventLoopUtilization();
      redisUse(env.admin).then((redis) => (mark = { at, cpu, elu, redis }), () => undefined);
    }, Math.max(0, firstDue - Date.now()));
    const deadline = lastDue + DRAIN_TIMEOUT_MS;
    while (smtp.messages.length - first < plan.count && Date.now() < deadline) await sleep(POLL_MS);
    const endAt = Date.now();
    const endCpu = process.cpuUsage();
    const endElu = performance.eventLoopUtilization();
    const endRedis = await redisUse(env.admin);
    const m = mark as DrainMark | null;
    if (m) {
      drain = {
        wallMs: endAt - m.at,
        cpuMs: cpuMs(endCpu) - cpuMs(m.cpu),
        elu: performance.eventLoopUtilization(endElu, m.elu).utilization,
        redisCpuMs: endRedis.cpuMs - m.redis.cpuMs,
        redisCalls: endRedis.calls - m.redis.calls,
      };
    }
  } finally {
    clearTimeout(markTimer);
    await worker.close();
    await scheduler.close();
  }

  const sent = new Map<string, RecordedMessage>();
  const acceptedAt = new Map<string, number>();
  const delays: number[] = [];
  let unknown = 0;
  let duplicates = 0;
  let lastAccept: number | null = null;
  for (const msg of smtp.messages.slice(first)) {
    const parsed = /^<ow\.reminder\.(o[0-9a-z]+)\.(\d+)\./.exec(msg.messageId ?? '');
    const p = parsed ? planned.get(parsed[1]!) : undefined;
    if (!parsed || !p || p.due !== Number(parsed[2])) {
      unknown++;
      continue;
    }
    if (sent.has(msg.messageId!)) {
      duplicates++;
      continue;
    }
    sent.set(msg.messageId!, msg);
    const t = msg.receivedAt.getTime();
    acceptedAt.set(parsed[1]!, t);
    delays.push(t - p.due);
    lastAccept = Math.max(lastAccept ?? t, t);
  }
  log(`${plan.name}: ${count(sent.size)} of ${count(plan.count)} reminders accepted${lastAccept ? `, the last ${ms(lastAccept - lastDue)} after the last due time` : ''}`);
  const { phases, jobs, atOf } = await jobFigures(env.redisUrl, prep.workerCtx.config.prefix, planned, acceptedAt);
  return {
    accepted: sent.size, delays, unknown, duplicates, firstDue, lastAccept, setupMs: scheduledAt - prep.setupStart, slackMs: firstDue - scheduledAt,
    drain, phases, jobs, sent, atOf,
  };
}

/**
 * The same messages through a plain nodemailer pool, handed over all at once and timed to the last
 * acceptance, in two ways, taking turns:
 *   send: transport.sendMail() with the message's fields (composerOptions: the very options the
 *         service's composeMail gives MailComposer), so nodemailer builds each message as it sends,
 *         as any program sending mail with nodemailer does. This is the target's baseline.
 *   raw:  the bytes built ahead, untimed, and handed over as `raw`: the SMTP hand-over alone, a
 *         stricter reference.
 * Each message is rendered as the worker rendered it (same Message-ID, same `now`).
 */
async function runBaseline(plan: SetPlan, env: Env, config: Config, secret: string, planned: Map<string, Planned>, service: ServiceRun) {
  const prepared: Prepared[] = [];
  for (const [id, { due, order }] of planned) {
    const messageId = outgoingMessageId(secret, OWNER.address, id, 'reminder', String(due));
    const confirmation = order.messages[0]!.messageId!;
    const mail = renderMail('reminder', {
      order,
      progress: { ...order.progress, contactTrusted: order.contact.trusted },
      owner: config.owner,
      timeZone: config.timeZone,
      now: new Date(service.atOf.get(id) ?? due),
      messageId,
      thread: { inReplyTo: confirmation, references: [confirmation] },
      to: { name: config.owner.name, address: config.owner.address },
      requestMessageId: null,
      followupNumber: 0,
      trustReason: order.contact.reason,
      dueAt: new Date(due).toISOString(),
    });
    const outgoing = OutgoingMail.parse({ ...mail, kind: 'reminder' });
    const date = new Date();
    prepared.push({ messageId, options: composerOptions(outgoing, date), raw: await composeMail(outgoing, date) });
  }
  const baseline: Timing[] = [];
  let sameBytes = 0;
  let compared = 0;
  for (let round = 0; round < BASELINE_ROUNDS[plan.name]; round++) {
    for (const mode of round % 2 === 0 ? BASELINE_MODES : [...BASELINE_MODES].reverse()) {
      const { timing, received } = await plainPool(env.smtp, prepared, mode);
      baseline.push(timing);
      if (mode !== 'send' || compared > 0) continue;
      // What a plain send put on the wire is what the service sent, but for the Date header.
      for (const got of received) {
        const sent = got.messageId ? service.sent.get(got.messageId) : undefined;
        if (!sent) continue;
        compared++;
        if (withoutDate(sent.raw) === withoutDate(got.raw)) sameBytes++;
      }
    }
  }
  const best = bestOf(baseline, 'send');
  env.log(`${plan.name}: plain pool ${rate(best ? perSecond(best) : 0)} messages/s (best of ${BASELINE_ROUNDS[plan.name]}; raw hand-over ${rate(perSecond(bestOf(baseline, 'raw') ?? best!))}/s)`);
  return { baseline, baselineCpuPerMsg: best ? best.cpuMs / best.messages : null, sameBytes, compared };
}

interface Prepared {
  messageId: string;
  options: MailComposerOptions;
  raw: Buffer;
}

type BaselineMode = 'send' | 'raw';
const BASELINE_MODES: BaselineMode[] = ['send', 'raw'];

function context(config: Config, redis: Redis): ServiceContext {
  return { config, redisUrl: config.redis.url, redis, log: silentLogger(), now: () => new Date() };
}

/** The jobs' own timestamps: when each was due, taken, finished; failures and retries. */
async function jobFigures(redisUrl: string, prefix: string, planned: Map<string, { due: number }>, acceptedAt: Map<string, number>) {
  const queue = new Queue(QUEUES.actions, queueOptions(redisUrl, prefix));
  try {
    const done = (await queue.getJobs(['completed'], 0, -1)) as Job[];
    const failed = (await queue.getJobs(['failed'], 0, -1)) as Job[];
    const phases: Phases = { wait: [], work: [], after: [] };
    const atOf = new Map<string, number>();
    let retried = 0;
    for (const job of [...done, ...failed]) {
      const id = (job.data as ActionJob).orderId;
      atOf.set(id, job.timestamp + (job.opts.delay ?? 0));
      if (job.attemptsMade > 1) retried++;
    }
    for (const job of done) {
      const id = (job.data as ActionJob).orderId;
      const due = planned.get(id)?.due;
      const accepted = acceptedAt.get(id);
      if (due === undefined || job.processedOn === undefined) continue;
      phases.wait.push(job.processedOn - due);
      if (accepted !== undefined) {
        phases.work.push(accepted - job.processedOn);
        if (job.finishedOn !== undefined) phases.after.push(job.finishedOn - accepted);
      }
    }
    return { phases, atOf, jobs: { completed: done.length, failed: failed.length, retried, failReason: failed[0]?.failedReason ?? null } };
  } finally {
    await queue.close();
  }
}

/** All messages handed to one pooled transport at once; timed from the hand-over to the last acceptance. */
async function plainPool(smtp: TestSmtpServer, messages: Prepared[], mode: BaselineMode): Promise<{ timing: Timing; received: RecordedMessage[] }> {
  const transport = createTransport({ ...smtp.transportOptions(), pool: true });
  const first = smtp.messages.length;
  const envelope = { from: OWNER.address, to: [OWNER.address] };
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  const outcomes = await Promise.allSettled(messages.map((m) => transport.sendMail(mode === 'send' ? { ...m.options, envelope } : { envelope, raw: m.raw })));
  const end = Date.now();
  transport.close();
  const cpu = cpuMs(process.cpuUsage(cpu0));
  const got = smtp.messages.slice(first);
  const last = got.length > 0 ? Math.max(...got.map((m) => m.receivedAt.getTime())) : end;
  const failed = outcomes.filter((o) => o.status === 'rejected').length;
  return { timing: { label: mode, messages: got.length, failed, ms: Math.max(1, last - t0), cpuMs: cpu }, received: got };
}

function bestOf(timings: Timing[], label: string): Timing | null {
  const same = timings.filter((t) => t.label === label);
  return same.length === 0 ? null : same.reduce((a, b) => (perSecond(b) > perSecond(a) ? b : a));
}

function withoutDate(raw: Buffer): string {
  return raw.toString('latin1').replace(/^Date:[^\r\n]*\r?\n/im, '');
}

interface RedisUse {
  cpuMs: number;
  /** Commands run, those inside Lua scripts included (INFO commandstats). */
  calls: number;
}

async function redisUse(redis: Redis): Promise<RedisUse> {
  const [cpu, stats] = await Promise.all([redis.info('cpu'), redis.info('commandstats')]);
  const field = (name: string) => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(cpu)?.[1] ?? 0);
  let calls = 0;
  for (const m of stats.matchAll(/^cmdstat_[^:]+:calls=(\d+)/gm)) calls += Number(m[1]);
  return { cpuMs: (field('used_cpu_user') + field('used_cpu_sys')) * 1000, calls };
}

async function inBatches<T>(items: T[], width: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

// ---------------------------------------------------------------------------------------------
// Orders as ingest leaves them after an authenticated order confirmation.

interface Shop {
  name: string;
  domain: string;
  currency: string;
  number: (n: number) => string;
  products: [string, number][];
  returnDays: number | null;
}

const SHOPS: Shop[] = [
  { name: 'Larchwood Tea', domain: 'larchwoodtea.com', currency: 'USD', number: (n) => `LW-${n}`, returnDays: 30, products: [['Smoky Lapsang 100g', 18], ['Sencha Tin 50g', 12], ['Cast Iron Teapot 0.8 l', 64], ['Oolong Sampler', 29]] },
  { name: 'Ridgeway Pantry', domain: 'ridgewaypantry.com', currency: 'USD', number: (n) => String(n), returnDays: 14, products: [['Smoked Paprika Tin 70g', 9.5], ['Saffron 2g', 21], ['Olive Oil 500 ml', 17.9]] },
  { name: 'Nordlicht Outdoor', domain: 'nordlicht-outdoor.de', currency: 'EUR', number: (n) => `NL${n}`, returnDays: 30, products: [['Trekkingjacke Fjell', 189], ['Merino-Socken 3er', 29.95], ['Stirnlampe 400 lm', 44.9]] },
  { name: 'Maison Aubert', domain: 'maison-aubert.fr', currency: 'EUR', number: (n) => `MA-${n}-FR`, returnDays: 14, products: [['Nappe en lin', 79], ['Bougie parfumée', 24], ['Plaid en laine', 119]] },
  { name: 'Brightwire Electronics', domain: 'brightwire.co.uk', currency: 'GBP', number: (n) => `BW${n}`, returnDays: 28, products: [['USB-C Hub 7-in-1', 39.99], ['Noise-cancelling Headphones', 149], ['65W Charger', 34.5]] },
  { name: 'Casa Verde', domain: 'casaverde.es', currency: 'EUR', number: (n) => `CV/${n}`, returnDays: null, products: [['Maceta de barro', 15], ['Kit de semillas', 12.5], ['Regadera de latón', 38]] },
];

function makeOrder(rng: Rng, n: number, due: number, now: number): Order {
  const shop = rng.pick(SHOPS);
  const number = shop.number(n);
  const id = orderId(shop.domain, number);
  const cancelBy = due + REMIND_BEFORE_MS;
  const orderedAt = new Date(cancelBy - WINDOW_MS).toISOString();
  const items = Array.from({ length: rng.int(1, 3) }, () => {
    const [name, price] = rng.pick(shop.products);
    const quantity = rng.int(1, 3);
    return { name, quantity, price: Math.round(price * quantity * 100) / 100 };
  });
  const shipping = rng.pick([0, 4.95, 5.9]);
  const total = Math.round((items.reduce((a, i) => a + (i.price ?? 0), 0) + shipping) * 100) / 100;
  const contact = `care@${shop.domain}`;
  return {
    id,
    merchant: { name: shop.name, domain: shop.domain },
    orderNumber: number,
    orderedAt,
    total: { amount: total, currency: shop.currency },
    items,
    cancelBy: new Date(cancelBy).toISOString(),
    cancelUntilShipped: false,
    cancelUrl: `https://${shop.domain}/orders/${encodeURIComponent(number)}/cancel?token=${rng.hex(12)}&src=receipt`,
    returnWindowDays: shop.returnDays,
    contactEmail: contact,
    trackingNumber: null,
    state: 'detected',
    flags: [],
    confirmed: true,
    shippedAt: null,
    deliveredAt: null,
    messages: [
      {
        direction: 'in',
        date: orderedAt,
        subject: `Your ${shop.name} order ${number} is confirmed`,
        messageId: `<confirm.${rng.hex(16)}@mail.${shop.domain}>`,
        kind: 'order_confirmation',
        from: `orders@${shop.domain}`,
        location: { account: 'local-mailbox', folder: 'INBOX', uidValidity: '1', uid: n },
        outgoing: null,
      },
    ],
    progress: { cancelAskedAt: null, keep: false, followups: 0 },
    contact: { address: contact, trusted: true, basis: 'authenticated', reason: `the order confirmation came from ${shop.domain}, DKIM-signed and checked by the owner's mail server` },
    returnBy: null,
    next: { what: 'reminder', due: new Date(due).toISOString() },
    createdAt: new Date(now).toISOString(),
    updatedAt: new Date(now).toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Report.

function report(results: SetResult[], hz: string, load: string): Section[] {
  const delayRows: string[][] = [['set', 'accepted', 'p50', 'p99', 'max', 'min', 'target', '']];
  for (const r of results) {
    const sorted = [...r.delays].sort((a, b) => a - b);
    const complete = r.accepted === r.plan.count && r.unknown === 0 && r.duplicates === 0;
    const p99 = quantile(sorted, 0.99);
    const target = r.plan.name === 'spread' ? `p99 < ${TARGET.spreadP99Ms} ms` : '-';
    const verdict = r.plan.name === 'spread' ? (complete && p99 !== null && p99 < TARGET.spreadP99Ms ? 'PASS' : 'MISS') : '';
    delayRows.push([r.plan.label, `${count(r.accepted)}/${count(r.plan.count)}`, ms(quantile(sorted, 0.5)), ms(p99), ms(sorted.at(-1) ?? null), ms(sorted[0] ?? null), target, verdict]);
  }
  const delayNotes = [
    'delay = the SMTP server\'s acceptance (RecordedMessage.receivedAt) minus the due time in the reminder\'s Message-ID',
    `Redis runs with hz ${hz}: an idle Redis wakes delayed jobs on its tick (every ${hz === '?' ? '?' : Math.round(1000 / Number(hz))} ms here; 100 ms at the default hz 10)`,
  ];
  for (const r of results) {
    if (r.slackMs < 0) delayNotes.push(`${r.plan.name}: setup finished ${ms(-r.slackMs)} after the first due time: its first reminders were late from the start`);
    if (r.unknown || r.duplicates) delayNotes.push(`${r.plan.name}: ${r.unknown} messages not matching a planned reminder, ${r.duplicates} duplicates`);
    if (r.accepted < r.plan.count) delayNotes.push(`${r.plan.name}: ${count(r.plan.count - r.accepted)} reminders not accepted within ${seconds(DRAIN_TIMEOUT_MS)} of the last due time`);
  }

  const rateRows: string[][] = [['run', 'messages', 'time', 'msgs/s', 'vs plain send', 'target', '']];
  const rateNotes: string[] = [];
  for (const r of results) {
    const best = bestOf(r.baseline, 'send');
    const raw = bestOf(r.baseline, 'raw');
    const drainMs = r.lastAccept !== null ? Math.max(1, r.lastAccept - r.firstDue) : null;
    const serviceRate = drainMs ? r.accepted / (drainMs / 1000) : null;
    const ratio = serviceRate !== null && best ? serviceRate / perSecond(best) : null;
    const isBurst = r.plan.name === 'burst';
    const verdict = isBurst ? (ratio !== null && ratio >= TARGET.burstRatio && r.accepted === r.plan.count ? 'PASS' : 'MISS') : '';
    rateRows.push([`${r.plan.name}: action worker, first due -> last acceptance`, count(r.accepted), drainMs !== null ? seconds(drainMs) : '-', serviceRate !== null ? rate(serviceRate) : '-', ratio !== null ? pct(ratio) : '-', isBurst ? `>= ${pct(TARGET.burstRatio)}` : '-', verdict]);
    if (best) rateRows.push([`${r.plan.name}: plain nodemailer pool, sendMail (defaults: 5 conn)`, count(best.messages), seconds(best.ms), rate(perSecond(best)), '100%', '', '']);
    if (raw) rateRows.push([`${r.plan.name}: the same pool handed raw bytes built ahead`, count(raw.messages), seconds(raw.ms), rate(perSecond(raw)), best ? pct(perSecond(raw) / perSecond(best)) : '-', '', '']);
    if (raw && serviceRate !== null) rateNotes.push(`${r.plan.name}: the action worker drains at ${pct(serviceRate / perSecond(raw))} of the raw hand-over's rate`);
    rateNotes.push(`${r.plan.name}: baseline rounds ${r.baseline.map((t) => `${t.label} ${rate(perSecond(t))}/s${t.failed ? ` (${t.failed} failed)` : ''}`).join(', ')}; ${r.sameBytes} of ${r.compared} messages of the plain send byte-identical to the service's but for the Date header`);
  }
  rateNotes.push('the spread set is paced by its due times (~83 a second at scale 1): its rate is no measure of capacity');
  rateNotes.push('plain send: every message handed at once to one pooled transport as sendMail() options (nodemailer builds each message, as any program sending mail with it does), timed from the hand-over to the last acceptance, best round; raw: the same with the bytes built ahead, untimed');
  rateNotes.push('nodemailer closes a pooled connection after 100 messages and the server waits 100 ms before greeting a new one');

  const where: string[][] = [['', ...results.flatMap((r) => [`${r.plan.name} p50`, 'p99', 'max'])]];
  const phaseRow = (label: string, pick: (p: Phases) => number[]) => [label, ...results.flatMap((r) => {
    const s = [...pick(r.phases)].sort((a, b) => a - b);
    return [ms(quantile(s, 0.5)), ms(quantile(s, 0.99)), ms(s.at(-1) ?? null)];
  })];
  where.push(phaseRow('due -> job taken by the worker', (p) => p.wait));
  where.push(phaseRow('taken -> SMTP accepted', (p) => p.work));
  where.push(phaseRow('accepted -> job finished', (p) => p.after));
  const whereNotes: string[] = [];
  for (const r of results) {
    const d = r.drain;
    const perMsg = r.accepted > 0 ? d.cpuMs / r.accepted : null;
    whereNotes.push(
      `${r.plan.name}: over the drain (${seconds(d.wallMs)}) this process used ${pct(d.cpuMs / Math.max(1, d.wallMs))} of a core (event loop busy ${pct(d.elu)}), Redis ${pct(d.redisCpuMs / Math.max(1, d.wallMs))}; ` +
        `CPU a message: service ${perMsg !== null ? `${perMsg.toFixed(2)} ms` : '-'} (+ Redis ${r.accepted > 0 ? (d.redisCpuMs / r.accepted).toFixed(2) : '-'} ms for ${r.accepted > 0 ? Math.round(d.redisCalls / r.accepted) : '-'} commands), plain pool ${r.baselineCpuPerMsg !== null ? `${r.baselineCpuPerMsg.toFixed(2)} ms` : '-'} (both include the in-process SMTP server)`,
    );
    if (d.elu >= 0.9) whereNotes.push(`${r.plan.name}: the event loop was saturated over the drain: jobs waited for this process's CPU, which more concurrent jobs or SMTP connections cannot add`);
    whereNotes.push(`${r.plan.name}: jobs completed ${count(r.jobs.completed)}, failed ${count(r.jobs.failed)}, run more than once ${count(r.jobs.retried)}${r.jobs.failReason ? ` (first failure: ${r.jobs.failReason.slice(0, 160)})` : ''}; setup ${seconds(r.setupMs)}`);
  }
  whereNotes.push('the action worker runs 8 jobs at once and sends through SmtpTransport (one pool, 5 connections); taken -> accepted includes waiting for a free connection');
  whereNotes.push(load);

  return [
    { title: 'Reminders: delay from due time to SMTP acceptance', rows: delayRows, align: 'lrrrrrll', notes: delayNotes },
    { title: 'Reminders: throughput against a plain pooled nodemailer send', rows: rateRows, align: 'lrrrrll', notes: rateNotes },
    { title: 'Reminders: where the time goes (from the jobs\' timestamps)', rows: where, notes: whereNotes },
  ];
}

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function perSecond(t: Timing): number {
  return t.messages / (t.ms / 1000);
}

function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}

function ms(v: number | null): string {
  if (v === null) return '-';
  return Math.abs(v) >= 10_000 ? seconds(v) : `${Math.round(v)} ms`;
}

function seconds(v: number): string {
  return `${(v / 1000).toFixed(1)} s`;
}

function rate(v: number): string {
  return v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(1);
}

function count(n: number): string {
  return n.toLocaleString('en');
}

function pct(v: number): string {
  return `${(v * 100).toFixed(0)}%`;
}
