// Proves the test harness: each helper starts a real server on loopback that a real client can use.
import { ImapFlow, type ExistsEvent, type StatusObject } from 'imapflow';
import { createTransport } from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type TestDovecot } from './dovecot.js';
import { firstLine } from './ports.js';
import { startRedis, uniquePrefix, type TestRedis } from './redis.js';
import { startSmtpServer, type TestSmtpServer } from './smtp.js';

const EVENT_TIMEOUT_MS = 15_000;

function within<T>(promise: Promise<T>, what: string, ms = EVENT_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function until(condition: () => boolean, what: string, ms = EVENT_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`no ${what} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** STATUS of a folder that must exist (imapflow answers `false` for one that does not). */
async function statusOf(client: ImapFlow, path: string): Promise<StatusObject> {
  const status = await client.status(path, { messages: true, uidValidity: true });
  if (!status) throw new Error(`no STATUS for ${path}`);
  return status;
}

function rawMessage(subject: string): string {
  return [
    'From: Ridgeway Pantry <orders@ridgewaypantry.example>',
    'To: alice@orderwatch.test',
    `Subject: ${subject}`,
    `Message-ID: <${uniquePrefix(subject)}@ridgewaypantry.example>`,
    'Date: Tue, 14 Apr 2026 15:05:00 -0700',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Thank you for your order. (${subject})`,
    '',
  ].join('\r\n');
}

describe('startRedis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());

  it('runs a private server on loopback that answers PING', async () => {
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(redis.port).not.toBe(6379);
    expect(await firstLine(redis.port, 'PING\r\n')).toBe('+PONG');
  });

  it('stops for good', async () => {
    const other = await startRedis();
    await other.stop();
    await expect(firstLine(other.port, 'PING\r\n')).rejects.toThrow();
  });

  it('hands out prefixes that differ and are usable as BullMQ prefixes', () => {
    const a = uniquePrefix('Order Queue');
    const b = uniquePrefix('Order Queue');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^order-queue-\d+-\d+-[0-9a-f]{6}$/);
  });
});

describe('startDovecot', () => {
  let dovecot: TestDovecot;
  let clients: ImapFlow[] = [];

  async function connect(user = 'alice'): Promise<ImapFlow> {
    const client = new ImapFlow(dovecot.login(user));
    client.on('error', () => undefined); // a restart drops connections; the test sees it as a closed client
    clients.push(client);
    await client.connect();
    return client;
  }

  beforeAll(async () => {
    dovecot = await startDovecot();
  });
  afterEach(() => {
    for (const client of clients) client.close();
    clients = [];
  });
  afterAll(() => dovecot?.stop());

  it('accepts a login with the configured password and refuses a wrong one', async () => {
    expect(dovecot.host).toBe('127.0.0.1');
    expect(dovecot.port).not.toBe(143);
    const client = await connect();
    expect(client.usable).toBe(true);

    const intruder = new ImapFlow({ ...dovecot.login('alice'), auth: { user: 'alice', pass: 'wrong' } });
    intruder.on('error', () => undefined);
    await expect(intruder.connect()).rejects.toMatchObject({ authenticationFailed: true });
    intruder.close();
  });

  it('tells an idling client about a message delivered to the Maildir', async () => {
    const client = await connect();
    const inbox = await client.mailboxOpen('INBOX');
    const before = inbox.exists;
    const exists = new Promise<ExistsEvent>((resolve) => client.once('exists', resolve));
    const idling = client.idle().catch(() => undefined);
    await until(() => client.idling, 'IDLE');

    await dovecot.deliver('alice', 'INBOX', rawMessage('delivered while idling'));

    const event = await within(exists, '"exists" event');
    expect(event).toMatchObject({ path: 'INBOX', count: before + 1 });
    client.close();
    await idling;
  });

  it('adds users and folders while running', async () => {
    await dovecot.addUser('bob', 'bob-password');
    await dovecot.createFolder('bob', 'Orders/2026');
    await dovecot.deliver('bob', 'Orders/2026', rawMessage('filed order'));
    const client = await connect('bob');
    const paths = (await client.list()).map((m) => m.path);
    expect(paths).toEqual(expect.arrayContaining(['INBOX', 'Orders', 'Orders/2026']));
    expect((await statusOf(client, 'Orders/2026')).messages).toBe(1);
  });

  it('resetUidValidity makes Dovecot assign a new UIDVALIDITY and keeps the messages', async () => {
    await dovecot.createFolder('alice', 'Receipts');
    await dovecot.deliver('alice', 'Receipts', rawMessage('receipt one'));
    await dovecot.deliver('alice', 'Receipts', rawMessage('receipt two'));
    const first = await connect();
    const before = await statusOf(first, 'Receipts');
    await first.logout();

    await dovecot.resetUidValidity('alice', 'Receipts');

    const second = await connect();
    const after = await statusOf(second, 'Receipts');
    expect(before.uidValidity).toBeDefined();
    expect(after.uidValidity).toBeDefined();
    expect(after.uidValidity).not.toBe(before.uidValidity);
    expect(after.messages).toBe(2);
  });

  it('restart keeps the port and the mail', async () => {
    await dovecot.deliver('alice', 'INBOX', rawMessage('before restart'));
    const first = await connect();
    const before = await statusOf(first, 'INBOX');
    const port = dovecot.port;

    await dovecot.restart();

    expect(dovecot.port).toBe(port);
    const second = await connect();
    const after = await statusOf(second, 'INBOX');
    expect(after.messages).toBe(before.messages);
    expect(after.uidValidity).toBe(before.uidValidity);
  });
});

describe('startSmtpServer', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp?.stop());

  it('records a message sent with nodemailer: envelope, raw bytes, Message-ID', async () => {
    const transport = createTransport(smtp.transportOptions());
    try {
      await transport.sendMail({
        from: 'orderwatch@orderwatch.test',
        to: 'pantry@ridgewaypantry.example',
        subject: 'Cancel order 2291',
        text: 'Please cancel order 2291.',
        messageId: '<cancel-2291@orderwatch.test>',
      });
    } finally {
      transport.close();
    }
    const [message] = await smtp.waitForMessages(1);
    expect(message).toMatchObject({
      envelope: { mailFrom: 'orderwatch@orderwatch.test', rcptTo: ['pantry@ridgewaypantry.example'] },
      messageId: '<cancel-2291@orderwatch.test>',
      user: null,
    });
    expect(message?.raw.toString('utf8')).toContain('Subject: Cancel order 2291');
  });

  it('accepts AUTH with any credentials and remembers the user', async () => {
    const transport = createTransport({ ...smtp.transportOptions(), auth: { user: 'sender', pass: 'anything' } });
    try {
      await transport.sendMail({ from: 'a@orderwatch.test', to: 'b@orderwatch.test', subject: 'auth', text: 'x' });
    } finally {
      transport.close();
    }
    const messages = await smtp.waitForMessages(2);
    expect(messages[1]?.user).toBe('sender');
  });

  it('rejects with the reply that respond() gives, without recording', async () => {
    const refusing = await startSmtpServer({ respond: () => ({ code: 550, message: 'mailbox unavailable' }) });
    const transport = createTransport(refusing.transportOptions());
    try {
      await expect(transport.sendMail({ from: 'a@orderwatch.test', to: 'b@orderwatch.test', subject: 'no', text: 'x' })).rejects.toMatchObject({
        responseCode: 550,
      });
      expect(refusing.messages).toHaveLength(0);
    } finally {
      transport.close();
      await refusing.stop();
    }
  });
});
