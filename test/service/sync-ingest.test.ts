// The service against a real Dovecot and a real Redis: backfill, live mail while idling, the same
// mail in two folders, a UIDVALIDITY reset, the IMAP server restarting mid-sync, and the worker
// process killed mid-backfill. In every case each order is on record exactly once, with each of
// its emails exactly once in its correspondence.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../../src/queue/jobs.js';
import { queueOptions } from '../../src/queue/options.js';
import { loadConfig, type Config } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { startIngestWorker, startSyncWorker, type Closable, type ServiceContext } from '../../src/service/workers.js';
import { InboxStore } from '../../src/store/inbox-store.js';
import { Keys } from '../../src/store/keys.js';
import { OrderStore } from '../../src/store/order-store.js';
import type { Order } from '../../src/orders/order.js';
import { connectRedis } from '../../src/store/redis.js';
import { startDovecot, type TestDovecot } from '../support/dovecot.js';
import { eventually as waitUntil } from './eventually.js';
import { startRedis, uniquePrefix, type TestRedis } from '../support/redis.js';
import { expectedOrders, orderMail, personalMail, type MailboxFixture } from './mailbox-fixtures.js';

let dovecot: TestDovecot;
let redis: TestRedis;
let stateRoot: string;
let fixtures: MailboxFixture[];
let users = 0;

beforeAll(async () => {
  [dovecot, redis, fixtures] = await Promise.all([startDovecot(), startRedis(), orderMail()]);
  stateRoot = await mkdtemp(join(tmpdir(), 'ow-sync-'));
});

afterAll(async () => {
  await Promise.all([dovecot?.stop(), redis?.stop()]);
  if (stateRoot) await rm(stateRoot, { recursive: true, force: true });
});

/** A fresh mailbox user and key prefix per test: nothing is shared between tests. */
async function mailbox(folders = 'INBOX'): Promise<{ user: string; env: Record<string, string>; config: Config }> {
  const user = `robin${++users}`;
  const password = `pw-${users}-secret`;
  await dovecot.addUser(user, password);
  for (const f of folders.split(',')) if (f !== 'INBOX') await dovecot.createFolder(user, f);
  const env = {
    ORDERWATCH_IMAP: `imap://${user}:${encodeURIComponent(password)}@${dovecot.host}:${dovecot.port}`,
    ORDERWATCH_FOLDERS: folders,
    REDIS_URL: redis.url,
    ORDERWATCH_PREFIX: uniquePrefix(user),
    ORDERWATCH_STATE_DIR: join(stateRoot, user),
    ORDERWATCH_POLL: '2s',
    ORDERWATCH_LOG_LEVEL: 'silent',
  };
  return { user, env, config: loadConfig(env) };
}

/** The sync and ingest workers in this process, as `orderwatch run` starts them. */
async function startService(config: Config): Promise<ServiceContext & Closable> {
  const redisClient = connectRedis(config.redis.url, 'test');
  const ctx: ServiceContext = { config, redisUrl: config.redis.url, redis: redisClient, log: silentLogger(), now: () => new Date() };
  const ingest = await startIngestWorker(ctx);
  const sync = await startSyncWorker(ctx);
  return {
    ...ctx,
    close: async () => {
      await sync.close();
      await ingest.close();
      redisClient.disconnect();
    },
  };
}

function stores(config: Config) {
  const client = connectRedis(config.redis.url, 'test-reader');
  const keys = new Keys(config.prefix);
  return { orders: new OrderStore(client, keys), inbox: new InboxStore(client, keys), close: () => client.disconnect() };
}

/** Waits until the orders on record are exactly the expected ones, then checks each is there once. */
async function expectOrders(config: Config, expected: Map<string, number>, timeoutMs = 60_000): Promise<void> {
  const s = stores(config);
  try {
    const settled = async () => {
      const list = await s.orders.list();
      return list.length === expected.size && list.every((o) => incoming(o) === expected.get(o.id));
    };
    const settledInTime = await waitUntil(settled, { timeoutMs, what: `${expected.size} orders with all their mail` }).then(() => true, () => false);
    const list = await s.orders.list();
    if (!settledInTime) {
      console.error('orders still incomplete:', await whereIsTheMail(config, s.inbox));
      const off = list.filter((o) => incoming(o) !== expected.get(o.id));
      console.error('orders whose mail differs:', JSON.stringify(off.map((o) => ({ id: o.id, merchant: o.merchant.domain, number: o.orderNumber, expected: expected.get(o.id) ?? 0, messages: o.messages.map((m) => `${m.kind} ${m.subject} ${m.messageId}`) })), null, 2));
    }
    expect(new Set(list.map((o) => o.id)).size).toBe(list.length);
    expect(Object.fromEntries(list.map((o) => [o.id, incoming(o)]))).toEqual(Object.fromEntries(expected));
    for (const o of list) {
      const ids = o.messages.map((m) => m.messageId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  } finally {
    s.close();
  }
}

/**
 * The order's emails from the mailbox. Where the action worker runs too (the whole process), the
 * correspondence also lists what orderwatch sent about the order (notices for open windows).
 */
function incoming(order: Order): number {
  return order.messages.filter((m) => m.direction === 'in').length;
}

/** What the queues and the set-aside list say, for a failure message that explains itself. */
async function whereIsTheMail(config: Config, inbox: InboxStore): Promise<string> {
  const queue = new Queue(QUEUES.ingest, queueOptions(config.redis.url, config.prefix));
  try {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
    const failed = (await queue.getFailed(0, 20)).map((j) => `${j.id}: ${j.failedReason}`);
    const active = (await queue.getActive(0, 20)).map((j) => `${j.id} (${j.data.subject})`);
    const aside = (await inbox.setAsideEntries()).map((e) => `${e.uid} ${e.subject}: ${e.reason}`);
    return JSON.stringify({ counts, failed, active, aside }, null, 2);
  } finally {
    await queue.close();
  }
}

async function deliverAll(user: string, mail: MailboxFixture[], folder = 'INBOX'): Promise<void> {
  for (const m of mail) await dovecot.deliver(user, folder, m.raw);
}

describe('sync and ingest against a real IMAP server', { timeout: 240_000 }, () => {
  it('backfills a mailbox of a few hundred messages into one record per order', async () => {
    const { user, config } = await mailbox();
    const mail = interleave(fixtures, personalMail(200));
    await deliverAll(user, mail);
    const service = await startService(config);
    try {
      await expectOrders(config, expectedOrders(mail));
      const s = stores(config);
      const aside = await s.inbox.setAsideEntries();
      s.close();
      expect(aside).toEqual([]);
    } finally {
      await service.close();
    }
  });

  it('a message delivered while idling becomes an order within seconds', async () => {
    const { user, config } = await mailbox();
    const [first, ...rest] = fixtures.filter((f) => f.orderId);
    const before = rest.slice(0, 10);
    await deliverAll(user, before);
    const service = await startService(config);
    try {
      await expectOrders(config, expectedOrders(before));
      const late = rest.slice(10).find((f) => !before.some((b) => b.orderId === f.orderId))!;
      await dovecot.deliver(user, 'INBOX', late.raw);
      await expectOrders(config, expectedOrders([...before, late]), 15_000);
      void first;
    } finally {
      await service.close();
    }
  });

  it('the same message in two watched folders counts once', async () => {
    const { user, config } = await mailbox('INBOX,Orders');
    const mail = fixtures.filter((f) => f.orderId).slice(0, 12);
    await deliverAll(user, mail, 'INBOX');
    await deliverAll(user, mail.slice(0, 6), 'Orders');
    const service = await startService(config);
    try {
      await expectOrders(config, expectedOrders(mail));
    } finally {
      await service.close();
    }
  });

  it('a UIDVALIDITY reset rescans the folder without duplicating anything', async () => {
    const { user, config } = await mailbox();
    const mail = fixtures.slice(0, 30);
    await deliverAll(user, mail);
    const service = await startService(config);
    try {
      await expectOrders(config, expectedOrders(mail));
      const s = stores(config);
      const before = await s.inbox.folderProgress(config.mailbox.account, 'INBOX');
      await dovecot.resetUidValidity(user, 'INBOX');
      await waitUntil(async () => (await s.inbox.folderProgress(config.mailbox.account, 'INBOX'))?.uidValidity !== before?.uidValidity, {
        timeoutMs: 60_000,
        what: 'the rescan after the UIDVALIDITY change',
      });
      s.close();
      await expectOrders(config, expectedOrders(mail), 15_000);
    } finally {
      await service.close();
    }
  });

  it('the IMAP server restarting mid-sync loses nothing and duplicates nothing', async () => {
    const { user, config } = await mailbox();
    const mail = interleave(fixtures, personalMail(1_500));
    await deliverAll(user, mail);
    const service = await startService(config);
    try {
      const s = stores(config);
      await waitUntil(async () => ((await s.inbox.folderProgress(config.mailbox.account, 'INBOX'))?.lastUid ?? 0) > 0, { timeoutMs: 30_000, what: 'the first scanned batch' });
      const atRestart = (await s.inbox.folderProgress(config.mailbox.account, 'INBOX'))!.lastUid;
      s.close();
      await dovecot.restart();
      expect(atRestart).toBeLessThan(mail.length);
      await expectOrders(config, expectedOrders(mail), 90_000);
    } finally {
      await service.close();
    }
  });

  it('the worker process killed with SIGKILL mid-backfill and started again: every order exactly once', async () => {
    const { user, env, config } = await mailbox();
    const mail = interleave(fixtures, personalMail(1_000));
    await deliverAll(user, mail);
    const s = stores(config);
    let child = runProcess(env);
    try {
      await waitUntil(async () => ((await s.inbox.folderProgress(config.mailbox.account, 'INBOX'))?.lastUid ?? 0) > 0, { timeoutMs: 60_000, what: 'the first scanned batch' });
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const atKill = (await s.inbox.folderProgress(config.mailbox.account, 'INBOX'))!.lastUid;
      child = runProcess(env);
      await expectOrders(config, expectedOrders(mail), 120_000);
      expect(atKill).toBeLessThan(mail.length);
    } finally {
      s.close();
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
  });
});

function runProcess(env: Record<string, string>): ChildProcess {
  const root = join(import.meta.dirname, '..', '..');
  return spawn(process.execPath, ['--import', 'tsx', join(root, 'bin', 'dev.ts'), 'run'], { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
}

/** Order mail spread among personal mail, as in a real inbox. */
function interleave(orders: MailboxFixture[], filler: MailboxFixture[]): MailboxFixture[] {
  const out: MailboxFixture[] = [];
  const step = Math.max(1, Math.floor(filler.length / Math.max(1, orders.length)));
  let f = 0;
  for (const o of orders) {
    out.push(o, ...filler.slice(f, f + step));
    f += step;
  }
  return [...out, ...filler.slice(f)];
}
