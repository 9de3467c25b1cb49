import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/extract/extraction.js';
import { matchOrder, threadIds } from '../../src/orders/match.js';
import { orderId } from '../../src/orders/order.js';

const e = (over: Partial<Extraction>): Extraction => ({
  kind: 'shipping_notification', merchant: { name: 'X', domain: 'shop.example' }, orderNumber: '1042', orderedAt: null, total: null, items: [],
  cancelBy: null, cancelUntilShipped: false, cancelUrl: null, returnWindowDays: null, contactEmail: null, trackingNumber: null, evidence: {}, ...over,
});

describe('matching a message to an order', () => {
  const known = orderId('shop.example', '1042');

  it('by shop and order number', () => {
    expect(matchOrder(e({}), { byNumber: [known], byThread: [] })).toEqual({ kind: 'existing', orderId: known, how: 'number' });
  });

  it('the same number from another domain is the same order only inside that order\'s thread', () => {
    const helpdesk = e({ merchant: { name: null, domain: 'shop-support.example' } });
    expect(matchOrder(helpdesk, { byNumber: [known], byThread: [known] })).toMatchObject({ kind: 'existing', orderId: known });
    expect(matchOrder(helpdesk, { byNumber: [known], byThread: [] })).toMatchObject({ kind: 'new' });
  });

  it('by thread when the mail carries no order number', () => {
    expect(matchOrder(e({ orderNumber: null, kind: 'cancellation_confirmation' }), { byNumber: [], byThread: [known] })).toEqual({ kind: 'existing', orderId: known, how: 'thread' });
  });

  it('a new order when the number is new', () => {
    expect(matchOrder(e({ orderNumber: '2000' }), { byNumber: [], byThread: [] })).toEqual({ kind: 'new', orderId: orderId('shop.example', '2000') });
  });

  it('nothing to attach to: unmatched, with a reason', () => {
    expect(matchOrder(e({ orderNumber: null }), { byNumber: [], byThread: [] })).toMatchObject({ kind: 'unmatched' });
  });

  it('order ids are stable and differ by shop', () => {
    expect(orderId('shop.example', '1042')).toBe(known);
    expect(orderId('other.example', '1042')).not.toBe(known);
    expect(known).toMatch(/^o[0-9a-z]{10}$/);
  });

  it('reads thread ids from In-Reply-To and References', () => {
    expect(threadIds(['<a@x>'], ['<b@x> <a@x>\r\n <c@y>'])).toEqual(['<a@x>', '<b@x>', '<c@y>']);
  });
});
