import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '../../src/mail/backoff.js';

const none = () => 0;
const most = () => 0.999999;

describe('reconnectDelay: the wait before reconnecting to a mailbox', () => {
  it('doubles from one second, attempt by attempt, without jitter', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => reconnectDelay(a, none))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000]);
  });

  it('never waits more than a minute, however long the outage', () => {
    expect(reconnectDelay(7, none)).toBe(60_000);
    expect(reconnectDelay(8, none)).toBe(60_000);
    expect(reconnectDelay(1_000, none)).toBe(60_000);
    expect(reconnectDelay(Number.MAX_SAFE_INTEGER, none)).toBe(60_000);
    expect(reconnectDelay(Infinity, none)).toBe(60_000);
  });

  it('takes up to a quarter off by jitter, so accounts dropped together come back spread out', () => {
    expect(reconnectDelay(1, () => 0.5)).toBe(875);
    expect(reconnectDelay(1, most)).toBe(750);
    expect(reconnectDelay(4, () => 0.5)).toBe(7_000);
    expect(reconnectDelay(20, () => 0.5)).toBe(52_500);
    expect(reconnectDelay(20, most)).toBe(45_000);
  });

  it('stays within [0.75·d, d] of the nominal delay for every random value', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const nominal = Math.min(60_000, 1_000 * 2 ** (attempt - 1));
      for (const r of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999]) {
        const d = reconnectDelay(attempt, () => r);
        expect(d).toBeGreaterThanOrEqual(nominal * 0.75);
        expect(d).toBeLessThanOrEqual(nominal);
      }
    }
  });

  it('treats a nonsense attempt as the first, and clamps a random value outside [0, 1)', () => {
    expect(reconnectDelay(0, none)).toBe(1_000);
    expect(reconnectDelay(-3, none)).toBe(1_000);
    expect(reconnectDelay(Number.NaN, none)).toBe(1_000);
    expect(reconnectDelay(3.7, none)).toBe(4_000);
    expect(reconnectDelay(1, () => 5)).toBe(750);
    expect(reconnectDelay(1, () => -1)).toBe(1_000);
    expect(reconnectDelay(1, () => Number.NaN)).toBe(1_000);
  });
});
