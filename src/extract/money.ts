// Amounts as shops print them: $1,234.56, 1.234,56 €, 1 234,56 EUR, CHF 1'234.50, ¥12,800, ₹6,248.
// A "$" alone is read through the shop's country (a .ca shop charges CAD).
import { firstWordMatch, wordPattern } from './word-start.js';

export interface FoundAmount {
  amount: number;
  /** ISO-4217, or null when the amount carries no currency mark. */
  currency: string | null;
  index: number;
  text: string;
}

const SYMBOLS: [string, string][] = [
  ['US$', 'USD'], ['USD', 'USD'], ['CA$', 'CAD'], ['C$', 'CAD'], ['CAD', 'CAD'], ['AU$', 'AUD'], ['A$', 'AUD'],
  ['AUD', 'AUD'], ['NZ$', 'NZD'], ['NZD', 'NZD'], ['S$', 'SGD'], ['SGD', 'SGD'], ['HK$', 'HKD'], ['HKD', 'HKD'],
  ['MX$', 'MXN'], ['MXN', 'MXN'], ['AR$', 'ARS'], ['ARS', 'ARS'], ['CLP', 'CLP'], ['COP', 'COP'], ['R$', 'BRL'], ['BRL', 'BRL'], ['£', 'GBP'], ['GBP', 'GBP'], ['€', 'EUR'],
  ['EUR', 'EUR'], ['EURO', 'EUR'], ['¥', 'JPY'], ['円', 'JPY'], ['JPY', 'JPY'], ['CNY', 'CNY'], ['RMB', 'CNY'],
  ['₹', 'INR'], ['RS.', 'INR'], ['INR', 'INR'], ['CHF', 'CHF'], ['FR.', 'CHF'], ['SEK', 'SEK'], ['NOK', 'NOK'],
  ['DKK', 'DKK'], ['KR.', 'KR'], ['KR', 'KR'], ['PLN', 'PLN'], ['ZŁ', 'PLN'], ['₩', 'KRW'], ['KRW', 'KRW'],
  ['CZK', 'CZK'], ['KČ', 'CZK'], ['ZAR', 'ZAR'], ['AED', 'AED'], ['$', '$'], ['R', 'R'],
];
const SYMBOL_MAP = new Map(SYMBOLS.map(([s, c]) => [s, c]));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SYMBOL_RE = SYMBOLS.map(([s]) => escape(s)).join('|');
// Indian grouping first: ₹1,24,999.00 (lakh and crore groups of two before the last three digits).
const NUMBER_RE = String.raw`\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?|\d{1,3}(?:[.,'’\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
// A bare number counts as an amount only with its cents: "196.44" is a price, "10" may be a quantity.
const DECIMAL_RE = String.raw`\d{1,2}(?:,\d{2})+,\d{3}\.\d{2}|\d{1,3}(?:[.,'’\u00a0\u202f ]\d{3})*[.,]\d{2}|\d+[.,]\d{2}`;
// Not right after a letter or digit (see word-start.ts).
const AMOUNT = wordPattern(
  String.raw`(?:(?<pre>${SYMBOL_RE})\s?(?<sign1>-)?\s?(?<n1>${NUMBER_RE})(?:\s?(?<post1>${SYMBOL_RE}))?|(?<sign2>-)?(?<n2>${NUMBER_RE})\s?(?<post2>${SYMBOL_RE}|,-|\.-)(?![\p{L}])|(?<n3>${DECIMAL_RE})(?![\p{L}\d%]|[.,:]\d))`,
  'giu',
  'letter or digit',
);

/** The decimal mark is the last separator when one or two digits follow it; any other is grouping. */
export function parseNumber(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f'’]/g, (c) => (c === "'" || c === '’' ? ',' : ''));
  const m = /^(.*?)(?:([.,])(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const whole = m[1]!.replace(/[.,]/g, '');
  if (!/^\d+$/.test(whole)) return null;
  const value = Number(m[3] ? `${whole}.${m[3]}` : whole);
  return Number.isFinite(value) ? value : null;
}

// The peso countries print their currency with "$" too (not .co: a generic address as often as Colombia's).
const DOLLAR_BY_TLD: Record<string, string> = { ca: 'CAD', au: 'AUD', nz: 'NZD', sg: 'SGD', hk: 'HKD', mx: 'MXN', ar: 'ARS', cl: 'CLP', uy: 'UYU' };
const KRONE_BY_TLD: Record<string, string> = { se: 'SEK', no: 'NOK', dk: 'DKK' };

/** Turns an ambiguous mark ($, kr) into a currency using the shop's top-level domain. */
export function resolveCurrency(mark: string, domain: string | null): string {
  const tld = domain?.split('.').pop() ?? '';
  if (mark === '$') return DOLLAR_BY_TLD[tld] ?? 'USD';
  if (mark === 'KR') return KRONE_BY_TLD[tld] ?? 'SEK';
  if (mark === 'JPY' && tld === 'cn') return 'CNY';
  if (mark === 'R') return tld === 'za' ? 'ZAR' : mark;
  return mark;
}

/**
 * Every amount holds a digit within 7 characters of its start ("EURO -12"): the search resumes
 * just before the next digit, so text without one (most of a mail) is never scanned.
 */
function* amountMatches(text: string): Generator<RegExpExecArray> {
  for (let from = 0; from < text.length; ) {
    DIGIT.lastIndex = from;
    if (!DIGIT.test(text)) return;
    const m = firstWordMatch(text, AMOUNT, Math.max(from, DIGIT.lastIndex - 9));
    if (!m) return;
    from = m.index + m[0].length;
    yield m;
  }
}
const DIGIT = /\d/g;

export function findAmounts(text: string, domain: string | null): FoundAmount[] {
  const found: FoundAmount[] = [];
  for (const m of amountMatches(text)) {
    const g = m.groups!;
    const raw = g.n1 ?? g.n2 ?? g.n3!;
    const amount = parseNumber(raw);
    if (amount === null) continue;
    const mark = (g.pre ?? g.post1 ?? g.post2 ?? '').toUpperCase();
    // A bare "R" is the rand only on a South African shop's mail; elsewhere it is a letter, not money.
    if (mark === 'R' && resolveCurrency('R', domain) !== 'ZAR') continue;
    const symbol = mark === ',-' || mark === '.-' ? null : SYMBOL_MAP.get(mark) ?? null;
    found.push({ amount, currency: symbol ? resolveCurrency(symbol, domain) : null, index: m.index!, text: m[0] });
  }
  return found;
}

const CURRENCY_BY_TLD: Record<string, string> = {
  de: 'EUR', fr: 'EUR', es: 'EUR', it: 'EUR', nl: 'EUR', at: 'EUR', be: 'EUR', ie: 'EUR', pt: 'EUR', fi: 'EUR',
  gr: 'EUR', lu: 'EUR', sk: 'EUR', si: 'EUR', ee: 'EUR', lv: 'EUR', lt: 'EUR', uk: 'GBP', ch: 'CHF', li: 'CHF',
  se: 'SEK', no: 'NOK', dk: 'DKK', pl: 'PLN', cz: 'CZK', jp: 'JPY', in: 'INR', ca: 'CAD', au: 'AUD', nz: 'NZD',
  sg: 'SGD', hk: 'HKD', mx: 'MXN', br: 'BRL', za: 'ZAR', kr: 'KRW', ar: 'ARS', cl: 'CLP', uy: 'UYU',
};

/**
 * The currency the mail's amounts are in: the most frequent mark on an amount, else a currency
 * named anywhere ("Preis EUR"), else the shop country's.
 */
export function dominantCurrency(text: string, domain: string | null): string | null {
  const counts = new Map<string, number>();
  for (const a of findAmounts(text, domain)) if (a.currency) counts.set(a.currency, (counts.get(a.currency) ?? 0) + 1);
  let best: string | null = null;
  for (const [c, n] of counts) if (best === null || n > counts.get(best)!) best = c;
  return best ?? currencyMentioned(text) ?? CURRENCY_BY_TLD[domain?.split('.').pop() ?? ''] ?? null;
}

/** The last resort for amounts printed without any currency: the language's most likely one. */
export function currencyByLanguage(language: string): string {
  return language === 'en' ? 'USD' : 'EUR';
}

const CODE = /(?<![\p{L}])(USD|EUR|GBP|CAD|AUD|NZD|SGD|HKD|JPY|CNY|INR|CHF|SEK|NOK|DKK|PLN|KRW|CZK|ZAR|AED|MXN|BRL|ARS|CLP|COP)(?![\p{L}])|([€£¥₹₩])/u;

/** A currency named on a line without being attached to its number ("TOTAL (USD)  196.44"). */
export function currencyMentioned(text: string): string | null {
  const m = CODE.exec(text);
  if (!m) return null;
  return m[1] ?? SYMBOL_MAP.get(m[2]!) ?? null;
}
