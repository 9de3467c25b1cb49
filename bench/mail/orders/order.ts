// The order an email confirms, drawn from the seed: market, shop, customer, lines, totals.
// The email is written from it; its number and total are the truth a benchmark checks.
import type { Rng } from '../rng.js';
import { ESPS, type Esp } from './esps.js';
import { drawMarket, type Lang, type Market } from './markets.js';
import { PHRASES, type Phrases } from './phrases.js';

export interface Line {
  name: string;
  variant: string;
  sku: string;
  qty: number;
  unitCents: number;
  lineCents: number;
  image: string;
  url: string;
}

export interface Order {
  market: Market;
  t: Phrases;
  shop: { name: string; domain: string; slug: string };
  esp: Esp;
  customer: { first: string; last: string; email: string; street: string; city: string };
  number: string;
  /** Order time, ms since epoch. */
  placedMs: number;
  lines: Line[];
  subtotalCents: number;
  shippingCents: number;
  discountCents: number;
  taxCents: number;
  totalCents: number;
  totalLabel: string;
  shippingMethod: string;
  payment: string;
}

export function slugify(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '').slice(0, 24);
}

function drawOrderNumber(rng: Rng, lang: Lang): string {
  switch (rng.int(0, 6)) {
    case 0: return String(rng.int(2101, 99999)); // never a year
    case 1: return `${rng.int(100, 999)}-${rng.int(1000000, 9999999)}-${rng.int(1000000, 9999999)}`;
    case 2: return String(rng.int(100000000, 199999999)).padStart(9, '0');
    case 3: return `${lang.toUpperCase()}-2026-${String(rng.int(1, 99999)).padStart(6, '0')}`;
    case 4: return `${rng.pick(['A', 'W', 'S', 'ON'])}${rng.int(100000, 9999999)}`;
    case 5: return `${rng.int(10, 99)}${rng.pick(['-', ''])}${rng.int(100000, 999999)}`;
    default: return `${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}${rng.int(10000, 99999)}`;
  }
}

export function drawOrder(rng: Rng, maxLines: number): Order {
  const market = drawMarket(rng);
  const t = PHRASES[market.lang];
  const shopName = market.lang === 'de'
    ? `${rng.pick(t.shopWords.first)}${rng.pick(t.shopWords.second)}`
    : `${rng.pick(t.shopWords.first)} ${rng.pick(t.shopWords.second)}`;
  const slug = slugify(shopName);
  const domain = `${slug}.${market.tld}`;
  const first = rng.pick(t.names.first);
  const last = rng.pick(t.names.last);
  const email = `${slugify(first)}.${slugify(last)}${rng.chance(0.4) ? rng.int(1, 99) : ''}@${rng.pick(market.mailDomains)}`;
  const lines: Line[] = [];
  const n = Math.min(maxLines, 1 + Math.floor(Math.abs(rng.normal()) * 3.5));
  for (let i = 0; i < n; i++) {
    const adj = rng.pick(t.products.adjectives);
    const noun = rng.pick(t.products.nouns);
    const name = market.lang === 'en' || market.lang === 'nl' ? `${adj} ${noun}` : market.lang === 'de' ? `${adj}${noun}` : `${noun} ${adj}`;
    const qty = rng.chance(0.75) ? 1 : rng.int(2, 4);
    const unitCents = market.currency === 'MXN' ? rng.int(90, 2400) * 100 + rng.pick([0, 50, 99]) : rng.int(4, 160) * 100 + rng.pick([0, 49, 50, 90, 95, 99]);
    const sku = `${slug.slice(0, 3).toUpperCase()}-${rng.int(1000, 9999)}-${rng.pick(['S', 'M', 'L', 'XL', 'NAT', 'BLK', 'GRN'])}`;
    lines.push({
      name, variant: rng.pick(['', 'Natural', 'Black / M', 'Sage', '250 ml', 'Large', 'Oat']), sku, qty, unitCents, lineCents: qty * unitCents,
      image: `https://cdn.${domain}/s/files/1/${rng.int(1000, 9999)}/${rng.int(1000, 9999)}/products/${slugify(name)}_${rng.hex(8)}_120x120.jpg`,
      url: `https://${domain}/products/${slugify(name)}`,
    });
  }
  const subtotalCents = lines.reduce((a, l) => a + l.lineCents, 0);
  const shippingCents = subtotalCents > 7500 && rng.chance(0.6) ? 0 : rng.pick([395, 490, 499, 595, 695, 899]) * (market.currency === 'MXN' ? 20 : 1);
  const discountCents = rng.chance(0.25) ? Math.round(subtotalCents * rng.pick([0.1, 0.15, 0.2])) : 0;
  const base = subtotalCents + shippingCents - discountCents;
  let taxCents: number;
  let totalCents: number;
  if (market.vatIncluded !== null) {
    taxCents = Math.round(base - base / (1 + market.vatIncluded / 100));
    totalCents = base;
  } else {
    taxCents = Math.round(subtotalCents * rng.pick([0.0625, 0.08, 0.0875, 0.13, 0.05]));
    totalCents = base + taxCents;
  }
  const placedMs = Date.UTC(2026, 0, 5) + rng.int(0, 300) * 86_400_000 + rng.int(0, 86_399) * 1000;
  return {
    market, t,
    shop: { name: shopName, domain, slug },
    esp: rng.pick(ESPS),
    customer: { first, last, email, street: `${rng.int(1, 240)} ${rng.pick(t.streets)}`, city: rng.pick(market.cities) },
    number: drawOrderNumber(rng, market.lang),
    placedMs, lines, subtotalCents, shippingCents, discountCents, taxCents, totalCents,
    totalLabel: rng.pick(t.totals),
    shippingMethod: rng.pick(t.shippingMethods),
    payment: rng.pick(t.payments),
  };
}
