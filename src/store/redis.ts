// The Redis connection. Commands wait through an outage instead of failing (maxRetriesPerRequest
// null), so a Redis restart pauses the workers rather than losing their work.
import { Redis } from 'ioredis';

export function connectRedis(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(200 * 2 ** attempt, 5_000),
    // Commands issued in one tick (by jobs running side by side) leave in one write. No blocking
    // command ever runs on this connection; BullMQ keeps its own connections, without this.
    enableAutoPipelining: true,
  });
}

/** Whether a Redis answers at `url` within `timeoutMs` (used to decide whether to start our own). */
export async function redisAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** A Lua script run by its SHA (EVALSHA; ioredis loads it when Redis does not know it yet). */
export type RedisScript = (keys: readonly string[], args: readonly (string | number)[]) => Promise<unknown>;

/**
 * Registers `lua` on this connection under `name` (once per connection) so that each call sends
 * the script's SHA, not its text. The number of keys is given per call.
 */
export function defineScript(redis: Redis, name: string, lua: string): RedisScript {
  const commands = redis as unknown as Record<string, (...args: (string | number)[]) => Promise<unknown>>;
  if (typeof commands[name] !== 'function') redis.defineCommand(name, { lua });
  return (keys, args) => commands[name]!.call(redis, keys.length, ...keys, ...args);
}
