// Writing the planned mailbox into Dovecot's Maildir through the test harness, message by message
// in date order, counting size and triage by kind for the mailbox table.
import type { Triage } from '../../src/extract/triage.js';
import type { TestDovecot } from '../../test/support/dovecot.js';
import type { MailboxPlan, MailKind } from '../mail/mailbox/plan.js';
import { renderMessage } from '../mail/mailbox/render.js';
import { seconds } from './format.js';
import { FOLDER, USER } from './settings.js';

const DELIVER_CONCURRENCY = 16;

export interface KindStats {
  messages: number;
  bytes: number;
  maxBytes: number;
  triage: Record<Triage, number>;
}

export interface Mailbox {
  byKind: Map<MailKind, KindStats>;
  /** Message-ID -> kind, to say what orderwatch chose to download. */
  kindById: Map<string, MailKind>;
  bytes: number;
  ms: number;
}

export async function fillMailbox(dovecot: TestDovecot, plan: MailboxPlan, seed: number, log: (line: string) => void): Promise<Mailbox> {
  const t0 = performance.now();
  const shops = [...new Set(plan.items.flatMap((i) => (i.kind === 'order' ? [i.confirmation!.truth.merchantDomain] : [])))];
  const byKind = new Map<MailKind, KindStats>();
  const kindById = new Map<string, MailKind>();
  const inFlight = new Set<Promise<unknown>>();
  let bytes = 0;
  let done = 0;
  for (const item of plan.items) {
    const m = renderMessage(item, seed, shops);
    const s = byKind.get(m.kind) ?? { messages: 0, bytes: 0, maxBytes: 0, triage: { 'order-like': 0, reply: 0, skip: 0 } };
    s.messages++;
    s.bytes += m.raw.length;
    s.maxBytes = Math.max(s.maxBytes, m.raw.length);
    s.triage[m.triage]++;
    byKind.set(m.kind, s);
    if (m.messageId) kindById.set(m.messageId, m.kind);
    bytes += m.raw.length;
    const p = dovecot.deliver(USER, FOLDER, m.raw).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= DELIVER_CONCURRENCY) await Promise.race(inFlight);
    if (++done % 5000 === 0) log(`  ${done.toLocaleString('en')} messages written`);
  }
  await Promise.all(inFlight);
  const ms = performance.now() - t0;
  log(`mailbox written: ${plan.items.length.toLocaleString('en')} messages, ${(bytes / 1e6).toFixed(0)} MB in ${seconds(ms)}`);
  return { byKind, kindById, bytes, ms };
}
