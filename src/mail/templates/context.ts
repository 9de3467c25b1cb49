// What a template is given: the order and everything the caller already decided (recipients,
// Message-ID, threading, clock, time zone). Templates decide only the words.
import type { Progress } from '../../orders/decide.js';
import type { Order } from '../../orders/order.js';
import type { Block } from './body.js';

export interface Person {
  name: string | null;
  address: string;
}

export interface TemplateContext {
  order: Order;
  progress: Progress;
  /** The mailbox owner: the sender of every email orderwatch writes. */
  owner: Person;
  /** The owner's IANA time zone ("Europe/Berlin"): every date is shown in it. */
  timeZone: string;
  now: Date;
  /** `<...@...>`, fixed by the caller before rendering. */
  messageId: string;
  /** The caller computes the thread: the message this one answers and the references so far. */
  thread: { inReplyTo: string | null; references: string[] };
  /** The owner for owner-facing mail; the shop's contact for cancel_request and followup. */
  to: Person;
  /** For follow-ups: the Message-ID of the original cancellation request. */
  requestMessageId: string | null;
  /** For follow-ups: 1 for the first follow-up (the second request); defaults to progress.followups. */
  followupNumber?: number;
  /** The due time of the job that sends this mail (ISO-8601); informational, times are computed from `now`. */
  dueAt?: string;
  /**
   * For manual_cancel_notice: why the contact address was not trusted, in words for the owner
   * (trustedContact().reason from src/orders/trust.ts). When absent it is told from the order.
   */
  trustReason?: string;
}

/** What a template decides: the words, as blocks that become the text and HTML parts. */
export interface Rendered {
  subject: string;
  blocks: Block[];
  /** Whether the mail gets an HTML part too (notices to the owner); letters to a shop are plain text. */
  html: boolean;
  calendar: { filename: string; content: string } | null;
}
