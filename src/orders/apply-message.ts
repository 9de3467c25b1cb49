// What an incoming email does to the order it speaks of. Pure: the order as stored, the
// extraction and the message's facts in; the order as it should now be stored out. Applying the
// same message twice changes nothing the second time (jobs run at least once).
import type { Extraction } from '../extract/extraction.js';
import { orderId, type CorrespondenceEntry, type Flag, type Order, type OrderState } from './order.js';

export interface IncomingMessage {
  messageId: string | null;
  subject: string;
  date: string | null;
  from: string | null;
  location: CorrespondenceEntry['location'];
}

/** States an order does not leave because of a later notice (a late shipping mail cannot un-cancel it). */
const SETTLED: OrderState[] = ['cancelled', 'closed'];
/** The states incoming notices decide; the others come from what orderwatch itself did. */
const INCOMING_STATES: OrderState[] = ['detected', 'shipped', 'cancelled', 'denied'];
// 'returning' and 'closed' are the return path's, decided in decide.ts.

export function applyMessage(existing: Order | null, extraction: Extraction, message: IncomingMessage, now: Date): Order {
  const at = now.toISOString();
  const base = existing ?? newOrder(extraction, at);
  const entry: CorrespondenceEntry = {
    direction: 'in',
    date: message.date,
    subject: message.subject,
    messageId: message.messageId,
    kind: extraction.kind,
    from: message.from,
    location: message.location,
    outgoing: null,
  };
  const already = base.messages.some((m) => sameMessage(m, entry));
  const messages = already ? base.messages : [...base.messages, entry].sort(byDate);
  if (already && existing) return existing;

  const order: Order = { ...mergeFields(base, extraction), messages, updatedAt: at };
  if (extraction.kind === 'order_confirmation') order.confirmed = true;
  if (extraction.kind === 'shipping_notification' || extraction.kind === 'delivery_notification') order.shippedAt ??= message.date;
  if (extraction.kind === 'delivery_notification') order.deliveredAt ??= message.date;
  // The return window runs from delivery (or, lacking a delivery notice, from shipping).
  const from = order.deliveredAt ?? order.shippedAt;
  if (order.returnWindowDays && from) order.returnBy = new Date(Date.parse(from) + order.returnWindowDays * 86_400_000).toISOString();
  // Mail is read in any order (folders, retries, concurrency): the state follows the mail's own dates.
  order.state = stateFromTimeline(messages, base.state);
  const flags = new Set<Flag>(order.flags);
  if (order.confirmed) flags.delete('missing_order_confirmation');
  else if (messages.some((m) => m.kind === 'shipping_notification' || m.kind === 'delivery_notification')) flags.add('missing_order_confirmation');
  if (messages.some((m) => m.kind === 'cancellation_confirmation')) flags.delete('missing_cancellation_confirmation');
  order.flags = [...flags].sort();
  return order;
}

/** Where the store's notices, taken in date order, leave the order. */
export function stateFromTimeline(messages: CorrespondenceEntry[], current: OrderState): OrderState {
  let state: OrderState = INCOMING_STATES.includes(current) ? 'detected' : current;
  for (const m of messages) {
    if (m.direction !== 'in') continue;
    switch (m.kind) {
      case 'shipping_notification':
      case 'delivery_notification':
        if (!SETTLED.includes(state)) state = 'shipped';
        break;
      case 'cancellation_confirmation':
        if (state !== 'closed') state = 'cancelled';
        break;
      case 'cancellation_denied':
        if (!SETTLED.includes(state)) state = 'denied';
        break;
      default:
        break;
    }
  }
  return state;
}

function newOrder(e: Extraction, at: string): Order {
  return {
    id: orderId(e.merchant.domain, e.orderNumber!),
    merchant: e.merchant,
    orderNumber: e.orderNumber!,
    orderedAt: null,
    total: null,
    items: [],
    cancelBy: null,
    cancelUntilShipped: false,
    cancelUrl: null,
    returnWindowDays: null,
    contactEmail: null,
    trackingNumber: null,
    state: 'detected',
    flags: [],
    confirmed: false,
    shippedAt: null,
    deliveredAt: null,
    messages: [],
    progress: { cancelAskedAt: null, keep: false, followups: 0 },
    contact: { address: null, trusted: false, basis: null, reason: 'no contact address checked yet' },
    returnBy: null,
    next: null,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The confirmation speaks for the order (time, total, items, policy); later mail fills what it
 * left open and brings what only it knows (tracking, a refund total on a cancellation).
 */
function mergeFields(order: Order, e: Extraction): Order {
  const fromConfirmation = e.kind === 'order_confirmation';
  const pick = <T>(current: T | null, found: T | null): T | null => (fromConfirmation ? (found ?? current) : (current ?? found));
  return {
    ...order,
    merchant: { name: order.merchant.name ?? e.merchant.name, domain: order.merchant.domain ?? e.merchant.domain },
    orderedAt: pick(order.orderedAt, e.orderedAt),
    total: pick(order.total, e.total),
    items: fromConfirmation && e.items.length > 0 ? e.items : order.items.length > 0 ? order.items : e.items,
    cancelBy: fromConfirmation ? e.cancelBy : order.cancelBy,
    cancelUntilShipped: fromConfirmation ? e.cancelUntilShipped : order.cancelUntilShipped,
    cancelUrl: fromConfirmation ? (e.cancelUrl ?? order.cancelUrl) : order.cancelUrl,
    returnWindowDays: e.returnWindowDays ?? order.returnWindowDays,
    contactEmail: pick(order.contactEmail, e.contactEmail),
    trackingNumber: e.trackingNumber ?? order.trackingNumber,
  };
}

function sameMessage(a: CorrespondenceEntry, b: CorrespondenceEntry): boolean {
  if (a.messageId && b.messageId) return a.messageId === b.messageId;
  return a.location !== null && b.location !== null && JSON.stringify(a.location) === JSON.stringify(b.location);
}

function byDate(a: CorrespondenceEntry, b: CorrespondenceEntry): number {
  return (Date.parse(a.date ?? '') || 0) - (Date.parse(b.date ?? '') || 0);
}
