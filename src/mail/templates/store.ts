// The owner's letters to a shop's customer service: the cancellation request and its follow-ups.
// Plain text, polite, in English, signed with the owner's name; only the order's own facts and
// the owner's name and address go out, nothing else orderwatch knows.
import { facts, p, type Block } from './body.js';
import type { Rendered, TemplateContext } from './context.js';
import { formatDay, formatTotal, formatWhen, itemLines, oneLine, ordinal, orderNumber, parseInstant } from './format.js';
import { deadlineOf, requestSentAt, when } from './order-facts.js';

export function cancelRequest(ctx: TemplateContext): Rendered {
  const number = orderNumber(ctx.order);
  const ordered = parseInstant(ctx.order.orderedAt);
  const deadline = deadlineOf(ctx);
  let policy = '';
  if (deadline && deadline.leftMs > 0) policy = ` I am cancelling within your cancellation window, which ends ${deadline.when}.`;
  else if (!deadline && ctx.order.cancelUntilShipped) policy = ' Your policy allows an order to be cancelled until it ships.';
  return {
    subject: `Cancellation request: order ${number}`,
    blocks: [
      greeting(ctx),
      p(`Please cancel my order ${number}${ordered ? `, placed on ${formatDay(ordered, ctx.timeZone)}` : ''}.${policy}`),
      letterFacts(ctx),
      p('Please confirm the cancellation to me in writing by replying to this email. If a payment has already been taken, please refund it to the original payment method.'),
      ...closing(ctx),
    ],
    html: false,
    calendar: null,
  };
}

export function followup(ctx: TemplateContext): Rendered {
  const number = orderNumber(ctx.order);
  const n = Math.max(1, Math.floor(ctx.followupNumber ?? ctx.progress.followups));
  const first = requestSentAt(ctx);
  const ordered = parseInstant(ctx.order.orderedAt);
  const asked = first ? `On ${formatWhen(first, ctx.timeZone)} I asked you` : 'I asked you earlier';
  return {
    subject: `${ordinal(n + 1)} request: please confirm cancellation of order ${number}`,
    blocks: [
      greeting(ctx),
      p(`${asked} to cancel my order ${number}${ordered ? `, placed on ${formatDay(ordered, ctx.timeZone)}` : ''}, and I have not received a confirmation yet.`),
      p('Please cancel the order if you have not already done so, and confirm the cancellation to me in writing by replying to this email. If a payment has already been taken, please refund it to the original payment method.'),
      letterFacts(ctx, [['First request', first ? formatWhen(first, ctx.timeZone) : null]]),
      ...closing(ctx),
    ],
    html: false,
    calendar: null,
  };
}

function greeting(ctx: TemplateContext): Block {
  const name = ctx.order.merchant.name ? oneLine(ctx.order.merchant.name, 80) : '';
  return p(name ? `Dear ${name} customer service,` : 'Dear customer service,');
}

function letterFacts(ctx: TemplateContext, extra: Array<[string, string | null]> = []): Block {
  const { order, owner } = ctx;
  return facts([
    ['Order number', orderNumber(order)],
    ['Order date', when(ctx, order.orderedAt)],
    ['Items', { list: itemLines(order.items, order.total?.currency ?? null) }],
    ['Total', formatTotal(order.total)],
    ['Name', owner.name ? oneLine(owner.name, 120) : null],
    ['Email', owner.address],
    ...extra,
  ]);
}

function closing(ctx: TemplateContext): Block[] {
  const signer = ctx.owner.name ? oneLine(ctx.owner.name, 120) : ctx.owner.address;
  return [p('Thank you.'), p(`Kind regards,\n${signer}`)];
}
