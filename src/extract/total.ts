// The grand total charged: the amount on the strongest total line (grand total, paid, charged),
// never a subtotal, a saving or a tax line. On equal labels the last one wins, since receipts
// build up to the grand total at the bottom.
import type { Money } from './extraction.js';
import { currencyMentioned, findAmounts, type FoundAmount } from './money.js';
import { snippet } from './order-number.js';
import { sentencesMatching } from './sentences.js';
import { firstWordMatch, wordPattern } from './word-start.js';

const STRONG = new RegExp(
  [
    String.raw`grand\s*total`, String.raw`order\s*total`, String.raw`total\s*(?:charged|paid|amount|due|to pay)`,
    String.raw`amount\s*(?:charged|paid)`, String.raw`(?:you|we)\s*(?:paid|charged)`, String.raw`payment\s*total`,
    String.raw`total\s*\((?:incl|inc|including)[^)]*\)`, String.raw`total\s*incl\.?`, String.raw`total\s*ttc`, String.raw`montant\s*ttc`, String.raw`net\s*[àa]\s*payer`, String.raw`montant\s*(?:total|pay[ée]|d[ûu])`, String.raw`montant\s+de\s+(?:la|votre)\s+commande`, String.raw`importe\s+del\s+pedido`, String.raw`importo\s+dell['’]\s*ordine`, String.raw`bestellwert`, String.raw`orderbedrag`,
    String.raw`gesamt(?:summe|betrag|preis|kosten|total)`,
    // an updated order's new total, not the one it replaces
    String.raw`(?:new|updated)\s*(?:order\s*)?total`, String.raw`neue[rs]?\s*gesamt(?:betrag|summe)`, String.raw`nouveau\s*(?:montant\s*)?total`, String.raw`nuevo\s*(?:importe\s*)?total`, String.raw`nuovo\s*totale`, String.raw`nieuw(?:e)?\s*totaal(?:bedrag)?`,
    // the amount finally charged after substitutions, not the estimate at ordering
    // (as a label: "your final total may change" is no line of the bill)
    String.raw`(?:final\s*(?:amount|total|charge)|(?:definitief|afgeschreven)\s*(?:afgeschreven\s*)?bedrag|endg[üu]ltiger\s*betrag|montant\s*(?:final|d[ée]finitif)|importe\s*final|importo\s*(?:finale|definitivo))(?=\s*(?:[:(]|[\p{Sc}\d]|(?:EUR|USD|GBP|CHF|CAD|AUD|NZD)(?![\p{L}])))`, String.raw`endtotal`, String.raw`totalbetrag`, String.raw`endbetrag`, String.raw`rechnungsbetrag`, String.raw`bezahlter?\s*betrag`,
    String.raw`importe\s*total`, String.raw`total\s*pay[ée]`, String.raw`total\s*r[ée]gl[ée]`, String.raw`total\s*a\s*pagar`, String.raw`total\s*del\s*pedido`, String.raw`total\s*pagado`,
    String.raw`totale\s*(?:ordine|pagato|complessivo|da pagare)`, String.raw`importo\s*(?:totale|pagato)`,
    String.raw`totaal\s*bedrag`, String.raw`totaalbedrag`, String.raw`te\s*betalen`, String.raw`totaal\s*betaald`, String.raw`betaald`,
    String.raw`refund(?:ed)?\s*(?:total|amount|issued|of)`, String.raw`(?:amount|total)\s*payable`, String.raw`refunded`, String.raw`total\s*refund(?:ed)?`, String.raw`amount\s*refunded`,
    String.raw`erstattungsbetrag`, String.raw`montant\s*rembours[ée]`, String.raw`importe\s*reembolsado`, String.raw`importo\s*rimborsato`,
    String.raw`terugbetaald\s*bedrag`,
  ].join('|'),
  'iu',
);
// Nordic, Polish and Czech receipts: only read on mail in those currencies (every line is tested).
const LOCAL_STRONG = /(?<![\p{L}])(?:totalt|att\s+betala|å\s+betale|i\s+alt|at\s+betale|razem|do\s+zap[łl]aty|celkem|k\s+[úu]hrad[ěe]|celkov[áa]\s+cena)(?![\p{L}])/iu;
const LOCAL_CURRENCIES = new Set(['SEK', 'NOK', 'DKK', 'PLN', 'CZK']);
const PLAIN = wordPattern(String.raw`(?:total|totale|totaal|summe|gesamt|paid|charged|bezahlt|pay[ée]|pagado|pagato)(?![\p{L}])`, 'iu');
// "Bedrag: € 239,00" on a payment receipt: a bare amount label, read only when no total line stands.
const AMOUNT_LABEL = /^\W{0,3}(?:amount|bedrag|betrag|montant|importe|importo)\s*:/iu;
const NOT_TOTAL = new RegExp(
  [
    String.raw`sub\s*-?\s*total`, String.raw`sous[-\s]total`, String.raw`zwischensumme`, String.raw`zwischentotal`, String.raw`(?:previous|original|old|former)\s*(?:order\s*)?total`, String.raw`totale\s*precedente`, String.raw`(?:bisherige[rs]?|urspr[üu]ngliche[rs]?|alte[rs]?)\s*gesamt`, String.raw`(?:ancien|montant\s+initial|total\s+initial)`, String.raw`total\s*(?:anterior|original)`, String.raw`(?:vorige|oorspronkelijke?|oude)\s*totaal`, String.raw`subtotale`, String.raw`subtotaal`,
    String.raw`total\s*(?:savings?|saved|discount|tax|vat|tva|iva|btw|mwst|gst|hst|items?|weight|quantity|qty|before|articles|artikel|art[ií]culos|articoli)(?![\p{L}])(?!\s*(?:incl|inkl|inclu|compris))`, String.raw`you\s*saved`,
    String.raw`total\s*(?:hors|ht\b|excl)`, String.raw`(?:ohne|exkl\.?|zzgl\.?)\s*mwst`, String.raw`netto`, String.raw`total\s*net`,
    String.raw`points`, String.raw`cart\s*total`, String.raw`warenkorb`, String.raw`panier`, String.raw`carrito`, String.raw`carrello`, String.raw`winkelwagen`,
    String.raw`^\W*(?:gst|vat|hst|pst|tax(?:es)?|mwst|ust|tva|iva|btw|moms)\b`,
    // an updated order's difference, not its total
    String.raw`(?<![\p{L}])(?:(?:additional|extra)\s+(?:amount\s+)?(?:charged|charge|payment)|previously\s+(?:charged|paid|billed)|bereits\s+(?:bezahlt|berechnet)|d[ée]j[àa]\s+(?:pay[ée]|d[ée]bit[ée])|ya\s+(?:pagado|cobrado)|gi[àa]\s+(?:pagato|addebitato)|al\s+betaald)`,
    String.raw`free\s*shipping`, String.raw`orders?\s*(?:over|above|from)`, String.raw`ab\s*\d`, String.raw`d[èe]s\s*\d`,
  ].join('|'),
  'iu',
);

// ("Total IVA incluido (21 %): 245,39 €  1.413,90 €": the tax, then the total)
const TAX_BEFORE = /(?:gst|vat|hst|tax|mwst|ust|tva|iva|btw|moms|steuer)\W{0,3}(?:(?:incl|inkl|inclu|compris)\p{L}*\W{0,3})?(?:of|von|de|di|van)?\W{0,3}(?:\d{1,2}(?:[.,]\d+)?\s?%\W{0,3})?$/iu;

/** Amounts on a total line, less the tax share some shops print beside the total ("incl. VAT of £17.91"). */
function chargedAmounts(text: string, domain: string | null): FoundAmount[] {
  const amounts = findAmounts(text, domain);
  return amounts.filter((a, i) => i === amounts.length - 1 || !TAX_BEFORE.test(text.slice(Math.max(0, a.index - 25), a.index).trimEnd()));
}

/**
 * The amounts on the line under a label: a row of values under a row of labels ("Artikelen
 * Verzending Korting Totaal" over "€ 64,85 € 4,95 − € 6,49 € 63,31") gives the label's own column.
 */
function underLabel(labelLine: string, labelAt: number, valueLine: string, domain: string | null): FoundAmount[] {
  const headers = labelLine.trim().split(CELL_GAP);
  const values = valueLine.trim().split(CELL_GAP);
  if (headers.length >= 2 && headers.length === values.length) {
    const column = labelLine.slice(0, labelAt).trimStart().split(CELL_GAP).length - 1;
    const cell = chargedAmounts(values[column] ?? '', domain);
    if (cell.length > 0) return cell;
  }
  return chargedAmounts(valueLine, domain);
}
const CELL_GAP = /\s{2,}|\t/;

// "$63.18 charged to card ending 4411": the amount before the verb, for mail that prints no total line.
const CHARGED_AFTER = /(?:charged|debited|billed)\s+(?:to|on|from)\s+(?:your\s+)?(?:card|account|visa|mastercard|amex|paypal)|(?:abgebucht|belastet)|d[ée]bit[ée]e?\s+(?:sur|de)|cargad[oa]s?\s+(?:en|a)|addebitat[oi]\s+sulla|afgeschreven\s+van/iu;

function chargedInSentence(text: string, domain: string | null, currency: string | null): FoundTotal | null {
  const m = CHARGED_AFTER.exec(text);
  if (!m) return null;
  const before = text.slice(Math.max(0, m.index - 40), m.index);
  const amount = findAmounts(before, domain).pop();
  const cur = amount?.currency ?? currency;
  if (!amount || !cur || before.slice(amount.index + amount.text.length).trim().length > 12) return null;
  return { total: { amount: amount.amount, currency: cur }, evidence: snippet(text, Math.max(0, m.index - 40), m[0].length + 40) };
}

export interface FoundTotal {
  total: Money;
  evidence: string;
}

/** `currency`: the mail's own (see dominantCurrency), for amounts printed without a mark. */
export function findTotal(text: string, domain: string | null, currency: string | null): FoundTotal | null {
  const lines = text.split('\n');
  let best: { rank: number; amount: FoundAmount; line: string } | null = null;
  const local = currency !== null && LOCAL_CURRENCIES.has(currency);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const strong = STRONG.exec(line) ?? (local ? LOCAL_STRONG.exec(line) : null);
    const plain = strong ? null : firstWordMatch(line, PLAIN);
    const bare = strong || plain ? null : AMOUNT_LABEL.exec(line);
    const label = strong ?? plain ?? bare;
    if (!label) continue;
    // A line is a table row; a template that lost its line breaks makes one line of the whole
    // receipt, and there only the label's own neighbourhood can make it a subtotal or a saving.
    const around = line.length > 200 ? line.slice(Math.max(0, label.index - 30), label.index + label[0].length + 40) : line;
    if (NOT_TOTAL.test(around)) continue;
    const rank = strong ? 2 : plain ? 1 : 0;
    // The amount sits after the label on its line, or alone on the next line (stacked table cells).
    let amounts = chargedAmounts(line.slice(label.index + label[0].length), domain);
    let where = line;
    if (amounts.length === 0 && i + 1 < lines.length && (lines[i + 1] ?? '').length < 60) {
      amounts = underLabel(line, label.index, lines[i + 1]!, domain);
      where = `${line} ${lines[i + 1]}`;
    }
    const marked = amounts.find((a) => a.currency !== null);
    const named = marked ? null : currencyMentioned(where);
    const amount = marked ?? (named ?? currency ? amounts[0] : undefined);
    if (!amount) continue;
    if (named) amount.currency = named;
    if (!best || rank >= best.rank) best = { rank, amount, line: where };
  }
  if (!best) return chargedInSentence(text, domain, currency);
  const cur = best.amount.currency ?? currency;
  if (!cur) return null;
  return { total: { amount: best.amount.amount, currency: cur }, evidence: snippet(best.line, 0, best.line.length) };
}

const REFUND = wordPattern(String.raw`(?:refund\w*|back\s+to\s+your|on\s+its\s+way\s+back|credited|erstatt\w*|zur[üu]ckerstatt\w*|(?:r[üu]ck|zur[üu]ck)?[üu]berwiesen|gutgeschrieben|rembours\w*|cr[ée]dit[ée]|reembols\w*|devuelto|rimbors\w*|accreditat\w*|terugbetaal\w*|terugbetal\w*|teruggestort|(?:weer|terug)\s+op\s+(?:je|jouw|uw)\s+rekening|wieder\s+auf\s+(?:ihrem|deinem)\s+konto)`, 'giu');

/** A cancellation mail's refunded amount, when it is said in a sentence rather than on a total line. */
export function findRefundAmount(text: string, domain: string | null): FoundTotal | null {
  for (const sentence of sentencesMatching(text, REFUND)) {
    const amount = findAmounts(sentence.text, domain).find((a) => a.currency !== null);
    if (amount) return { total: { amount: amount.amount, currency: amount.currency! }, evidence: sentence.text };
  }
  return null;
}
