// The backfill mailbox, planned from a seed: 90% mail that is not about orders (personal mail with
// and without attachments, HTML newsletters and promotions, some of whose subjects do say "order
// now", "free shipping" or "sale", mailing-list traffic, notifications) and 10% order mail (order
// confirmations from generate-orders.ts and shipping notices for a quarter of those orders), in
// date order. The plan (kind, date, seed index of every message) is made first; the messages are
// rendered one by one while they are delivered (render.ts), so the bytes are never all in memory.
import { orderId } from '../../../src/orders/order.js';
import { generateOrder, type OrderTruth } from '../generate-orders.js';
import { headerBlock } from '../read-headers.js';
import { createRng, deriveSeed } from '../rng.js';

/** Share of the mailbox that is order mail, and the share of that which is shipping notices. */
const ORDER_MAIL_SHARE = 0.1;
const SHIPPING_SHARE = 0.25;

export type MailKind = 'order' | 'shipping' | 'personal' | 'promo' | 'list' | 'notification';
const OTHER_KINDS: { kind: MailKind; weight: number }[] = [
  { kind: 'personal', weight: 22 },
  { kind: 'promo', weight: 38 },
  { kind: 'list', weight: 18 },
  { kind: 'notification', weight: 22 },
];

export interface Confirmation {
  raw: Buffer;
  truth: OrderTruth;
  dateMs: number;
  /** The From and To header values as the shop wrote them (unfolded). */
  from: string;
  to: string;
}

export interface PlanItem {
  kind: MailKind;
  /** Index within its kind: with the seed, it decides the message. */
  index: number;
  dateMs: number;
  /** For an order confirmation, and for a shipping notice the order it speaks of. */
  confirmation?: Confirmation;
}

export interface MailboxPlan {
  items: PlanItem[];
  /** Ids of the orders orderwatch should end up with (shop domain and order number). */
  expectedOrderIds: Set<string>;
  /** Of those, the ones that also got a shipping notice. */
  shippedOrderIds: Set<string>;
}

// The span of the generated orders (2026-01-05 and 300 days on), so that order mail is spread evenly.
const MAILBOX_START = Date.UTC(2026, 0, 1);
const MAILBOX_END = Date.UTC(2026, 10, 20);

export async function planMailbox(total: number, seed: number): Promise<MailboxPlan> {
  const orderMail = Math.round(total * ORDER_MAIL_SHARE);
  const shipping = Math.round(orderMail * SHIPPING_SHARE);
  const confirmations = orderMail - shipping;
  const items: PlanItem[] = [];
  const expectedOrderIds = new Set<string>();
  const shippedOrderIds = new Set<string>();

  const confs: Confirmation[] = [];
  for (let i = 0; i < confirmations; i++) {
    const { raw, truth } = await generateOrder(i, { seed });
    const head = headerBlock(raw);
    const dateMs = Date.parse(head.get('date') ?? '');
    const conf = { raw, truth, dateMs: Number.isFinite(dateMs) ? dateMs : MAILBOX_START, from: head.get('from') ?? '', to: head.get('to') ?? '' };
    confs.push(conf);
    items.push({ kind: 'order', index: i, dateMs: conf.dateMs, confirmation: conf });
    expectedOrderIds.add(orderId(truth.merchantDomain, truth.orderNumber));
  }
  // Shipping notices for a seeded choice of orders, one to five days after the order.
  const rng = createRng(deriveSeed(seed, 0x5417, 0));
  const order = confs.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (let s = 0; s < shipping && s < order.length; s++) {
    const conf = confs[order[s]!]!;
    items.push({ kind: 'shipping', index: s, dateMs: conf.dateMs + rng.int(20, 120) * 3_600_000 + rng.int(0, 3599) * 1000, confirmation: conf });
    shippedOrderIds.add(orderId(conf.truth.merchantDomain, conf.truth.orderNumber));
  }
  const weightSum = OTHER_KINDS.reduce((a, k) => a + k.weight, 0);
  const counters = new Map<MailKind, number>();
  for (let i = 0; i < total - orderMail; i++) {
    let u = rng.next() * weightSum;
    const kind = OTHER_KINDS.find((k) => (u -= k.weight) < 0)?.kind ?? 'promo';
    const index = counters.get(kind) ?? 0;
    counters.set(kind, index + 1);
    items.push({ kind, index, dateMs: MAILBOX_START + Math.floor(rng.next() * (MAILBOX_END - MAILBOX_START)) });
  }
  items.sort((x, y) => x.dateMs - y.dateMs);
  return { items, expectedOrderIds, shippedOrderIds };
}
