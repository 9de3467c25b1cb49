import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/extract/extraction.js';
import { applyMessage, type IncomingMessage } from '../../src/orders/apply-message.js';
import type { Order } from '../../src/orders/order.js';

const now = new Date('2026-04-15T08:00:00Z');
const base: Extraction = {
  kind: 'order_confirmation', merchant: { name: 'Ridgeway Pantry', domain: 'ridgewaypantry.com' }, orderNumber: '2291',
  orderedAt: '2026-04-14T15:05:00-07:00', total: { amount: 81, currency: 'USD' }, items: [], cancelBy: '2026-04-14T16:05:00-07:00',
  cancelUntilShipped: false, cancelUrl: 'https://ridgewaypantry.com/orders/2291/cancel', returnWindowDays: 14,
  contactEmail: 'pantry@ridgewaypantry.com', trackingNumber: null, evidence: {},
};
const mail = (id: string, uid: number): IncomingMessage => ({
  messageId: `<${id}@ridgewaypantry.com>`, subject: id, date: '2026-04-14T15:06:40-07:00', from: 'receipts@ridgewaypantry.com',
  location: { account: 'local-inbox', folder: 'INBOX', uidValidity: '1', uid },
});

describe('what incoming mail does to an order', () => {
  it('an order confirmation creates the order, detected, with the mail in its correspondence', () => {
    const order = applyMessage(null, base, mail('confirm', 1), now);
    expect(order).toMatchObject({ orderNumber: '2291', state: 'detected', confirmed: true, flags: [], total: { amount: 81 } });
    expect(order.messages).toHaveLength(1);
    expect(order.messages[0]).toMatchObject({ direction: 'in', kind: 'order_confirmation', messageId: '<confirm@ridgewaypantry.com>' });
  });

  it('the same mail applied twice changes nothing', () => {
    const once = applyMessage(null, base, mail('confirm', 1), now);
    expect(applyMessage(once, base, mail('confirm', 1), new Date('2026-04-16T00:00:00Z'))).toBe(once);
  });

  it('a shipping notice moves it to shipped and brings the tracking number, keeping the confirmed facts', () => {
    const order = applyMessage(null, base, mail('confirm', 1), now);
    const shipped = applyMessage(order, { ...base, kind: 'shipping_notification', total: null, cancelBy: null, cancelUrl: null, trackingNumber: '784512903366' }, mail('ship', 2), now);
    expect(shipped).toMatchObject({ state: 'shipped', trackingNumber: '784512903366', total: { amount: 81 }, cancelBy: base.cancelBy, cancelUrl: base.cancelUrl });
    expect(shipped.messages.map((m) => m.kind)).toEqual(['order_confirmation', 'shipping_notification']);
  });

  it('a shipping notice for an order with no confirmation on file is flagged, until the confirmation turns up', () => {
    const shipped = applyMessage(null, { ...base, kind: 'shipping_notification', trackingNumber: 'X1' }, mail('ship', 2), now);
    expect(shipped.flags).toEqual(['missing_order_confirmation']);
    const late = applyMessage(shipped, base, mail('confirm', 1), now);
    expect(late.flags).toEqual([]);
    expect(late.state).toBe('shipped');
  });

  it('a cancellation confirmation closes it as cancelled; a later shipping notice cannot undo that', () => {
    const order = applyMessage(null, base, mail('confirm', 1), now);
    const cancelled = applyMessage(order, { ...base, kind: 'cancellation_confirmation' }, mail('cancelled', 3), now);
    expect(cancelled.state).toBe('cancelled');
    expect(applyMessage(cancelled, { ...base, kind: 'shipping_notification' }, mail('ship', 4), now).state).toBe('cancelled');
  });

  it('a refusal to cancel moves it to denied', () => {
    const order = applyMessage(null, base, mail('confirm', 1), now);
    expect(applyMessage(order, { ...base, kind: 'cancellation_denied' }, mail('denied', 5), now).state).toBe('denied');
  });

  it('correspondence stays in date order whatever order the mail is read in', () => {
    const later: IncomingMessage = { ...mail('ship', 2), date: '2026-04-16T10:00:00-07:00' };
    const first = applyMessage(null, { ...base, kind: 'shipping_notification' }, later, now);
    const both: Order = applyMessage(first, base, mail('confirm', 1), now);
    expect(both.messages.map((m) => m.subject)).toEqual(['confirm', 'ship']);
  });
});

describe('the state follows the dates of the mail, not the order it is read in', () => {
  it('a refusal dated before the delivery notice leaves the order shipped, read either way round', () => {
    const refusal: IncomingMessage = { ...mail('denied', 5), date: '2026-04-15T09:12:40-05:00' };
    const delivery: IncomingMessage = { ...mail('delivered', 6), date: '2026-04-17T15:33:02-05:00' };
    const order = applyMessage(null, base, mail('confirm', 1), now);
    const a = applyMessage(applyMessage(order, { ...base, kind: 'cancellation_denied' }, refusal, now), { ...base, kind: 'delivery_notification' }, delivery, now);
    const b = applyMessage(applyMessage(order, { ...base, kind: 'delivery_notification' }, delivery, now), { ...base, kind: 'cancellation_denied' }, refusal, now);
    expect([a.state, b.state]).toEqual(['shipped', 'shipped']);
  });
});
