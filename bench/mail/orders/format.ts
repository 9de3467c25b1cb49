// Amounts, dates and links as the shop of an order prints them.
import type { Rng } from '../rng.js';
import type { Order } from './order.js';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount as a shop of that market prints it; `code` prints "EUR 12,50" style. */
export function money(o: Order, cents: number, code = false): string {
  const key = `${o.market.locale}|${o.market.currency}|${code}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(o.market.locale, { style: 'currency', currency: o.market.currency, currencyDisplay: code ? 'code' : 'symbol' });
    moneyFormats.set(key, f);
  }
  return f.format(cents / 100);
}

function localTime(o: Order): Date {
  return new Date(o.placedMs + o.market.offset * 60_000);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function printedDate(o: Order): string {
  let f = dateFormats.get(o.market.locale);
  if (!f) {
    f = new Intl.DateTimeFormat(o.market.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    dateFormats.set(o.market.locale, f);
  }
  return f.format(localTime(o));
}

export function tracked(o: Order, rng: Rng, target: string): string {
  const host = o.esp.name === 'sendgrid' ? `u${rng.int(1000000, 9999999)}.ct.sendgrid.net/ls/click?upn=` :
    o.esp.name === 'mailgun' ? `email.mg.${o.shop.domain}/c/` :
    o.esp.name === 'ses' ? `${rng.hex(8)}.r.eu-west-1.awstrack.me/L0/` :
    o.esp.name === 'mandrill' ? `mandrillapp.com/track/click/${rng.int(1e7, 9e7)}/` : `click.${o.shop.domain}/`;
  const utm = `utm_source=order_confirmation&utm_medium=email&utm_campaign=transactional_${o.market.lang}`;
  return `https://${host}${encodeURIComponent(`${target}?${utm}`).slice(0, 120)}${rng.b64(rng.int(80, 260), true)}`;
}
