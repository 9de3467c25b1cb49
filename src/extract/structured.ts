// schema.org Order markup (JSON-LD or microdata), which many shop platforms embed for mail clients.
// It is a strong hint, not the truth: when the markup and the visible text disagree, the text wins.
import type { Item } from './extraction.js';
import type { MicrodataProperty } from './html.js';

export interface StructuredOrder {
  orderNumber: string | null;
  orderDate: string | null;
  total: number | null;
  currency: string | null;
  merchantName: string | null;
  /** schema.org OrderStatus without its prefix, e.g. OrderDelivered. */
  status: string | null;
  url: string | null;
  items: Item[];
}

export function readStructuredOrder(jsonLd: string[], microdata: MicrodataProperty[]): StructuredOrder | null {
  for (const block of jsonLd) {
    const order = findOrderNode(safeJson(block));
    if (order) return fromJsonLd(order);
  }
  const props = microdata.filter((p) => /schema\.org\/(?:Order|ParcelDelivery|Offer|Product|Organization)/i.test(p.scope));
  const orderProps = props.filter((p) => /schema\.org\/Order$/i.test(p.scope));
  if (orderProps.length === 0) return null;
  const get = (name: string) => orderProps.find((p) => p.name === name)?.value ?? null;
  const seller = props.find((p) => /Organization/i.test(p.scope) && p.name === 'name')?.value ?? null;
  const price = get('price') ?? get('totalPrice');
  return {
    orderNumber: get('orderNumber'),
    orderDate: get('orderDate'),
    total: price !== null ? toNumber(price) : null,
    currency: get('priceCurrency'),
    merchantName: seller,
    status: stripSchema(get('orderStatus')),
    url: get('url'),
    items: [],
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text.trim().replace(/^<!--|-->$/g, ''));
  } catch {
    return null;
  }
}

type Node = Record<string, unknown>;

function findOrderNode(value: unknown, depth = 0): Node | null {
  if (depth > 6 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findOrderNode(v, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const node = value as Node;
  if (String(node['@type'] ?? '').replace(/^.*\//, '') === 'Order') return node;
  for (const key of ['@graph', 'mainEntity', 'partOfOrder']) {
    const found = findOrderNode(node[key], depth + 1);
    if (found) return found;
  }
  return null;
}

function fromJsonLd(order: Node): StructuredOrder {
  const seller = (order.seller ?? order.merchant) as Node | undefined;
  const spec = order.priceSpecification as Node | undefined;
  const offers = ([] as unknown[]).concat(order.acceptedOffer ?? []) as Node[];
  const items: Item[] = [];
  for (const offer of offers) {
    const product = offer.itemOffered as Node | undefined;
    const name = typeof product?.name === 'string' ? product.name.trim() : '';
    if (!name) continue;
    const qty = Number((offer.eligibleQuantity as Node | undefined)?.value ?? offer.eligibleQuantity ?? 1);
    const price = toNumber(offer.price);
    items.push({ name, quantity: Number.isInteger(qty) && qty > 0 ? qty : 1, price });
  }
  return {
    orderNumber: typeof order.orderNumber === 'string' || typeof order.orderNumber === 'number' ? String(order.orderNumber) : null,
    orderDate: typeof order.orderDate === 'string' ? order.orderDate : null,
    total: toNumber(order.price ?? order.totalPaymentDue ?? spec?.price ?? (order.totalPaymentDue as Node | undefined)?.price),
    currency: str(order.priceCurrency ?? spec?.priceCurrency ?? (order.totalPaymentDue as Node | undefined)?.priceCurrency),
    merchantName: typeof seller === 'object' && seller ? str(seller.name) : null,
    status: stripSchema(str(order.orderStatus)),
    url: str(order.url),
    items,
  };
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function stripSchema(v: string | null): string | null {
  return v ? v.replace(/^.*\//, '') : null;
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'object' && v !== null) return toNumber((v as Node).value ?? (v as Node).price);
  if (typeof v === 'string') {
    const n = Number(v.replace(/[^\d.-]/g, ''));
    return Number.isFinite(n) && v.trim() !== '' ? n : null;
  }
  return null;
}
