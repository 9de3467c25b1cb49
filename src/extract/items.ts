// Line items as receipts print them: "(2) Smoked Paprika ..... $19.00", "Soap Trio x1 $36.00",
// "2 × Kerze 12,90 €", "Name  Qty: 2  $19.00". Best effort: items are shown to the owner, never
// used to decide anything.
import type { Item } from './extraction.js';
import { findAmounts } from './money.js';

const QTY_WORD = String.raw`(?:qty|quantity|menge|anzahl|quantit[ée]|qt[àé]|cantidad|cant\.|quantit[àa]|aantal|stk|st[üu]ck)`;
const PATTERNS: RegExp[] = [
  new RegExp(String.raw`^\(?(?<q>\d{1,3})\)?\s*(?:x|×|pcs?\.?|stk\.?)?\s+(?<n>\p{L}.*?)[\s.·]{2,}(?<rest>.*)$`, 'iu'),
  new RegExp(String.raw`^(?<n>\p{L}.*?)\s+(?:x|×)\s?(?<q>\d{1,3})\b(?<rest>.*)$`, 'iu'),
  new RegExp(String.raw`^(?<q>\d{1,3})\s?(?:x|×)\s+(?<n>\p{L}.*?)\s{2,}(?<rest>.*)$`, 'iu'),
  new RegExp(String.raw`^(?<n>\p{L}.*?)\s{2,}${QTY_WORD}\s*:?\s*(?<q>\d{1,3})(?<rest>.*)$`, 'iu'),
];
const NOT_ITEM = /total|summe|subtotal|shipping|delivery|versand|livraison|env[ií]o|spedizione|verzend|tax|vat|mwst|tva|iva|btw|discount|rabatt|remise|descuento|sconto|korting|gift\s*card|paid|bezahlt|order|bestell|commande|pedido|ordine|invoice|rechnung/i;

const DIGIT = /\d/;

export function findItems(text: string, domain: string | null): Item[] {
  const items: Item[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    // every pattern reads a quantity, so a line without a digit holds no item
    if (line.length > 200 || !DIGIT.test(line) || NOT_ITEM.test(line)) continue;
    for (const re of PATTERNS) {
      const m = re.exec(line);
      if (!m) continue;
      const name = m.groups!.n!.replace(/[\s.·:|-]+$/, '').trim();
      const prices = findAmounts(m.groups!.rest ?? '', domain);
      const quantity = Number(m.groups!.q);
      if (!name || name.length < 2 || !(quantity > 0) || prices.length === 0) continue;
      items.push({ name, quantity, price: prices[prices.length - 1]!.amount });
      break;
    }
    if (items.length >= 100) break;
  }
  return items;
}
