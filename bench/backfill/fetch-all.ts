// Runs (b) and (c), the two ways anyone would otherwise read the mailbox: one FETCH 1:* of every
// full message with imapflow, parsed with mailparser's simpleParser (b) or not at all (c).
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import type { TestDovecot } from '../../test/support/dovecot.js';
import { FOLDER, USER } from './settings.js';

export interface FetchRun {
  ms: number;
  cpuMs: number;
  messages: number;
  bytes: number;
  parseErrors: number;
}

export async function fetchAll(dovecot: TestDovecot, parse: boolean): Promise<FetchRun> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const client = new ImapFlow(dovecot.login(USER));
  await client.connect();
  let messages = 0;
  let bytes = 0;
  let parseErrors = 0;
  try {
    const lock = await client.getMailboxLock(FOLDER, { readOnly: true });
    try {
      for await (const msg of client.fetch('1:*', { uid: true, source: true }, { uid: true })) {
        if (!msg.source) continue;
        messages++;
        bytes += msg.source.length;
        if (parse) await simpleParser(msg.source).catch(() => parseErrors++);
      }
    } finally {
      lock.release();
    }
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, messages, bytes, parseErrors };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
