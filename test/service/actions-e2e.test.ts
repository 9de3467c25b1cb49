// The whole loop as the service runs it: Dovecot holds the owner's and the store's mailboxes, an
// SMTP server relays what orderwatch sends to them, Redis holds the queues, and the workers run as
// `orderwatch run` starts them. The store's side is played by the test: it answers in the thread.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { startActionWorker, startIngestWorker, startSyncWorker, type Closable, type ServiceContext } from '../../src/service/workers.js';
import { Keys } from '../../src/store/keys.js';
import { OrderStore } from '../../src/store/order-store.js';
import { InboxStore } from '../../src/store/inbox-store.js';
import { connectRedis } from '../../src/store/redis.js';
import type { Order } from '../../src/orders/order.js';
import { startDovecot, type TestDovecot } from '../support/dovecot.js';
import { startRedis, uniquePrefix, type TestRedis } from '../support/redis.js';
import { startSmtpServer, type RecordedMessage, type TestSmtpServer } from '../support/smtp.js';
import { eventually } from './eventually.js';

const SHOP = 'larchwoodtea.com';
const AUTHSERV = 'mx.owner.test';
let dovecot: TestDovecot;
let redis: TestRedis;
let smtp: TestSmtpServer;
let stateRoot: string;
let relay: NodeJS.Timeout;
let n = 0;
/** Recipient address -> Dovecot user: the SMTP server relays each accepted message to its mailbox. */
const mailboxes = new Map<string, string>();

beforeAll(async () => {
  [dovecot, redis, smtp] = await Promise.all([startDovecot(), startRedis(), startSmtpServer()]);
  stateRoot = await mkdtemp(join(tmpdir(), 'ow-actions-'));
  let relayed = 0;
  let busy = false;
  relay = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      while (relayed < smtp.messages.length) {
        const m = smtp.messages[relayed++]!;
        for (const rcpt of m.envelope.rcptTo) {
          const user = mailboxes.get(rcpt.toLowerCase());
          if (user) await dovecot.deliver(user, 'INBOX', m.raw);
        }
      }
    } finally {
      busy = false;
    }
  }, 50);
});

afterAll(async () => {
  clearInterval(relay);
  await Promise.all([dovecot?.stop(), redis?.stop(), smtp?.stop()]);
  if (stateRoot) await rm(stateRoot, { recursive: true, force: true });
});

interface World {
  owner: string;
  shopUser: string;
  contact: string;
  env: Record<string, string>;
  config: Config;
  orders: OrderStore;
  inbox: InboxStore;
  close(): void;
}

async function world(extra: Record<string, string> = {}): Promise<World> {
  const i = ++n;
  const user = `owner${i}`;
  const shopUser = `shop${i}`;
  const password = `pw-${i}`;
  await dovecot.addUser(user, password);
  await dovecot.addUser(shopUser, `shop-pw-${i}`);
  const owner = `${user}@owner.test`;
  const contact = `care${i}@${SHOP}`;
  mailboxes.set(owner, user);
  mailboxes.set(contact, shopUser);
  const env = {
    ORDERWATCH_IMAP: `imap://${user}:${password}@${dovecot.host}:${dovecot.port}`,
    ORDERWATCH_SMTP: `smtp://${smtp.host}:${smtp.port}`,
    ORDERWATCH_OWNER: owner,
    ORDERWATCH_OWNER_NAME: 'Robin Achterberg',
    ORDERWATCH_AUTHSERV_ID: AUTHSERV,
    ORDERWATCH_TZ: 'Europe/Berlin',
    REDIS_URL: redis.url,
    ORDERWATCH_PREFIX: uniquePrefix(user),
    ORDERWATCH_STATE_DIR: join(stateRoot, user),
    ORDERWATCH_POLL: '2s',
    ORDERWATCH_LOG_LEVEL: 'silent',
    ...extra,
  };
  const config = loadConfig(env);
  const client = connectRedis(config.redis.url, 'test-reader');
  const keys = new Keys(config.prefix);
  return { owner, shopUser, contact, env, config, orders: new OrderStore(client, keys), inbox: new InboxStore(client, keys), close: () => client.disconnect() };
}

async function startService(config: Config): Promise<Closable> {
  const client = connectRedis(config.redis.url, 'test-service');
  const ctx: ServiceContext = { config, redisUrl: config.redis.url, redis: client, log: silentLogger(), now: () => new Date() };
  const parts = [await startIngestWorker(ctx), await startActionWorker(ctx), await startSyncWorker(ctx)];
  return {
    close: async () => {
      for (const p of parts.reverse()) await p.close();
      client.disconnect();
    },
  };
}

/** The shop's order confirmation, signed off by the owner's mail server (Authentication-Results). */
function confirmation(w: World, orderNumber: string, windowText: string, placed = new Date()): string {
  const minute = new Date(Math.floor(placed.getTime() / 60_000) * 60_000);
  const printed = minute.toISOString().replace('T', ' ').slice(0, 16);
  return [
    `Authentication-Results: ${AUTHSERV}; dkim=pass header.d=${SHOP} header.s=s1; dmarc=pass header.from=${SHOP}`,
    `From: Larchwood Tea <orders@${SHOP}>`,
    `To: Robin Achterberg <${w.owner}>`,
    `Subject: Your Larchwood Tea order ${orderNumber} is confirmed`,
    `Date: ${placed.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <confirm-${orderNumber}@${SHOP}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'LARCHWOOD TEA',
    '',
    'Thank you for your order!',
    '',
    `Order number: ${orderNumber}`,
    `Order date: ${printed} UTC`,
    '',
    '1 x Smoky Lapsang 100g ........ $18.00',
    '2 x Sencha Tin 50g ............ $24.00',
    'Shipping ...................... $5.00',
    'Order total ................... $47.00',
    '',
    `${windowText}: https://${SHOP}/orders/${orderNumber}/cancel?k=7f3a`,
    '',
    `Questions? Write to ${w.contact}`,
    '',
  ].join('\r\n');
}

function reply(from: string, to: string, inReplyTo: string, subject: string, body: string, id: string): string {
  return [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: Re: ${subject}`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${id}>`,
    `In-Reply-To: ${inReplyTo}`,
    `References: ${inReplyTo}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

const to = (addr: string) => (m: RecordedMessage) => m.envelope.rcptTo.map((r) => r.toLowerCase()).includes(addr);
const subjectOf = (m: RecordedMessage) => /^Subject: (.*)$/im.exec(m.raw.toString())?.[1] ?? '';

async function orderOf(w: World, orderNumber: string): Promise<Order | undefined> {
  return (await w.orders.find(orderNumber))[0];
}

async function sentCopies(w: World, messageId: string): Promise<number> {
  const client = new ImapFlow({ ...dovecot.login(w.owner.split('@')[0]!), logger: false });
  await client.connect();
  try {
    const list = await client.list();
    if (!list.some((f) => f.path === 'Sent')) return 0;
    const lock = await client.getMailboxLock('Sent');
    try {
      const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
      return found ? found.length : 0;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

describe('acting before the window closes', { timeout: 300_000 }, () => {
  it('a 3-minute window: reminders on time, the owner replies "cancel", the store gets one request, confirms, the order is cancelled', async () => {
    const w = await world();
    const service = await startService(w.config);
    try {
      const placed = new Date();
      await dovecot.deliver(w.owner.split('@')[0]!, 'INBOX', confirmation(w, 'LW-3001', 'You can cancel within 3 minutes of placing your order', placed));
      await eventually(async () => (await orderOf(w, 'LW-3001'))?.contact.trusted === true, { timeoutMs: 20_000, what: 'the order on record with a trusted contact' });
      const order = (await orderOf(w, 'LW-3001'))!;
      const deadline = Date.parse(order.cancelBy!);
      expect(deadline - Math.floor(placed.getTime() / 60_000) * 60_000).toBe(3 * 60_000);

      // At once (less than every offset is left), then again near the end.
      await eventually(async () => smtp.messages.filter(to(w.owner)).length >= 1, { timeoutMs: 20_000, what: 'the first reminder' });
      const first = smtp.messages.filter(to(w.owner))[0]!;
      expect(subjectOf(first)).toMatch(/LW-3001/);
      expect(first.raw.toString()).toMatch(/text\/calendar/);
      await eventually(async () => smtp.messages.filter(to(w.owner)).length >= 2, { timeoutMs: 180_000, what: 'the reminder near the end' });
      const second = smtp.messages.filter(to(w.owner))[1]!;
      const dueNearEnd = order.next?.due ? Date.parse(order.next.due) : deadline - (deadline - first.receivedAt.getTime()) / 3;
      expect(second.receivedAt.getTime()).toBeGreaterThanOrEqual(dueNearEnd - 1_000);
      expect(second.receivedAt.getTime()).toBeLessThan(deadline);
      expect(second.receivedAt.getTime() - dueNearEnd).toBeLessThan(15_000);

      // The owner answers the reminder.
      await dovecot.deliver(w.owner.split('@')[0]!, 'INBOX', reply(w.owner, w.owner, second.messageId!, subjectOf(second), 'cancel\r\n\r\nThanks', `owner-reply-1@owner.test`));
      await eventually(async () => smtp.messages.filter(to(w.contact)).length >= 1, { timeoutMs: 30_000, what: 'the cancellation request' });
      const request = smtp.messages.filter(to(w.contact))[0]!;
      expect(request.envelope.mailFrom).toBe(w.owner);
      expect(request.raw.toString()).toMatch(/LW-3001/);
      expect(request.raw.toString()).toMatch(/In-Reply-To: <confirm-LW-3001@larchwoodtea\.com>/i);
      await eventually(async () => (await sentCopies(w, request.messageId!)) === 1, { timeoutMs: 20_000, what: 'the request copied to Sent' });
      // The order is saved after its actions (a crash repeats them): its state follows the Sent copy by a moment.
      await eventually(async () => (await orderOf(w, 'LW-3001'))?.state === 'cancel_requested', { timeoutMs: 10_000, what: 'the order marked cancel_requested' });
      expect((await orderOf(w, 'LW-3001'))!.state).toBe('cancel_requested');

      // The store confirms in the thread.
      await dovecot.deliver(
        w.owner.split('@')[0]!,
        'INBOX',
        reply(`Larchwood Tea <${w.contact}>`, w.owner, request.messageId!, 'Cancellation request: order LW-3001', 'Hello Robin,\r\n\r\nyour order LW-3001 has been cancelled and refunded.\r\n\r\nLarchwood Tea', `shop-confirm-1@${SHOP}`),
      );
      await eventually(async () => (await orderOf(w, 'LW-3001'))?.state === 'cancelled', { timeoutMs: 30_000, what: 'the order cancelled' });
      await eventually(async () => smtp.messages.filter(to(w.owner)).some((m) => /cancel/i.test(subjectOf(m)) && m !== first && m !== second), { timeoutMs: 20_000, what: 'the owner told' });
      await new Promise((r) => setTimeout(r, 2_000));
      expect(smtp.messages.filter(to(w.contact))).toHaveLength(1);
    } finally {
      await service.close();
      w.close();
    }
  });

  it('a silent store: flagged where the owner looks, a follow-up in the thread, then handed over', async () => {
    const w = await world({ ORDERWATCH_CONFIRM_WITHIN: '5s', ORDERWATCH_MAX_FOLLOWUPS: '1' });
    const service = await startService(w.config);
    try {
      await dovecot.deliver(w.owner.split('@')[0]!, 'INBOX', confirmation(w, 'LW-3002', 'You can cancel your order within 24 hours'));
      await eventually(async () => (await orderOf(w, 'LW-3002'))?.contact.trusted === true, { timeoutMs: 20_000, what: 'the order on record' });
      const cli = await runCli(w.env, ['cancel', 'LW-3002']);
      expect(cli.stdout).toMatch(/a request goes to care\d+@larchwoodtea\.com/);
      await eventually(async () => smtp.messages.filter(to(w.contact)).length >= 2, { timeoutMs: 40_000, what: 'the request and a follow-up' });
      const [request, followup] = smtp.messages.filter(to(w.contact));
      expect(followup!.raw.toString()).toMatch(new RegExp(`In-Reply-To:\\s+${request!.messageId!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i'));
      await eventually(async () => (await orderOf(w, 'LW-3002'))?.state === 'confirmation_overdue', { timeoutMs: 30_000, what: 'the hand-over' });
      const order = (await orderOf(w, 'LW-3002'))!;
      expect(order.flags).toEqual(expect.arrayContaining(['missing_cancellation_confirmation', 'manual_action']));
      expect(await flagsOf(w, 'Sent', request!.messageId!)).toEqual(expect.arrayContaining(['\\Flagged', '$OrderwatchNoConfirmation']));
      expect(await flagsOf(w, 'INBOX', '<confirm-LW-3002@larchwoodtea.com>')).toEqual(expect.arrayContaining(['\\Flagged']));
      expect(smtp.messages.filter(to(w.contact))).toHaveLength(2);
    } finally {
      await service.close();
      w.close();
    }
  });

  it('a forged "cancel" reply from another address changes nothing', async () => {
    const w = await world();
    const service = await startService(w.config);
    try {
      await dovecot.deliver(w.owner.split('@')[0]!, 'INBOX', confirmation(w, 'LW-3003', 'You can cancel within 2 hours'));
      await eventually(async () => smtp.messages.filter(to(w.owner)).some((m) => /LW-3003/.test(subjectOf(m))), { timeoutMs: 20_000, what: 'the first reminder' });
      const reminder = smtp.messages.filter(to(w.owner)).find((m) => /LW-3003/.test(subjectOf(m)))!;
      await dovecot.deliver(w.owner.split('@')[0]!, 'INBOX', reply('Mallory <mallory@evil.test>', w.owner, reminder.messageId!, subjectOf(reminder), 'cancel', 'forged-1@evil.test'));
      // A reply from the owner's address to a Message-ID with a made-up token is not ours either.
      const fake = reminder.messageId!.replace(/\.[0-9a-z]+@/, '.aaaaaaaaaaaaaaaa@');
      await dovecot.deliver(w.owner.split('@')[0]!, 'INBOX', reply(w.owner, w.owner, fake, subjectOf(reminder), 'cancel', 'forged-2@owner.test'));
      await eventually(async () => (await w.inbox.setAsideEntries()).some((e) => /mallory@evil\.test/.test(e.reason)), { timeoutMs: 20_000, what: 'the forgery noted' });
      await new Promise((r) => setTimeout(r, 5_000));
      const order = (await orderOf(w, 'LW-3003'))!;
      expect(order.state).toBe('reminded');
      expect(order.progress.cancelAskedAt).toBeNull();
      expect(smtp.messages.filter(to(w.contact))).toHaveLength(0);
    } finally {
      await service.close();
      w.close();
    }
  });

  it('killed with SIGKILL at random points while sending: the request arrives, and exactly once when its Sent copy was stored', async () => {
    const rounds = 4;
    for (let round = 0; round < rounds; round++) {
      const w = await world();
      const number = `LW-40${round}`;
      await dovecot.deliver(w.owner.split('@')[0]!, 'INBOX', confirmation(w, number, 'You can cancel within 6 hours'));
      let child = runService(w.env);
      try {
        await eventually(async () => (await orderOf(w, number))?.contact.trusted === true, { timeoutMs: 40_000, what: 'the order on record' });
        await runCli(w.env, ['cancel', number]);
        // Kill somewhere between the job starting and well after the send.
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 1_500)));
        child.kill('SIGKILL');
        await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
        const delivered = smtp.messages.filter(to(w.contact));
        const copiedBeforeRestart = delivered[0]?.messageId ? await sentCopies(w, delivered[0].messageId) : 0;
        child = runService(w.env);
        await eventually(async () => smtp.messages.filter(to(w.contact)).length >= 1 && (await orderOf(w, number))?.state === 'cancel_requested', {
          timeoutMs: 90_000,
          what: `round ${round}: the request after the restart`,
        });
        await new Promise((r) => setTimeout(r, 3_000));
        const requests = smtp.messages.filter(to(w.contact));
        expect(requests.length).toBeGreaterThanOrEqual(1);
        if (copiedBeforeRestart > 0) expect(requests).toHaveLength(1);
        expect(new Set(requests.map((m) => m.messageId)).size).toBe(1);
        expect(await sentCopies(w, requests[0]!.messageId!)).toBe(1);
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
        w.close();
      }
    }
  });
});

async function flagsOf(w: World, folder: string, messageId: string): Promise<string[]> {
  const client = new ImapFlow({ ...dovecot.login(w.owner.split('@')[0]!), logger: false });
  await client.connect();
  try {
    const lock = await client.getMailboxLock(folder);
    try {
      const uids = await client.search({ header: { 'message-id': messageId } }, { uid: true });
      if (!uids || uids.length === 0) return [];
      const msg = await client.fetchOne(String(uids[0]), { flags: true }, { uid: true });
      return msg ? [...(msg.flags ?? [])] : [];
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

const root = join(import.meta.dirname, '..', '..');

function runService(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(root, 'bin', 'dev.ts'), 'run'], { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
}

function runCli(env: Record<string, string>, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bin', 'dev.ts'), ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout }));
  });
}
