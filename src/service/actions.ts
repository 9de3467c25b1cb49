// The action step: an event about an order in (a reminder falling due, the owner asking to
// cancel, a confirmation check), decide() consulted, its actions carried out, the order saved.
// Safe to run twice: the decision is taken at the job's own time (not the clock's), every email
// has a Message-ID fixed by what it is, the mailer sends each Message-ID once, and scheduled jobs
// have ids made of (order, action, due). The order is saved after the actions, so a crash
// between them repeats the (idempotent) actions rather than losing them.
import { createHmac } from 'node:crypto';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Mailer } from '../mail/mailer.js';
import type { SentFolder } from '../mail/sent-folder.js';
import { renderMail } from '../mail/templates.js';
import { decide, type Action, type MailToSend, type OrderEvent, type Policy } from '../orders/decide.js';
import type { CorrespondenceEntry, Order } from '../orders/order.js';
import type { ActionJob } from '../queue/jobs.js';
import type { OrderStore } from '../store/order-store.js';

export interface ActionDeps {
  config: Config;
  orders: OrderStore;
  mailer: Mailer;
  sentFolder: SentFolder;
  /** Adds an action job due at `dueMs` (idempotent per job id). */
  schedule: (job: ActionJob, dueMs: number) => Promise<void>;
  /** The install's secret for reply tokens. */
  secret: string;
  log: Logger;
}

export function policyOf(config: Config): Policy {
  return { remindOffsetsMs: config.remindOffsetsMs, confirmWithinMs: config.confirmWithinMs, maxFollowups: config.maxFollowups };
}

export async function handleAction(deps: ActionDeps, job: ActionJob, at: Date): Promise<void> {
  const stored = await deps.orders.read(job.orderId);
  if (!stored) return;
  const { order } = stored;
  const progress = { ...order.progress, contactTrusted: order.contact.trusted };
  const decision = decide(order, progress, job.event, policyOf(deps.config), at);
  const sent: CorrespondenceEntry[] = [];
  let next: Order['next'] = order.next;
  for (const action of decision.actions) {
    if (action.type === 'schedule') {
      await deps.schedule({ orderId: order.id, event: eventFor(action) }, Date.parse(action.due));
      if (!next || Date.parse(action.due) < Date.parse(next.due) || Date.parse(next.due) <= at.getTime()) next = { what: action.job.replace(/_/g, ' '), due: action.due };
    } else if (action.type === 'send') {
      const entry = await sendMail(deps, order, decision.progress.followups, action.mail, job.event, at);
      if (entry) sent.push(entry);
    } else {
      await flag(deps, order, action);
    }
  }
  if (next && Date.parse(next.due) <= at.getTime()) next = null;
  await deps.orders.update(order.id, (current) => {
    if (!current) return null;
    const known = new Set(current.messages.map((m) => m.messageId));
    return {
      ...current,
      state: decision.state,
      flags: decision.flags,
      progress: { cancelAskedAt: decision.progress.cancelAskedAt, keep: decision.progress.keep, followups: decision.progress.followups },
      next,
      messages: [...current.messages, ...sent.filter((m) => !known.has(m.messageId))],
      updatedAt: at.toISOString(),
    };
  }, stored);
}

function eventFor(action: Extract<Action, { type: 'schedule' }>): OrderEvent {
  if (action.job === 'reminder') return { type: 'reminder_due', dueAt: action.due };
  if (action.job === 'deadline_passed') return { type: 'deadline_passed' };
  if (action.job === 'return_reminder') return { type: 'return_reminder_due', dueAt: action.due };
  if (action.job === 'return_window_closed') return { type: 'return_window_closed' };
  return { type: 'confirmation_check_due', attempt: action.attempt };
}

async function sendMail(deps: ActionDeps, order: Order, followups: number, kind: MailToSend, event: OrderEvent, at: Date): Promise<CorrespondenceEntry | null> {
  const owner = deps.config.owner;
  const confirmation = order.messages.find((m) => m.direction === 'in' && m.kind === 'order_confirmation' && m.messageId) ?? order.messages.find((m) => m.messageId);
  const request = order.messages.find((m) => m.outgoing === 'cancel_request');
  const toStore = kind === 'cancel_request' || kind === 'followup';
  if (toStore && !order.contact.address) return null;
  const messageId = outgoingMessageId(deps.secret, owner.address, order.id, kind, discriminator(kind, event, followups, order));
  const threadRoot = toStore && request && kind === 'followup' ? request.messageId : (confirmation?.messageId ?? null);
  const references = [confirmation?.messageId, kind === 'followup' ? request?.messageId : null].filter((m): m is string => !!m);
  const mail = renderMail(kind, {
    order,
    progress: { ...order.progress, contactTrusted: order.contact.trusted },
    owner,
    timeZone: deps.config.timeZone,
    now: at,
    messageId,
    thread: { inReplyTo: threadRoot, references: [...new Set(references)] },
    to: toStore ? { name: order.merchant.name, address: order.contact.address! } : { name: owner.name, address: owner.address },
    requestMessageId: request?.messageId ?? null,
    followupNumber: followups,
    trustReason: order.contact.reason,
    ...(event.type === 'reminder_due' || event.type === 'return_reminder_due' ? { dueAt: event.dueAt } : {}),
  });
  const outcome = await deps.mailer.send(mail);
  deps.log.info({ order: order.id, mail: kind, messageId, outcome }, 'mail handled');
  return {
    direction: 'out',
    date: at.toISOString(),
    subject: mail.subject,
    messageId,
    kind: null,
    from: owner.address,
    location: null,
    outgoing: kind === 'cancel_request' ? 'cancel_request' : kind,
  };
}

/** What makes two emails of one kind about one order different (each reminder, each follow-up). */
function discriminator(kind: MailToSend, event: OrderEvent, followups: number, order: Order): string {
  if (kind === 'reminder') return event.type === 'reminder_due' ? String(Date.parse(event.dueAt)) : 'first';
  if (kind === 'return_reminder') return event.type === 'return_reminder_due' ? String(Date.parse(event.dueAt)) : 'first';
  if (kind === 'followup') return String(followups);
  if (kind === 'manual_cancel_notice') return String(Date.parse(order.progress.cancelAskedAt ?? '') || 0);
  return 'once';
}

/** A token only this install can make: replies to our mail are recognised by it, forgeries are not. */
export function replyToken(secret: string, orderId: string): string {
  return createHmac('sha256', secret).update(orderId).digest('base64url').replace(/[-_]/g, '').slice(0, 16).toLowerCase();
}

export function outgoingMessageId(secret: string, ownerAddress: string, orderId: string, kind: MailToSend, discriminator: string): string {
  const domain = ownerAddress.split('@')[1] ?? 'orderwatch.invalid';
  return `<ow.${kind.replace(/_/g, '-')}.${orderId}.${discriminator}.${replyToken(secret, orderId)}@${domain}>`;
}

const OUR_MESSAGE_ID = /^<ow\.([a-z-]+)\.(o[0-9a-z]+)\.([0-9a-z]+)\.([0-9a-z]+)@[^>]+>$/;

/** The order a Message-ID of ours belongs to, when its token is genuine. */
export function ourMessage(secret: string, messageId: string): { kind: string; orderId: string } | null {
  const m = OUR_MESSAGE_ID.exec(messageId);
  if (!m || m[4] !== replyToken(secret, m[2]!)) return null;
  return { kind: m[1]!, orderId: m[2]! };
}

async function flag(deps: ActionDeps, order: Order, action: Extract<Action, { type: 'flag' }>): Promise<void> {
  if (action.where === 'request_in_sent') {
    const request = order.messages.find((m) => m.outgoing === 'cancel_request');
    if (request?.messageId) await deps.sentFolder.flag(request.messageId, action.flags);
    return;
  }
  const mail = order.messages.find((m) => m.direction === 'in' && m.kind === 'order_confirmation' && m.messageId && m.location) ?? order.messages.find((m) => m.direction === 'in' && m.messageId && m.location);
  if (mail?.messageId && mail.location) await deps.sentFolder.flagMessage(mail.location.folder, mail.messageId, action.flags);
}
