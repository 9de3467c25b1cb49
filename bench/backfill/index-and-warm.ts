// Before the timed runs: Dovecot indexes the written mailbox, and one untimed pass reads it the way
// a mail client's first sync would, so that all three runs meet the same warm index and page cache.
import { ImapFlow } from 'imapflow';
import type { TestDovecot } from '../../test/support/dovecot.js';
import { seconds } from './format.js';
import { FOLDER, USER } from './settings.js';

export interface IndexInfo {
  messages: number;
  uidNext: number;
  selectMs: number;
  warmMs: number;
}

/**
 * STATUS and a read-write SELECT make Dovecot take the new files in (UIDs, index); then one
 * untimed pass fetches what a mail client's first sync would (flags, size, envelope, date) and
 * every message's source, so each timed run meets the same warm index, cache and page cache.
 */
export async function indexAndWarm(dovecot: TestDovecot, expected: number, log: (line: string) => void): Promise<IndexInfo> {
  const client = new ImapFlow(dovecot.login(USER));
  await client.connect();
  try {
    const t0 = performance.now();
    const status = await client.status(FOLDER, { messages: true, uidNext: true });
    const box = await client.mailboxOpen(FOLDER);
    const selectMs = performance.now() - t0;
    if (!status || status.messages !== expected || box.exists !== expected) {
      throw new Error(`backfill bench: Dovecot shows ${status ? status.messages : '?'} messages (SELECT: ${box.exists}), ${expected} were written`);
    }
    const t1 = performance.now();
    let seen = 0;
    for await (const msg of client.fetch('1:*', { uid: true, flags: true, size: true, envelope: true, internalDate: true, source: true })) if (msg.source) seen++;
    const warmMs = performance.now() - t1;
    if (seen !== expected) throw new Error(`backfill bench: the warm-up fetch saw ${seen} of ${expected} messages`);
    log(`Dovecot indexed ${expected.toLocaleString('en')} messages (STATUS + SELECT ${seconds(selectMs)}), warm-up fetch ${seconds(warmMs)}`);
    return { messages: expected, uidNext: box.uidNext, selectMs, warmMs };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
