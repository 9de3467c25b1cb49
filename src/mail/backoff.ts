// How long to wait before reconnecting to a mailbox after the connection dropped. Pure delay math:
// the caller owns the timer, counts the failed attempts and resets the count once a connection held.
// Exponential so an outage is not hammered, capped so recovery is noticed within a minute, and
// jittered downwards so many accounts that lost the same server do not all come back at once.

/** The delay before the first reconnect (attempt 1), before jitter. */
export const RECONNECT_BASE_MS = 1_000;
/** No reconnect waits longer than this. */
export const RECONNECT_MAX_MS = 60_000;
/** The share of the delay that jitter may take off: a delay d becomes a value in [d·(1−J), d]. */
export const RECONNECT_JITTER = 0.25;

/**
 * The wait before reconnect number `attempt` (1 for the first after a drop, as in
 * `reconnectDelay(++failures, Math.random)`): min(60 s, 1 s · 2^(attempt−1)), less up to a quarter
 * of it by `random()` (a value in [0, 1)). So 1 s, 2 s, 4 s ... 32 s, then 60 s for good; never
 * above 60 s, never below 750 ms. An attempt below 1, fractional or NaN counts as the nearest
 * sensible one; an out-of-range random is clamped.
 */
export function reconnectDelay(attempt: number, random: () => number): number {
  const n = Number.isNaN(attempt) ? 1 : Math.max(1, Math.floor(attempt));
  // 2^6 s already passes the cap; clamping the exponent keeps the arithmetic finite for any n
  const nominal = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.min(n - 1, 16));
  const r = random();
  const jitter = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  return Math.round(nominal * (1 - RECONNECT_JITTER * jitter));
}
