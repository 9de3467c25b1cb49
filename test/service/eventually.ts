// Waits for a condition the system reaches on its own (a delivery, a rescan); polls, never sleeps blindly.
import { setTimeout as sleep } from 'node:timers/promises';

export async function eventually(probe: () => Promise<boolean>, options: { timeoutMs: number; what: string }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${options.what}: not reached after ${options.timeoutMs} ms`);
    await sleep(20);
  }
}
