// Queue names, typed job payloads and deterministic job ids. A payload carries no secret: an
// account is named by its id, and a worker finds its credentials in its own configuration.
import { z } from 'zod';

export const QUEUES = { sync: 'sync', ingest: 'ingest' } as const;

export const SyncJob = z.object({ account: z.string().min(1) });
export type SyncJob = z.infer<typeof SyncJob>;

export const IngestJob = z.object({
  account: z.string().min(1),
  folder: z.string().min(1),
  uidValidity: z.string().min(1),
  uid: z.number().int().positive(),
  messageId: z.string().nullable(),
  subject: z.string(),
  /** The raw bytes wait in Redis under the job's id (see InboxStore.putRaw). */
});
export type IngestJob = z.infer<typeof IngestJob>;

// BullMQ reserves ':' in custom ids, so the parts are joined with '~' (never in a UID or UIDVALIDITY).
const part = (s: string) => s.replace(/[~:]/g, '_');

export function syncJobId(account: string): string {
  return `sync~${part(account)}`;
}

/** One message, one id: adding the same message again is a no-op while the job is kept. */
export function ingestJobId(job: Pick<IngestJob, 'account' | 'folder' | 'uidValidity' | 'uid'>): string {
  return `${part(job.account)}~${part(job.folder)}~${job.uidValidity}~${job.uid}`;
}
