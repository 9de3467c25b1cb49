// An email orderwatch decides to send, before any template or transport is involved. Its
// Message-ID is fixed when it is decided, so a job that runs again after a crash can tell
// whether this very email already went out.
import { z } from 'zod';

export const OUTGOING_KINDS = ['reminder', 'cancel_request', 'followup', 'handover', 'notice'] as const;
export const OutgoingKind = z.enum(OUTGOING_KINDS);
export type OutgoingKind = z.infer<typeof OutgoingKind>;

export const Address = z.object({ name: z.string().nullable(), address: z.string().email() });
export type Address = z.infer<typeof Address>;

export const OutgoingMail = z.object({
  kind: OutgoingKind,
  orderId: z.string(),
  /** `<...@...>`, unique per email; reminders carry an unguessable token in it (replies are checked against it). */
  messageId: z.string().regex(/^<[^<>@\s]+@[^<>@\s]+>$/),
  from: Address,
  to: z.array(Address).min(1),
  replyTo: Address.nullable(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  /** Threading: the message this one answers, and the thread so far. */
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  /** An iCalendar event for a deadline (reminders). */
  calendar: z.object({ filename: z.string(), content: z.string() }).nullable(),
  /** Copy to the owner's Sent folder (cancellation requests and follow-ups: the record of correspondence). */
  keepInSent: z.boolean(),
});
export type OutgoingMail = z.infer<typeof OutgoingMail>;
