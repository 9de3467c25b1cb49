// The return path: once an order has shipped after all (the store refused to cancel), the return
// window is the deadline, and the owner is reminded of it like of a cancellation window.
import { calendarFile, deadlineEvent, ALARM_MINUTES_BEFORE } from '../calendar.js';
import { p, strong, type Block } from './body.js';
import type { Rendered, TemplateContext } from './context.js';
import { formatTimeLeft, formatWhen, formatWhenShort, orderNumber, parseInstant, shopName } from './format.js';
import { orderFacts, SIGNATURE } from './order-facts.js';

export function returnReminder(ctx: TemplateContext): Rendered {
  const { order } = ctx;
  const shop = shopName(order);
  const number = orderNumber(order);
  const at = parseInstant(order.returnBy);
  const leftMs = at ? at.getTime() - ctx.now.getTime() : -1;
  const subject = at && leftMs > 0
    ? `Return by ${formatWhenShort(at, ctx.timeZone)}? ${shop} order ${number} (${formatTimeLeft(leftMs)} left)`
    : `Return window closed: ${shop} order ${number}`;
  const blocks: Block[] = [
    at && leftMs > 0
      ? p(`${shop} did not cancel your order ${number}. You can still return it until `, strong(formatWhen(at, ctx.timeZone)), ` (${formatTimeLeft(leftMs)} left).`)
      : p(`The return window for your ${shop} order ${number} has closed.`),
    orderFacts(ctx, { tracking: true }),
    p(`The store's return period is ${order.returnWindowDays ?? '?'} days from delivery. Follow the store's return instructions, or write to ${order.contact.address ?? order.contactEmail ?? 'its customer service'}.`),
  ];
  let calendar: Rendered['calendar'] = null;
  if (at && leftMs > 0) {
    const event = deadlineEvent({ id: `${order.id}.return`, cancelUrl: null }, at, ctx.now, {
      summary: `Return deadline: ${shop} order ${number}`,
      description: `Last day to return your ${shop} order ${number}.`,
    });
    calendar = { filename: `return-by-${number.replace(/[^A-Za-z0-9-]+/g, '_')}.ics`, content: calendarFile(event) };
    blocks.push(p(`The attached calendar event marks the deadline, with an alarm ${ALARM_MINUTES_BEFORE} minutes before it.`));
  }
  blocks.push(SIGNATURE);
  return { subject, blocks, html: true, calendar };
}
