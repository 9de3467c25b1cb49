// The backfill bench's tables: the mailbox, the three runs against their targets, (a) in detail,
// and when (a) missed a target, where its time goes.
import type { Triage } from '../../src/extract/triage.js';
import type { MailboxPlan, MailKind } from '../mail/mailbox/plan.js';
import type { Section } from '../run.js';
import type { Breakdown } from './breakdown.js';
import type { FetchRun } from './fetch-all.js';
import type { Mailbox } from './fill-mailbox.js';
import { count, kb, mb0, pct, perMessage, rate, seconds } from './format.js';
import type { IndexInfo } from './index-and-warm.js';
import { scores, TARGET } from './scores.js';
import type { ServiceRun } from './service-run.js';
import { SETTLE_MS, type BackfillBenchOptions } from './settings.js';

export function report(
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
