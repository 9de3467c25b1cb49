// How fast orderwatch's first scan (the backfill) reads a real mailbox, against the two ways anyone
// would otherwise do it, all in one run against one Dovecot: (a) the real service, `orderwatch run`
// in a child process, from spawn to the last order on record (known to be the last once the ingest
// queue has stayed empty for two seconds);
// (b) the naive way: fetch every full message with imapflow and parse it with mailparser's
// simpleParser; (c) the raw limit: fetch every full message and do nothing with it.
//
// The mailbox is generated from a seed (mail/mailbox/plan.ts says what is in it) and written into
// the Maildir through the test harness; Dovecot indexes it and one untimed pass warms it
// (backfill/index-and-warm.ts). Targets: (a)/(b) at least 4, (a)/(c) at least 0.8, the worker's
// peak RSS under 300 MB (backfill/scores.ts). A missed target is printed as MISS; it never fails
// the run. When (a) misses a target, two more sections say where its time goes
// (backfill/breakdown.ts).
//
// BENCH_BACKFILL_MESSAGES sets the mailbox size (default 20,000; at least 200);
// BENCH_SERVICE_NODE_ARGS adds node options to (a)'s process (a profiler, say).
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDovecot, type TestDovecot } from '../test/support/dovecot.js';
import { startRedis, type TestRedis } from '../test/support/redis.js';
import { breakdown, type Breakdown } from './backfill/breakdown.js';
import { fetchAll } from './backfill/fetch-all.js';
import { fillMailbox } from './backfill/fill-mailbox.js';
import { count, rate, seconds } from './backfill/format.js';
import { indexAndWarm } from './backfill/index-and-warm.js';
import { report } from './backfill/report.js';
import { scores } from './backfill/scores.js';
import { runService } from './backfill/service-run.js';
import { PASSWORD, USER, type BackfillBenchOptions } from './backfill/settings.js';
import { planMailbox } from './mail/mailbox/plan.js';
import { DEFAULT_SEED } from './mail/rng.js';
import type { Section } from './run.js';

export type { BackfillBenchOptions };

const DEFAULT_MESSAGES = 20_000;
const MIN_MESSAGES = 200;
/** The step-by-step rerun of (a), done when (a) misses a target, reads the first this many messages (and scales to the mailbox). */
const BREAKDOWN_SAMPLE = 2_000;

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
