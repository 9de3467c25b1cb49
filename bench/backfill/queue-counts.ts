// How much work the ingest queue still has, for deciding that a run is over.
import type { Queue } from 'bullmq';

/** Jobs not yet finished: waiting, running, delayed for a retry. */
export function pendingOf(counts: Record<string, number>): number {
  return (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0) + (counts['waiting-children'] ?? 0);
}

export async function queuePending(queue: Queue): Promise<number> {
  return pendingOf(await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children'));
}
