// Orders in Redis: one JSON record per order, with indexes by order number and by Message-ID.
// Updates are compare-and-set: the new version is written (with its indexes, in one Lua script)
// only if the record is still the one it was computed from, else computed again. Two ingest jobs
// touching the same order at once never lose each other's changes, and a worker that dies
// mid-update holds nothing up.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { Order } from '../orders/order.js';
import type { Keys } from './keys.js';
import { defineScript, type RedisScript } from './redis.js';

/**
 * KEYS: the order, the orders index, the order number's index, then the Message-ID index keys.
 * ARGV: SHA-1 of the version the change was computed from ('' when there was none), the new
 * version, its creation time (ms), the order id. Returns 1 when written, 0 when the record moved on.
 */
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
local seen = current and redis.sha1hex(current) or ''
if seen ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], 'NX', ARGV[3], ARGV[4])
redis.call('SADD', KEYS[3], ARGV[4])
for i = 4, #KEYS do redis.call('SET', KEYS[i], ARGV[4]) end
return 1
`;
/** An order as read, with the stored JSON it came from (its version for compare-and-set). */
export interface StoredOrder {
  order: Order;
  version: string;
}

/** Gives up on an order that changes under every attempt (it never has in practice). */
const MAX_ATTEMPTS = 200;

export class OrderStore {
  private readonly compareAndSet: RedisScript;

  constructor(private readonly redis: Redis, private readonly keys: Keys) {
    this.compareAndSet = defineScript(redis, 'owOrderCompareAndSet', COMPARE_AND_SET);
  }

  async get(id: string): Promise<Order | null> {
    return (await this.read(id))?.order ?? null;
  }

  /** The order with the exact version it was read from: hand it to update() to save a read. */
  async read(id: string): Promise<StoredOrder | null> {
    const raw = await this.redis.get(this.keys.order(id));
    return raw ? { order: Order.parse(JSON.parse(raw)), version: raw } : null;
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
   * Reads the order, lets `change` compute its next version (null: leave it), and writes it with
   * its indexes if nobody wrote the order meanwhile; otherwise reads it again and asks `change`
   * again. `change` must be a pure function of the order it is given. `known`, from read(), is
   * taken as the current version for the first attempt (the write checks that it still is).
   */
  async update(id: string, change: (current: Order | null) => Order | null, known?: StoredOrder): Promise<Order | null> {
    const key = this.keys.order(id);
    for (let attempt = 1; ; attempt++) {
      const firstGuess = attempt === 1 && known && known.order.id === id ? known : null;
      const raw = firstGuess ? firstGuess.version : await this.redis.get(key);
      const current = firstGuess ? firstGuess.order : raw ? Order.parse(JSON.parse(raw)) : null;
      const next = change(current);
      if (next === null) return current;
      const json = JSON.stringify(Order.parse(next));
      // the stored JSON is what this very serialization wrote: equal text, nothing to change
      if (raw !== null && json === raw) return current;
      const messageKeys = next.messages.flatMap((m) => (m.messageId ? [this.keys.byMessageId(m.messageId)] : []));
      const written = await this.compareAndSet(
        [key, this.keys.orders(), this.keys.byNumber(next.orderNumber), ...messageKeys],
        [raw === null ? '' : createHash('sha1').update(raw).digest('hex'), json, Date.parse(next.createdAt), id],
      );
      if (written === 1) return next;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`${key}: changed under each of ${attempt} attempts to update it`);
      await sleep(Math.random() * Math.min(attempt, 20) * 2);
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
