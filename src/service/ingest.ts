// One message in, the order record updated. Safe to run twice: a Message-ID already ingested from
// another place is skipped, and applying the same message to an order changes nothing. Bad mail
// (unparseable, no order to attach to) is set aside with its reason and never fails the job, so
// it can never block the queue; only infrastructure errors (Redis) throw and are retried.
import { MessageParseError, parseMessage } from '../mail/parse.js';
import { extract } from '../extract/index.js';
import { Extraction } from '../extract/extraction.js';
import type { Logger } from '../log.js';
import { applyMessage } from '../orders/apply-message.js';
import { matchOrder, threadIds } from '../orders/match.js';
import type { Order } from '../orders/order.js';
import { formatInstant, headerInstant } from '../extract/dates.js';
import type { ActionJob, IngestJob } from '../queue/jobs.js';
import type { ParsedMessage } from '../mail/parsed-message.js';
import { verifiedDomains, type DnsResolver } from '../mail/authenticity.js';
import { registrableDomain } from '../extract/merchant.js';
import { newestPart } from '../extract/forward.js';
import { trustedContact, type MerchantLookup } from '../orders/trust.js';
import { ourMessage } from './actions.js';
import type { InboxStore } from '../store/inbox-store.js';
import type { OrderStore } from '../store/order-store.js';

export interface IngestDeps {
  inbox: InboxStore;
  orders: OrderStore;
  /** The owner's address: only its replies to our reminders are obeyed. */
  owner: string;
  ownerAddresses: string[];
  now: () => Date;
  log: Logger;
  /** The install's secret: our Message-IDs carry a token made with it. */
  secret: string;
  authservId: string | null;
  directory: MerchantLookup;
  resolver?: DnsResolver;
  /** Hands an event about an order to the action queue (due now). */
  emit: (job: ActionJob, dueMs: number) => Promise<void>;
}

export type IngestOutcome =
  | { result: 'order'; orderId: string; created: boolean; kind: Extraction['kind'] }
  | { result: 'not-an-order' }
  | { result: 'duplicate'; of: string }
  | { result: 'set-aside'; reason: string }
  | { result: 'gone' }
  | { result: 'owner-command'; orderId: string; command: 'cancel' | 'keep' }
  | { result: 'ignored-reply'; reason: string };

export async function ingestMessage(deps: IngestDeps, job: IngestJob, jobId: string): Promise<IngestOutcome> {
  const location = `${job.folder}/${job.uidValidity}/${job.uid}`;
  const raw = await deps.inbox.getRaw(jobId);
  // The bytes are dropped only after the order is stored: a rerun after that has nothing to do.
  if (!raw) return { result: 'gone' };

  const setAside = async (reason: string, messageId: string | null = job.messageId): Promise<IngestOutcome> => {
    await deps.inbox.setAside({ account: job.account, folder: job.folder, uid: job.uid, messageId, subject: job.subject, reason, at: deps.now().toISOString() });
    await deps.inbox.dropRaw(jobId);
    deps.log.warn({ folder: job.folder, uid: job.uid, reason }, 'message set aside');
    return { result: 'set-aside', reason };
  };

  let message;
  try {
    message = await parseMessage(raw);
  } catch (err) {
    if (err instanceof MessageParseError) return setAside(`unparseable: ${err.message}`);
    throw err;
  }
  const messageId = message.messageId ?? job.messageId;
  if (messageId) {
    const holder = await deps.inbox.claimMessageId(job.account, messageId, location);
    if (holder !== location) {
      await deps.inbox.dropRaw(jobId);
      return { result: 'duplicate', of: holder };
    }
  }

  const threads = threadIds(message.header('in-reply-to'), message.header('references'));
  const ours = threads.map((id) => ourMessage(deps.secret, id)).find((m) => m !== null) ?? null;
  if (ours && ours.kind !== 'cancel-request' && !ours.kind.startsWith('followup')) {
    // A reply to a reminder or notice of ours: the owner's command, or something to note and ignore.
    const reply = ownerReply(message, deps.owner);
    await deps.inbox.dropRaw(jobId);
    if (reply.command === null) {
      await deps.inbox.setAside({ account: job.account, folder: job.folder, uid: job.uid, messageId, subject: job.subject, reason: reply.reason, at: deps.now().toISOString() });
      deps.log.warn({ order: ours.orderId, reason: reply.reason }, 'reply to orderwatch ignored');
      return { result: 'ignored-reply', reason: reply.reason };
    }
    const event = reply.command === 'cancel' ? ({ type: 'owner_cancel', via: 'reply' } as const) : ({ type: 'owner_keep', via: 'reply' } as const);
    await deps.emit({ orderId: ours.orderId, event }, deps.now().getTime());
    deps.log.info({ order: ours.orderId, command: reply.command }, 'owner replied');
    return { result: 'owner-command', orderId: ours.orderId, command: reply.command };
  }

  let extraction: Extraction;
  try {
    const checked = Extraction.safeParse(extract(message, { now: deps.now(), ownerAddresses: deps.ownerAddresses }));
    if (!checked.success) return setAside(`extraction failed validation: ${checked.error.issues[0]?.message ?? 'invalid'}`, messageId);
    extraction = checked.data;
  } catch (err) {
    // A bug on one odd message must not stop the others: keep it visible instead.
    return setAside(`extraction failed: ${err instanceof Error ? err.message : String(err)}`, messageId);
  }
  if (extraction.kind === 'other') {
    await deps.inbox.dropRaw(jobId);
    return { result: 'not-an-order' };
  }

  const match = matchOrder(extraction, {
    byNumber: extraction.orderNumber ? await deps.orders.idsByNumber(extraction.orderNumber) : [],
    byThread: await deps.orders.idsByMessageIds(threads),
  });
  if (match.kind === 'unmatched') return setAside(match.reason, messageId);

  const sent = headerInstant(message.dateHeader);
  const incoming = {
    messageId,
    subject: message.subject,
    date: sent ? formatInstant(sent.ms, sent.offset) : null,
    from: message.from?.address ?? null,
    location: { account: job.account, folder: job.folder, uidValidity: job.uidValidity, uid: job.uid },
  };
  const contact = await contactVerdict(deps, raw, message, extraction);
  let created = false;
  const stored = await deps.orders.update(match.orderId, (current: Order | null) => {
    created = current === null;
    if (current === null && extraction.orderNumber === null) return null;
    const next = applyMessage(current, extraction, incoming, deps.now());
    // A trusted address is kept over an untrusted one, whatever arrives later.
    if (contact && (!next.contact.trusted || contact.trusted)) next.contact = contact;
    return next;
  });
  if (!stored) return setAside('no order could be recorded for this message', messageId);
  if (stored.merchant.domain) await deps.inbox.addShops([stored.merchant.domain]);
  await deps.emit({ orderId: stored.id, event: { type: 'recorded', kind: extraction.kind, messageId, mailDate: incoming.date } }, deps.now().getTime());
  await deps.inbox.dropRaw(jobId);
  deps.log.info({ order: stored.id, kind: extraction.kind, merchant: stored.merchant.domain, orderNumber: stored.orderNumber }, created ? 'order recorded' : 'order updated');
  return { result: 'order', orderId: stored.id, created, kind: extraction.kind };
}

/** Whether the contact this email gives may receive the owner's data, and why (see orders/trust.ts). */
async function contactVerdict(deps: IngestDeps, raw: Buffer, message: ParsedMessage, extraction: Extraction): Promise<Order['contact'] | null> {
  const listed = extraction.merchant.domain ? deps.directory.lookup(extraction.merchant.domain) : null;
  if (!extraction.contactEmail && !listed) return null;
  // DKIM needs DNS: only worth it when the address is on the shop's own domain.
  const shop = extraction.merchant.domain;
  const sameDomain = shop !== null && extraction.contactEmail !== null && registrableDomain(extraction.contactEmail) === shop;
  const verified = sameDomain && !listed
    ? await verifiedDomains(raw, message, { authservId: deps.authservId, ...(deps.resolver ? { resolver: deps.resolver } : {}), now: deps.now(), forDomain: shop })
    : { domains: [] as string[] };
  const verdict = trustedContact({ contactEmail: extraction.contactEmail, merchantDomain: extraction.merchant.domain, verifiedDomains: verified.domains, directory: deps.directory });
  return { address: verdict.address ?? extraction.contactEmail, trusted: verdict.basis !== null, basis: verdict.basis, reason: verdict.reason };
}

const CANCEL_WORDS = /(?<![\p{L}])(?:cancel|stornieren|storno|stornierung|annuler|annulez|cancelar|cancela|anular|annulla|annullare|annuleer|annuleren)(?![\p{L}])/iu;
const KEEP_WORDS = /(?<![\p{L}])(?:keep|behalten|garder|gardez|conservar|mantener|tenere|tieni|houden|behouden)(?![\p{L}])/iu;

/** The owner's one-word answer to a reminder: obeyed only from the owner's own address. */
export function ownerReply(message: ParsedMessage, owner: string): { command: 'cancel' | 'keep' | null; reason: string } {
  const from = message.from?.address ?? '(no sender)';
  if (from !== owner.toLowerCase()) return { command: null, reason: `a reply to an orderwatch reminder from ${from}, not the owner: ignored` };
  const written = newestPart(message.text ?? '').split('\n').filter((l) => !/^\s*>/.test(l)).join(' ').slice(0, 500);
  const cancel = CANCEL_WORDS.test(written);
  const keep = KEEP_WORDS.test(written);
  if (cancel === keep) return { command: null, reason: `a reply from the owner that says ${cancel ? 'both cancel and keep' : 'neither cancel nor keep'}: nothing done` };
  return { command: cancel ? 'cancel' : 'keep', reason: '' };
}
