// How facts read in orderwatch's emails: dates in the owner's time zone ("Tue 14 Apr 2026, 21:00
// CEST"), time left ("2h 05m"), amounts, items, and one-line text from emails that may try to
// break a line or a header. Pure: the zone and the clock are arguments.
import type { Item, Money } from '../../extract/extraction.js';
import type { Order } from '../../orders/order.js';

/**
 * Text taken from an email, made safe for one line: control characters and line breaks become
 * spaces, runs of space collapse, and it is cut at `max` characters.
 */
export function oneLine(s: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat;
}

/** The shop as the owner knows it: its name, else its domain. */
export function shopName(order: Pick<Order, 'merchant'>): string {
  return oneLine(order.merchant.name ?? '', 80) || oneLine(order.merchant.domain ?? '', 80) || 'the shop';
}

export function orderNumber(order: Pick<Order, 'orderNumber'>): string {
  return oneLine(order.orderNumber, 60);
}

interface WhenParts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
  zone: string;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = map.get(key);
  if (!f) {
    f = make();
    map.set(key, f);
  }
  return f;
}

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
  });
}

// One email names the same instant several times (subject, text, HTML): formatToParts is costly.
const recentParts = new Map<string, WhenParts>();
const RECENT_PARTS_MAX = 64;

function whenParts(at: Date, timeZone: string): WhenParts {
  if (!Number.isFinite(at.getTime())) throw new RangeError('invalid date');
  const key = `${timeZone}\n${at.getTime()}`;
  let parts = recentParts.get(key);
  if (!parts) {
    if (recentParts.size >= RECENT_PARTS_MAX) recentParts.clear();
    parts = computeWhenParts(at, timeZone);
    recentParts.set(key, parts);
  }
  return parts;
}

function computeWhenParts(at: Date, timeZone: string): WhenParts {
  const f = cached(partsFormats, timeZone, () => partsFormat(timeZone));
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value])) as Record<string, string>;
  return {
    weekday: parts.weekday ?? '',
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    zone: zoneName(at, timeZone, parts.timeZoneName ?? ''),
  };
}

/**
 * The zone's abbreviation where English has one: British English knows CET/CEST and BST but
 * calls Pacific time "GMT-7", American English the reverse, so take whichever is not an offset.
 */
function zoneName(at: Date, timeZone: string, british: string): string {
  if (!/^GMT[+-]/.test(british)) return british;
  const american = cached(zoneFormats, timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }))
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return american && !/^GMT[+-]/.test(american) ? american : british;
}

/** "Tue 14 Apr 2026, 21:00 CEST" in the owner's zone. */
export function formatWhen(at: Date, timeZone: string): string {
  const p = whenParts(at, timeZone);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} ${p.zone}`;
}

/** "Tue 14 Apr 21:00 CEST": for subjects, where the year only takes room. */
export function formatWhenShort(at: Date, timeZone: string): string {
  const p = whenParts(at, timeZone);
  return `${p.weekday} ${p.day} ${p.month} ${p.hour}:${p.minute} ${p.zone}`;
}

/** "14 Apr 2026" in the owner's zone. */
export function formatDay(at: Date, timeZone: string): string {
  const p = whenParts(at, timeZone);
  return `${p.day} ${p.month} ${p.year}`;
}

/** A date from an order field, or null when absent or unreadable. */
export function parseInstant(s: string | null | undefined): Date | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t);
}

/**
 * Time left, rounded down so it never promises more than there is: "45m", "2h 05m", "3d 04h";
 * "under 1m" in the last minute; "none" once the time has passed.
 */
export function formatTimeLeft(ms: number): string {
  if (!(ms > 0)) return 'none';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under 1m';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${String(hours % 24).padStart(2, '0')}h`;
}

// Building an Intl formatter costs far more than using one: one per currency, made once.
const moneyFormats = new Map<string, Intl.NumberFormat | null>();

function moneyFormat(currency: string): Intl.NumberFormat | null {
  let f = moneyFormats.get(currency);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    } catch {
      f = null;
    }
    // Currencies come from emails: never let odd ones grow the cache without bound.
    if (moneyFormats.size < 500) moneyFormats.set(currency, f);
  }
  return f;
}

/** "€129.00", "$81.00", "CA$12.50": American English symbols, which spell out the ambiguous dollars. */
export function formatMoney(amount: number, currency: string): string {
  return moneyFormat(currency)?.format(amount) ?? `${amount.toFixed(2)} ${oneLine(currency, 3)}`;
}

/** Whether Intl knows the zone (checked once per zone name). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    cached(partsFormats, timeZone, () => partsFormat(timeZone));
    return true;
  } catch {
    return false;
  }
}

export function formatTotal(total: Money | null): string | null {
  return total ? formatMoney(total.amount, total.currency) : null;
}

/** Items shown at most; the rest are counted. */
export const MAX_ITEMS = 20;

/** "2 × Smoked Paprika Tin 70g, $19.00" for each item (at most MAX_ITEMS, then "and 3 more"). */
export function itemLines(items: readonly Item[], currency: string | null): string[] {
  const lines = items.slice(0, MAX_ITEMS).map((item) => {
    const price = item.price !== null && currency ? `, ${formatMoney(item.price, currency)}` : '';
    return `${item.quantity} × ${oneLine(item.name, 120)}${price}`;
  });
  if (items.length > MAX_ITEMS) lines.push(`and ${items.length - MAX_ITEMS} more`);
  return lines;
}

/**
 * The link as given, when it is a plain http(s) URL; null otherwise. A link from an email may be
 * `javascript:` or carry line breaks: such a link is never shown as one.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  // Printable ASCII without the characters RFC 3986 never allows in a URI (quotes, angle brackets...).
  if (!url || url.length > 2000 || !/^https?:\/\/[\x21-\x7e]+$/i.test(url) || /["<>\\^`{|}]/.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** "Second", "Third" ... for the n-th request to a shop (n >= 2). */
export function ordinal(n: number): string {
  const words = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'];
  if (words[n - 1]) return words[n - 1]!;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
