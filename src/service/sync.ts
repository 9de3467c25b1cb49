// The sync loop of one account: backfill the watched folders, then watch them (IDLE, with a poll
// fallback), handing every message worth reading to the ingest queue. Progress is stored per
// folder after each batch is enqueued, so a restart resumes where it stopped and a crash repeats
// at most one batch (whose jobs then dedupe by id). Transactional mail passed over from a sender
// not yet known as a shop is remembered in the store and read once that sender proves to be one.
// A UIDVALIDITY change restarts the folder from scratch; the ingest side recognises mail it
// already has by Message-ID.
import { setTimeout as sleep } from 'node:timers/promises';
import { senderShop, transactional, triage } from '../extract/triage.js';
import { threadIds } from '../orders/match.js';
import type { IngestJob } from '../queue/jobs.js';
import type { InboxStore } from '../store/inbox-store.js';
import type { Logger } from '../log.js';
import { reconnectDelay } from '../mail/backoff.js';
import type { MailboxSource, MessageRef, MessageSummary } from '../mail/source.js';

/** Messages looked at per step: progress is saved after each, so a crash repeats at most one. */
const SCAN_BATCH = 250;
/** Downloaded messages handed to the ingest queue together. */
const ENQUEUE_GROUP = 50;

export interface SyncDeps {
  account: string;
  /** A fresh source per connection (an imapflow client cannot reconnect). */
  openSource: () => Promise<MailboxSource>;
  folders: string[];
  inbox: InboxStore;
  /** Enqueues ingest jobs for messages whose bytes are stored; must be idempotent per job id. */
  enqueue: (jobs: { job: IngestJob; source: Buffer }[]) => Promise<void>;
  setAside: (message: MessageRef, folder: string, reason: string) => Promise<void>;
  /** Which of these Message-IDs belong to the correspondence of a known order (or to mail orderwatch sent). */
  knownMessageIds: (ids: string[]) => Promise<Set<string>>;
  now: () => Date;
  backfillDays: number | null;
  maxMessageBytes: number;
  pollMs: number;
  log: Logger;
  onProgress?: (p: SyncProgress) => void;
}

export interface SyncProgress {
  folder: string;
  scanned: number;
  queued: number;
  /** Messages in the folder when the scan began (for a progress bar). */
  total: number;
  phase: 'backfill' | 'live';
}

/** Runs until `signal` aborts; connection failures are retried with backoff, never thrown. */
export async function runSync(deps: SyncDeps, signal: AbortSignal, options: { once?: boolean } = {}): Promise<void> {
  let failures = 0;
  while (!signal.aborted) {
    let source: MailboxSource | null = null;
    try {
      source = await deps.openSource();
      await source.connect();
      failures = 0;
      for (const folder of deps.folders) await scanFolder(deps, source, folder, 'backfill', signal);
      if (options.once) return;
      deps.log.info({ folders: deps.folders }, 'watching for new mail');
      while (!signal.aborted) {
        await source.waitForChange(deps.folders[0]!, deps.pollMs, signal);
        for (const folder of deps.folders) await scanFolder(deps, source, folder, 'live', signal);
      }
    } catch (err) {
      if (signal.aborted) break;
      const delay = reconnectDelay(++failures, Math.random);
      if (err instanceof Error && err.name === 'MailboxAuthError') {
        // Not transient, but a password may be fixed on the server side: keep trying, slowly, loudly.
        deps.log.error({ err: errorText(err), retryInMs: delay }, 'the mailbox refused the login: check ORDERWATCH_IMAP');
      } else {
        deps.log.warn({ err: errorText(err), retryInMs: delay }, 'mailbox connection failed; reconnecting');
      }
      await sleep(delay, undefined, { signal }).catch(() => {});
    } finally {
      await source?.close().catch(() => {});
    }
  }
}

async function scanFolder(deps: SyncDeps, source: MailboxSource, folder: string, phase: SyncProgress['phase'], signal: AbortSignal): Promise<void> {
  const state = await source.openFolder(folder);
  const stored = await deps.inbox.folderProgress(deps.account, folder);
  const fresh = !stored || stored.uidValidity !== state.uidValidity;
  if (stored && fresh) {
    deps.log.warn({ folder }, 'UIDVALIDITY changed: rescanning the folder');
    await deps.inbox.dropPassedOver(deps.account, folder, stored.uidValidity);
  }
  const lastUid = fresh ? 0 : stored.lastUid;
  const progress: SyncProgress = { folder, scanned: 0, queued: 0, total: state.exists, phase };
  const where = [deps.account, folder, state.uidValidity] as const;

  // A crash may have come between learning a shop and reading what was passed over from it.
  const leftover = await deps.inbox.passedOverShops(...where);
  if (leftover.length > 0) {
    progress.queued += await download(deps, source, folder, state.uidValidity, await deps.inbox.passedOverFrom(...where, leftover));
    await deps.inbox.forgetPassedOver(...where, leftover);
  }
  if (!fresh && lastUid >= state.uidNext - 1) return;

  const since = fresh && deps.backfillDays !== null ? new Date(deps.now().getTime() - deps.backfillDays * 86_400_000) : null;
  const shops = await deps.inbox.shops();
  let highest = lastUid;
  for await (const batch of source.summaries(folder, { fromUid: lastUid + 1, since, batchSize: SCAN_BATCH })) {
    if (signal.aborted) return;
    const wanted: MessageRef[] = [];
    const newShops = new Set<string>();
    const passed: { sender: string; message: MessageSummary }[] = [];
    const known = await deps.knownMessageIds(batch.flatMap((m) => threadOf(m)));
    for (const m of batch) {
      const verdict = triage(m);
      const shop = senderShop(m.from);
      if (verdict === 'order-like' && shop && !shops.has(shop)) {
        newShops.add(shop);
        shops.add(shop);
      }
      // Replies are read when they answer a thread we know (a store answering, the owner replying to a reminder).
      const knownThread = verdict === 'reply' && threadOf(m).some((id) => known.has(id));
      const fromShop = shop !== null && shops.has(shop) && transactional(m);
      if (verdict === 'order-like' || knownThread || fromShop) wanted.push(m);
      else if (shop && transactional(m)) passed.push({ sender: shop, message: m });
    }
    // Mail passed over from a sender now known as a shop is read now, from this batch or an earlier
    // one. The rest is stored before the progress mark moves past it: a restart must not forget it.
    wanted.push(...passed.filter((p) => newShops.has(p.sender)).map((p) => p.message));
    if (newShops.size > 0) wanted.push(...(await deps.inbox.passedOverFrom(...where, newShops)));
    await deps.inbox.passOver(...where, passed.filter((p) => !newShops.has(p.sender)));
    progress.queued += await download(deps, source, folder, state.uidValidity, wanted);
    await deps.inbox.addShops(newShops);
    await deps.inbox.forgetPassedOver(...where, newShops);
    for (const m of batch) highest = Math.max(highest, m.uid);
    await deps.inbox.saveFolderProgress(deps.account, folder, { uidValidity: state.uidValidity, lastUid: highest });
    progress.scanned += batch.length;
    deps.onProgress?.({ ...progress });
  }
  // Nothing left to look at up to uidNext: remember it, so the next pass skips an unchanged folder.
  const upTo = Math.max(highest, state.uidNext - 1);
  await deps.inbox.saveFolderProgress(deps.account, folder, { uidValidity: state.uidValidity, lastUid: upTo });
  if (progress.scanned > 0) deps.log.info({ folder, phase, scanned: progress.scanned, queued: progress.queued }, 'folder scanned');
}

/** Downloads the messages (oversized ones are set aside instead) and queues them for ingest. */
async function download(deps: SyncDeps, source: MailboxSource, folder: string, uidValidity: string, wanted: MessageRef[]): Promise<number> {
  for (const m of wanted.filter((w) => w.size > deps.maxMessageBytes)) {
    await deps.setAside(m, folder, `message of ${(m.size / 1048576).toFixed(1)} MB is over the ${(deps.maxMessageBytes / 1048576).toFixed(0)} MB limit; not downloaded`);
  }
  const toFetch = wanted.filter((m) => m.size <= deps.maxMessageBytes);
  if (toFetch.length === 0) return 0;
  const byUid = new Map(toFetch.map((m) => [m.uid, m]));
  let jobs: { job: IngestJob; source: Buffer }[] = [];
  let queued = 0;
  for await (const fetched of source.fetch(folder, toFetch.map((m) => m.uid))) {
    const summary = byUid.get(fetched.uid);
    jobs.push({
      job: { account: deps.account, folder, uidValidity, uid: fetched.uid, messageId: summary?.messageId ?? null, subject: summary?.subject ?? '' },
      source: fetched.source,
    });
    // Handed on in small groups, so that a batch of large messages is never all in memory at once.
    if (jobs.length >= ENQUEUE_GROUP) {
      await deps.enqueue(jobs);
      queued += jobs.length;
      jobs = [];
    }
  }
  await deps.enqueue(jobs);
  return queued + jobs.length;
}

function threadOf(m: MessageSummary): string[] {
  return threadIds(m.headers['in-reply-to'] ? [m.headers['in-reply-to']] : [], m.headers.references ? [m.headers.references] : []);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
