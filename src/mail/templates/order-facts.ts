// The facts of an order as every email states them, and the deadline worked out once: so a
// reminder, a notice and a letter to the shop never disagree about a number or a time.
import { facts, type Block, type FactValue } from './body.js';
import type { CorrespondenceEntry } from '../../orders/order.js';
import type { TemplateContext } from './context.js';
import { formatTimeLeft, formatTotal, formatWhen, itemLines, oneLine, orderNumber, parseInstant, shopName } from './format.js';

export interface Deadline {
  at: Date;
  /** "Tue 14 Apr 2026, 21:00 CEST" in the owner's zone. */
  when: string;
  /** Milliseconds from now; negative once passed. */
  leftMs: number;
  /** "2h 05m"; "none" once passed. */
  left: string;
}

export function deadlineOf(ctx: TemplateContext): Deadline | null {
  const at = parseInstant(ctx.order.cancelBy);
  if (!at) return null;
  const leftMs = at.getTime() - ctx.now.getTime();
  return { at, when: formatWhen(at, ctx.timeZone), leftMs, left: formatTimeLeft(leftMs) };
}

/** "Velvet Orchard (velvetorchard.com)": the name and, when it adds something, the domain. */
export function shopWithDomain(ctx: TemplateContext): string {
  const name = shopName(ctx.order);
  const domain = oneLine(ctx.order.merchant.domain ?? '', 80);
  return domain && domain.toLowerCase() !== name.toLowerCase() ? `${name} (${domain})` : name;
}

export function when(ctx: TemplateContext, iso: string | null | undefined): string | null {
  const at = parseInstant(iso);
  return at ? formatWhen(at, ctx.timeZone) : null;
}

export interface FactOptions {
  shop?: boolean;
  deadline?: boolean;
  tracking?: boolean;
  extra?: Array<[string, FactValue | string | null]>;
}

/** Shop, order number, order date, items, total, and (as asked) the deadline and tracking number. */
export function orderFacts(ctx: TemplateContext, options: FactOptions = {}): Block {
  const { order } = ctx;
  const rows: Array<[string, FactValue | string | null]> = [];
  if (options.shop !== false) rows.push(['Shop', shopWithDomain(ctx)]);
  rows.push(['Order number', orderNumber(order)], ['Order date', when(ctx, order.orderedAt)]);
  rows.push(['Items', { list: itemLines(order.items, order.total?.currency ?? null) }], ['Total', formatTotal(order.total)]);
  if (options.deadline) {
    const deadline = deadlineOf(ctx);
    if (deadline) rows.push(['Cancel by', deadline.when], ['Time left', deadline.leftMs > 0 ? deadline.left : 'none: the deadline has passed']);
    else if (order.cancelUntilShipped) rows.push(['Cancel by', 'until it ships']);
  }
  if (options.tracking && order.trackingNumber) rows.push(['Tracking number', oneLine(order.trackingNumber, 80)]);
  rows.push(...(options.extra ?? []));
  return facts(rows);
}

/** How to cancel by replying, and what orderwatch does then. */
export function replyInstructions(ctx: TemplateContext): Block {
  const shop = shopName(ctx.order);
  const contact = ctx.order.contactEmail ? oneLine(ctx.order.contactEmail, 254) : null;
  const then = ctx.progress.contactTrusted && contact
    ? `orderwatch then writes to ${shop}'s customer service (${contact}) in your name, asks for written confirmation, and follows up if none comes.`
    : `orderwatch cannot write to ${shop} for you (it has no customer-service address it can trust), so it will then send you the steps to cancel yourself.`;
  return { type: 'p', parts: ['To cancel by reply: reply to this email with the word cancel (or keep to stop reminders). ', then] };
}

export const SIGNATURE: Block = { type: 'p', parts: ['— orderwatch'] };

/** When the first cancellation request went out: its entry in the correspondence, else when the owner asked. */
export function requestSentAt(ctx: TemplateContext): Date | null {
  const messages = ctx.order.messages;
  const byId = ctx.requestMessageId ? messages.find((m) => m.messageId === ctx.requestMessageId) : undefined;
  return parseInstant(byId?.date) ?? parseInstant(ctx.progress.cancelAskedAt);
}

/** The latest incoming message of one of these kinds, if any. */
export function lastIncoming(ctx: TemplateContext, kinds: readonly string[]): CorrespondenceEntry | null {
  let found: CorrespondenceEntry | null = null;
  for (const m of ctx.order.messages) {
    if (m.direction !== 'in' || !m.kind || !kinds.includes(m.kind)) continue;
    if (!found || (parseInstant(m.date)?.getTime() ?? -Infinity) >= (parseInstant(found.date)?.getTime() ?? -Infinity)) found = m;
  }
  return found;
}
