// What orderwatch tells the owner after the fact: the shop confirmed or refused the cancellation,
// a shipping notice came for an order it never saw confirmed, or the shop stayed silent through
// every follow-up and the case is handed over with its whole correspondence.
import type { CorrespondenceEntry } from '../../orders/order.js';
import { heading, list, p, strong, type Block, type Inline } from './body.js';
import type { Rendered, TemplateContext } from './context.js';
import { formatDay, formatWhen, oneLine, orderNumber, parseInstant, shopName } from './format.js';
import { deadlineOf, lastIncoming, orderFacts, requestSentAt, SIGNATURE, when } from './order-facts.js';

/** Correspondence lines listed at most in a handover (the latest ones). */
export const MAX_CORRESPONDENCE = 100;

export function cancelledNotice(ctx: TemplateContext): Rendered {
  const shop = shopName(ctx.order);
  const number = orderNumber(ctx.order);
  const confirmation = lastIncoming(ctx, ['cancellation_confirmation']);
  const on = when(ctx, confirmation?.date);
  return {
    subject: `Cancelled: ${shop} order ${number}`,
    blocks: [
      p(`${shop} confirmed that your order ${number} is cancelled.${on ? ` Their confirmation came on ${on}.` : ''}`),
      orderFacts(ctx),
      p(`If you had already paid, the refund should reach your original payment method: check your statement over the coming days. Keep ${shop}'s confirmation email as proof.`),
      p('orderwatch has stopped reminding you about this order.'),
      SIGNATURE,
    ],
    html: true,
    calendar: null,
  };
}

export function deniedNotice(ctx: TemplateContext): Rendered {
  const { order } = ctx;
  const shop = shopName(order);
  const number = orderNumber(order);
  const answer = lastIncoming(ctx, ['cancellation_denied']);
  const on = when(ctx, answer?.date);
  const blocks: Block[] = [
    p(`${shop} answered that your order ${number} cannot be cancelled${on ? ` (their answer came on ${on})` : ''}.`),
    orderFacts(ctx),
    heading('Returning it instead'),
    p(returnsText(ctx)),
  ];
  const asked = parseInstant(ctx.progress.cancelAskedAt);
  const deadline = deadlineOf(ctx);
  if (asked && deadline && asked.getTime() <= deadline.at.getTime()) {
    blocks.push(
      p(
        `You asked to cancel on ${formatWhen(asked, ctx.timeZone)}, before the cancellation deadline of ${deadline.when}. `,
        `If you think ${shop} should have accepted it, reply to their email with these dates, and keep the correspondence.`,
      ),
    );
  }
  blocks.push(SIGNATURE);
  return { subject: `${shop} declined to cancel order ${number}`, blocks, html: true, calendar: null };
}

function returnsText(ctx: TemplateContext): string {
  const { order } = ctx;
  const shop = shopName(order);
  const days = order.returnWindowDays;
  if (days === null || days <= 0) {
    return `${shop}'s emails did not say how long you have to return the order: check the returns policy on its website once the order arrives.`;
  }
  const delivered = parseInstant(order.deliveredAt);
  if (delivered) {
    const until = new Date(delivered.getTime() + days * 86_400_000);
    return `${shop}'s return window is ${days} days. The order was delivered on ${formatDay(delivered, ctx.timeZone)}, so you can send it back until about ${formatDay(until, ctx.timeZone)} (check the shop's returns policy for when it starts counting).`;
  }
  return `${shop}'s return window is ${days} days, usually counted from delivery: once the order arrives, you can still send it back.`;
}

export function missingOrderConfirmationNotice(ctx: TemplateContext): Rendered {
  const shop = shopName(ctx.order);
  const number = orderNumber(ctx.order);
  const notice = lastIncoming(ctx, ['shipping_notification', 'delivery_notification']);
  const noun = notice?.kind === 'delivery_notification' ? 'delivery notice' : 'shipping notice';
  const on = when(ctx, notice?.date);
  // No links here on purpose: a shipping notice for an order nobody placed is a classic phishing mail.
  return {
    subject: `${shop} order ${number}: a ${noun}, but no order confirmation`,
    blocks: [
      p(`A ${noun} from ${shop} came for order ${number}${on ? ` on ${on}` : ''}, but orderwatch has no order confirmation for this order.`),
      orderFacts(ctx, { tracking: true, extra: [['Notice', notice ? oneLine(notice.subject, 200) || null : null]] }),
      heading('What to do'),
      list([
        ['If you placed this order, nothing is wrong: its confirmation may be in another folder or mailbox. orderwatch keeps track of the order from here.'],
        [`If you did not place it, do not follow the links in that email. Sign in to ${shop}'s website by typing its address yourself, check your orders there, and call your bank or card issuer if you were charged.`],
      ]),
      SIGNATURE,
    ],
    html: true,
    calendar: null,
  };
}

export function handover(ctx: TemplateContext): Rendered {
  const { order } = ctx;
  const shop = shopName(order);
  const number = orderNumber(order);
  const asked = requestSentAt(ctx);
  const followups = ctx.followupNumber ?? ctx.progress.followups;
  const times = followups === 1 ? 'once' : followups === 2 ? 'twice' : `${followups} times`;
  const opening =
    `orderwatch asked ${shop} to cancel your order ${number}${asked ? ` on ${formatWhen(asked, ctx.timeZone)}` : ''}` +
    (followups > 0 ? ` and followed up ${times}` : '') +
    `, but ${shop} has not confirmed the cancellation. orderwatch has stopped writing to the shop: this is now yours to finish.`;

  const deadline = deadlineOf(ctx);
  const contact = order.contactEmail ? oneLine(order.contactEmail, 254) : null;
  const returns = order.returnWindowDays && order.returnWindowDays > 0 ? ` within the ${order.returnWindowDays}-day return window` : '';
  return {
    subject: `Action needed: ${shop} has not confirmed cancelling order ${number}`,
    blocks: [
      p(opening),
      p(strong('Flagged:'), ' the order email and the request in your Sent folder are flagged in your mailbox.'),
      orderFacts(ctx, { extra: [['Cancellation deadline', deadline?.when ?? null], ['Shop contact', contact]] }),
      heading('The correspondence'),
      correspondence(ctx),
      heading('What to do next'),
      list(
        [
          [`Call ${shop}'s customer service (the number is on its website) with the order number ${number} and the date of your request, and ask for written confirmation of the cancellation.`],
          [`If the order arrives anyway, refuse the delivery or return it${returns}.`],
          ['If you were charged and the shop neither confirms nor refunds, ask your card issuer or bank about a chargeback (a payment dispute); the emails above show that you asked to cancel, and when.'],
          [`When ${shop}'s confirmation arrives, orderwatch tells you.`],
        ],
        true,
      ),
      SIGNATURE,
    ],
    html: true,
    calendar: null,
  };
}

/** Every message about the order, oldest first: date in the owner's zone, sent or received, subject. */
function correspondence(ctx: TemplateContext): Block {
  const dated = ctx.order.messages.map((m, i) => ({ m, i, t: parseInstant(m.date)?.getTime() ?? Infinity }));
  dated.sort((a, b) => a.t - b.t || a.i - b.i);
  const shown = dated.slice(-MAX_CORRESPONDENCE);
  const items: Inline[][] = shown.map(({ m }) => [line(ctx, m)]);
  if (dated.length > shown.length) items.unshift([`(${dated.length - shown.length} earlier messages not listed)`]);
  if (items.length === 0) items.push(['(no messages on file)']);
  return list(items);
}

function line(ctx: TemplateContext, m: CorrespondenceEntry): string {
  const date = when(ctx, m.date) ?? 'date unknown';
  const direction = m.direction === 'out' ? 'sent' : 'received';
  return `${date} · ${direction} · ${oneLine(m.subject, 200) || '(no subject)'}`;
}
