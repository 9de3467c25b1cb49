// Mail that puts a cancellation in front of the owner while there is time: the reminder before a
// deadline (with its calendar event), the notice for "cancel until it ships", and the notice that
// orderwatch did not write to the shop because it could not trust the address.
import { registrableDomain } from '../../extract/merchant.js';
import { calendarFile, deadlineEvent, ALARM_MINUTES_BEFORE } from '../calendar.js';
import { heading, link, list, p, strong, type Block, type Inline } from './body.js';
import type { Rendered, TemplateContext } from './context.js';
import { formatTotal, formatWhenShort, oneLine, orderNumber, safeHttpUrl, shopName } from './format.js';
import { deadlineOf, orderFacts, replyInstructions, SIGNATURE } from './order-facts.js';

export function reminder(ctx: TemplateContext): Rendered {
  const { order } = ctx;
  const shop = shopName(order);
  const number = orderNumber(order);
  const deadline = deadlineOf(ctx);
  const url = safeHttpUrl(order.cancelUrl);
  const open = deadline !== null && deadline.leftMs > 0;

  let subject = `Cancel? ${shop} order ${number}`;
  let opening: Inline[] = [`Your ${shop} order ${number} may still be cancelled.`];
  if (deadline && open) {
    subject = `Cancel by ${formatWhenShort(deadline.at, ctx.timeZone)}? ${shop} order ${number} (${deadline.left} left)`;
    opening = [`Your ${shop} order ${number} can still be cancelled until `, strong(deadline.when), ` (${deadline.left} left).`];
  } else if (deadline) {
    subject = `Cancellation window closed: ${shop} order ${number}`;
    opening = [`The cancellation window for your ${shop} order ${number} closed on ${deadline.when}.`];
  }

  let calendar: Rendered['calendar'] = null;
  if (deadline && open) {
    const total = formatTotal(order.total);
    const description = [
      `Last moment to cancel your ${shop} order ${number}${total ? ` (${total})` : ''}.`,
      url ? `Cancel here: ${url}` : `Cancel in your account on ${shop}'s website.`,
      `Or reply "cancel" to orderwatch's reminder email.`,
    ].join('\n');
    const event = deadlineEvent(order, deadline.at, ctx.now, { summary: `Cancel deadline: ${shop} order ${number}`, description });
    calendar = { filename: `cancel-by-${fileSafe(number)}.ics`, content: calendarFile(event) };
  }

  const blocks: Block[] = [p(...opening), orderFacts(ctx, { deadline: true }), cancelLink(ctx, url), replyInstructions(ctx)];
  if (calendar) blocks.push(p(`The attached calendar event (${calendar.filename}) marks the deadline, with an alarm ${ALARM_MINUTES_BEFORE} minutes before it.`));
  blocks.push(SIGNATURE);
  return { subject, blocks, html: true, calendar };
}

export function untilShippedNotice(ctx: TemplateContext): Rendered {
  const shop = shopName(ctx.order);
  const number = orderNumber(ctx.order);
  return {
    subject: `${shop} order ${number}: you can cancel until it ships`,
    blocks: [
      p(`${shop} says your order ${number} can be cancelled until it ships. It may ship at any moment, so if you want to cancel it, do it soon.`),
      orderFacts(ctx, { deadline: true }),
      cancelLink(ctx, safeHttpUrl(ctx.order.cancelUrl)),
      replyInstructions(ctx),
      SIGNATURE,
    ],
    html: true,
    calendar: null,
  };
}

export function manualCancelNotice(ctx: TemplateContext): Rendered {
  const shop = shopName(ctx.order);
  const number = orderNumber(ctx.order);
  const url = safeHttpUrl(ctx.order.cancelUrl);
  const deadline = deadlineOf(ctx);
  const steps: Inline[][] = [
    url
      ? ['Cancel on the shop\'s site: ', link(url)]
      : [`Sign in to your account on ${shop}'s website (type its address yourself rather than following a link) and cancel the order there.`],
    [`If that does not work, write to ${shop} through the contact page of its website, give the order number ${number}, and ask for written confirmation.`],
  ];
  if (deadline && deadline.leftMs <= 0) steps.push([`The cancellation window closed on ${deadline.when}. Ask anyway: shops often still cancel an order that has not shipped; otherwise return it when it arrives.`]);
  steps.push([`orderwatch keeps watching your mailbox and tells you when ${shop}'s confirmation arrives.`]);

  return {
    subject: `Cancel ${shop} order ${number} yourself: orderwatch did not write to the shop`,
    blocks: [
      p(`You asked to cancel your ${shop} order ${number}. orderwatch did not write to ${shop}, because it has no customer-service address for the shop that it can trust with your details:`),
      p(untrustedReason(ctx)),
      ...timeToAct(ctx),
      orderFacts(ctx, { deadline: true }),
      heading('What to do'),
      list(steps, true),
      SIGNATURE,
    ],
    html: true,
    calendar: null,
  };
}

function timeToAct(ctx: TemplateContext): Block[] {
  const deadline = deadlineOf(ctx);
  if (deadline && deadline.leftMs > 0) return [p('Cancel it yourself before ', strong(deadline.when), ` (${deadline.left} left).`)];
  if (!deadline && ctx.order.cancelUntilShipped) return [p('Cancel it yourself before the order ships.')];
  return [];
}

/** Why the shop's address was not used: the caller's reason (trust.ts) when given, else told from the order. */
export function untrustedReason(ctx: TemplateContext): string {
  if (ctx.trustReason && oneLine(ctx.trustReason)) return oneLine(ctx.trustReason, 600);
  const shop = shopName(ctx.order);
  const shopDomain = registrableDomain(ctx.order.merchant.domain);
  const contact = ctx.order.contactEmail ? oneLine(ctx.order.contactEmail, 254) : null;
  if (!contact) return `The emails from ${shop} give no customer-service address to write to.`;
  if (!shopDomain) return `The emails do not show the shop's own domain, so there is nothing to check ${contact} against.`;
  if (registrableDomain(contact) !== shopDomain) {
    return `The emails ask you to write to ${contact}, which is not on ${shopDomain}, the shop's own domain. Addresses on other domains, however similar they look, are not trusted.`;
  }
  return `${contact} is on ${shopDomain}, but the email it came from could not be verified as sent by ${shopDomain} (it passed no DKIM or DMARC check), so the address might not be the shop's.`;
}

function cancelLink(ctx: TemplateContext, url: string | null): Block {
  return url
    ? p('Cancel it on the shop\'s site: ', link(url))
    : p(`${shopName(ctx.order)}'s emails give no cancel link: cancel in your account on its website, or by reply as below.`);
}

function fileSafe(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60) || 'order';
}
