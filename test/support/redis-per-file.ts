// A private Redis and one client for the tests of one file: started before them, stopped after.
import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { connectRedis } from '../../src/store/redis.js';
import { startRedis, type TestRedis } from './redis.js';

export interface RedisForTests {
  /** The server's URL, for further connections (valid once the file's tests run). */
  readonly url: string;
  readonly client: Redis;
}

export function redisForTests(clientName: string): RedisForTests {
  let redis: TestRedis | undefined;
  let client: Redis | undefined;
  beforeAll(async () => {
    redis = await startRedis();
    client = connectRedis(redis.url, clientName);
  });
  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
  });
  return {
    get url() {
      return redis!.url;
    },
    get client() {
      return client!;
    },
  };
}
