// The order number, as printed. Shops print several numbers side by side (invoice, customer,
// account, shipment); only one follows an order label. Labels are matched in six languages, and a
// number the subject and the body agree on wins over one seen once.
import { wordMatches, wordPattern } from './word-start.js';

export interface FoundOrderNumber {
  value: string;
  evidence: string;
  /** The body labels another order number too (a mail about several orders: see orderSection). */
  othersLabelled: boolean;
}

const LABEL = new RegExp(
  [
    // English
    String.raw`(?:sales\s+)?order(?:\s*(?:number|no\.?|num\.?|id|ref(?:erence)?|confirmation(?:\s*(?:number|no\.?))?))?`,
    String.raw`receipt(?:\s*(?:number|no\.?))?`,
    String.raw`confirmation\s*(?:number|no\.?|code)`,
    String.raw`purchase\s*(?:number|no\.?|id)`,
    // German
    String.raw`bestell(?:ungs)?(?:nummer|nr\.?|-nr\.?|\s+nr\.?)`, String.raw`bestellung(?:\s*(?:nr\.?|nummer))?`,
    String.raw`auftrags?(?:nummer|nr\.?|-nr\.?|\s+nr\.?)?`, String.raw`order-nr\.?`,
    // French
    String.raw`(?:n°|n\.°|no\.?|num[ée]ro|r[ée]f[ée]rence)\s*(?:de\s+)?(?:la\s+)?commande`, String.raw`commande\s+ayant\s+(?:la\s+)?r[ée]f[ée]rence`, String.raw`commande(?:\s*(?:n°|n\.°|no\.?|num[ée]ro|r[ée]f\.?))?`,
    // Bookings and tickets
    String.raw`booking(?:\s+(?:reference|code|number|ref\.?|id))?`, String.raw`reservation(?:\s+(?:number|no\.?|code|id|ref(?:erence)?))?`, String.raw`confirmation(?=\s*[:#])`,
    String.raw`codice\s+(?:di\s+)?prenotazione`, String.raw`(?:numero|n\.)\s*(?:di\s+)?prenotazione`, String.raw`prenotazione(?:\s*(?:n\.|nr\.?|numero|n°))?`,
    String.raw`buchungs(?:nummer|code)`, String.raw`reservierungs(?:nummer|code)`, String.raw`buchung(?:\s*(?:nr\.?|nummer))?`, String.raw`vorgangsnummer`,
    String.raw`(?:r[ée]f[ée]rence|num[ée]ro)\s+(?:de\s+)?(?:la\s+)?(?:r[ée]servation|dossier)`, String.raw`r[ée]servation(?:\s*(?:n°|n\.°|no\.?|num[ée]ro))?`, String.raw`dossier\s*(?:n°|n\.°|no\.?)`,
    String.raw`(?:c[óo]digo|n[úu]mero|referencia)\s+de\s+(?:la\s+)?reserva`, String.raw`reserva(?:\s*(?:n[ºo°.]|n\.º|n[úu]mero))?`, String.raw`localizador`,
    String.raw`boekingsnummer`, String.raw`boekingscode`, String.raw`reserverings(?:nummer|code)`, String.raw`(?:boeking|reservering)(?:\s*(?:nr\.?|nummer))?`, String.raw`pnr`,
    // Spanish
    String.raw`(?:n[úu]mero|n[ºo°]|n\.º|no\.?)\s*(?:de\s+)?(?:pedido|orden)`, String.raw`pedido(?:\s*(?:n[ºo°.]|n\.º|n[úu]mero|no\.?))?`,
    // a purchase on a second-hand marketplace: "Compra: SG-88412093", "Acquisto n. 4411"
    String.raw`(?:n[úu]mero|n[ºo°]|n\.º)\s*de\s+(?:la\s+)?compra`, String.raw`compra(?=\s*(?:[:#]|n[ºo°.]))`, String.raw`acquisto(?=\s*(?:[:#]|n\.))`, String.raw`achat(?=\s*(?:[:#]|n°))`, String.raw`kaufnummer`, String.raw`aankoop(?:nummer|(?=\s*[:#]))`,
    // Italian
    String.raw`(?:numero|n\.|nr\.?)\s*(?:d'|dell'|di\s+)?ordine`, String.raw`ordine(?:\s*(?:n\.|nr\.?|numero|n°|n(?=\s)))?`,
    // Dutch
    String.raw`bestel(?:nummer|nr\.?)`, String.raw`ordernummer`, String.raw`bestelling(?:\s*(?:nr\.?|nummer))?`, String.raw`order\s*nr\.?`,
  ].join('|'),
  'iu',
);

// "Bestellnummer des Händlers", "Numero ordine del negozio": a payment service prints the shop's number beside its own.
const OF_THE_SHOP = String.raw`(?:of\s+the|from\s+the|des|der|du|de\s+la|del|della|dello|van\s+de)\s+(?:merchant|seller|shop|store|h[äa]ndlers|verk[äa]ufers|shops|anbieters|marchand|commer[çc]ant|vendeur|boutique|comercio|vendedor|tienda|negozio|venditore|esercente|winkel|verkoper|webshop)`;

// "4417 2093 8815": groups of four digits joined by single spaces, one number (never a date, a time or a quantity after it).
const DIGIT_GROUP_SPACE = String.raw`(?<=(?<!\d)\d{4}) (?=\d{4}(?![\d\-/.:,]))`;

// A label, a separator, then the number: digits somewhere in it, 3 to 40 characters.
// The number sits in a lookahead so that a label followed by a word does not swallow the next label.
const LABELLED = wordPattern(
  String.raw`(?:${LABEL.source})(?![\p{L}])(?=(?:\s*\([^()\n]{1,40}\)|\s+${OF_THE_SHOP})?\s*(?:[:#]|is|ist|lautet|est|es|è|è il)?\s*(?:#|n[°º]\s*)?\s*:?\s*(?<num>[A-Z0-9](?:[A-Z0-9]|[-_/.](?=[A-Z0-9])|${DIGIT_GROUP_SPACE}){2,39})(?![\p{L}\d])(?!,\d))`,
  'giu',
);
const SUBJECT_HASH = /#\s?([A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){2,39})(?![\p{L}\d])/giu;
// A whole code, hyphenated parts included ("83-327802", "740-7195798-4142163", "NP-5120").
const SUBJECT_TOKEN = /(?<![\p{L}\d-])((?:[A-Z]{1,5}[-_]?)?\d[A-Z0-9]*(?:-[A-Z0-9]+)*)(?![\p{L}\d-])/gu;

/** Some platforms (PrestaShop) use random capitals as references: "XKBKNABJK", never a word. */
function randomCapitals(token: string): boolean {
  if (!/^[A-Z]{6,12}$/.test(token)) return false;
  return (token.match(/[AEIOUY]/g)?.length ?? 0) / token.length < 0.3;
}

function plausible(token: string): boolean {
  if (randomCapitals(token)) return true;
  if (!/\d/.test(token)) return false;
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(token)) return false; // a date
  if (/^\d{4}-\d{2}-\d{2}/.test(token)) return false;
  if (/^\d+[.,]\d{2}$/.test(token)) return false; // an amount
  if (/^(?:19|20)\d{2}$/.test(token)) return false; // a year
  if (/^\d{1,2}$/.test(token)) return false;
  return true;
}

export function findOrderNumber(subject: string, text: string, structured: string | null): FoundOrderNumber | null {
  const scores = new Map<string, { score: number; evidence: string }>();
  const labelledInBody = new Set<string>();
  const add = (raw: string, score: number, evidence: string, inBody = false) => {
    const value = asPrinted(raw);
    if (!plausible(value)) return;
    if (inBody) labelledInBody.add(value);
    const prev = scores.get(value);
    if (prev) prev.score += score;
    else scores.set(value, { score, evidence });
  };

  if (structured) add(structured, 5, `orderNumber: ${structured}`);
  for (const m of wordMatches(subject, LABELLED)) add(m.groups!.num!, 4, subject);
  const head = text.slice(0, 60_000);
  // A marketplace's subject carries the item number ("... boxed #285519038821"): the body says so.
  for (const m of subject.matchAll(SUBJECT_HASH)) if (!labelledAsItem(head, m[1]!)) add(m[1]!, 3, subject);
  let first = true;
  // "Receipt #1931-4408" beside "Order reference: JF-2026-0117": a receipt's number is the order's only when no order number is printed
  const orderLabelled = new Set<string>();
  for (const m of wordMatches(head, LABELLED)) {
    add(m.groups!.num!, first ? 3 : 2, snippet(head, m.index!, m[0].length), true);
    if (!/^receipt/i.test(m[0])) orderLabelled.add(asPrinted(m.groups!.num!));
    first = false;
  }
  // A code in the subject that the body also prints is the order number even without a label.
  for (const m of subject.matchAll(SUBJECT_TOKEN)) {
    const token = m[1]!;
    if ((token.match(/\d/g)?.length ?? 0) < 4) continue;
    if (scores.has(token) || (plausible(token) && head.includes(token))) add(token, 1, subject);
  }

  let best: [string, { score: number; evidence: string }] | null = null;
  for (const entry of scores) if (!best || entry[1].score > best[1].score) best = entry;
  if (best && labelledInBody.has(best[0]) && !orderLabelled.has(best[0])) {
    let ordered: [string, { score: number; evidence: string }] | null = null;
    for (const entry of scores) if (orderLabelled.has(entry[0]) && (!ordered || entry[1].score > ordered[1].score)) ordered = entry;
    best = ordered ?? best;
  }
  return best ? { value: best[0], evidence: best[1].evidence, othersLabelled: [...labelledInBody].some((v) => v !== best[0]) } : null;
}

/**
 * The part of `text` about order `orderNumber` when the mail confirms several orders (a checkout
 * split by seller or warehouse): from the line that labels it to the line that labels another
 * order. The whole text when no other order is labelled after it.
 */
export function orderSection(text: string, orderNumber: string): string {
  let start = -1;
  for (const m of wordMatches(text, LABELLED)) {
    const value = asPrinted(m.groups!.num!);
    if (value === orderNumber) {
      if (start < 0) start = text.lastIndexOf('\n', m.index!) + 1;
    } else if (start >= 0 && plausible(value)) {
      return text.slice(start, text.lastIndexOf('\n', m.index!) + 1);
    }
  }
  return text;
}

/** An order number as printed: without a leading # or trailing punctuation. */
function asPrinted(raw: string): string {
  return raw.replace(/^#/, '').replace(/[.\-_/]+$/, '');
}

const ITEM_LABEL_BEFORE = /(?<![\p{L}])(?:item|article|artikel|art\.?|sku|product|produkt|produit|producto|prodotto|listing|lot|articolo|art[ií]culo)\s*(?:number|no\.?|nr\.?|nummer|num[ée]ro|n[úu]mero|id|#)?\s*[:#]?\s*$/iu;

/** Whether the body prints `token` as an item, article or listing number. */
function labelledAsItem(text: string, token: string): boolean {
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length)) {
    if (/[\p{L}\d]/u.test(text[at + token.length] ?? '')) continue;
    if (ITEM_LABEL_BEFORE.test(text.slice(Math.max(0, at - 40), at))) return true;
  }
  return false;
}

export function snippet(text: string, index: number, length: number): string {
  const start = Math.max(0, text.lastIndexOf('\n', index) + 1);
  let end = text.indexOf('\n', index + length);
  if (end < 0) end = text.length;
  const line = text.slice(start, end).trim();
  return line.length > 160 ? text.slice(Math.max(0, index - 60), index + length + 60).replace(/\s+/g, ' ').trim() : line;
}
