// The extraction contract: what one email says about one order. Validated with zod so that every
// consumer (CLI, store, decisions) can rely on its shape.
import { z } from 'zod';

export const KINDS = [
  'order_confirmation',
  'shipping_notification',
  'delivery_notification',
  'cancellation_confirmation',
  'cancellation_denied',
  'other',
] as const;
export const Kind = z.enum(KINDS);
export type Kind = z.infer<typeof Kind>;

/** ISO-8601 instant with an explicit offset, e.g. 2026-04-14T15:05:00-07:00. */
const Instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/);

export const Money = z.object({
  amount: z.number().finite().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type Money = z.infer<typeof Money>;

export const Item = z.object({
  name: z.string().min(1),
  quantity: z.number().int().positive(),
  /** The line price as printed (for the whole line), in the order's currency. */
  price: z.number().finite().nullable(),
});
export type Item = z.infer<typeof Item>;

export const Merchant = z.object({
  name: z.string().nullable(),
  /** Registrable domain, lower-case: the shop's own, never the email service provider's. */
  domain: z.string().nullable(),
});
export type Merchant = z.infer<typeof Merchant>;

export const EVIDENCE_FIELDS = [
  'kind',
  'merchant',
  'orderNumber',
  'orderedAt',
  'total',
  'items',
  'cancelBy',
  'cancelUntilShipped',
  'cancelUrl',
  'returnWindowDays',
  'contactEmail',
  'trackingNumber',
] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

export const Extraction = z.object({
  kind: Kind,
  merchant: Merchant,
  orderNumber: z.string().min(1).nullable(),
  orderedAt: Instant.nullable(),
  total: Money.nullable(),
  items: z.array(Item),
  cancelBy: Instant.nullable(),
  cancelUntilShipped: z.boolean(),
  cancelUrl: z.string().url().nullable(),
  returnWindowDays: z.number().int().positive().nullable(),
  contactEmail: z.string().email().nullable(),
  trackingNumber: z.string().min(1).nullable(),
  /** For each field found, the short snippet of the email it came from. */
  evidence: z.partialRecord(z.enum(EVIDENCE_FIELDS), z.string()),
});
export type Extraction = z.infer<typeof Extraction>;
