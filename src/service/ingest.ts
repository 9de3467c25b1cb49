// One message in, the order record updated. Safe to run twice: a Message-ID already ingested from
// another place is skipped, and applying the same message to an order changes nothing. Bad mail
// (unparseable, no order to attach to) is set aside with its reason and never fails the job, so
// it can never block the queue; only infrastructure errors (Redis) throw and are retried.
import { UnrecoverableError } from 'bullmq';
import { MessageParseError, parseMessage } from '../mail/parse.js';
import { extract } from '../extract/index.js';
import { Extraction } from '../extract/extraction.js';
import type { Logger } from '../log.js';
import { applyMessage } from '../orders/apply-message.js';
import { matchOrder, threadIds } from '../orders/match.js';
import type { Order } from '../orders/order.js';
import { formatInstant, headerInstant } from '../extract/dates.js';
import type { IngestJob } from '../queue/jobs.js';
import type { InboxStore } from '../store/inbox-store.js';
import type { OrderStore } from '../store/order-store.js';

export interface IngestDeps {
  inbox: InboxStore;
  orders: OrderStore;
  ownerAddresses: string[];
  now: () => Date;
  log: Logger;
}

export type IngestOutcome =
  | { result: 'order'; orderId: string; created: boolean; kind: Extraction['kind'] }
  | { result: 'not-an-order' }
  | { result: 'duplicate'; of: string }
  | { result: 'set-aside'; reason: string }
  | { result: 'gone' };

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

  const threads = threadIds(message.header('in-reply-to'), message.header('references'));
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
  let created = false;
  const stored = await deps.orders.update(match.orderId, (current: Order | null) => {
    created = current === null;
    if (current === null && extraction.orderNumber === null) return null;
    return applyMessage(current, extraction, incoming, deps.now());
  });
  if (!stored) return setAside('no order could be recorded for this message', messageId);
  if (stored.merchant.domain) await deps.inbox.addShops([stored.merchant.domain]);
  await deps.inbox.dropRaw(jobId);
  deps.log.info({ order: stored.id, kind: extraction.kind, merchant: stored.merchant.domain, orderNumber: stored.orderNumber }, created ? 'order recorded' : 'order updated');
  return { result: 'order', orderId: stored.id, created, kind: extraction.kind };
}

/** A job whose payload does not validate will never succeed: BullMQ must not retry it. */
export function invalidPayload(reason: string): never {
  throw new UnrecoverableError(`invalid ingest job: ${reason}`);
}
