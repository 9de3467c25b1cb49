// A shop's mail that does not say "order" in its subject ("Your jars have left Uzès") is passed
// over until its sender proves to be a shop, then read. That memory lives in Redis: a scan stopped
// (or killed) between the two mails still reads the first one when the second arrives.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { LocalSource } from '../../src/mail/local-source.js';
import type { IngestJob } from '../../src/queue/jobs.js';
import { runSync, type SyncDeps } from '../../src/service/sync.js';
import { InboxStore } from '../../src/store/inbox-store.js';
import { Keys } from '../../src/store/keys.js';
import { uniquePrefix } from '../support/redis.js';
import { redisForTests } from '../support/redis-per-file.js';

const redis = redisForTests('test');
let dir: string;
let inbox: InboxStore;

beforeEach(async (context) => {
  dir = await mkdtemp(join(tmpdir(), 'ow-passed-'));
  inbox = new InboxStore(redis.client, new Keys(uniquePrefix('passed')));
  context.onTestFinished(() => rm(dir, { recursive: true, force: true }));
});

const SHOP = 'Olive & Thistle <hello@oliveandthistle.fr>';

function mail(n: number, from: string, subject: string, body: string, extraHeaders = ''): string {
  return [
    `From: ${from}`,
    'To: Robin Hale <robin@example.net>',
    `Subject: ${subject}`,
    `Date: Tue, ${String(n + 1).padStart(2, '0')} Sep 2026 09:1${n % 10}:00 +0200`,
    `Message-ID: <m${n}.${subject.length}@mail.oliveandthistle.fr>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    ...(extraHeaders ? [extraHeaders] : []),
    '',
    body,
    '',
  ].join('\r\n');
}

const LEFT_UZES = mail(1, SHOP, 'Your jars have left Uzès', 'Hello Robin,\r\n\r\nyour parcel with 3 jars of lavender honey left our workshop this morning.\r\nColissimo 6A12345678901\r\n\r\nOlive & Thistle');
const CONFIRMED = mail(2, SHOP, 'Order OT-4471 confirmed', 'Hello Robin,\r\n\r\nthank you for your order OT-4471 of 1 Sep 2026.\r\nLavender honey x3  EUR 36.00\r\nTotal: EUR 42.90\r\n\r\nOlive & Thistle');
const CAMPAIGN = mail(3, SHOP, 'Autumn at the workshop', 'New jars, new recipes.', 'List-Unsubscribe: <https://oliveandthistle.fr/u/r0b1n>');
const FRIEND = mail(4, 'Sam Ortega <sam@ortega-family.net>', 'Photos from the weekend', 'The one at the summit came out great.');

/** One pass over the folder, as a fresh process would make it; returns the UIDs queued for ingest. */
async function scanOnce(): Promise<number[]> {
  const queued: IngestJob[] = [];
  const deps: SyncDeps = {
    account: 'robin',
    openSource: async () => new LocalSource({ path: dir, stateDir: join(dir, '.state') }),
    folders: ['INBOX'],
    inbox,
    enqueue: async (jobs) => void queued.push(...jobs.map((j) => j.job)),
    setAside: async () => {},
    knownMessageIds: async () => new Set(),
    now: () => new Date('2026-09-20T10:00:00Z'),
    backfillDays: null,
    maxMessageBytes: 25 * 1048576,
    pollMs: 1_000,
    log: silentLogger(),
  };
  await runSync(deps, new AbortController().signal, { once: true });
  return queued.map((j) => j.uid).sort((a, b) => a - b);
}

async function deliver(name: string, raw: string): Promise<void> {
  await writeFile(join(dir, name), raw);
}

describe('mail passed over until its sender proves to be a shop', () => {
  it('is read in the same scan once a later message shows the sender is a shop', async () => {
    await deliver('1-left.eml', LEFT_UZES);
    await deliver('2-confirmed.eml', CONFIRMED);
    expect(await scanOnce()).toEqual([1, 2]);
  });

  it('is remembered across a restart and read when the shop\'s order mail arrives later', async () => {
    await deliver('1-left.eml', LEFT_UZES);
    await deliver('2-friend.eml', FRIEND);
    expect(await scanOnce()).toEqual([]);
    expect((await passedOverFromShop()).map((r) => r.subject)).toEqual(['Your jars have left Uzès']);

    await deliver('3-confirmed.eml', CONFIRMED);
    expect(await scanOnce()).toEqual([1, 3]);
    expect(await passedOverFromShop()).toEqual([]);
    expect(await scanOnce()).toEqual([]);
  });

  it('never reads a campaign (List-Unsubscribe) or personal mail, shop or not', async () => {
    await deliver('1-campaign.eml', CAMPAIGN);
    await deliver('2-friend.eml', FRIEND);
    await deliver('3-confirmed.eml', CONFIRMED);
    expect(await scanOnce()).toEqual([3]);
  });

  it('reads leftovers of a shop learned just before a crash, on the next scan even with no new mail', async () => {
    await deliver('1-left.eml', LEFT_UZES);
    expect(await scanOnce()).toEqual([]);
    // The crash: the shop was recorded, the passed-over mail not yet queued.
    await inbox.addShops(['oliveandthistle.fr']);
    expect(await scanOnce()).toEqual([1]);
    expect(await scanOnce()).toEqual([]);
  });
});

async function passedOverFromShop() {
  const { uidValidity } = (await inbox.folderProgress('robin', 'INBOX'))!;
  return inbox.passedOverFrom('robin', 'INBOX', uidValidity, ['oliveandthistle.fr']);
}
