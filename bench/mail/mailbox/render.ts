// One planned message as bytes, with what the mailbox table says of it (kind, size, triage).
import { triage, type Triage } from '../../../src/extract/triage.js';
import { decodeWords, headerBlock } from '../read-headers.js';
import { createRng, deriveSeed } from '../rng.js';
import { listMail } from './list-mail.js';
import { notificationMail } from './notification-mail.js';
import { personalMail } from './personal-mail.js';
import type { MailKind, PlanItem } from './plan.js';
import { promoMail } from './promo-mail.js';
import { shippingNotice } from './shipping-notice.js';

export interface RenderedMessage {
  kind: MailKind;
  raw: Buffer;
  subject: string;
  from: string;
  messageId: string | null;
  /** What triage decides on this message's headers (for the mailbox table). */
  triage: Triage;
}

/** The bytes of one planned message; the same plan item and seed always give the same bytes. */
export function renderMessage(item: PlanItem, seed: number, shops: string[]): RenderedMessage {
  if (item.kind === 'order') {
    const c = item.confirmation!;
    const head = headerBlock(c.raw);
    return summarize('order', c.raw, head);
  }
  const rng = createRng(deriveSeed(seed, KIND_SALT[item.kind], item.index));
  const raw =
    item.kind === 'shipping' ? shippingNotice(rng, item.confirmation!, item.dateMs)
    : item.kind === 'personal' ? personalMail(rng, item.dateMs)
    : item.kind === 'promo' ? promoMail(rng, item.dateMs, shops)
    : item.kind === 'list' ? listMail(rng, item.dateMs)
    : notificationMail(rng, item.dateMs);
  return summarize(item.kind, raw, headerBlock(raw));
}

const KIND_SALT: Record<MailKind, number> = { order: 1, shipping: 2, personal: 3, promo: 4, list: 5, notification: 6 };

function summarize(kind: MailKind, raw: Buffer, head: Map<string, string>): RenderedMessage {
  const subject = decodeWords(head.get('subject') ?? '');
  const from = head.get('from') ?? '';
  const headers: Record<string, string> = {};
  for (const name of ['in-reply-to', 'list-id', 'list-unsubscribe']) {
    const v = head.get(name);
    if (v !== undefined) headers[name] = v;
  }
  return { kind, raw, subject, from, messageId: /<[^<>\s]+>/.exec(head.get('message-id') ?? '')?.[0] ?? null, triage: triage({ subject, from, headers }) };
}
