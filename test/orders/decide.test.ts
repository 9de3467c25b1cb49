// The decisions orderwatch takes about an order, state by state, with the clock passed in.
import { describe, expect, it } from 'vitest';
import { decide, reminderPlan, NO_CONFIRMATION_KEYWORD, type Policy, type Progress } from '../../src/orders/decide.js';
import type { Order } from '../../src/orders/order.js';

const H = 3_600_000;
const M = 60_000;
const policy: Policy = { remindOffsetsMs: [24 * H, 2 * H, 30 * M], confirmWithinMs: 48 * H, maxFollowups: 2 };
const now = new Date('2026-04-14T12:00:00Z');
const t = now.getTime();
const iso = (ms: number) => new Date(ms).toISOString();
const progress: Progress = { cancelAskedAt: null, keep: false, followups: 0, contactTrusted: true };
const order = (over: Partial<Order> = {}): Order => ({
  id: 'o1', merchant: { name: 'Shop', domain: 'shop.example' }, orderNumber: '1042', orderedAt: iso(t), total: { amount: 10, currency: 'USD' }, items: [],
  cancelBy: iso(t + 3 * 24 * H), cancelUntilShipped: false, cancelUrl: 'https://shop.example/orders/1042/cancel', returnWindowDays: null,
  contactEmail: 'help@shop.example', trackingNumber: null, state: 'detected', flags: [], confirmed: true, shippedAt: null, deliveredAt: null,
  messages: [], progress: { cancelAskedAt: null, keep: false, followups: 0 },
  contact: { address: 'help@shop.example', trusted: true, basis: 'authenticated', reason: '' }, returnBy: null, next: null, createdAt: iso(t), updatedAt: iso(t), ...over,
});

describe('reminders for a new order', () => {
  it('one at each offset still ahead, and the moment the window closes', () => {
    expect(reminderPlan(order(), policy, t)).toEqual([
      { type: 'schedule', job: 'reminder', due: iso(t + 3 * 24 * H - 24 * H) },
      { type: 'schedule', job: 'reminder', due: iso(t + 3 * 24 * H - 2 * H) },
      { type: 'schedule', job: 'reminder', due: iso(t + 3 * 24 * H - 30 * M) },
      { type: 'schedule', job: 'deadline_passed', due: iso(t + 3 * 24 * H) },
    ]);
  });

  it('one at once when less than the first offset is left', () => {
    const actions = reminderPlan(order({ cancelBy: iso(t + 5 * H) }), policy, t);
    expect(actions[0]).toEqual({ type: 'send', mail: 'reminder' });
    expect(actions.filter((a) => a.type === 'schedule' && a.job === 'reminder').map((a) => (a as { due: string }).due)).toEqual([iso(t + 3 * H), iso(t + 4.5 * H)]);
  });

  it('a 30-minute window: at once, and again near the end', () => {
    const actions = reminderPlan(order({ cancelBy: iso(t + 30 * M) }), policy, t);
    expect(actions).toEqual([
      { type: 'send', mail: 'reminder' },
      { type: 'schedule', job: 'reminder', due: iso(t + 20 * M) },
      { type: 'schedule', job: 'deadline_passed', due: iso(t + 30 * M) },
    ]);
  });

  it('"until it ships": one notice at once; a passed or missing deadline: nothing', () => {
    expect(reminderPlan(order({ cancelBy: null, cancelUntilShipped: true }), policy, t)).toEqual([{ type: 'send', mail: 'until_shipped_notice' }]);
    expect(reminderPlan(order({ cancelBy: iso(t - M) }), policy, t)).toEqual([]);
    expect(reminderPlan(order({ cancelBy: null }), policy, t)).toEqual([]);
  });

  it('are planned when the confirmation is recorded, not for "keep" or an order already being cancelled', () => {
    expect(decide(order(), progress, { type: 'recorded', kind: 'order_confirmation' }, policy, now).actions).toHaveLength(4);
    expect(decide(order(), { ...progress, keep: true }, { type: 'recorded', kind: 'order_confirmation' }, policy, now).actions).toEqual([]);
    expect(decide(order({ state: 'cancel_requested' }), progress, { type: 'recorded', kind: 'order_confirmation' }, policy, now).actions).toEqual([]);
  });
});

describe('a reminder falling due', () => {
  it('is sent while the order is open, and the order is reminded', () => {
    const d = decide(order(), progress, { type: 'reminder_due', dueAt: iso(t) }, policy, now);
    expect(d).toMatchObject({ state: 'reminded', actions: [{ type: 'send', mail: 'reminder' }] });
  });

  it.each([
    ['after "keep"', order(), { ...progress, keep: true }],
    ['once cancelling was asked', order(), { ...progress, cancelAskedAt: iso(t) }],
    ['after the deadline', order({ cancelBy: iso(t - 1) }), progress],
    ['for a cancelled order', order({ state: 'cancelled' }), progress],
    ['for a shipped order', order({ state: 'shipped' }), progress],
  ])('is dropped %s', (_why, o, p) => {
    expect(decide(o, p, { type: 'reminder_due', dueAt: iso(t) }, policy, now).actions).toEqual([]);
  });

  it('the window closing with nothing asked expires the order', () => {
    expect(decide(order({ state: 'reminded' }), progress, { type: 'deadline_passed' }, policy, now).state).toBe('expired');
    expect(decide(order({ state: 'cancel_requested' }), progress, { type: 'deadline_passed' }, policy, now).state).toBe('cancel_requested');
  });
});

describe('the owner asks to cancel', () => {
  it('with a trusted contact: a request to the store, and a check for its confirmation', () => {
    const d = decide(order({ state: 'reminded' }), progress, { type: 'owner_cancel', via: 'reply' }, policy, now);
    expect(d.state).toBe('cancel_requested');
    expect(d.progress.cancelAskedAt).toBe(now.toISOString());
    expect(d.actions).toEqual([{ type: 'send', mail: 'cancel_request' }, { type: 'schedule', job: 'confirmation_check', due: iso(t + 48 * H), attempt: 1 }]);
  });

  it('without a trusted contact: the owner gets what to do, and the order is flagged for manual action', () => {
    const d = decide(order(), { ...progress, contactTrusted: false }, { type: 'owner_cancel', via: 'cli' }, policy, now);
    expect(d.state).toBe('detected');
    expect(d.flags).toEqual(['manual_action']);
    expect(d.actions).toEqual([{ type: 'send', mail: 'manual_cancel_notice' }]);
  });

  it('asking twice sends nothing twice', () => {
    expect(decide(order({ state: 'cancel_requested' }), { ...progress, cancelAskedAt: iso(t) }, { type: 'owner_cancel', via: 'cli' }, policy, now).actions).toEqual([]);
  });

  it('"keep" silences reminders', () => {
    expect(decide(order(), progress, { type: 'owner_keep', via: 'reply' }, policy, now).progress.keep).toBe(true);
  });
});

describe('waiting for the store to confirm', () => {
  it('no confirmation in time: flagged where the owner looks, and a follow-up in the thread', () => {
    const d = decide(order({ state: 'cancel_requested' }), { ...progress, cancelAskedAt: iso(t) }, { type: 'confirmation_check_due', attempt: 1 }, policy, now);
    expect(d.state).toBe('followed_up');
    expect(d.flags).toEqual(['missing_cancellation_confirmation']);
    expect(d.progress.followups).toBe(1);
    expect(d.actions).toEqual([
      { type: 'flag', where: 'request_in_sent', flags: ['\\Flagged', NO_CONFIRMATION_KEYWORD] },
      { type: 'flag', where: 'order_mail', flags: ['\\Flagged', NO_CONFIRMATION_KEYWORD] },
      { type: 'send', mail: 'followup' },
      { type: 'schedule', job: 'confirmation_check', due: iso(t + 48 * H), attempt: 2 },
    ]);
  });

  it('after the last follow-up: handed over to the owner', () => {
    const d = decide(order({ state: 'followed_up', flags: ['missing_cancellation_confirmation'] }), { ...progress, followups: 2 }, { type: 'confirmation_check_due', attempt: 3 }, policy, now);
    expect(d.state).toBe('confirmation_overdue');
    expect(d.flags).toEqual(['manual_action', 'missing_cancellation_confirmation']);
    expect(d.actions.map((a) => (a.type === 'send' ? a.mail : a.type))).toEqual(['flag', 'flag', 'handover']);
  });

  it('a check after the confirmation arrived does nothing', () => {
    expect(decide(order({ state: 'cancelled' }), progress, { type: 'confirmation_check_due', attempt: 1 }, policy, now).actions).toEqual([]);
  });

  it('the store confirming tells the owner; refusing tells the owner too', () => {
    expect(decide(order({ state: 'cancelled' }), { ...progress, cancelAskedAt: iso(t) }, { type: 'recorded', kind: 'cancellation_confirmation' }, policy, now).actions).toEqual([{ type: 'send', mail: 'cancelled_notice' }]);
    expect(decide(order({ state: 'denied' }), progress, { type: 'recorded', kind: 'cancellation_denied' }, policy, now).actions).toEqual([{ type: 'send', mail: 'denied_notice' }]);
  });
});

describe('a shipping notice for an order with no confirmation on file', () => {
  it('is flagged and the owner told', () => {
    const d = decide(order({ state: 'shipped', confirmed: false, flags: ['missing_order_confirmation'] }), progress, { type: 'recorded', kind: 'shipping_notification' }, policy, now);
    expect(d.actions).toEqual([{ type: 'send', mail: 'missing_order_confirmation_notice' }, { type: 'flag', where: 'order_mail', flags: ['\\Flagged'] }]);
  });
});

describe('mail read from an old mailbox', () => {
  it('is recorded without notifying the owner', () => {
    const old = iso(t - 30 * 24 * H);
    expect(decide(order({ state: 'denied' }), progress, { type: 'recorded', kind: 'cancellation_denied', mailDate: old }, policy, now).actions).toEqual([]);
    expect(decide(order({ cancelBy: null, cancelUntilShipped: true }), progress, { type: 'recorded', kind: 'order_confirmation', mailDate: old }, policy, now).actions).toEqual([]);
  });
});

describe('the return path', () => {
  const delivered = order({ state: 'denied', returnWindowDays: 14, returnBy: iso(t + 14 * 24 * H) });

  it('a refused cancellation with a known return window: returning, with return reminders and the window closing', () => {
    const d = decide(delivered, { ...progress, cancelAskedAt: iso(t - H) }, { type: 'recorded', kind: 'delivery_notification' }, policy, now);
    expect(d.state).toBe('returning');
    expect(d.actions.filter((a) => a.type === 'schedule').map((a) => (a as { job: string }).job)).toEqual(['return_reminder', 'return_reminder', 'return_reminder', 'return_window_closed']);
  });

  it('reminds while the window is open, and closes the order when it ends', () => {
    const returning = { ...delivered, state: 'returning' as const };
    expect(decide(returning, progress, { type: 'return_reminder_due', dueAt: iso(t) }, policy, now).actions).toEqual([{ type: 'send', mail: 'return_reminder' }]);
    expect(decide(returning, progress, { type: 'return_window_closed' }, policy, now).state).toBe('closed');
  });
});
