// decide(order, event, now) -> what orderwatch should do about an order: which reminders to
// schedule, which email to send, which flags to raise, and the order's next state. Pure: the
// clock is an argument and nothing is sent here, so every rule is pinned by a test. The caller
// (an action worker) carries the actions out idempotently and feeds back 'sent' events.
import type { Order, OrderState } from './order.js';

export interface Policy {
  /** Reminder offsets before a deadline, largest first (ORDERWATCH_REMIND). */
  remindOffsetsMs: number[];
  /** How long to wait for the store's confirmation before flagging (ORDERWATCH_CONFIRM_WITHIN). */
  confirmWithinMs: number;
  /** Follow-ups sent to the store before handing over to the owner (ORDERWATCH_MAX_FOLLOWUPS). */
  maxFollowups: number;
}

/** Where the owner's wish stands, and what orderwatch did about it: kept on the order. */
export interface Progress {
  /** The owner asked to cancel (CLI or reply), when. */
  cancelAskedAt: string | null;
  /** The owner said "keep": no more reminders. */
  keep: boolean;
  /** Follow-ups sent after the cancellation request. */
  followups: number;
  /** Whether the contact address may receive the owner's data (see trust.ts). */
  contactTrusted: boolean;
}

export type OrderEvent =
  | { type: 'recorded'; kind: string; mailDate?: string | null }
  | { type: 'reminder_due'; dueAt: string }
  | { type: 'owner_cancel'; via: 'cli' | 'reply' }
  | { type: 'owner_keep'; via: 'cli' | 'reply' }
  | { type: 'confirmation_check_due'; attempt: number }
  | { type: 'deadline_passed' }
  | { type: 'return_reminder_due'; dueAt: string }
  | { type: 'return_window_closed' };

export type MailToSend =
  | 'reminder' | 'until_shipped_notice' | 'cancel_request' | 'manual_cancel_notice' | 'followup' | 'handover'
  | 'cancelled_notice' | 'denied_notice' | 'missing_order_confirmation_notice' | 'return_reminder';

export type Action =
  | { type: 'schedule'; job: 'reminder'; due: string }
  | { type: 'schedule'; job: 'confirmation_check'; due: string; attempt: number }
  | { type: 'schedule'; job: 'deadline_passed'; due: string }
  | { type: 'schedule'; job: 'return_reminder'; due: string }
  | { type: 'schedule'; job: 'return_window_closed'; due: string }
  | { type: 'send'; mail: MailToSend }
  | { type: 'flag'; where: 'order_mail' | 'request_in_sent'; flags: string[] };

export interface Decision {
  state: OrderState;
  flags: Order['flags'];
  progress: Progress;
  actions: Action[];
}

/** Keyword set on messages whose cancellation was never confirmed (beside \Flagged). */
export const NO_CONFIRMATION_KEYWORD = '$OrderwatchNoConfirmation';

const OPEN: OrderState[] = ['detected', 'reminded'];
/** Mail older than this when read is history: it is recorded, but the owner is not notified of it. */
const HISTORY_MS = 7 * 24 * 3_600_000;
const WAITING_FOR_STORE: OrderState[] = ['cancel_requested', 'followed_up', 'confirmation_overdue'];

export function decide(order: Order, progress: Progress, event: OrderEvent, policy: Policy, now: Date): Decision {
  const d: Decision = { state: order.state, flags: [...order.flags], progress: { ...progress }, actions: [] };
  const t = now.getTime();
  const flag = (f: Order['flags'][number]) => {
    if (!d.flags.includes(f)) d.flags = [...d.flags, f].sort();
  };

  switch (event.type) {
    case 'recorded': {
      if (event.kind === 'order_confirmation' && OPEN.includes(order.state) && !progress.keep && !progress.cancelAskedAt) {
        d.actions.push(...reminderPlan(order, policy, t));
        if (d.actions.some((a) => a.type === 'send' && a.mail === 'reminder')) d.state = 'reminded';
      }
      // Mail found while reading an old mailbox is history, not news: no notices about it.
      if (event.mailDate && t - Date.parse(event.mailDate) > HISTORY_MS) {
        d.actions = d.actions.filter((a) => a.type !== 'send' || a.mail === 'reminder');
        break;
      }
      if ((event.kind === 'shipping_notification' || event.kind === 'delivery_notification') && order.flags.includes('missing_order_confirmation') && !progress.keep) {
        d.actions.push({ type: 'send', mail: 'missing_order_confirmation_notice' }, { type: 'flag', where: 'order_mail', flags: ['\\Flagged'] });
      }
      // The return path: the store would not cancel, the parcel came anyway; the return window is the deadline now.
      if ((order.state === 'denied' || (progress.cancelAskedAt && order.state === 'shipped')) && order.returnBy && Date.parse(order.returnBy) > t && !progress.keep) {
        d.state = 'returning';
        d.actions.push(...returnPlan(order.returnBy, policy, t));
      }
      if (event.kind === 'cancellation_confirmation' && progress.cancelAskedAt) d.actions.push({ type: 'send', mail: 'cancelled_notice' });
      if (event.kind === 'cancellation_denied') d.actions.push({ type: 'send', mail: 'denied_notice' });
      break;
    }
    case 'reminder_due': {
      const deadline = order.cancelBy ? Date.parse(order.cancelBy) : null;
      if (OPEN.includes(order.state) && !progress.keep && !progress.cancelAskedAt && deadline !== null && deadline > t) {
        d.actions.push({ type: 'send', mail: 'reminder' });
        d.state = 'reminded';
      }
      break;
    }
    case 'return_reminder_due': {
      if (order.state === 'returning' && !progress.keep && order.returnBy && Date.parse(order.returnBy) > t) d.actions.push({ type: 'send', mail: 'return_reminder' });
      break;
    }
    case 'return_window_closed': {
      if (order.state === 'returning') d.state = 'closed';
      break;
    }
    case 'deadline_passed': {
      if (OPEN.includes(order.state) && !progress.cancelAskedAt) d.state = 'expired';
      break;
    }
    case 'owner_keep': {
      d.progress.keep = true;
      break;
    }
    case 'owner_cancel': {
      if (!OPEN.includes(order.state) && order.state !== 'expired') break; // already asked, cancelled, shipped...
      d.progress.cancelAskedAt ??= now.toISOString();
      d.progress.keep = false;
      if (progress.contactTrusted && order.contactEmail) {
        d.state = 'cancel_requested';
        d.actions.push({ type: 'send', mail: 'cancel_request' }, { type: 'schedule', job: 'confirmation_check', due: iso(t + policy.confirmWithinMs), attempt: 1 });
      } else {
        flag('manual_action');
        d.actions.push({ type: 'send', mail: 'manual_cancel_notice' });
      }
      break;
    }
    case 'confirmation_check_due': {
      if (!WAITING_FOR_STORE.includes(order.state)) break; // confirmed, denied or shipped meanwhile
      flag('missing_cancellation_confirmation');
      const flags = ['\\Flagged', NO_CONFIRMATION_KEYWORD];
      d.actions.push({ type: 'flag', where: 'request_in_sent', flags }, { type: 'flag', where: 'order_mail', flags });
      if (progress.followups < policy.maxFollowups) {
        d.progress.followups = progress.followups + 1;
        d.state = 'followed_up';
        d.actions.push({ type: 'send', mail: 'followup' }, { type: 'schedule', job: 'confirmation_check', due: iso(t + policy.confirmWithinMs), attempt: event.attempt + 1 });
      } else {
        d.state = 'confirmation_overdue';
        flag('manual_action');
        d.actions.push({ type: 'send', mail: 'handover' });
      }
      break;
    }
  }
  return d;
}

/**
 * Reminders for a new order: one at each offset still ahead; one at once when less than the
 * first offset is left (and, when no offset falls inside the window, one more a third of the way
 * before its end); one notice at once for "cancel until it ships"; and the moment the window
 * closes, to mark the order expired.
 */
export function reminderPlan(order: Order, policy: Policy, t: number): Action[] {
  if (order.cancelUntilShipped && !order.cancelBy) return [{ type: 'send', mail: 'until_shipped_notice' }];
  if (!order.cancelBy) return [];
  const deadline = Date.parse(order.cancelBy);
  if (Number.isNaN(deadline) || deadline <= t) return [];
  const actions: Action[] = [];
  const offsets = [...policy.remindOffsetsMs].sort((a, b) => b - a);
  if (offsets.length > 0 && deadline - offsets[0]! <= t) actions.push({ type: 'send', mail: 'reminder' });
  for (const offset of offsets) {
    const due = deadline - offset;
    if (due > t) actions.push({ type: 'schedule', job: 'reminder', due: iso(due) });
  }
  // A window shorter than every offset (30 minutes, 3 minutes) still gets a last call near its end.
  if (!actions.some((a) => a.type === 'schedule')) actions.push({ type: 'schedule', job: 'reminder', due: iso(deadline - Math.floor((deadline - t) / 3)) });
  actions.push({ type: 'schedule', job: 'deadline_passed', due: iso(deadline) });
  return actions;
}

/** Return-window reminders at the same offsets, then the window closing. */
export function returnPlan(returnBy: string, policy: Policy, t: number): Action[] {
  const deadline = Date.parse(returnBy);
  const actions: Action[] = [];
  for (const offset of policy.remindOffsetsMs) {
    const due = deadline - offset;
    if (due > t) actions.push({ type: 'schedule', job: 'return_reminder', due: iso(due) });
  }
  actions.push({ type: 'schedule', job: 'return_window_closed', due: returnBy });
  return actions;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
