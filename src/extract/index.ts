// extract(message) -> Extraction: one email's account of the order it talks about.
// Pure: no I/O and no clock; everything it knows comes from the message and the options.
import type { ParsedMessage } from '../mail/parsed-message.js';
import { findContact } from './contact.js';
import { isQuoteHeader } from './forward.js';
import { atTimeOn, DAY_MS, findDates, findTimeOfDay, formatInstant, headerInstant, headerOffset, mayHoldDate, type DateContext } from './dates.js';
import { buildDocument, type Document } from './document.js';
import type { EvidenceField, Extraction } from './extraction.js';
import { findItems } from './items.js';
import { classify } from './kind.js';
import { detectLanguage, type Language } from './language.js';
import { findOrderLink } from './links.js';
import { findMerchant } from './merchant.js';
import { currencyByLanguage, dominantCurrency, findAmounts } from './money.js';
import { findOrderNumber, orderSection, snippet } from './order-number.js';
import { findCancelPolicy, findReturnWindow } from './policy.js';
import { readStructuredOrder, type StructuredOrder } from './structured.js';
import { findRefundAmount, findTotal } from './total.js';
import { findTrackingNumber } from './tracking.js';
import { firstWordMatch, wordPattern } from './word-start.js';
import { writtenToShop } from './written-to-shop.js';

export { Extraction } from './extraction.js';

export interface ExtractOptions {
  /** Stands in for the message date when the message has none. */
  now: Date;
  /** The mailbox owner's addresses: never a shop contact. */
  ownerAddresses?: string[];
}

type Instant = { ms: number; offset: number };

export function extract(message: ParsedMessage, options: ExtractOptions): Extraction {
  const doc = buildDocument(message);
  const evidence: Partial<Record<EvidenceField, string>> = {};
  const structured = readStructuredOrder(doc.jsonLd, doc.microdata);

  const { merchant, evidence: merchantEvidence } = findMerchant(doc, structured?.merchantName ?? null);
  evidence.merchant = merchantEvidence;
  const domain = merchant.domain;

  const language = detectLanguage(doc.text);
  // A forwarded header may print its date without a zone: the forwarder's zone is the best guess.
  const sent: Instant = headerInstant(doc.dateHeader, headerOffset(doc.envelope.dateHeader)) ??
    headerInstant(doc.envelope.dateHeader) ?? { ms: options.now.getTime(), offset: 0 };
  const currency = dominantCurrency(doc.text, domain) ?? structured?.currency ?? currencyByLanguage(language);
  const ctx: DateContext = { language, reference: new Date(sent.ms), offset: sent.offset, dayFirst: dayFirst(language, domain, currency) };

  const orderNumber = findOrderNumber(doc.subject, doc.text, structured?.orderNumber ?? null);
  const tracking = findTrackingNumber(doc.text, doc.links);
  // One mail, several orders: the chosen order's own total, if its section shows one.
  const section = orderNumber?.othersLabelled ? orderSection(doc.text, orderNumber.value) : doc.text;
  const visibleTotal = (section !== doc.text ? findTotal(section, domain, currency) : null) ?? findTotal(doc.text, domain, currency);
  let total = visibleTotal?.total ?? structuredTotal(structured);

  const opening = doc.newest.slice(0, 1200);
  const { kind, evidence: kindEvidence } = classify({
    subject: doc.subject,
    opening,
    body: doc.text,
    hasOrderNumber: orderNumber !== null,
    hasTrackingNumber: tracking !== null,
    // "TOTAL $0.00*" charges nothing: a newsletter dressed as a receipt
    hasTotal: total !== null && total.amount > 0,
    totalInOpening: visibleTotal !== null && opening.includes(visibleTotal.evidence),
    hasStructuredOrder: structured !== null && (structured.orderNumber !== null || structured.total !== null),
    structuredStatus: structured?.status ?? null,
    // only asked when a number stands without a total
    pricedInOpening: orderNumber !== null && total === null && findAmounts(opening, domain).some((a) => a.currency !== null),
  });
  evidence.kind = kindEvidence;

  // The owner writing to the shop, its confirmation quoted below: a request, never the shop's news
  // (and no contact to look for: the shop's address is the one written to).
  const toShop = writtenToShop(doc, kind === 'order_confirmation', visibleTotal !== null && doc.newest.includes(visibleTotal.evidence));
  if (toShop) {
    evidence.kind = `written to ${toShop.domain}, the shop whose mail it quotes`;
    evidence.merchant = `To: ${doc.envelope.to.map((a) => a.address).join(', ')}`;
    return notAnOrder({ name: toShop.name ?? merchant.name, domain: toShop.domain }, null, evidence);
  }

  const owners = [...message.to, ...doc.envelope.to, ...(doc.forwarded && doc.envelope.from ? [doc.envelope.from] : [])].map((a) => a.address);
  const contact = findContact(doc, domain, owners);
  if (contact) evidence.contactEmail = contact.evidence;

  if (kind === 'other') return notAnOrder(merchant, contact?.address ?? null, evidence);

  if (orderNumber) evidence.orderNumber = orderNumber.evidence;
  const refund = total === null && kind === 'cancellation_confirmation' ? findRefundAmount(doc.newest, domain) : null;
  if (refund) {
    total = refund.total;
    evidence.total = refund.evidence;
  } else if (total) evidence.total = visibleTotal?.evidence ?? `schema.org price ${total.amount} ${total.currency}`;
  if (tracking) evidence.trackingNumber = tracking.evidence;

  // The fields below are read one by one: a reader that fails on an odd email costs its own
  // field (noted in the evidence), not the whole account of the order.
  const guarded = <T>(field: EvidenceField, fallback: T, read: () => T): T => {
    try {
      return read();
    } catch (err) {
      evidence[field] = `(not read: ${err instanceof Error ? err.message : String(err)})`;
      return fallback;
    }
  };

  const printed = guarded('orderedAt', null, () => printedOrderTime(doc.text, ctx, sent, structured, kind === 'order_confirmation'));
  const orderedAt = printed?.at ?? (kind === 'order_confirmation' ? sent : null);
  if (printed) evidence.orderedAt = printed.evidence;
  else if (orderedAt) evidence.orderedAt = `Date: ${doc.dateHeader ?? doc.envelope.dateHeader ?? ''}`;

  let cancelBy: string | null = null;
  let cancelUntilShipped = false;
  if (kind === 'order_confirmation') {
    const policy = guarded('cancelBy', { deadline: null, untilShipped: false, evidence: null }, () => findCancelPolicy(doc.text, orderedAt ?? sent, ctx));
    if (policy.deadline) cancelBy = formatInstant(policy.deadline.ms, policy.deadline.offset);
    cancelUntilShipped = policy.untilShipped;
    if (policy.evidence) {
      evidence[policy.deadline ? 'cancelBy' : 'cancelUntilShipped'] = policy.evidence;
    }
  }

  const returnWindow = guarded('returnWindowDays', null, () => findReturnWindow(doc.text));
  if (returnWindow) evidence.returnWindowDays = returnWindow.evidence;
  const link = guarded('cancelUrl', null, () => findOrderLink(doc.links, orderNumber?.value ?? null, doc.text));
  if (link) evidence.cancelUrl = link.evidence;

  const items = structured && structured.items.length > 0 ? structured.items : guarded('items', [], () => findItems(doc.text, domain));
  if (items.length > 0) evidence.items = `${items.length} line(s), first: ${items[0]!.name}`;

  return {
    kind,
    merchant,
    orderNumber: orderNumber?.value ?? null,
    orderedAt: orderedAt ? formatInstant(orderedAt.ms, orderedAt.offset) : null,
    total,
    items,
    cancelBy,
    cancelUntilShipped,
    cancelUrl: link?.href ?? null,
    returnWindowDays: returnWindow?.days ?? null,
    contactEmail: contact?.address ?? null,
    trackingNumber: tracking?.value ?? null,
    evidence,
  };
}

const ORDER_TIME_LABEL = wordPattern(
  String.raw`(?:order(?:ed)?\s*(?:date|time|placed|on)|ordered|date\s+paid|payment\s+date|paid\s+on|zahlungsdatum|bezahlt\s+am|date\s+(?:de|du)\s+paiement|pay[ée]\s+le|fecha\s+de(?:l)?\s+pago|pagado\s+el|data\s+(?:di\s+|del\s+)?pagamento|pagato\s+il|betaaldatum|betaald\s+op|purchase\s+date|data\s+(?:di\s+|dell['’]\s*)?acquisto|kaufdatum|date\s+d['’]achat|fecha\s+de\s+(?:la\s+)?compra|aankoopdatum|date\s+(?:of\s+)?(?:order|purchase)|placed(?:\s+on)?|purchased?\s+on|purchased(?=\s*:)|booked\s+on|date\s+booked|booking\s+(?:date|made)|buchungsdatum|gebucht\s+am|r[ée]serv[ée]e?\s+le|reservad[oa]\s+el|prenotat[oa]\s+il|boekingsdatum|geboekt\s+op|order\s+received|bestelldatum|bestellt\s+am|bestellzeitpunkt|bestellung\s+vom|auftragsdatum|date\s+de\s+(?:la\s+)?commande|command[ée]e?\s+le|pass[ée]e\s+le|commande\s+du|fecha\s+(?:del\s+pedido|de(?:l)?\s+(?:pedido|compra))|realizad[oa]\s+el|pedido\s+(?:realizado\s+)?el|data\s+(?:dell[’']?\s*)?ordine|data\s+d[’']ordine|effettuato\s+il|ordine\s+del|besteldatum|besteld\s+op|orderdatum|geplaatst\s+op)`,
  'iu',
);

const TIME_OF_DAY = /(?<!\d)(?:[01]?\d|2[0-4])[:.h]\s?[0-5]\d(?!\d)/;
const ORDER_WORD = /(?<![\p{L}])(?:order|ordered|bestell\p{L}*|commande|pedido|ordine|bestelling|besteld)(?![\p{L}])/iu;
// "il tuo ordine RV-200415 del 9 febbraio 2026, ore 18:22": the date belongs to the order, whatever happened to it since.
const ORDER_OF_DATE = /(?<![\p{L}])(?:order|ordine|pedido|commande|bestellung|bestelling)\s+(?:n[.°º]?\s*|nr\.?\s*|#\s*)?[A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*\s+(?:del|de\s+la|du|vom|van|of|from|placed\s+on)\s+\d/iu;
const EVENT_WORD = /ship|dispatch|deliver|versand|versendet|verschickt|zugestellt|geliefert|exp[ée]di|livr|envi|entreg|spedi|consegn|verzonden|verzend|bezorgd|geleverd|cancel|storn|annul|anula/iu;

/**
 * When the order was placed, as the mail prints it. Only an order confirmation is sent at about
 * that time: there a printed date without a time, or an unlabelled time in the opening, means the
 * Date header's moment; in a shipping or delivery notice they are that event's, not the order's.
 */
function printedOrderTime(text: string, ctx: DateContext, sent: Instant, structured: StructuredOrder | null, confirmation: boolean): { at: Instant; evidence: string } | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const label = firstWordMatch(lines[i]!, ORDER_TIME_LABEL);
    if (!label) continue;
    const after = lines[i]!.slice(label.index + label[0].length);
    const target = /\d/.test(after) ? after : `${after} ${lines[i + 1] ?? ''}`;
    if (!mayHoldDate(target)) {
      // "ordered at 12:41 pm": a time alone is on the day the mail was sent (or the day before, just after midnight)
      const time = TIME_OF_DAY.test(target) || /\d\s*[ap]\.?\s?m\b/i.test(target) ? findTimeOfDay(target, ctx) : null;
      if (!time) continue;
      let at = atTimeOn(sent.ms, sent.offset, time);
      if (at.ms > sent.ms + 5 * 60_000) at = atTimeOn(sent.ms - DAY_MS, sent.offset, time);
      return { at, evidence: snippet(lines[i]!, 0, lines[i]!.length) };
    }
    const found = findDates(target, ctx)[0];
    if (!found) continue;
    const evidence = snippet(lines[i]!, 0, lines[i]!.length);
    // A printed date without a time says the day, not the moment: the Date header is the moment.
    if (!found.hasTime && !confirmation) continue;
    return { at: found.hasTime ? { ms: found.ms, offset: found.offset } : sent, evidence };
  }
  // No label: a confirmation's opening often tells when the order came in ("received on 14.04.2026, 09:20");
  // other mail only on a line about the order itself ("Ordine n. 2026-0418 del 12/05/2026 ore 20:04").
  const opening = text.slice(0, 1500);
  // Only lines that show a time of day can tell the moment of ordering (a price such as "99.99"
  // is no time; "12.50" may be, and is left to the date parser).
  for (const line of opening.split('\n')) {
    if (!TIME_OF_DAY.test(line) || isQuoteHeader(line)) continue;
    if (!confirmation && (!ORDER_WORD.test(line) || (EVENT_WORD.test(line) && !ORDER_OF_DATE.test(line)))) continue;
    const early = findDates(line, ctx).find((d) => d.hasTime && d.ms <= sent.ms + 5 * 60_000 && d.ms >= sent.ms - 3 * 86_400_000);
    if (early) return { at: { ms: early.ms, offset: early.offset }, evidence: snippet(line, early.index, early.text.length) };
  }
  const iso = structured?.orderDate;
  if (iso && /T\d{2}:\d{2}/.test(iso)) {
    const zone = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
    const hasZone = zone !== null || /Z$/i.test(iso);
    // Read a zoneless time as UTC, then shift it by the assumed offset: never the machine's zone.
    const ms = Date.parse(hasZone ? iso : `${iso}Z`);
    const offset = zone ? (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) : hasZone ? 0 : sent.offset;
    if (!Number.isNaN(ms)) return { at: { ms: hasZone ? ms : ms - offset * 60_000, offset }, evidence: `orderDate: ${iso}` };
  }
  return null;
}

/** The account of a mail about no order: who sent it, where to write, nothing of an order. */
function notAnOrder(merchant: Extraction['merchant'], contactEmail: string | null, evidence: Extraction['evidence']): Extraction {
  return {
    kind: 'other', merchant, orderNumber: null, orderedAt: null, total: null, items: [], cancelBy: null, cancelUntilShipped: false,
    cancelUrl: null, returnWindowDays: null, contactEmail, trackingNumber: null, evidence,
  };
}

function structuredTotal(structured: StructuredOrder | null): Extraction['total'] {
  if (!structured || structured.total === null || !structured.currency || !/^[A-Z]{3}$/.test(structured.currency)) return null;
  return { amount: structured.total, currency: structured.currency };
}

// English mail prints the month first in the United States, Canada and the Philippines; shops on
// other countries' domains print the day first. A generic domain (.com) goes by its currency.
const MONTH_FIRST_TLDS = new Set(['us', 'ca', 'ph']);
const GENERIC_TLDS = new Set(['com', 'net', 'org', 'io', 'co', 'shop', 'store', 'app', 'biz', 'info', 'online', 'site', 'xyz', 'ai', 'me', 'tv']);
const DAY_FIRST_CURRENCIES = new Set(['GBP', 'AUD', 'NZD', 'INR', 'EUR', 'SGD', 'ZAR', 'HKD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'AED']);

function dayFirst(language: Language, domain: string | null, currency: string | null): boolean {
  if (language !== 'en') return true;
  if (currency !== null && DAY_FIRST_CURRENCIES.has(currency)) return true;
  if (currency === 'USD') return false;
  const tld = domain?.split('.').pop() ?? '';
  return tld !== '' && !MONTH_FIRST_TLDS.has(tld) && !GENERIC_TLDS.has(tld);
}

export type { Document };
