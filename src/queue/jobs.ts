// Queue names, typed job payloads and deterministic job ids. A payload carries no secret: an
// account is named by its id, and a worker finds its credentials in its own configuration.
import { z } from 'zod';

export const QUEUES = { sync: 'sync', ingest: 'ingest', actions: 'actions' } as const;

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

export const OrderEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('recorded'), kind: z.string(), messageId: z.string().nullable().optional(), mailDate: z.string().nullable().optional() }),
  z.object({ type: z.literal('reminder_due'), dueAt: z.string() }),
  z.object({ type: z.literal('owner_cancel'), via: z.enum(['cli', 'reply']) }),
  z.object({ type: z.literal('owner_keep'), via: z.enum(['cli', 'reply']) }),
  z.object({ type: z.literal('confirmation_check_due'), attempt: z.number().int().positive() }),
  z.object({ type: z.literal('deadline_passed') }),
  z.object({ type: z.literal('return_reminder_due'), dueAt: z.string() }),
  z.object({ type: z.literal('return_window_closed') }),
]);

export const ActionJob = z.object({ orderId: z.string().min(1), event: OrderEventSchema });
export type ActionJob = z.infer<typeof ActionJob>;

/**
 * Rescheduling never duplicates: a job is named by its order, its event and what makes that event
 * unique (its due time, its attempt, the message that caused it).
 */
export function actionJobId(job: ActionJob, discriminator: string | number = ''): string {
  const e = job.event;
  const key =
    e.type === 'reminder_due' || e.type === 'return_reminder_due' ? String(Date.parse(e.dueAt))
    : e.type === 'confirmation_check_due' ? String(e.attempt)
    : e.type === 'recorded' ? `${e.kind}.${hashPart(e.messageId ?? '')}`
    : String(discriminator);
  return `${part(job.orderId)}~${e.type}~${part(key)}`;
}

function hashPart(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h.toString(36);
}
