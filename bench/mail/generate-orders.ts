// Order-confirmation emails for benchmarks, made from a seed: the same seed gives the same bytes on
// every run, and each email comes with the truth it should yield (order number and total), so a
// benchmark can tell that it measured a working path and not a fast broken one.
import { compose, type Shape } from './orders/compose.js';
import { LAYOUTS, type LayoutName } from './orders/layouts.js';
import type { Lang } from './orders/markets.js';
import { drawOrder } from './orders/order.js';
import { createRng, DEFAULT_SEED, deriveSeed, drawSize, type Rng } from './rng.js';

// Re-exported, so that a benchmark or test gets the generator and the names of what it makes from one import.
export { createRng, DEFAULT_SEED, LAYOUTS, type LayoutName, type Lang, type Rng, type Shape };
export { makePng } from './orders/png.js';

export interface OrderTruth {
  kind: 'order_confirmation';
  orderNumber: string;
  total: { amount: number; currency: string };
  language: Lang;
  layout: LayoutName;
  shape: Shape;
  merchantDomain: string;
}

export interface GeneratedOrder {
  /** The raw RFC 5322 message, CRLF line ends. */
  raw: Buffer;
  truth: OrderTruth;
}

/** A generated order with its decoded bodies, for tests that rebuild it into other shapes. */
export interface GeneratedOrderParts extends GeneratedOrder {
  html: string;
  /** The plain-text alternative ('' for the HTML-only shape). */
  text: string;
}

export interface GenerateOptions {
  seed?: number;
  /** Forces a layout (else drawn). */
  layout?: LayoutName;
  /** Forces a MIME shape (else drawn). */
  shape?: Shape;
  /** Target raw size in bytes (else drawn: 8-120 KB, mean about 50 KB). */
  targetBytes?: number;
}

/** `count` messages; message i is the same whatever `count` is. */
export async function generateOrders(count: number, seed = DEFAULT_SEED): Promise<GeneratedOrder[]> {
  const out: GeneratedOrder[] = [];
  for (let i = 0; i < count; i++) out.push(await generateOrder(i, { seed }));
  return out;
}

export async function generateOrder(index: number, options: GenerateOptions = {}): Promise<GeneratedOrder> {
  const { raw, truth } = await generateOrderParts(index, options);
  return { raw, truth };
}

export async function generateOrderParts(index: number, options: GenerateOptions = {}): Promise<GeneratedOrderParts> {
  const rng = createRng(deriveSeed(options.seed ?? DEFAULT_SEED, 0, index));
  // Lognormal around 40 KB (mean about 50 KB), kept within 8-120 KB.
  const target = options.targetBytes ?? drawSize(rng, 40_000, 0.62, 8_000, 120_000);
  // Small mails come from small shops: a plain layout and one or two lines.
  const small = target < 16_000;
  const order = drawOrder(rng, small ? 2 : 25);
  const layout = options.layout ?? (small ? 'minimal' : rng.pick(LAYOUTS));
  const shape = options.shape ?? (small ? rng.pick(['alternative-qp', 'html-base64'] as const) : drawShape(rng, layout));
  const { raw, html, text } = await compose(rng, order, layout, shape, target);
  return {
    raw,
    html,
    text,
    truth: {
      kind: 'order_confirmation',
      orderNumber: order.number,
      total: { amount: order.totalCents / 100, currency: order.market.currency },
      language: order.market.lang,
      layout,
      shape,
      merchantDomain: order.shop.domain,
    },
  };
}

function drawShape(rng: Rng, layout: LayoutName): Shape {
  if (layout === 'invoice') return 'mixed-pdf';
  const u = rng.next();
  if (u < 0.14) return 'html-base64';
  if (u < 0.3) return 'related-image';
  if (u < 0.42) return 'mixed-pdf';
  return 'alternative-qp';
}
