// Which messages are worth downloading, judged from headers alone. A mailbox of 50,000 messages
// holds a few thousand about orders; fetching only those is what makes the first scan fast. It
// errs on the side of fetching: a newsletter fetched costs a parse, an order skipped costs money.
import { isInfrastructure, isPersonalMailbox, registrableDomain } from './merchant.js';

export interface TriageInput {
  subject: string;
  from: string | null;
  headers: Record<string, string>;
}

const ORDER_WORDS = new RegExp(
  [
    // English
    String.raw`order|receipt|purchase|invoice|shipp|shipment|dispatch|deliver|on (?:its|the) way|out for delivery|tracking|cancel|refund|return|confirm|payment|booking|reservation|your .{0,20} is (?:on|ready)`,
    // German
    String.raw`bestell|auftrag|versand|versendet|verschickt|liefer|zugestellt|sendung|storn|rechnung|zahlung|erstattung|rücksend|retoure|bestätig`,
    // French
    String.raw`commande|exp[ée]di|livr|colis|annul|rembours|facture|paiement|retour|confirm`,
    // Spanish
    String.raw`pedido|env[ií]o|enviad|entreg|cancelad|cancelaci|reembolso|factura|pago|devoluci|compra`,
    // Italian
    String.raw`ordine|spedi|consegn|annullat|annullament|rimbors|fattura|pagamento|reso|acquisto`,
    // Dutch
    String.raw`bestelling|verzonden|verzend|bezorg|geannuleerd|annuler|terugbetal|factuur|betaling|retour`,
  ].join('|'),
  'i',
);
/** An order-like reference in a subject: "#1042", "NP-5120", "100045872". */
const REFERENCE = /#\s?[A-Z0-9-]*\d|\b[A-Z]{1,5}-?\d{3,}\b|\b\d{5,}\b/;

export type Triage = 'order-like' | 'reply' | 'skip';

/** "order-like": the subject speaks of an order; "reply": a thread a store may answer in. */
export function triage(m: TriageInput): Triage {
  const subject = m.subject ?? '';
  if (ORDER_WORDS.test(subject) || REFERENCE.test(subject)) return 'order-like';
  // A reply in a thread (a store answering a cancellation request) may carry no keyword.
  if (m.headers['in-reply-to'] || /^\s*(?:re|aw|sv|rif|antw)\s*:/i.test(subject)) return 'reply';
  return 'skip';
}

export function worthFetching(m: TriageInput): boolean {
  return triage(m) !== 'skip';
}

/**
 * The shop a message comes from, when it could be one: shops that sent order mail once are read
 * in full ever after, whatever their subjects say ("Your jars have left Uzès").
 */
export function senderShop(from: string | null): string | null {
  const domain = registrableDomain(from);
  return domain && !isPersonalMailbox(domain) && !isInfrastructure(domain) ? domain : null;
}
