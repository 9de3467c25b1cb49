// "Never twice, never lost": Mailer against a real SMTP server (smtp-server, in-process), a real
// Dovecot for the Sent folder and a real Redis for the outbox records. A crash is simulated by
// throwing from the checkpoint hook, which leaves the records as a kill at that point would.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composeMail } from '../../src/mail/compose.js';
import {
  FolderTransport,
  isPermanentSmtpFailure,
  Mailer,
  openTransport,
  PermanentSendError,
  redactSmtpUrl,
  sendRetryDelay,
  SmtpTransport,
  smtpSettings,
  TransientSendError,
  type SendStep,
} from '../../src/mail/mailer.js';
import { chooseSentFolder, ImapSentFolder, LocalSentFolder, messageFileStem, type SentFolder } from '../../src/mail/sent-folder.js';
import type { OutgoingMail } from '../../src/orders/outgoing.js';
import { OutboxStore } from '../../src/store/outbox-store.js';
import { connectRedis } from '../../src/store/redis.js';
import { startDovecot, type TestDovecot } from '../support/dovecot.js';
import { startRedis, uniquePrefix, type TestRedis } from '../support/redis.js';
import { startSmtpServer, type RecordedMessage, type SmtpReply, type TestSmtpServer } from '../support/smtp.js';

const SMTP_PASSWORD = 'p@ss:w0rd/Secret';
const IMAP_PASSWORDS = { alice: 'alice-imap-Secret', bob: 'bob-imap-Secret', carol: 'carol-imap-Secret' };

let redisServer: TestRedis;
let dovecot: TestDovecot;
let smtp: TestSmtpServer;
let redis: Redis;
/** What the SMTP server answers instead of accepting, per test; null accepts. */
let reply: ((message: RecordedMessage) => SmtpReply | undefined) | null = null;

beforeAll(async () => {
  [redisServer, dovecot, smtp] = await Promise.all([startRedis(), startDovecot({ users: IMAP_PASSWORDS }), startSmtpServer({ respond: (m) => reply?.(m) })]);
  redis = connectRedis(redisServer.url, 'mailer-test');
});

afterAll(async () => {
  redis?.disconnect();
  await Promise.all([redisServer?.stop(), dovecot?.stop(), smtp?.stop()]);
});

afterEach(() => {
  reply = null;
});

class Crash extends Error {
  override readonly name = 'Crash';
}

function outgoing(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  const token = uniquePrefix('cancel');
  return {
    kind: 'cancel_request',
    orderId: `ord-${token}`,
    messageId: `<${token}@orderwatch.test>`,
    from: { name: 'Alice Example', address: 'alice@orderwatch.test' },
    to: [{ name: 'Ridgeway Pantry', address: 'pantry@ridgewaypantry.example' }],
    replyTo: null,
    subject: 'Please cancel order #2291',
    text: 'Hello,\n\nplease cancel my order #2291 of 14 April.\n\nAlice\n',
    html: null,
    inReplyTo: '<order-2291@ridgewaypantry.example>',
    references: ['<order-2291@ridgewaypantry.example>'],
    calendar: null,
    keepInSent: true,
    ...overrides,
  };
}

const smtpUrl = () => `smtp://alice:${encodeURIComponent(SMTP_PASSWORD)}@${smtp.host}:${smtp.port}`;
const deliveries = (messageId: string) => smtp.messages.filter((m) => m.messageId === messageId);

function imapSent(user: keyof typeof IMAP_PASSWORDS = 'alice', extra: { folder?: string } = {}): ImapSentFolder {
  return new ImapSentFolder({ host: dovecot.host, port: dovecot.port, secure: false, user, password: IMAP_PASSWORDS[user], ...extra });
}

/** The sources of the messages in `folder` with this Message-ID, through a connection of the test's own. */
async function copiesIn(user: keyof typeof IMAP_PASSWORDS, folder: string, messageId: string): Promise<Array<{ source: Buffer; flags: Set<string> }>> {
  const client = new ImapFlow(dovecot.login(user));
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.mailboxOpen(folder);
    const uids = (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
    const out: Array<{ source: Buffer; flags: Set<string> }> = [];
    if (uids.length === 0) return out;
    for await (const msg of client.fetch(uids.join(','), { uid: true, source: true, flags: true }, { uid: true })) {
      out.push({ source: msg.source!, flags: msg.flags ?? new Set() });
    }
    return out;
  } finally {
    await client.logout().catch(() => undefined);
    client.close();
  }
}

describe('Mailer over SMTP with the Sent folder on IMAP', () => {
  let outbox: OutboxStore;
  let sent: ImapSentFolder;
  let mailers: Mailer[] = [];

  beforeEach(() => {
    outbox = new OutboxStore(redis, uniquePrefix('outbox'));
    sent = imapSent();
  });

  afterEach(async () => {
    await Promise.all(mailers.map((m) => m.close()));
    mailers = [];
    await sent.close();
  });

  /** A mailer as a fresh worker process would have it; `crashAt` throws at that step. */
  function mailer(crashAt?: SendStep, now?: () => Date): Mailer {
    const m = new Mailer({
      transport: openTransport(smtpUrl()),
      outbox,
      sentFolder: sent,
      ...(now ? { now } : {}),
      ...(crashAt
        ? {
            checkpoint: (step: SendStep) => {
              if (step === crashAt) throw new Crash(`killed after ${step}`);
            },
          }
        : {}),
    });
    mailers.push(m);
    return m;
  }

  it('records sending then sent, delivers once and files the very same bytes in Sent', async () => {
    const mail = outgoing();
    const at = new Date('2026-04-14T22:05:07Z');
    expect(await mailer(undefined, () => at).send(mail)).toBe('sent');

    const [delivered, ...more] = deliveries(mail.messageId);
    expect(more).toHaveLength(0);
    expect(delivered!.envelope).toEqual({ mailFrom: 'alice@orderwatch.test', rcptTo: ['pantry@ridgewaypantry.example'] });
    expect(delivered!.user).toBe('alice');
    expect(delivered!.raw.equals(await composeMail(mail, at))).toBe(true);

    expect(await outbox.get(mail.messageId)).toEqual({
      messageId: mail.messageId,
      state: 'sent',
      orderId: mail.orderId,
      kind: 'cancel_request',
      at: at.toISOString(),
      acceptedAt: at.toISOString(),
    });
    const copies = await copiesIn('alice', 'Sent', mail.messageId);
    expect(copies).toHaveLength(1);
    expect(copies[0]!.source.equals(delivered!.raw)).toBe(true);
    expect(copies[0]!.flags.has('\\Seen')).toBe(true);
    expect(await outbox.listByOrder(mail.orderId)).toMatchObject([{ messageId: mail.messageId, state: 'sent' }]);
  });

  it('a second send of the same mail is already-sent, with no second delivery', async () => {
    const mail = outgoing();
    expect(await mailer().send(mail)).toBe('sent');
    expect(await mailer().send(mail)).toBe('already-sent');
    expect(deliveries(mail.messageId)).toHaveLength(1);
    expect(await copiesIn('alice', 'Sent', mail.messageId)).toHaveLength(1);
  });

  it('crashed before SMTP: the rerun sends it', async () => {
    const mail = outgoing();
    await expect(mailer('recorded-sending').send(mail)).rejects.toBeInstanceOf(Crash);
    expect(await outbox.get(mail.messageId)).toMatchObject({ state: 'sending' });
    expect(deliveries(mail.messageId)).toHaveLength(0);

    expect(await mailer().send(mail)).toBe('sent');
    expect(deliveries(mail.messageId)).toHaveLength(1);
    expect(await copiesIn('alice', 'Sent', mail.messageId)).toHaveLength(1);
  });

  it('crashed after SMTP accepted and that was recorded, before the Sent copy: the rerun stores the copy and does not resend', async () => {
    const mail = outgoing();
    const first = new Date('2026-04-14T22:05:07Z');
    await expect(mailer('recorded-accepted', () => first).send(mail)).rejects.toBeInstanceOf(Crash);
    expect(await outbox.get(mail.messageId)).toMatchObject({ state: 'sending', acceptedAt: first.toISOString() });
    expect(await copiesIn('alice', 'Sent', mail.messageId)).toHaveLength(0);

    expect(await mailer(undefined, () => new Date('2026-04-14T22:06:30Z')).send(mail)).toBe('already-sent');
    expect(deliveries(mail.messageId)).toHaveLength(1);
    const copies = await copiesIn('alice', 'Sent', mail.messageId);
    expect(copies).toHaveLength(1);
    // the copy is the message as delivered, dated when it was accepted
    expect(copies[0]!.source.equals(deliveries(mail.messageId)[0]!.raw)).toBe(true);
    expect(await outbox.get(mail.messageId)).toMatchObject({ state: 'sent', acceptedAt: first.toISOString() });
  });

  it('crashed after the Sent copy, before sent was recorded: the rerun finds the copy and does not resend', async () => {
    const mail = outgoing();
    await expect(mailer('sent-copy-stored').send(mail)).rejects.toBeInstanceOf(Crash);
    expect(await outbox.get(mail.messageId)).toMatchObject({ state: 'sending' });

    expect(await mailer().send(mail)).toBe('already-sent');
    expect(deliveries(mail.messageId)).toHaveLength(1);
    expect(await copiesIn('alice', 'Sent', mail.messageId)).toHaveLength(1);
    expect(await outbox.get(mail.messageId)).toMatchObject({ state: 'sent' });
  });

  it('outcome unknown (recorded sending, no acceptance): the Message-ID found in Sent means not sending again', async () => {
    const mail = outgoing();
    // by hand: an earlier run recorded 'sending', and the copy is in Sent (the server filed it, or the run got that far)
    await outbox.markSending(mail);
    await sent.append(await composeMail(mail, new Date()));

    expect(await mailer().send(mail)).toBe('already-sent');
    expect(deliveries(mail.messageId)).toHaveLength(0);
    expect(await outbox.get(mail.messageId)).toMatchObject({ state: 'sent' });
    expect(await copiesIn('alice', 'Sent', mail.messageId)).toHaveLength(1);
  });

  it('outcome unknown and not in Sent: sends again (the one window left: a kill between "250 accepted" and recording it)', async () => {
    const mail = outgoing();
    await expect(mailer('smtp-accepted').send(mail)).rejects.toBeInstanceOf(Crash);
    expect(await outbox.get(mail.messageId)).toMatchObject({ state: 'sending' });
    expect((await outbox.get(mail.messageId))?.acceptedAt).toBeUndefined();

    expect(await mailer().send(mail)).toBe('sent');
    expect(deliveries(mail.messageId)).toHaveLength(2);
    // still never zero and never two copies in Sent
    expect(await copiesIn('alice', 'Sent', mail.messageId)).toHaveLength(1);
  });

  it('a mail without keepInSent is delivered and not copied', async () => {
    const mail = outgoing({ kind: 'reminder', keepInSent: false });
    const at = new Date('2026-04-14T22:05:07Z');
    expect(await mailer(undefined, () => at).send(mail)).toBe('sent');
    expect(deliveries(mail.messageId)).toHaveLength(1);
    // built by nodemailer on the way out, not ahead: the same bytes as composeMail's
    expect(deliveries(mail.messageId)[0]!.raw.equals(await composeMail(mail, at))).toBe(true);
    expect(await copiesIn('alice', 'Sent', mail.messageId)).toHaveLength(0);
    expect(await mailer().send(mail)).toBe('already-sent');
    expect(deliveries(mail.messageId)).toHaveLength(1);
  });

  it('a 550 is a PermanentSendError with the server reply, recorded as failed, no credentials in it', async () => {
    const mail = outgoing();
    reply = (m) => (m.messageId === mail.messageId ? { code: 550, message: '5.7.1 Mailbox unavailable: policy rejection' } : undefined);
    const err = await mailer()
      .send(mail)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentSendError);
    const e = err as PermanentSendError;
    expect(e.permanent).toBe(true);
    expect(e.responseCode).toBe(550);
    expect(e.message).toContain('Mailbox unavailable: policy rejection');
    expect(e.messageId).toBe(mail.messageId);
    expect(JSON.stringify({ ...e, message: e.message, stack: e.stack })).not.toMatch(/w0rd|Secret/);
    const record = await outbox.get(mail.messageId);
    expect(record).toMatchObject({ state: 'failed' });
    expect(record?.error).toContain('550');
    expect(record?.error).not.toContain(SMTP_PASSWORD);
    expect(deliveries(mail.messageId)).toHaveLength(0);
  });

  it('a 451 is a TransientSendError; the retry delivers once', async () => {
    const mail = outgoing();
    reply = () => ({ code: 451, message: '4.7.1 Greylisted, try again later' });
    const err = await mailer()
      .send(mail)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientSendError);
    expect((err as TransientSendError).responseCode).toBe(451);
    expect((err as TransientSendError).message).toContain('Greylisted');
    expect(await outbox.get(mail.messageId)).toMatchObject({ state: 'sending' });

    reply = null;
    expect(await mailer().send(mail)).toBe('sent');
    expect(deliveries(mail.messageId)).toHaveLength(1);
  });

  it('no SMTP server listening is a TransientSendError naming the server without its password', async () => {
    const mail = outgoing();
    const closed = await startSmtpServer();
    await closed.stop();
    const transport = new SmtpTransport({ host: closed.host, port: closed.port, secure: false, user: 'alice', password: SMTP_PASSWORD, connectionTimeoutMs: 5_000 });
    const m = new Mailer({ transport, outbox, sentFolder: sent });
    mailers.push(m);
    const err = (await m.send(mail).catch((e: unknown) => e)) as TransientSendError;
    expect(err).toBeInstanceOf(TransientSendError);
    expect(err.message).toContain(`smtp://alice@${closed.host}:${closed.port}`);
    expect(`${err.message} ${err.stack} ${JSON.stringify(err)}`).not.toMatch(/w0rd|Secret/);
  });

  it('two runs of the same job at once deliver it once', async () => {
    const mail = outgoing();
    const results = await Promise.allSettled([mailer().send(mail), mailer().send(mail)]);
    expect(deliveries(mail.messageId)).toHaveLength(1);
    const fulfilled = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<string>).value);
    const rejected = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as unknown);
    expect(fulfilled).toContain('sent');
    for (const reason of rejected) expect(reason).toBeInstanceOf(TransientSendError);
    expect(await mailer().send(mail)).toBe('already-sent');
    expect(deliveries(mail.messageId)).toHaveLength(1);
  });

  it('a slow run keeps its lease renewed: a second run meanwhile is turned away', async () => {
    const mail = outgoing();
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const atCheckpoint = new Promise<void>((resolve) => (reached = resolve));
    const slow = new Mailer({
      transport: openTransport(smtpUrl()),
      outbox,
      sentFolder: sent,
      leaseMs: 1_000,
      checkpoint: async (step) => {
        if (step !== 'recorded-sending') return;
        reached();
        await paused;
      },
    });
    mailers.push(slow);
    const first = slow.send(mail);
    await atCheckpoint;
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // longer than the lease: only renewal keeps it
    const err = await mailer()
      .send(mail)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientSendError);
    expect((err as Error).message).toMatch(/another run/);
    release();
    expect(await first).toBe('sent');
    expect(deliveries(mail.messageId)).toHaveLength(1);
  });

  it('the Sent folder unreachable after an unknown outcome: a TransientSendError, nothing sent', async () => {
    const mail = outgoing();
    await outbox.markSending(mail);
    const unreachable = new ImapSentFolder({ host: dovecot.host, port: dovecot.port, secure: false, user: 'alice', password: 'wrong-Secret' });
    const m = new Mailer({ transport: openTransport(smtpUrl()), outbox, sentFolder: unreachable });
    mailers.push(m);
    const err = (await m.send(mail).catch((e: unknown) => e)) as TransientSendError;
    expect(err).toBeInstanceOf(TransientSendError);
    expect(err.message).toMatch(/Sent folder/);
    expect(err.message).not.toContain('wrong-Secret');
    expect(deliveries(mail.messageId)).toHaveLength(0);
  });
});

describe('ImapSentFolder', () => {
  it('uses the folder named Sent, and looks a Message-ID up exactly (not as a substring)', async () => {
    const sent = imapSent();
    try {
      const id = `<${uniquePrefix('exact')}@orderwatch.test>`;
      const longer = id.replace('<', '<x');
      await sent.append(await composeMail(outgoing({ messageId: longer }), new Date()));
      expect(await sent.path()).toBe('Sent');
      expect(await sent.has(longer)).toBe(true);
      expect(await sent.has(id)).toBe(false);
      await expect(sent.has('not-a-message-id')).rejects.toThrow(TypeError);
    } finally {
      await sent.close();
    }
  });

  it('creates Sent when the account has none, and prefers "Sent Items" when that is what there is', async () => {
    const bobs = imapSent('bob');
    await dovecot.createFolder('carol', 'Sent Items');
    const carols = imapSent('carol');
    try {
      const mail = outgoing();
      expect(await bobs.path()).toBe('Sent');
      await bobs.append(await composeMail(mail, new Date()));
      expect(await copiesIn('bob', 'Sent', mail.messageId)).toHaveLength(1);

      expect(await carols.path()).toBe('Sent Items');
      await carols.append(await composeMail(mail, new Date()));
      expect(await copiesIn('carol', 'Sent Items', mail.messageId)).toHaveLength(1);
      expect(await carols.has(mail.messageId)).toBe(true);
    } finally {
      await Promise.all([bobs.close(), carols.close()]);
    }
  });

  it('flags a message found by Message-ID: \\Flagged and a keyword, in any folder or in Sent', async () => {
    const sent = imapSent();
    try {
      const incoming = outgoing({ from: { name: 'Ridgeway Pantry', address: 'pantry@ridgewaypantry.example' }, to: [{ name: null, address: 'alice@orderwatch.test' }] });
      await dovecot.deliver('alice', 'INBOX', await composeMail(incoming, new Date()));
      expect(await sent.flagMessage('INBOX', incoming.messageId, ['\\Flagged', '$OrderwatchNoConfirmation'])).toBe(true);
      const [inInbox] = await copiesIn('alice', 'INBOX', incoming.messageId);
      expect([...inInbox!.flags]).toEqual(expect.arrayContaining(['\\Flagged', '$OrderwatchNoConfirmation']));

      const request = outgoing();
      await sent.append(await composeMail(request, new Date()));
      expect(await sent.flag(request.messageId, ['\\Flagged', '$OrderwatchNoConfirmation'])).toBe(true);
      const [inSent] = await copiesIn('alice', 'Sent', request.messageId);
      expect([...inSent!.flags]).toEqual(expect.arrayContaining(['\\Seen', '\\Flagged', '$OrderwatchNoConfirmation']));

      expect(await sent.flagMessage('INBOX', `<${uniquePrefix('absent')}@orderwatch.test>`, ['\\Flagged'])).toBe(false);
    } finally {
      await sent.close();
    }
  });

  it('survives the server dropping its kept connection', async () => {
    const sent = imapSent();
    try {
      const mail = outgoing();
      await sent.append(await composeMail(mail, new Date()));
      await dovecot.restart();
      expect(await sent.has(mail.messageId)).toBe(true);
    } finally {
      await sent.close();
    }
  });

  it('closes an idle connection and opens a new one when needed', async () => {
    const sent = new ImapSentFolder({ host: dovecot.host, port: dovecot.port, secure: false, user: 'alice', password: IMAP_PASSWORDS.alice, idleCloseMs: 50 });
    try {
      const mail = outgoing();
      await sent.append(await composeMail(mail, new Date()));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await sent.has(mail.messageId)).toBe(true);
    } finally {
      await sent.close();
    }
    await expect(sent.has('<after-close@orderwatch.test>')).rejects.toThrow(/closed/);
  });

  it('chooses the special-use \\Sent folder over names', () => {
    const f = (path: string, specialUse?: string, specialUseSource?: 'extension' | 'name') => ({ path, name: path.split('/').pop()!, specialUse, specialUseSource });
    expect(chooseSentFolder([f('INBOX'), f('Sent'), f('[Gmail]/Sent Mail', '\\Sent', 'extension')])).toBe('[Gmail]/Sent Mail');
    expect(chooseSentFolder([f('INBOX'), f('Sent Messages'), f('Sent Items')])).toBe('Sent Items');
    expect(chooseSentFolder([f('INBOX'), f('INBOX/Sent')])).toBe('INBOX/Sent');
    expect(chooseSentFolder([f('INBOX'), f('Gesendet', '\\Sent', 'name')])).toBe('Gesendet');
    expect(chooseSentFolder([f('INBOX'), f('Archive')])).toBeNull();
  });
});

describe('the local outbox and Sent folder (embedded mode)', () => {
  let dir: string;
  let outbox: OutboxStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ow-mailer-'));
    outbox = new OutboxStore(redis, uniquePrefix('local-outbox'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function localMailer(crashAt?: SendStep): { mailer: Mailer; sent: LocalSentFolder; transport: FolderTransport } {
    const transport = openTransport(join(dir, 'outbox')) as FolderTransport;
    const sent = new LocalSentFolder(join(dir, 'sent'));
    const mailer = new Mailer({
      transport,
      outbox,
      sentFolder: sent,
      ...(crashAt
        ? {
            checkpoint: (step: SendStep) => {
              if (step === crashAt) throw new Crash(step);
            },
          }
        : {}),
    });
    return { mailer, sent, transport };
  }

  it('writes <hash>.eml to the outbox and the Sent copy, once', async () => {
    const mail = outgoing();
    const { mailer, sent, transport } = localMailer();
    expect(transport).toBeInstanceOf(FolderTransport);
    expect(await mailer.send(mail)).toBe('sent');
    const stem = messageFileStem(mail.messageId);
    expect(await readdir(join(dir, 'outbox'))).toEqual([`${stem}.eml`]);
    const delivered = await readFile(transport.fileOf(mail.messageId));
    expect(delivered.toString('latin1')).toContain(`Message-ID: ${mail.messageId}`);
    expect((await readFile(sent.fileOf(mail.messageId))).equals(delivered)).toBe(true);
    expect(await sent.has(mail.messageId)).toBe(true);
    expect(await mailer.send(mail)).toBe('already-sent');
    expect(await outbox.get(mail.messageId)).toMatchObject({ state: 'sent' });
    await mailer.close();
  });

  it('writes a mail without keepInSent to the outbox as composeMail builds it, and no Sent copy', async () => {
    const mail = outgoing({ kind: 'reminder', keepInSent: false });
    const at = new Date('2026-04-14T22:05:07Z');
    const transport = openTransport(join(dir, 'outbox')) as FolderTransport;
    const sent = new LocalSentFolder(join(dir, 'sent'));
    const mailer = new Mailer({ transport, outbox, sentFolder: sent, now: () => at });
    expect(await mailer.send(mail)).toBe('sent');
    expect((await readFile(transport.fileOf(mail.messageId))).equals(await composeMail(mail, at))).toBe(true);
    expect(await sent.has(mail.messageId)).toBe(false);
    await mailer.close();
  });

  it('finds the copy after a crash that followed it', async () => {
    const mail = outgoing();
    await expect(localMailer('sent-copy-stored').mailer.send(mail)).rejects.toBeInstanceOf(Crash);
    await rm(join(dir, 'outbox'), { recursive: true }); // so a second delivery would show
    expect(await localMailer().mailer.send(mail)).toBe('already-sent');
    await expect(readdir(join(dir, 'outbox'))).rejects.toThrow(/ENOENT/);
  });

  it('records flags beside the messages, for the Sent folder and for other folders', async () => {
    const sent = new LocalSentFolder(join(dir, 'sent'));
    const mail = outgoing();
    expect(await sent.flag(mail.messageId, ['\\Flagged'])).toBe(false); // not there yet
    await sent.append(await composeMail(mail, new Date()));
    expect(await sent.flagsOf(mail.messageId)).toEqual(['\\Seen']);
    expect(await sent.flag(mail.messageId, ['\\Flagged', '$OrderwatchNoConfirmation'])).toBe(true);
    expect(await sent.flagsOf(mail.messageId)).toEqual(['\\Seen', '\\Flagged', '$OrderwatchNoConfirmation']);
    expect(await sent.flagMessage('INBOX', '<order-2291@ridgewaypantry.example>', ['\\Flagged'])).toBe(true);
    expect(await sent.flagsOf('<order-2291@ridgewaypantry.example>', 'INBOX')).toEqual(['\\Flagged']);
    await expect(sent.append(Buffer.from('Subject: no id\r\n\r\nhi\r\n'))).rejects.toThrow(/Message-ID/);
  });
});

describe('OutboxStore', () => {
  let outbox: OutboxStore;
  beforeEach(() => {
    outbox = new OutboxStore(redis, uniquePrefix('store'));
  });

  it('markSending returns the previous record; a sent record never goes back', async () => {
    const mail = outgoing();
    const t = (s: number) => new Date(Date.UTC(2026, 3, 14, 22, 0, s));
    expect(await outbox.markSending(mail, t(1))).toBeNull();
    expect(await outbox.markSending(mail, t(2))).toMatchObject({ state: 'sending', at: t(1).toISOString() });
    await outbox.markAccepted(mail, t(3), t(3));
    // once accepted, a new attempt leaves the record alone and is told
    expect(await outbox.markSending(mail, t(4))).toMatchObject({ state: 'sending', acceptedAt: t(3).toISOString() });
    await outbox.markSent(mail, t(5));
    await outbox.markFailed(mail, '550 too late', t(6));
    expect(await outbox.markSending(mail, t(7))).toMatchObject({ state: 'sent', at: t(5).toISOString() });
    expect(await outbox.get(mail.messageId)).toEqual({ messageId: mail.messageId, state: 'sent', orderId: mail.orderId, kind: mail.kind, at: t(5).toISOString(), acceptedAt: t(3).toISOString() });
    expect(await outbox.get('<unknown@orderwatch.test>')).toBeNull();
  });

  it('a failed record can be tried again, and the error is cleared', async () => {
    const mail = outgoing();
    await outbox.markSending(mail);
    await outbox.markFailed(mail, '550 5.1.1 no such user');
    expect(await outbox.get(mail.messageId)).toMatchObject({ state: 'failed', error: '550 5.1.1 no such user' });
    expect(await outbox.markSending(mail)).toMatchObject({ state: 'failed' });
    expect((await outbox.get(mail.messageId))?.error).toBeUndefined();
  });

  it('lists the mail of an order in the order it was first recorded', async () => {
    const first = outgoing();
    const second = outgoing({ orderId: first.orderId, kind: 'followup' });
    const other = outgoing();
    await outbox.markSending(first, new Date(1_000));
    await outbox.markSending(other, new Date(1_500));
    await outbox.markSending(second, new Date(2_000));
    await outbox.markSent(first, new Date(3_000));
    expect((await outbox.listByOrder(first.orderId)).map((r) => [r.messageId, r.kind, r.state])).toEqual([
      [first.messageId, 'cancel_request', 'sent'],
      [second.messageId, 'followup', 'sending'],
    ]);
    expect(await outbox.listByOrder('no-such-order')).toEqual([]);
  });

  it('a lease is held by one run at a time, renewed and released by its holder only', async () => {
    const id = `<${uniquePrefix('lease')}@orderwatch.test>`;
    const token = await outbox.acquireLease(id, 5_000);
    expect(token).toBeTruthy();
    expect(await outbox.acquireLease(id, 5_000)).toBeNull();
    expect(await outbox.renewLease(id, token!, 5_000)).toBe(true);
    expect(await outbox.renewLease(id, 'someone-else', 5_000)).toBe(false);
    await outbox.releaseLease(id, 'someone-else');
    expect(await outbox.acquireLease(id, 5_000)).toBeNull();
    await outbox.releaseLease(id, token!);
    expect(await outbox.acquireLease(id, 5_000)).toBeTruthy();
  });

  it('beginSending takes the lease and records sending in one step; finishSent records sent and lets the lease go', async () => {
    const mail = outgoing();
    const t = (s: number) => new Date(Date.UTC(2026, 3, 14, 22, 0, s));
    const first = await outbox.beginSending(mail, 5_000, t(1));
    expect(first).toMatchObject({ previous: null });
    // a second run is turned away while the first holds the lease, and writes nothing
    expect(await outbox.beginSending(mail, 5_000, t(2))).toBeNull();
    expect(await outbox.get(mail.messageId)).toMatchObject({ state: 'sending', at: t(1).toISOString() });

    await outbox.finishSent(mail, first!.lease, t(3), t(4));
    expect(await outbox.get(mail.messageId)).toEqual({ messageId: mail.messageId, state: 'sent', orderId: mail.orderId, kind: mail.kind, at: t(4).toISOString(), acceptedAt: t(3).toISOString() });
    const again = await outbox.beginSending(mail, 5_000, t(5));
    expect(again?.previous).toMatchObject({ state: 'sent' });
    expect((await outbox.get(mail.messageId))?.state).toBe('sent');
  });

  it('finishSent lets go only of its own lease', async () => {
    const mail = outgoing();
    const begun = await outbox.beginSending(mail, 5_000);
    await outbox.finishSent(mail, 'not-the-holder', null);
    expect(await outbox.acquireLease(mail.messageId, 5_000)).toBeNull();
    await outbox.releaseLease(mail.messageId, begun!.lease);
    expect(await outbox.acquireLease(mail.messageId, 5_000)).toBeTruthy();
  });
});

describe('pure parts', () => {
  it('sendRetryDelay: 30 s doubling, capped at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map(sendRetryDelay)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000]);
    expect(sendRetryDelay(0)).toBe(30_000);
    expect(sendRetryDelay(Number.NaN)).toBe(30_000);
    expect(sendRetryDelay(2.7)).toBe(60_000);
  });

  it('isPermanentSmtpFailure: 5xx but 503 is permanent; 4xx and connection failures are not', () => {
    expect(isPermanentSmtpFailure({ responseCode: 550, code: 'EENVELOPE' })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 554, code: 'EMESSAGE' })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 535, code: 'EAUTH' })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 503, code: 'EPROTOCOL' })).toBe(false);
    expect(isPermanentSmtpFailure({ responseCode: 451, code: 'EMESSAGE' })).toBe(false);
    expect(isPermanentSmtpFailure({ responseCode: 421 })).toBe(false);
    expect(isPermanentSmtpFailure({ code: 'ECONNECTION' })).toBe(false);
    expect(isPermanentSmtpFailure({ code: 'ETIMEDOUT' })).toBe(false);
    expect(isPermanentSmtpFailure({ code: 'EENVELOPE' })).toBe(true);
    expect(isPermanentSmtpFailure(new Error('something else'))).toBe(false);
  });

  it('smtpSettings reads smtp:// and smtps:// URLs; redactSmtpUrl hides the password', () => {
    expect(smtpSettings('smtp://robin%40example.net:p%40ss%3Aw@smtp.example.net')).toEqual({ host: 'smtp.example.net', port: 587, secure: false, user: 'robin@example.net', password: 'p@ss:w' });
    expect(smtpSettings('smtps://u:p@smtp.example.net')).toMatchObject({ port: 465, secure: true });
    expect(smtpSettings('smtp://relay.local:2525')).toEqual({ host: 'relay.local', port: 2525, secure: false, user: null, password: null });
    expect(redactSmtpUrl('smtp://robin%40example.net:p%40ss@smtp.example.net:587')).toBe('smtp://robin%40example.net:***@smtp.example.net:587');
    expect(() => smtpSettings('smtp://u:p%ZZ@h')).toThrow(/smtp:\/\/u:\*\*\*@h/);
    expect(() => openTransport('imap://u:secret@h')).toThrow(/imap:\/\/u:\*\*\*@h/);
    expect(openTransport('smtps://u:secret@h').id).toBe('smtps://u@h:465');
  });

  it('SentFolder implementations share one interface', () => {
    const folders: SentFolder[] = [new LocalSentFolder('/nonexistent'), imapSent()];
    expect(folders.map((f) => f.id)).toEqual(['local:/nonexistent', expect.stringMatching(/^imap:alice@127\.0\.0\.1:\d+$/)]);
  });
});
