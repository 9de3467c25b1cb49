// Orders in Redis: one JSON record per order, with indexes by order number and by Message-ID.
// Updates are optimistic transactions (WATCH/MULTI), so two ingest jobs touching the same order
// at once never lose each other's changes.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { Order } from '../orders/order.js';
import type { Keys } from './keys.js';

/** A lock outlives a crashed holder by this much at most. */
const LOCK_MS = 10_000;
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export class OrderStore {
  constructor(private readonly redis: Redis, private readonly keys: Keys) {}

  async get(id: string): Promise<Order | null> {
    const raw = await this.redis.get(this.keys.order(id));
    return raw ? Order.parse(JSON.parse(raw)) : null;
  }

  async idsByNumber(orderNumber: string): Promise<string[]> {
    return this.redis.smembers(this.keys.byNumber(orderNumber));
  }

  /** The given Message-IDs that belong to some order's correspondence. */
  async knownMessageIds(messageIds: string[]): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const found = await this.redis.mget(...messageIds.map((m) => this.keys.byMessageId(m)));
    return new Set(messageIds.filter((_, i) => found[i] !== null));
  }

  async idsByMessageIds(messageIds: string[]): Promise<string[]> {
    if (messageIds.length === 0) return [];
    const found = await this.redis.mget(...messageIds.map((m) => this.keys.byMessageId(m)));
    return [...new Set(found.filter((v): v is string => v !== null))];
  }

  /**
   * Reads the order, lets `change` compute its next version, and writes it with its indexes, under
   * a short per-order lock: several ingest jobs (in this process or others) share connections, so
   * WATCH, which is per connection, cannot guard them.
   */
  async update(id: string, change: (current: Order | null) => Order | null): Promise<Order | null> {
    const key = this.keys.order(id);
    return this.withLock(`${key}:lock`, async () => {
      const raw = await this.redis.get(key);
      const current = raw ? Order.parse(JSON.parse(raw)) : null;
      const next = change(current);
      if (next === null || (current && JSON.stringify(current) === JSON.stringify(next))) return current;
      const tx = this.redis.multi().set(key, JSON.stringify(Order.parse(next)));
      tx.zadd(this.keys.orders(), 'NX', Date.parse(next.createdAt), id);
      tx.sadd(this.keys.byNumber(next.orderNumber), id);
      for (const m of next.messages) if (m.messageId) tx.set(this.keys.byMessageId(m.messageId), id);
      await tx.exec();
      return next;
    });
  }

  private async withLock<T>(lockKey: string, work: () => Promise<T>): Promise<T> {
    const token = randomUUID();
    for (let attempt = 0; ; attempt++) {
      if (await this.redis.set(lockKey, token, 'PX', LOCK_MS, 'NX')) break;
      if (attempt > 400) throw new Error(`${lockKey}: still locked after ${attempt} tries`);
      await sleep(5 + Math.min(attempt, 20) * 5, undefined);
    }
    try {
      return await work();
    } finally {
      await this.redis.eval(RELEASE, 1, lockKey, token);
    }
  }

  async list(): Promise<Order[]> {
    const ids = await this.redis.zrange(this.keys.orders(), '0', '-1');
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(...ids.map((id) => this.keys.order(id)));
    return raws.filter((r): r is string => r !== null).map((r) => Order.parse(JSON.parse(r)));
  }

  /** An order by its id or its order number (the CLI accepts either). */
  async find(idOrNumber: string): Promise<Order[]> {
    const byId = await this.get(idOrNumber);
    if (byId) return [byId];
    const ids = await this.idsByNumber(idOrNumber.replace(/^#/, ''));
    const orders = await Promise.all(ids.map((id) => this.get(id)));
    return orders.filter((o): o is Order => o !== null);
  }
}
