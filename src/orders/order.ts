// The Order: one record per order, however many emails speak of it. Validated with zod at the
// store boundary, since records outlive the code that wrote them.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Item, Kind, Merchant, Money } from '../extract/extraction.js';

export const ORDER_STATES = [
  'detected', 'reminded', 'cancel_requested', 'cancelled', 'confirmation_overdue', 'followed_up', 'denied',
  'shipped', 'returning', 'closed', 'expired',
] as const;
export const OrderState = z.enum(ORDER_STATES);
export type OrderState = z.infer<typeof OrderState>;

export const FLAGS = ['missing_order_confirmation', 'missing_cancellation_confirmation', 'manual_action'] as const;
export const Flag = z.enum(FLAGS);
export type Flag = z.infer<typeof Flag>;

export const CorrespondenceEntry = z.object({
  direction: z.enum(['in', 'out']),
  /** When the message was sent (its Date header), ISO-8601. */
  date: z.string().nullable(),
  subject: z.string(),
  messageId: z.string().nullable(),
  kind: Kind.nullable(),
  from: z.string().nullable(),
  /** Where the message lives: account, folder and UID (incoming mail). */
  location: z.object({ account: z.string(), folder: z.string(), uidValidity: z.string(), uid: z.number().int() }).nullable(),
  /** For mail orderwatch sent: what it was (reminder, cancel_request, ...). */
  outgoing: z.string().nullable().default(null),
});
export type CorrespondenceEntry = z.infer<typeof CorrespondenceEntry>;

export const Order = z.object({
  id: z.string(),
  merchant: Merchant,
  orderNumber: z.string(),
  orderedAt: z.string().nullable(),
  total: Money.nullable(),
  items: z.array(Item),
  cancelBy: z.string().nullable(),
  cancelUntilShipped: z.boolean(),
  cancelUrl: z.string().nullable(),
  returnWindowDays: z.number().int().nullable(),
  contactEmail: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  state: OrderState,
  flags: z.array(Flag),
  /** Whether an order confirmation is on file (a shipping notice alone does not make one). */
  confirmed: z.boolean(),
  shippedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  messages: z.array(CorrespondenceEntry),
  /** The owner's wish and what orderwatch did about it (see decide.ts). */
  progress: z
    .object({ cancelAskedAt: z.string().nullable(), keep: z.boolean(), followups: z.number().int().min(0) })
    .default({ cancelAskedAt: null, keep: false, followups: 0 }),
  /** Where a cancellation request may go, and why (see trust.ts). */
  contact: z
    .object({ address: z.string().nullable(), trusted: z.boolean(), basis: z.enum(['directory', 'authenticated']).nullable(), reason: z.string() })
    .default({ address: null, trusted: false, basis: null, reason: 'no contact address checked yet' }),
  /** The end of the return window, once delivery and the return period are known (the return path). */
  returnBy: z.string().nullable().default(null),
  /** The next thing orderwatch will do, for the owner's overview. */
  next: z.object({ what: z.string(), due: z.string() }).nullable().default(null),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Order = z.infer<typeof Order>;

/** Stable id of an order: the same shop and number always give the same id, on every machine. */
export function orderId(domain: string | null, orderNumber: string): string {
  const digest = createHash('sha256').update(`${(domain ?? '').toLowerCase()}\n${orderNumber}`).digest();
  return `o${digest.readUIntBE(0, 6).toString(36).padStart(10, '0')}`;
}
