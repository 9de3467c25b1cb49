// OrderStore against a real Redis: an update is computed from the record as it is and written only
// if nobody wrote it meanwhile, so updates racing on one order all land; indexes follow the record.
import { beforeEach, describe, expect, it } from 'vitest';
import { orderId, type CorrespondenceEntry, type Order } from '../../src/orders/order.js';
import { Keys } from '../../src/store/keys.js';
import { OrderStore } from '../../src/store/order-store.js';
import { connectRedis } from '../../src/store/redis.js';
import { uniquePrefix } from '../support/redis.js';
import { redisForTests } from '../support/redis-per-file.js';

const redis = redisForTests('order-store-test');
let store: OrderStore;
let keys: Keys;

beforeEach(() => {
  keys = new Keys(uniquePrefix('orders'));
  store = new OrderStore(redis.client, keys);
});

const ID = orderId('ridgewaypantry.com', '2291');

function order(messages: CorrespondenceEntry[] = []): Order {
  return {
    id: ID, merchant: { name: 'Ridgeway Pantry', domain: 'ridgewaypantry.com' }, orderNumber: '2291', orderedAt: '2026-04-14T09:20:00-04:00',
    total: { amount: 81, currency: 'USD' }, items: [{ name: 'Smoked Paprika Tin 70g', quantity: 2, price: 19 }], cancelBy: '2026-04-14T21:20:00-04:00',
    cancelUntilShipped: false, cancelUrl: null, returnWindowDays: 30, contactEmail: 'help@ridgewaypantry.com', trackingNumber: null, state: 'detected',
    flags: [], confirmed: true, shippedAt: null, deliveredAt: null, messages, progress: { cancelAskedAt: null, keep: false, followups: 0 },
    contact: { address: null, trusted: false, basis: null, reason: 'no contact address checked yet' }, returnBy: null, next: null,
    createdAt: '2026-04-14T13:20:05.000Z', updatedAt: '2026-04-14T13:20:05.000Z',
  };
}

function mail(n: number): CorrespondenceEntry {
  return { direction: 'in', date: '2026-04-14T09:20:00-04:00', subject: `mail ${n}`, messageId: `<m${n}@ridgewaypantry.com>`, kind: 'order_confirmation', from: 'orders@ridgewaypantry.com', location: null, outgoing: null };
}

describe('OrderStore.update', () => {
  it('creates, indexes and updates one record per order', async () => {
    await store.update(ID, () => order([mail(1)]));
    expect(await store.get(ID)).toMatchObject({ orderNumber: '2291', messages: [{ subject: 'mail 1' }] });
    expect(await store.idsByNumber('2291')).toEqual([ID]);
    expect(await store.idsByMessageIds(['<m1@ridgewaypantry.com>', '<unknown@x>'])).toEqual([ID]);
    await store.update(ID, (current) => ({ ...current!, state: 'reminded' }));
    expect((await store.list()).map((o) => [o.id, o.state])).toEqual([[ID, 'reminded']]);
  });

  it('a change that returns null or changes nothing writes nothing', async () => {
    await store.update(ID, () => order());
    const before = await redis.client.get(keys.order(ID));
    expect(await store.update(ID, () => null)).toMatchObject({ id: ID });
    expect(await store.update(ID, (current) => ({ ...current! }))).toMatchObject({ id: ID });
    expect(await redis.client.get(keys.order(ID))).toBe(before);
  });

  it('forty updates racing on one order all land: each is computed again when another wrote first', async () => {
    await store.update(ID, () => order());
    // Separate connections, as separate workers would have.
    const connections = Array.from({ length: 4 }, (_, i) => connectRedis(redis.url, `racer-${i}`));
    const others = connections.map((c) => new OrderStore(c, keys));
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, n) => others[n % others.length]!.update(ID, (current) => ({ ...current!, messages: [...current!.messages, mail(n)] }))),
      );
    } finally {
      for (const c of connections) c.disconnect();
    }
    const subjects = (await store.get(ID))!.messages.map((m) => m.subject).sort();
    expect(subjects).toEqual(Array.from({ length: 40 }, (_, n) => `mail ${n}`).sort());
    expect(await store.idsByMessageIds(Array.from({ length: 40 }, (_, n) => `<m${n}@ridgewaypantry.com>`))).toEqual([ID]);
  });

  it('an update from a version read earlier lands on top of what was written since', async () => {
    await store.update(ID, () => order([mail(1)]));
    const read = (await store.read(ID))!;
    expect(read.order.messages).toHaveLength(1);
    await store.update(ID, (current) => ({ ...current!, messages: [...current!.messages, mail(2)] }));
    // The version read is stale now: the write is refused, the change is computed again from the record.
    const seen: number[] = [];
    await store.update(ID, (current) => {
      seen.push(current!.messages.length);
      return { ...current!, state: 'reminded' };
    }, read);
    expect(seen).toEqual([1, 2]);
    expect(await store.get(ID)).toMatchObject({ state: 'reminded', messages: [{ subject: 'mail 1' }, { subject: 'mail 2' }] });
  });

  it('an update from the current version read earlier writes without reading again', async () => {
    await store.update(ID, () => order());
    const read = (await store.read(ID))!;
    const calls: Order[] = [];
    await store.update(ID, (current) => {
      calls.push(current!);
      return { ...current!, state: 'reminded' };
    }, read);
    // the very object read, not a fresh copy from Redis
    expect(calls).toHaveLength(1);
    expect(calls[0]).toBe(read.order);
    expect((await store.get(ID))!.state).toBe('reminded');
  });

  it('an invalid record is refused before anything is written', async () => {
    await expect(store.update(ID, () => ({ ...order(), state: 'lost' }) as unknown as Order)).rejects.toThrow();
    expect(await store.get(ID)).toBeNull();
  });
});
