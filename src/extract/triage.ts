// Which messages are worth downloading, judged from headers alone. A mailbox of 50,000 messages
// holds a few thousand about orders; fetching only those is what makes the first scan fast. It
// errs on the side of fetching: a newsletter fetched costs a parse, an order skipped costs money.
import { registrableDomain, shopDomain } from './merchant.js';

export interface TriageInput {
  subject: string;
  from: string | null;
  headers: Record<string, string>;
}

// Words that, in a subject, speak of a purchase; whole words only ("Noise-Cancelling" is a product,
// "ORDER BY" a database question), but German and Dutch write compounds ("Lieferbestätigung",
// "Orderbevestiging"): there a stem may start a longer word.
const ORDER_WORDS = new RegExp(
  String.raw`(?<![\p{L}])(?:` +
    [
      // English
      String.raw`orders?(?!\s+(?:by|now|today|online|yours))|ordered|receipt|purchase|invoice|shipped|shipping\s+(?:confirmation|update|notice)|shipment|dispatched|delivered|delivery\s+(?:confirmation|update)|on\s+(?:its|the|their)\s+way|out\s+for\s+delivery|tracking\s+(?:number|info)|parcel|cancell?ed|cancell?ation|refund(?:ed)?`,
      // An auction won ("Hai vinto! Pagamento ricevuto"). "Payment received" alone is not read: banks
      // and utilities say it every month, and a shop's own says "order" too or comes from a known shop.
      String.raw`(?:you|hai)\s+(?:won|vinto)|auktion\s+gewonnen|subasta\s+ganada|veiling\s+gewonnen`,
      // Bookings are orders too (a room, a seat, an appointment): DESIGN's life cycle holds for them
      String.raw`bookings?|booked|reservations?|appointments?|itinerary|e-?tickets?|tickets|(?:your|trip|travel)\s+(?:trip|confirmation)`,
      // German
      String.raw`bestell\p{L}*|auftrag\p{L}*|versand\p{L}*|versendet|verschickt|liefer\p{L}*|zugestellt|sendung|paket\p{L}*|unterwegs|storniert|stornierung|rechnung|erstattung|r[üu]cksendung|retoure|buchung\p{L}*|gebucht|zahlungsbeleg|kaufbeleg|quittung|reservierung\p{L}*|termin\p{L}*|fahrkarte\p{L}*`,
      // French
      String.raw`commande\p{L}*|exp[ée]di\p{L}*|livr[ée]\p{L}*|livraison|colis|annul[ée]e?|annulation|remboursement|rembours[ée]|facture|r[ée]servation|r[ée]serv[ée]e?|billets?|(?:votre|ton)\s+voyage|re[çc]u`,
      // Spanish
      String.raw`pedido|env[ií]o|enviado|entregado|cancelado|cancelaci[óo]n|reembolso|factura|devoluci[óo]n|compra|paquete|en\s+camino|reserva(?:d[oa])?|recibo|billetes?|boletos?|cita|itinerario`,
      // Italian
      String.raw`ordine|spedit[oa]|spedizione|consegnat[oa]|consegna|annullat[oa]|annullamento|rimborso|fattura|reso|acquisto|pacco|in\s+viaggio|in\s+arrivo|prenotazion[ei]|prenotat[oa]|ricevuta|bigliett[oi]`,
      // Dutch
      String.raw`order\p{L}*bevestiging|bestel\p{L}*|verzonden|verzend\p{L}*|bezorg\p{L}*|levering\p{L}*|geannuleerd|annulering|terugbetaling|factuur|retour\p{L}*|pakket\p{L}*|onderweg|boeking\p{L}*|geboekt|betaa?l(?:ings)?bewijs|kwitantie|reservering\p{L}*|afspraak\p{L}*`,
    ].join('|') +
    String.raw`)(?![\p{L}])`,
  'iu',
);
/** An order-like reference in a subject: "#2291", "NP-5120", "AT-77310" (a bare number is too common: codes, PRs). */
const REFERENCE = /#\s?[A-Z]{0,5}-?\d{3,}\b|\b[A-Z]{1,5}-\d{3,}(?:-\d+)*\b/;

// What a campaign's subject says when it sells ("Free shipping on all orders", "Jetzt bestellen
// und 20 % sparen", "Pre-order the new ..."): order words without an order.
const PROMOTION = new RegExp(
  [
    String.raw`free\s+(?:shipping|delivery)|\d+\s?%|\bsale\b|last\s+chance|order\s+(?:now|today|before|by)|pre-?order|(?:next|first)\s+order|all\s+orders|exclusive\s+offer|limited\s+time|book\s+(?:now|today|your)`,
    String.raw`kostenlose[rn]?\s+versand|versandkostenfrei|jetzt\s+bestellen|sparen|rabatt|gutschein|angebot|jetzt\s+buchen`,
    String.raw`livraison\s+(?:offerte|gratuite)|soldes|commandez|offre|r[ée]servez`,
    String.raw`env[ií]o\s+gratis|rebajas|oferta|descuento|pide\s+ya|compra\s+ya|reserva\s+(?:ya|ahora)`,
    String.raw`spedizione\s+gratuita|saldi|offerta|sconto|ordina\s+ora|prenota\s+(?:ora|subito)`,
    String.raw`gratis\s+verzending|korting|uitverkoop|aanbieding|bestel\s+nu|boek\s+nu`,
  ].join('|'),
  'iu',
);
// What an order's own mail says, promotion or not: whose order it is, or what happened to it.
const ABOUT_AN_ORDER = new RegExp(
  [
    String.raw`(?:your|ihre?|deine?|votre|vos|tu|su|tuo|vostro|je|uw)\s+(?:order|bestellung|auftrag|commande|pedido|compra|ordine|bestelling|booking|reservation|buchung|r[ée]servation|reserva|prenotazione|boeking|reservering|parcel|package|paket|sendung|colis|paquete|pacco|pakket\p{L}*)`,
    String.raw`onderweg|unterwegs|en\s+route|en\s+camino|in\s+viaggio|in\s+arrivo|on\s+(?:its|the|their)\s+way`,
    String.raw`confirm|best[äa]tig|bevestig|conferma|receipt|quittung|re[çc]u|recibo|ricevuta|shipped|versendet|exp[ée]di|enviado|spedit|verzonden|delivered|zugestellt|livr[ée]e?\b|entregado|consegnat|bezorgd|cancel|storn|annul`,
  ].join('|'),
  'iu',
);

export type Triage = 'order-like' | 'reply' | 'skip';

/** "order-like": the subject speaks of an order; "reply": a thread a store may answer in. */
export function triage(m: TriageInput): Triage {
  const subject = m.subject ?? '';
  // Mailing lists speak of orders and numbers all day (GitHub's "PR #1234"): only words count there.
  const reference = !m.headers['list-id'] && REFERENCE.test(subject);
  if (reference) return 'order-like';
  if (ORDER_WORDS.test(subject)) {
    // A campaign selling with order words is skipped, unless it also names an order of the owner's.
    const promotion = !transactional(m) && PROMOTION.test(subject) && !ABOUT_AN_ORDER.test(subject);
    if (!promotion) return 'order-like';
  }
  // A reply in a thread (a store answering a cancellation request) may carry no keyword: the
  // caller fetches it when the thread is one it knows.
  if (m.headers['in-reply-to'] || /^\s*(?:re|aw|sv|rif|antw)\s*:/i.test(subject)) return 'reply';
  return 'skip';
}

/** Mail from a known shop that is not a campaign (campaigns carry List-Unsubscribe). */
export function transactional(m: TriageInput): boolean {
  return !m.headers['list-unsubscribe'] && !m.headers['list-id'];
}

export function worthFetching(m: TriageInput): boolean {
  return triage(m) !== 'skip';
}

/**
 * The shop a message comes from, when it could be one: shops that sent order mail once are read
 * in full ever after, whatever their subjects say ("Your jars have left Uzès").
 */
export function senderShop(from: string | null): string | null {
  return shopDomain(registrableDomain(from));
}
