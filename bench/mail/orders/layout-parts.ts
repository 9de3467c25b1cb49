// What the layouts share: the totals block, the plain-text alternative and the address.
// Each layout returns HTML and text with a slot for filler (recommendations, legal text).
import { escapeHtml } from '../escape-html.js';
import type { Rng } from '../rng.js';
import { money, printedDate } from './format.js';
import type { Order } from './order.js';

export interface Rendered {
  html: (filler: string) => string;
  text: (filler: string) => string;
}

export const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

export function totalsRows(o: Order, cell: (label: string, value: string, strong?: boolean) => string): string {
  const t = o.t;
  let rows = cell(t.subtotal, money(o, o.subtotalCents));
  if (o.discountCents > 0) rows += cell(t.discount, `-${money(o, o.discountCents)}`);
  rows += cell(`${t.shipping} (${o.shippingMethod})`, money(o, o.shippingCents));
  if (o.market.vatIncluded === null) rows += cell(t.taxAdded.replace('{r}', '8.25'), money(o, o.taxCents));
  rows += cell(o.totalLabel, money(o, o.totalCents), true);
  if (o.market.vatIncluded !== null) rows += cell(t.vatIncluded.replace('{r}', String(o.market.vatIncluded)), money(o, o.taxCents));
  return rows;
}

export function totalsText(o: Order): string {
  const t = o.t;
  const rows: [string, string][] = [[t.subtotal, money(o, o.subtotalCents)]];
  if (o.discountCents > 0) rows.push([t.discount, `-${money(o, o.discountCents)}`]);
  rows.push([t.shipping, money(o, o.shippingCents)]);
  if (o.market.vatIncluded === null) rows.push([t.taxAdded.replace('{r}', '8.25'), money(o, o.taxCents)]);
  rows.push([o.totalLabel, money(o, o.totalCents)]);
  if (o.market.vatIncluded !== null) rows.push([t.vatIncluded.replace('{r}', String(o.market.vatIncluded)), money(o, o.taxCents)]);
  return rows.map(([l, v]) => `${l.padEnd(34)}${v}`).join('\n');
}

export function itemsText(o: Order): string {
  return o.lines.map((l) => `${l.qty} x ${l.name}${l.variant ? ` (${l.variant})` : ''}    ${money(o, l.lineCents)}`).join('\n');
}

export function addressBlock(o: Order): string {
  const c = o.customer;
  return `${escapeHtml(c.first)} ${escapeHtml(c.last)}<br>${escapeHtml(c.street)}<br>${escapeHtml(c.city)}`;
}

export function commonText(o: Order, rng: Rng, heading: string, filler: string): string {
  const t = o.t;
  return [
    o.shop.name.toUpperCase(),
    '',
    heading,
    '',
    t.greeting(o.customer.first),
    rng.pick(t.intros),
    '',
    `${t.orderNo}: ${o.number}`,
    `${t.orderDate}: ${printedDate(o)}`,
    '',
    itemsText(o),
    '',
    totalsText(o),
    '',
    `${t.shippingMethod}: ${o.shippingMethod}`,
    `${t.payment}: ${o.payment}`,
    '',
    `${t.shipTo}:`,
    `${o.customer.first} ${o.customer.last}`,
    o.customer.street,
    o.customer.city,
    '',
    `${t.viewOrder}: https://${o.shop.domain}/account/orders/${encodeURIComponent(o.number)}?key=${rng.hex(24)}`,
    '',
    t.cancelNote,
    `${t.help} support@${o.shop.domain}`,
    '',
    filler,
    '',
    `${t.unsubscribe}: https://${o.shop.domain}/unsubscribe?e=${rng.b64(40, true)}`,
    `${t.privacy}: https://${o.shop.domain}/policies/privacy-policy`,
    `© 2026 ${o.shop.name}`,
  ].join('\n');
}
