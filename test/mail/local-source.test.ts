// LocalSource on mailboxes built in temp dirs from the fixtures (read, never written): a folder of
// .eml files, a Maildir with a Maildir++ subfolder and an mbox file, and the UIDs they hand out.
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalSource } from '../../src/mail/local-source.js';
import { describeSource, openSource } from '../../src/mail/open-source.js';
import type { FetchedMessage, MailboxSource, MessageSummary } from '../../src/mail/source.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const ORDER = 'en-01-harborlight-order-us.eml'; // "Order #10234 confirmed", Sun, 03 May 2026
const SHIPPED = 'en-17-harborlight-shipped-us.eml'; // Tue, 05 May 2026
const NEWSLETTER = 'x-16-other-newsletter-order-now.eml'; // Thu, 26 Mar 2026; a body line starts "From the counter"
const EMOJI = 'x-10-glimmerfox-emoji-b64-subject-b.eml'; // base64-encoded subject, Tue, 12 May 2026
const LATIN1 = 'de-03-lichtblick-auftrag-latin1-text.eml'; // quoted-printable ISO-8859-1 subject

const fixture = (name: string) => readFile(join(fixtures, name));

let dir: string;
let stateDir: string;
const opened: MailboxSource[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ow-local-'));
  stateDir = join(dir, 'state');
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

async function connect(path: string, pollIntervalMs = 20): Promise<LocalSource> {
  const source = new LocalSource({ path, stateDir, pollIntervalMs });
  opened.push(source);
  await source.connect();
  return source;
}

async function allSummaries(source: MailboxSource, folder: string, options: { fromUid?: number; since?: Date | null; batchSize?: number } = {}) {
  const batches: MessageSummary[][] = [];
  for await (const batch of source.summaries(folder, { fromUid: options.fromUid ?? 1, since: options.since ?? null, batchSize: options.batchSize })) batches.push(batch);
  return batches;
}

async function fetchAll(source: MailboxSource, folder: string, uids: number[]) {
  const out: FetchedMessage[] = [];
  for await (const message of source.fetch(folder, uids)) out.push(message);
  return out;
}

/** A folder of .eml files: ORDER, SHIPPED and NEWSLETTER in it, EMOJI in the subfolder Orders/2026. */
async function emlFolder(): Promise<string> {
  const root = join(dir, 'mail');
  await mkdir(join(root, 'Orders', '2026'), { recursive: true });
  await copyFile(join(fixtures, ORDER), join(root, 'a-order.eml'));
  await copyFile(join(fixtures, SHIPPED), join(root, 'b-shipped.eml'));
  await copyFile(join(fixtures, NEWSLETTER), join(root, 'c-newsletter.eml'));
  await copyFile(join(fixtures, EMOJI), join(root, 'Orders', '2026', 'emoji.eml'));
  await writeFile(join(root, 'a-order.json'), '{}'); // files beside the mail that are not mail
  return root;
}

/** A Maildir: ORDER in cur/ (read), SHIPPED in new/, NEWSLETTER still in tmp/; EMOJI in the subfolder .Sent. */
async function maildir(): Promise<string> {
  const root = join(dir, 'Maildir');
  for (const sub of ['', '.Sent']) for (const part of ['cur', 'new', 'tmp']) await mkdir(join(root, sub, part), { recursive: true });
  await copyFile(join(fixtures, ORDER), join(root, 'cur', '1777839168.M1P7.host,S=14686:2,S'));
  await copyFile(join(fixtures, SHIPPED), join(root, 'new', '1777990935.M2P7.host'));
  await copyFile(join(fixtures, NEWSLETTER), join(root, 'tmp', '1777990999.M3P7.host')); // being delivered: not there yet
  await copyFile(join(fixtures, EMOJI), join(root, '.Sent', 'cur', '1778599265.M4P7.host:2,S'));
  await utimes(join(root, 'cur', '1777839168.M1P7.host,S=14686:2,S'), new Date('2026-05-03T20:12:50Z'), new Date('2026-05-03T20:12:50Z'));
  await utimes(join(root, 'new', '1777990935.M2P7.host'), new Date('2026-05-05T14:22:20Z'), new Date('2026-05-05T14:22:20Z'));
  return root;
}

/** mboxrd: every line that starts with ">"* then "From " gets one more ">". */
const quote = (message: Buffer) => Buffer.from(message.toString('latin1').replace(/^(>*From )/gm, '>$1'), 'latin1');

async function mbox(messages: Buffer[], { escape = true } = {}): Promise<string> {
  const postmarks = ['Sun May  3 20:12:50 2026', 'Thu Mar 26 12:00:15 2026', 'Tue May 12 15:21:07 2026', 'Wed May 13 09:00:00 2026'];
  const parts = messages.flatMap((m, i) => [Buffer.from(`From MAILER-DAEMON ${postmarks[i]}\n`), escape ? quote(m) : m, Buffer.from('\n')]);
  const file = join(dir, 'mail.mbox');
  await writeFile(file, Buffer.concat(parts));
  return file;
}

describe('a folder of .eml files', () => {
  it('is INBOX, with its subfolders as folders', async () => {
    const source = await connect(await emlFolder());
    expect(source.id).toBe(`local:${join(dir, 'mail')}`);
    expect(await source.listFolders()).toEqual(['INBOX', 'Orders', 'Orders/2026']);
    expect(await source.openFolder('INBOX')).toMatchObject({ uidNext: 4, exists: 3 });
    expect(await source.openFolder('Orders/2026')).toMatchObject({ uidNext: 2, exists: 1 });
    expect(await source.openFolder('Orders')).toMatchObject({ uidNext: 1, exists: 0 });
  });

  it('numbers the messages in file-name order and summarizes them from their headers', async () => {
    const source = await connect(await emlFolder());
    const [batch] = await allSummaries(source, 'INBOX');
    expect(batch!.map((s) => [s.uid, s.subject])).toEqual([
      [1, 'Order #10234 confirmed'],
      [2, 'A shipment from order #10234 is on the way'],
      [3, 'Order now for Easter: heritage lamb from $64'],
    ]);
    const order = batch![0]!;
    expect(order).toMatchObject({
      size: (await fixture(ORDER)).length,
      messageId: '<a044a3e5-a07a-b612@shopifyemail.com>',
      from: 'store@harborlightcandle.com',
      receivedAt: new Date('2026-05-03T20:12:48Z'), // no arrival time in a loose file: its Date header
    });
    expect(order.headers).toMatchObject({ from: '"Harborlight Candle Co." <store@harborlightcandle.com>', subject: 'Order #10234 confirmed' });
    expect(Object.keys(batch![2]!.headers)).toContain('list-unsubscribe');
  });

  it('decodes encoded subjects and sender names', async () => {
    const root = await emlFolder();
    await copyFile(join(fixtures, LATIN1), join(root, 'd-latin1.eml'));
    const source = await connect(root);
    const [[emoji]] = (await allSummaries(source, 'Orders/2026')) as [[MessageSummary]];
    expect(emoji.subject).toBe('🎉 Woohoo! Order #GF1293 is confirmed ✨');
    expect(emoji.from).toBe('orders@glimmerfox.shop');
    const [inbox] = await allSummaries(source, 'INBOX');
    expect(inbox!.at(-1)!.subject).toMatch(/^Auftragsbestätigung Nr\. 7004418829/);
  });

  it('fetches the exact bytes of the messages asked for, skipping unknown UIDs', async () => {
    const source = await connect(await emlFolder());
    await source.openFolder('INBOX');
    const got = await fetchAll(source, 'INBOX', [3, 99, 1]);
    expect(got.map((m) => m.uid)).toEqual([1, 3]);
    expect(got[0]!.source.equals(await fixture(ORDER))).toBe(true);
    expect(got[1]!.source.equals(await fixture(NEWSLETTER))).toBe(true);
  });

  it('refuses a folder that is not there', async () => {
    const source = await connect(await emlFolder());
    await expect(source.openFolder('Nope')).rejects.toThrow(/Nope/);
    await expect(source.openFolder('../..')).rejects.toThrow(/no folder/);
  });
});

describe('a Maildir', () => {
  it('is INBOX, with Maildir++ subfolders as folders', async () => {
    const source = await connect(await maildir());
    expect(await source.listFolders()).toEqual(['INBOX', 'Sent']);
    expect(await source.openFolder('INBOX')).toMatchObject({ exists: 2, uidNext: 3 });
    expect(await source.openFolder('inbox')).toMatchObject({ exists: 2, uidNext: 3 });
    const [[sent]] = (await allSummaries(source, 'Sent')) as [[MessageSummary]];
    expect(sent).toMatchObject({ uid: 1, from: 'orders@glimmerfox.shop' });
  });

  it('dates a message by its file time, as a Maildir server does', async () => {
    const source = await connect(await maildir());
    const [batch] = await allSummaries(source, 'INBOX');
    expect(batch!.map((s) => [s.uid, s.subject, s.receivedAt.toISOString()])).toEqual([
      [1, 'Order #10234 confirmed', '2026-05-03T20:12:50.000Z'],
      [2, 'A shipment from order #10234 is on the way', '2026-05-05T14:22:20.000Z'],
    ]);
  });

  it('keeps a UID when a mail client moves the message from new/ to cur/ and flags it', async () => {
    const root = await maildir();
    const source = await connect(root);
    await source.openFolder('INBOX');
    await rename(join(root, 'new', '1777990935.M2P7.host'), join(root, 'cur', '1777990935.M2P7.host:2,RS'));
    expect(await source.openFolder('INBOX')).toMatchObject({ exists: 2, uidNext: 3 });
    const [got] = await fetchAll(source, 'INBOX', [2]);
    expect(got!.source.equals(await fixture(SHIPPED))).toBe(true);
  });
});

describe('an mbox file', () => {
  it('is one folder, INBOX, split on its "From " lines', async () => {
    const source = await connect(await mbox([await fixture(ORDER), await fixture(NEWSLETTER), await fixture(EMOJI)]));
    expect(await source.listFolders()).toEqual(['INBOX']);
    expect(await source.openFolder('INBOX')).toMatchObject({ exists: 3, uidNext: 4 });
    const [batch] = await allSummaries(source, 'INBOX');
    expect(batch!.map((s) => s.subject)).toEqual(['Order #10234 confirmed', 'Order now for Easter: heritage lamb from $64', '🎉 Woohoo! Order #GF1293 is confirmed ✨']);
    // the arrival time is the postmark on the "From " line
    expect(batch!.map((s) => s.receivedAt.toISOString())).toEqual(['2026-05-03T20:12:50.000Z', '2026-03-26T12:00:15.000Z', '2026-05-12T15:21:07.000Z']);
    expect(batch!.map((s) => s.size)).toEqual([(await fixture(ORDER)).length, (await fixture(NEWSLETTER)).length, (await fixture(EMOJI)).length]);
  });

  it('gives back each message exactly, with ">From " quoting undone (mboxrd)', async () => {
    const newsletter = await fixture(NEWSLETTER);
    const alreadyQuoted = Buffer.from(newsletter.toString('latin1').replace('\nFrom the counter', '\n>From the counter'), 'latin1');
    expect(alreadyQuoted.equals(newsletter)).toBe(false);
    const file = await mbox([newsletter, alreadyQuoted, await fixture(ORDER)]);
    expect((await readFile(file, 'latin1')).includes('\n>>From the counter')).toBe(true);
    const source = await connect(file);
    await source.openFolder('INBOX');
    const got = await fetchAll(source, 'INBOX', [1, 2, 3]);
    expect(got.map((m) => m.uid)).toEqual([1, 2, 3]);
    expect(got[0]!.source.equals(newsletter)).toBe(true);
    expect(got[1]!.source.equals(alreadyQuoted)).toBe(true);
    expect(got[2]!.source.equals(await fixture(ORDER))).toBe(true);
  });

  it('does not split on a body line starting "From " that a careless writer left unquoted', async () => {
    const newsletter = await fixture(NEWSLETTER);
    const source = await connect(await mbox([await fixture(ORDER), newsletter], { escape: false }));
    expect(await source.openFolder('INBOX')).toMatchObject({ exists: 2 });
    const [, second] = await fetchAll(source, 'INBOX', [1, 2]);
    expect(second!.source.equals(newsletter)).toBe(true);
  });

  it('keeps the UIDs of the messages already there when mail is appended', async () => {
    const file = await mbox([await fixture(ORDER), await fixture(NEWSLETTER)]);
    const source = await connect(file);
    await source.openFolder('INBOX');
    await writeFile(file, Buffer.concat([Buffer.from('From MAILER-DAEMON Wed May 13 09:00:00 2026\n'), quote(await fixture(SHIPPED)), Buffer.from('\n')]), { flag: 'a' });
    expect(await source.openFolder('INBOX')).toMatchObject({ exists: 3, uidNext: 4 });
    const [batch] = await allSummaries(source, 'INBOX');
    expect(batch!.map((s) => [s.uid, s.subject])).toEqual([
      [1, 'Order #10234 confirmed'],
      [2, 'Order now for Easter: heritage lamb from $64'],
      [3, 'A shipment from order #10234 is on the way'],
    ]);
  });
});

describe('UIDs', () => {
  it('stay the same for a new LocalSource on the same mail and state', async () => {
    const root = await emlFolder();
    const first = await connect(root);
    const before = await first.openFolder('INBOX');
    const ids = (await allSummaries(first, 'INBOX')).flat().map((s) => [s.uid, s.messageId]);
    await first.close();

    const second = await connect(root);
    expect(await second.openFolder('INBOX')).toEqual(before);
    expect((await allSummaries(second, 'INBOX')).flat().map((s) => [s.uid, s.messageId])).toEqual(ids);
  });

  it('go up for a new file, wherever its name sorts, and are never given twice', async () => {
    const root = await emlFolder();
    const source = await connect(root);
    const { uidValidity } = await source.openFolder('INBOX');
    await copyFile(join(fixtures, LATIN1), join(root, '0-first-by-name.eml'));
    expect(await source.openFolder('INBOX')).toEqual({ uidValidity, uidNext: 5, exists: 4 });
    expect((await allSummaries(source, 'INBOX', { fromUid: 4 })).flat().map((s) => [s.uid, s.messageId])).toEqual([[4, '<zaym4e3v.262854393wllmya3@eu-central-1.amazonses.com>']]);

    await rm(join(root, 'b-shipped.eml'));
    await copyFile(join(fixtures, SHIPPED), join(root, 'b-shipped-again.eml'));
    expect(await source.openFolder('INBOX')).toEqual({ uidValidity, uidNext: 6, exists: 4 });
    expect((await allSummaries(source, 'INBOX')).flat().map((s) => s.uid)).toEqual([1, 3, 4, 5]);
  });

  it('start afresh, under a new uidValidity, when the state is gone', async () => {
    const root = await emlFolder();
    const clock = { now: Date.parse('2026-05-01T00:00:00Z') };
    const first = new LocalSource({ path: root, stateDir, now: () => clock.now });
    opened.push(first);
    await first.connect();
    const before = await first.openFolder('INBOX');
    await first.close();
    await rm(stateDir, { recursive: true });
    clock.now += 60_000;
    const second = new LocalSource({ path: root, stateDir, now: () => clock.now });
    opened.push(second);
    await second.connect();
    expect((await second.openFolder('INBOX')).uidValidity).not.toBe(before.uidValidity);
  });
});

describe('summaries', () => {
  it('start at fromUid, leave out mail received before `since`, and come in batches', async () => {
    const root = await emlFolder();
    await copyFile(join(fixtures, EMOJI), join(root, 'd-emoji.eml'));
    const source = await connect(root);
    await source.openFolder('INBOX');
    // received: 1 May 3, 2 May 5, 3 Mar 26, 4 May 12
    const since = new Date('2026-05-04T00:00:00Z');
    expect((await allSummaries(source, 'INBOX', { since })).flat().map((s) => s.uid)).toEqual([2, 4]);
    expect((await allSummaries(source, 'INBOX', { fromUid: 3 })).flat().map((s) => s.uid)).toEqual([3, 4]);
    expect((await allSummaries(source, 'INBOX', { fromUid: 2, since })).flat().map((s) => s.uid)).toEqual([2, 4]);
    expect((await allSummaries(source, 'INBOX', { fromUid: 9 })).flat()).toEqual([]);
    expect((await allSummaries(source, 'INBOX', { batchSize: 3 })).map((b) => b.map((s) => s.uid))).toEqual([[1, 2, 3], [4]]);
  });

  it('honour `since` to the second in an mbox, by postmark', async () => {
    const source = await connect(await mbox([await fixture(ORDER), await fixture(NEWSLETTER), await fixture(EMOJI)]));
    const at = (iso: string) => allSummaries(source, 'INBOX', { since: new Date(iso) }).then((b) => b.flat().map((s) => s.uid));
    expect(await at('2026-05-03T20:12:50Z')).toEqual([1, 3]);
    expect(await at('2026-05-03T20:12:51Z')).toEqual([3]);
  });
});

describe('waitForChange', () => {
  it('resolves once a message is added to the folder', async () => {
    const root = await emlFolder();
    const source = await connect(root);
    await source.openFolder('INBOX');
    let resolved = false;
    const waiting = source.waitForChange('INBOX', 10 * 60_000, new AbortController().signal).then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 60));
    expect(resolved).toBe(false);
    await copyFile(join(fixtures, LATIN1), join(root, 'd-new.eml'));
    await waiting; // the 10-minute timeout cannot be what ends this
    expect(await source.openFolder('INBOX')).toMatchObject({ exists: 4, uidNext: 5 });
  });

  it('resolves at once for a change made since the folder was last looked at', async () => {
    const file = await mbox([await fixture(ORDER)]);
    const source = await connect(file, 60_000);
    await source.openFolder('INBOX');
    await writeFile(file, Buffer.concat([Buffer.from('From MAILER-DAEMON Wed May 13 09:00:00 2026\n'), quote(await fixture(SHIPPED)), Buffer.from('\n')]), { flag: 'a' });
    await source.waitForChange('INBOX', 10 * 60_000, new AbortController().signal); // poll interval one minute: the first look sees it
  });

  it('resolves after timeoutMs when nothing changes, and at once when aborted', async () => {
    const source = await connect(await emlFolder());
    const before = await source.openFolder('INBOX');
    await source.waitForChange('INBOX', 30, new AbortController().signal);
    expect(await source.openFolder('INBOX')).toEqual(before);
    const abort = new AbortController();
    const waiting = source.waitForChange('INBOX', 10 * 60_000, abort.signal);
    abort.abort();
    await waiting;
  });

  it('rejects when the source is closed meanwhile', async () => {
    const source = await connect(await emlFolder());
    await source.openFolder('INBOX');
    const waiting = source.waitForChange('INBOX', 10 * 60_000, new AbortController().signal);
    await source.close();
    await expect(waiting).rejects.toThrow(/closed/);
  });
});

describe('opening a local source', () => {
  it('tells a missing path by name', async () => {
    const missing = join(dir, 'no-such-mail');
    await expect(openSource(missing, stateDir)).rejects.toThrow(`mailbox path not found: ${missing}`);
    await expect(new LocalSource({ path: missing, stateDir }).connect()).rejects.toThrow(missing);
  });

  it('tells a Maildir, an mbox and a folder of .eml files apart by what is there', async () => {
    const file = await mbox([await fixture(ORDER)]);
    const root = await emlFolder();
    const md = await maildir();
    for (const [path, folders] of [
      [file, ['INBOX']],
      [root, ['INBOX', 'Orders', 'Orders/2026']],
      [md, ['INBOX', 'Sent']],
    ] as const) {
      const source = await openSource(path, stateDir);
      opened.push(source);
      await source.connect();
      expect(await source.listFolders()).toEqual(folders);
    }
  });

  it('refuses a file that is not an mbox', async () => {
    await expect(openSource(join(fixtures, ORDER), stateDir)).rejects.toThrow(/not an mbox/);
  });

  it('describes an IMAP spec for logs without its password', () => {
    expect(describeSource('imaps://robin%40example.net:s3cr%2Ft@mail.example.net:993')).toBe('imaps://robin%40example.net:***@mail.example.net:993');
    expect(describeSource('imap://robin@mail.example.net')).toBe('imap://robin@mail.example.net');
    expect(describeSource('fixtures/')).toBe('fixtures/');
  });
});
