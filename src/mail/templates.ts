// The words of every email orderwatch sends: renderMail(kind, ctx) turns a decision (decide.ts's
// MailToSend) and its context into an OutgoingMail ready for compose.ts. Pure: the caller decides
// recipients, Message-ID, threading, clock and time zone; the templates (src/mail/templates/)
// decide only subject and body. Every email is from the owner: owner-facing mail goes from the
// owner to the owner, so it threads with the order in their own mailbox.
import type { MailToSend } from '../orders/decide.js';
import { OutgoingMail, type OutgoingKind } from '../orders/outgoing.js';
import { renderHtml, renderText } from './templates/body.js';
import type { Rendered, TemplateContext } from './templates/context.js';
import { isKnownTimeZone, oneLine } from './templates/format.js';
import { cancelledNotice, deniedNotice, handover, missingOrderConfirmationNotice } from './templates/notices.js';
import { manualCancelNotice, reminder, untilShippedNotice } from './templates/reminders.js';
import { returnReminder } from './templates/returns.js';
import { cancelRequest, followup } from './templates/store.js';

export type { Person, TemplateContext } from './templates/context.js';

/**
 * How each email is recorded in the outbox. The notice for "cancel until it ships" counts as a
 * reminder: it invites a "cancel" reply just like one, so a reply to it must be honoured the same way.
 */
export const OUTGOING_KIND: Record<MailToSend, OutgoingKind> = {
  reminder: 'reminder',
  until_shipped_notice: 'reminder',
  cancel_request: 'cancel_request',
  followup: 'followup',
  handover: 'handover',
  manual_cancel_notice: 'notice',
  cancelled_notice: 'notice',
  denied_notice: 'notice',
  missing_order_confirmation_notice: 'notice',
  return_reminder: 'reminder',
};

/** Letters from the owner to the shop's customer service; every other kind goes to the owner. */
export const TO_SHOP: ReadonlySet<MailToSend> = new Set<MailToSend>(['cancel_request', 'followup']);

const TEMPLATES: Record<MailToSend, (ctx: TemplateContext) => Rendered> = {
  reminder,
  until_shipped_notice: untilShippedNotice,
  cancel_request: cancelRequest,
  followup,
  handover,
  manual_cancel_notice: manualCancelNotice,
  cancelled_notice: cancelledNotice,
  denied_notice: deniedNotice,
  missing_order_confirmation_notice: missingOrderConfirmationNotice,
  return_reminder: returnReminder,
};

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/**
 * The email for `kind`. Throws a TemplateError (a permanent fault: running the job again cannot
 * help) when the context is unusable: an unknown time zone, an invalid clock, an owner-facing
 * mail addressed to someone else, or a result that is not a valid OutgoingMail.
 */
export function renderMail(kind: MailToSend, ctx: TemplateContext): OutgoingMail {
  const where = `renderMail ${kind} ${ctx.order.id}`;
  const template = TEMPLATES[kind];
  if (!template) throw new TemplateError(`${where}: unknown kind`);
  if (!Number.isFinite(ctx.now.getTime())) throw new TemplateError(`${where}: invalid now`);
  if (!isKnownTimeZone(ctx.timeZone)) throw new TemplateError(`${where}: unknown time zone "${ctx.timeZone}"`);
  // Notices hold the owner's correspondence: they never go anywhere but to the owner.
  if (!TO_SHOP.has(kind) && ctx.to.address.trim().toLowerCase() !== ctx.owner.address.trim().toLowerCase()) {
    throw new TemplateError(`${where}: mail for the owner must be addressed to the owner`);
  }

  const rendered = template(ctx);
  const subject = oneLine(rendered.subject, 250);
  const mail = {
    kind: OUTGOING_KIND[kind],
    orderId: ctx.order.id,
    messageId: ctx.messageId,
    from: { name: ctx.owner.name, address: ctx.owner.address },
    to: [{ name: ctx.to.name, address: ctx.to.address }],
    replyTo: null,
    subject,
    text: renderText(rendered.blocks),
    html: rendered.html ? renderHtml(subject, rendered.blocks) : null,
    inReplyTo: ctx.thread.inReplyTo,
    references: [...ctx.thread.references],
    calendar: rendered.calendar,
    keepInSent: TO_SHOP.has(kind),
  };
  const checked = OutgoingMail.safeParse(mail);
  if (!checked.success) {
    throw new TemplateError(`${where}: ${checked.error.issues.map((i) => `${i.path.join('.') || '(mail)'}: ${i.message}`).join('; ')}`);
  }
  return checked.data;
}
