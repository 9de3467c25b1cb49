// The service commands as a user runs them, on the embedded sample mailbox and a private Redis.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, uniquePrefix, type TestRedis } from '../support/redis.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
let redis: TestRedis;
let state: string;
let env: Record<string, string>;

const cli = (args: string[], extra: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', join(root, 'bin', 'dev.ts'), ...args], { cwd: root, env: { ...process.env, ...env, ...extra }, maxBuffer: 16 << 20 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

beforeAll(async () => {
  redis = await startRedis();
  state = await mkdtemp(join(tmpdir(), 'ow-cli-state-'));
  env = { REDIS_URL: redis.url, ORDERWATCH_PREFIX: uniquePrefix('cli'), ORDERWATCH_STATE_DIR: state, ORDERWATCH_LOG_LEVEL: 'silent' };
});

afterAll(async () => {
  await redis?.stop();
  if (state) await rm(state, { recursive: true, force: true });
});

describe('orderwatch run --once, orders, order', { timeout: 120_000 }, () => {
  it('run --once reads the sample mailbox and ends by printing the orders it found', async () => {
    const { code, stdout } = await cli(['run', '--once']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^MERCHANT\s+ORDER\s+TOTAL\s+CANCEL BY\s+STATE\s+NEXT\s+FLAGS/m);
    expect(stdout).toMatch(/ridgewaypantry\.com\s+2291\s+81\.00 USD/);
    expect(stdout).toMatch(/northshorepaddle\.ca\s+NP-5120\s+477\.99 CAD.*cancelled/);
  });

  it('orders --json lists every order once with its state, flags and messages', async () => {
    const { code, stdout } = await cli(['orders', '--json']);
    expect(code).toBe(0);
    const orders = JSON.parse(stdout) as Record<string, unknown>[];
    expect(orders).toHaveLength(11);
    for (const o of orders) {
      for (const key of ['id', 'merchant', 'orderNumber', 'total', 'orderedAt', 'cancelBy', 'cancelUrl', 'contactEmail', 'state', 'flags', 'messages']) expect(o).toHaveProperty(key);
    }
    const pantry = orders.find((o) => o.orderNumber === '2291')!;
    expect(pantry).toMatchObject({ state: 'shipped', total: { amount: 81, currency: 'USD' }, cancelBy: '2026-04-14T16:05:00-07:00' });
    // The receipt and the shipping notice; the newsletter from the same shop is not about the order.
    expect((pantry.messages as unknown[]).length).toBe(2);
  });

  it('order shows one order with its correspondence, by id or by order number', async () => {
    const byNumber = await cli(['order', 'CS-3318']);
    expect(byNumber.code).toBe(0);
    expect(byNumber.stdout).toContain('cinderandsage.com');
    expect(byNumber.stdout).toMatch(/<- .*order_confirmation/);
    expect(byNumber.stdout).toMatch(/<- .*cancellation_confirmation/);
    const id = /\[(o[0-9a-z]+)\]/.exec(byNumber.stdout)![1]!;
    expect((await cli(['order', id])).stdout).toContain('CS-3318');
    expect((await cli(['order', 'NO-SUCH-ORDER'])).code).toBe(1);
  });

  it('a wrong setting stops with one line naming it, and never prints the password', async () => {
    const { code, stderr } = await cli(['orders'], { ORDERWATCH_IMAP: 'imap://robin:hunter2-secret@', ORDERWATCH_BACKFILL_DAYS: '30' });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/ORDERWATCH_IMAP/);
    expect(stderr).not.toContain('hunter2');
  });
});
