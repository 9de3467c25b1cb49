// What the steps of the backfill bench share: its options, the mailbox account, and when a run of
// the service counts as done or as stuck.

export interface BackfillBenchOptions {
  /** Messages in the mailbox. */
  messages: number;
  seed: number;
}

export const USER = 'bench';
export const PASSWORD = 'bench-password';
export const FOLDER = 'INBOX';
/** (a) is over when its scan is done and its queue empty, and that has held this long. */
export const SETTLE_MS = 2_000;
/** (a) gives up after this long: 30 ms a message, at least two minutes. */
export const runTimeoutMs = (messages: number) => Math.max(120_000, messages * 30);
