// With no Redis to talk to, orderwatch starts its own, and what it stored is there next time.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmbeddedRedis } from '../../src/service/embedded-redis.js';
import { connectRedis, redisAnswers } from '../../src/store/redis.js';

describe('the embedded Redis', () => {
  it('starts from PATH, keeps its data in the state folder across restarts, and stops', async () => {
    const state = await mkdtemp(join(tmpdir(), 'ow-embedded-'));
    try {
      const first = await startEmbeddedRedis(state);
      const a = connectRedis(first.url, 'test');
      await a.set('orderwatch-test:kept', 'yes');
      a.disconnect();
      await first.stop();
      expect(await redisAnswers(first.url, 300)).toBe(false);

      const second = await startEmbeddedRedis(state);
      const b = connectRedis(second.url, 'test');
      expect(await b.get('orderwatch-test:kept')).toBe('yes');
      b.disconnect();
      await second.stop();
    } finally {
      await rm(state, { recursive: true, force: true });
    }
  });
});
