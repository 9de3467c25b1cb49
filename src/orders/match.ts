// Which known order an incoming email belongs to. The store answers the look-ups (by shop and
// number, by number alone, by thread); this decides among the answers, so the rules are pinned
// by tests without Redis.
import type { Extraction } from '../extract/extraction.js';
import { orderId } from './order.js';

export interface MatchLookups {
  /** Ids of known orders with this order number, any shop. */
  byNumber: string[];
  /** Ids of known orders whose correspondence holds one of the message's thread ids. */
  byThread: string[];
}

export type MatchResult =
  | { kind: 'existing'; orderId: string; how: 'number' | 'thread' }
  | { kind: 'new'; orderId: string }
  | { kind: 'unmatched'; reason: string };

export function matchOrder(extraction: Extraction, lookups: MatchLookups): MatchResult {
  const { orderNumber, merchant } = extraction;
  if (orderNumber) {
    const exact = orderId(merchant.domain, orderNumber);
    if (lookups.byNumber.includes(exact)) return { kind: 'existing', orderId: exact, how: 'number' };
    // The same number under another domain (a helpdesk's) counts only inside the order's own
    // thread: two shops can well use the same number.
    const inThread = lookups.byNumber.filter((id) => lookups.byThread.includes(id));
    if (inThread.length === 1) return { kind: 'existing', orderId: inThread[0]!, how: 'thread' };
  }
  const threads = [...new Set(lookups.byThread)];
  if (threads.length === 1) return { kind: 'existing', orderId: threads[0]!, how: 'thread' };
  if (orderNumber) return { kind: 'new', orderId: orderId(merchant.domain, orderNumber) };
  return { kind: 'unmatched', reason: `a ${extraction.kind.replace(/_/g, ' ')} with no order number that answers no known thread` };
}

/** Message-ids a message refers to (In-Reply-To, References), in order, deduplicated. */
export function threadIds(inReplyTo: string[], references: string[]): string[] {
  const ids = [...inReplyTo, ...references].flatMap((h) => h.match(/<[^<>\s]+>/g) ?? []);
  return [...new Set(ids)];
}
