// Order-confirmation emails for benchmarks, made from a seed: the same seed gives the same bytes on
// every run, and each email comes with the truth it should yield (order number and total), so a
// benchmark can tell that it measured a working path and not a fast broken one.
//
// The MIME is built by nodemailer's MailComposer, not by hand. It is the composer a large share of
// shop mail is really sent with, so quoted-printable soft breaks, RFC 2047 subjects, base64 line
// lengths, part nesting (alternative inside related inside mixed) and boundaries come out as
// mailparser meets them in real mail; a hand-rolled encoder would test our idea of MIME instead.
// It is also deterministic once given the date, Message-ID and base boundary. What a composer does
// not write is added by hand, as the servers on the way add it: the trace headers (Return-Path,
// Received chain, Authentication-Results, ARC) and the DKIM-Signature a signer prepends.
import { deflateSync } from 'node:zlib';
import MailComposer from 'nodemailer/lib/mail-composer';

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32): small, fast and good enough to vary test data.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  hex(chars: number): string;
  /** Random base64 (or base64url) text, as in signatures and tracking tokens. */
  b64(chars: number, url?: boolean): string;
  /** Roughly normal, mean 0 and deviation 1 (Box-Muller). */
  normal(): number;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const fromAlphabet = (alphabet: string, chars: number) => {
    let s = '';
    for (let i = 0; i < chars; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    return s;
  };
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    hex: (chars) => fromAlphabet('0123456789abcdef', chars),
    b64: (chars, url = false) => fromAlphabet(url ? B64URL : B64, chars),
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}

/** A well-mixed seed for message `index` of a run seeded with `seed`, so messages are independent. */
function messageSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// What is generated.

export const LAYOUTS = ['storefront', 'woo', 'magento', 'marketplace', 'boutique', 'invoice', 'minimal'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
export type Lang = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl';
/** The MIME shape: text+HTML alternative (quoted-printable), HTML alone in base64, with an inline image, with a PDF. */
export type Shape = 'alternative-qp' | 'html-base64' | 'related-image' | 'mixed-pdf';

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

export const DEFAULT_SEED = 20260503;

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
  const rng = createRng(messageSeed(options.seed ?? DEFAULT_SEED, index));
  // Lognormal around 40 KB (mean about 50 KB), kept within 8-120 KB.
  const target = options.targetBytes ?? Math.round(Math.min(120_000, Math.max(8_000, 40_000 * Math.exp(0.62 * rng.normal()))));
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

// ---------------------------------------------------------------------------------------------
// Markets, words and phrases.

interface Market {
  lang: Lang;
  locale: string;
  currency: string;
  tld: string;
  /** UTC offset in minutes, fixed per market (no DST: the generator needs no zone database). */
  offset: number;
  /** Prices include VAT (printed as "incl. VAT") rather than tax added on top. */
  vatIncluded: number | null;
  mailDomains: string[];
  /** Postcode and town lines of customers there. */
  cities: string[];
}

const MARKETS: Market[] = [
  { lang: 'en', locale: 'en-US', currency: 'USD', tld: 'com', offset: -240, vatIncluded: null, mailDomains: ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com'], cities: ['Portland, OR 97205', 'Boston, MA 02116', 'Atlanta, GA 30303'] },
  { lang: 'en', locale: 'en-US', currency: 'USD', tld: 'com', offset: -420, vatIncluded: null, mailDomains: ['gmail.com', 'comcast.net', 'hotmail.com'], cities: ['Denver, CO 80202', 'Phoenix, AZ 85004', 'Boise, ID 83702'] },
  { lang: 'en', locale: 'en-GB', currency: 'GBP', tld: 'co.uk', offset: 60, vatIncluded: 20, mailDomains: ['gmail.com', 'btinternet.com', 'outlook.com'], cities: ['Manchester M1 4BT', 'Bristol BS1 5TR', 'Leeds LS1 4DY'] },
  { lang: 'en', locale: 'en-CA', currency: 'CAD', tld: 'ca', offset: -300, vatIncluded: null, mailDomains: ['gmail.com', 'rogers.com', 'outlook.com'], cities: ['Toronto, ON M5V 2T6', 'Ottawa, ON K1P 1J1', 'Halifax, NS B3J 1S9'] },
  { lang: 'en', locale: 'en-AU', currency: 'AUD', tld: 'com.au', offset: 600, vatIncluded: 10, mailDomains: ['gmail.com', 'bigpond.com', 'outlook.com'], cities: ['Brisbane QLD 4000', 'Sydney NSW 2000', 'Melbourne VIC 3000'] },
  { lang: 'en', locale: 'en-IE', currency: 'EUR', tld: 'ie', offset: 60, vatIncluded: 23, mailDomains: ['gmail.com', 'eircom.net'], cities: ['Dublin D02 X285', 'Cork T12 W8CD', 'Galway H91 E2K3'] },
  { lang: 'de', locale: 'de-DE', currency: 'EUR', tld: 'de', offset: 120, vatIncluded: 19, mailDomains: ['gmx.de', 'web.de', 't-online.de', 'gmail.com'], cities: ['10115 Berlin', '80331 München', '50667 Köln', '20095 Hamburg'] },
  { lang: 'de', locale: 'de-AT', currency: 'EUR', tld: 'at', offset: 120, vatIncluded: 20, mailDomains: ['gmx.at', 'aon.at', 'gmail.com'], cities: ['1010 Wien', '5020 Salzburg', '8010 Graz'] },
  { lang: 'de', locale: 'de-CH', currency: 'CHF', tld: 'ch', offset: 120, vatIncluded: 8.1, mailDomains: ['bluewin.ch', 'gmx.ch', 'gmail.com'], cities: ['8001 Zürich', '3011 Bern', '4051 Basel'] },
  { lang: 'fr', locale: 'fr-FR', currency: 'EUR', tld: 'fr', offset: 120, vatIncluded: 20, mailDomains: ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com'], cities: ['75005 Paris', '69002 Lyon', '33000 Bordeaux', '13001 Marseille'] },
  { lang: 'fr', locale: 'fr-BE', currency: 'EUR', tld: 'be', offset: 120, vatIncluded: 21, mailDomains: ['skynet.be', 'gmail.com'], cities: ['1000 Bruxelles', '4000 Liège', '5000 Namur'] },
  { lang: 'fr', locale: 'fr-CH', currency: 'CHF', tld: 'ch', offset: 120, vatIncluded: 8.1, mailDomains: ['bluewin.ch', 'gmail.com'], cities: ['1204 Genève', '1003 Lausanne', '2000 Neuchâtel'] },
  { lang: 'es', locale: 'es-ES', currency: 'EUR', tld: 'es', offset: 120, vatIncluded: 21, mailDomains: ['gmail.com', 'hotmail.es', 'telefonica.net'], cities: ['28013 Madrid', '08007 Barcelona', '41001 Sevilla', '46002 Valencia'] },
  { lang: 'es', locale: 'es-MX', currency: 'MXN', tld: 'com.mx', offset: -360, vatIncluded: 16, mailDomains: ['gmail.com', 'hotmail.com', 'prodigy.net.mx'], cities: ['06600 Ciudad de México, CDMX', '44100 Guadalajara, Jal.', '64000 Monterrey, N.L.'] },
  { lang: 'it', locale: 'it-IT', currency: 'EUR', tld: 'it', offset: 120, vatIncluded: 22, mailDomains: ['libero.it', 'virgilio.it', 'gmail.com'], cities: ['20121 Milano', '00184 Roma', '50122 Firenze', '40121 Bologna'] },
  { lang: 'nl', locale: 'nl-NL', currency: 'EUR', tld: 'nl', offset: 120, vatIncluded: 21, mailDomains: ['ziggo.nl', 'kpnmail.nl', 'gmail.com'], cities: ['1012 AB Amsterdam', '3511 LN Utrecht', '3011 AD Rotterdam'] },
  { lang: 'nl', locale: 'nl-BE', currency: 'EUR', tld: 'be', offset: 120, vatIncluded: 21, mailDomains: ['telenet.be', 'gmail.com'], cities: ['2000 Antwerpen', '9000 Gent', '3000 Leuven'] },
];
// English a third of the time, the other five languages share the rest.
const MARKET_WEIGHTS = [14, 6, 8, 4, 4, 2, 10, 4, 3, 8, 3, 2, 6, 3, 8, 6, 3];

interface Phrases {
  subjects: ((n: string, shop: string) => string)[];
  headings: string[];
  greeting: (first: string) => string;
  intros: string[];
  orderNo: string;
  orderDate: string;
  item: string;
  qty: string;
  price: string;
  subtotal: string;
  shipping: string;
  discount: string;
  /** Tax line when tax is added on top; `{r}` is the rate. */
  taxAdded: string;
  /** VAT included line; `{r}` is the rate. */
  vatIncluded: string;
  /** The grand-total label, as such shops print it. */
  totals: string[];
  shipTo: string;
  billTo: string;
  shippingMethod: string;
  shippingMethods: string[];
  payment: string;
  payments: string[];
  viewOrder: string;
  help: string;
  cancelNote: string;
  recommended: string;
  shopNow: string;
  unsubscribe: string;
  privacy: string;
  legal: string[];
  products: { adjectives: string[]; nouns: string[] };
  names: { first: string[]; last: string[] };
  streets: string[];
  /** Local parts the shop sends from. */
  senders: string[];
  shopWords: { first: string[]; second: string[] };
  sku: string;
}

const EN: Phrases = {
  senders: ['orders', 'noreply', 'shop', 'hello'],
  subjects: [
    (n) => `Order #${n} confirmed`,
    (n, s) => `Your ${s} order confirmation #${n}`,
    (n) => `Thank you for your order #${n}`,
    (n) => `Order confirmation - Order #${n}`,
    (n, s) => `${s}: Order #${n} received`,
  ],
  headings: ['Thank you for your purchase!', 'Thanks for your order!', 'Order confirmed', 'We have received your order'],
  greeting: (f) => `Hi ${f},`,
  intros: [
    "We're getting your order ready to be shipped. We will notify you when it has been sent.",
    'Thanks for shopping with us. Your order has been received and is now being processed.',
    "Good news: we've received your order and our team is already packing it.",
  ],
  orderNo: 'Order number',
  orderDate: 'Order date',
  item: 'Item',
  qty: 'Qty',
  price: 'Price',
  subtotal: 'Subtotal',
  shipping: 'Shipping',
  discount: 'Discount',
  taxAdded: 'Sales tax ({r}%)',
  vatIncluded: 'Includes VAT ({r}%)',
  totals: ['Total', 'Order total', 'Grand total'],
  shipTo: 'Shipping address',
  billTo: 'Billing address',
  shippingMethod: 'Shipping method',
  shippingMethods: ['Standard Shipping (3-5 business days)', 'Express Shipping', 'Free Ground Shipping', 'Royal Mail Tracked 48'],
  payment: 'Payment method',
  payments: ['Visa ending in 4242', 'Mastercard ending in 5100', 'PayPal', 'American Express ending in 1005', 'Apple Pay'],
  viewOrder: 'View your order',
  help: 'Questions? Reply to this email or contact us at',
  cancelNote: 'Changed your mind? You can cancel your order within 2 hours of placing it from your account page.',
  recommended: 'You might also like',
  shopNow: 'Shop now',
  unsubscribe: 'Unsubscribe',
  privacy: 'Privacy policy',
  legal: [
    'You are receiving this email because you made a purchase at our store. This message was sent from an address that cannot accept replies to marketing content; for help with your order please use the contact details above.',
    'Returns: most items can be returned within 30 days of delivery in their original condition. Personalised items, gift cards and opened personal care products cannot be returned. Refunds are issued to the original payment method within 5-10 business days of receiving the return.',
    'Prices and availability of recommended products are subject to change. Product colours may vary slightly from the images shown because of screen settings. Delivery estimates are not guaranteed and may be affected by carrier delays, weather and public holidays.',
    'Our registered office: see our website for company details. We process your personal data in line with our privacy policy to fulfil your purchase, send service messages about it and, where you agreed, tell you about new products.',
  ],
  products: {
    adjectives: ['Linen', 'Ceramic', 'Organic', 'Walnut', 'Merino', 'Recycled', 'Hand-poured', 'Stoneware', 'Cedar', 'Brass', 'Cotton', 'Bamboo', 'Vintage', 'Waxed Canvas'],
    nouns: ['Tea Towel', 'Coffee Mug', 'Soy Candle', 'Cutting Board', 'Beanie', 'Tote Bag', 'Notebook', 'Planter', 'Throw Blanket', 'Water Bottle', 'Desk Lamp', 'Pour-Over Set', 'Apron', 'Socks (3-pack)'],
  },
  names: { first: ['Dana', 'Michael', 'Priya', 'James', 'Olivia', 'Noah', 'Emma', 'Liam', 'Chloe', 'Ethan'], last: ['Whitcombe', 'Harris', 'Patel', 'O’Brien', 'Nguyen', 'Campbell', 'Foster', 'Reid', 'Murphy', 'Clarke'] },
  streets: ['Maple Avenue', 'High Street', 'Harbour Road', 'Elm Street', 'King Street West', 'Station Road'],
  shopWords: { first: ['Harbor', 'Cedar', 'Juniper', 'Copper', 'Willow', 'Bramble', 'Ember', 'Larkspur', 'Tamarack', 'Saltwater'], second: ['& Co.', 'Supply', 'Goods', 'Studio', 'Market', 'Outfitters', 'Pantry', 'Workshop'] },
  sku: 'SKU',
};

const DE: Phrases = {
  senders: ['bestellung', 'shop', 'noreply', 'service'],
  subjects: [
    (n) => `Bestellbestätigung Nr. ${n}`,
    (n) => `Vielen Dank für Ihre Bestellung #${n}`,
    (n, s) => `${s} – Bestellbestätigung ${n}`,
    (n) => `Ihre Bestellung ${n}: Bestellbestätigung`,
  ],
  headings: ['Vielen Dank für Ihre Bestellung!', 'Bestellbestätigung', 'Danke für deinen Einkauf!'],
  greeting: (f) => `Hallo ${f},`,
  intros: [
    'wir haben Ihre Bestellung erhalten und bereiten sie für den Versand vor. Sobald Ihr Paket unterwegs ist, senden wir Ihnen eine weitere E-Mail.',
    'vielen Dank für Ihren Einkauf bei uns. Nachfolgend finden Sie eine Übersicht Ihrer Bestellung.',
  ],
  orderNo: 'Bestellnummer',
  orderDate: 'Bestelldatum',
  item: 'Artikel',
  qty: 'Menge',
  price: 'Preis',
  subtotal: 'Zwischensumme',
  shipping: 'Versandkosten',
  discount: 'Rabatt',
  taxAdded: 'zzgl. MwSt. ({r} %)',
  vatIncluded: 'enthaltene MwSt. ({r} %)',
  totals: ['Gesamtsumme', 'Gesamtbetrag', 'Endbetrag'],
  shipTo: 'Lieferadresse',
  billTo: 'Rechnungsadresse',
  shippingMethod: 'Versandart',
  shippingMethods: ['DHL Paket', 'Hermes Standard', 'DPD Classic', 'Deutsche Post Warensendung'],
  payment: 'Zahlungsart',
  payments: ['PayPal', 'Kreditkarte (Visa)', 'Kauf auf Rechnung (Klarna)', 'Vorkasse / Überweisung', 'SEPA-Lastschrift'],
  viewOrder: 'Bestellung ansehen',
  help: 'Fragen zu Ihrer Bestellung? Antworten Sie einfach auf diese E-Mail oder schreiben Sie an',
  cancelNote: 'Sie möchten Ihre Bestellung ändern? Bitte melden Sie sich innerhalb von 24 Stunden bei unserem Kundenservice.',
  recommended: 'Das könnte Ihnen auch gefallen',
  shopNow: 'Zum Produkt',
  unsubscribe: 'Abmelden',
  privacy: 'Datenschutzerklärung',
  legal: [
    'Widerrufsrecht: Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen. Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag, an dem Sie oder ein von Ihnen benannter Dritter, der nicht der Beförderer ist, die Waren in Besitz genommen haben bzw. hat.',
    'Um Ihr Widerrufsrecht auszuüben, müssen Sie uns mittels einer eindeutigen Erklärung (z. B. ein mit der Post versandter Brief oder eine E-Mail) über Ihren Entschluss, diesen Vertrag zu widerrufen, informieren. Sie können dafür das beigefügte Muster-Widerrufsformular verwenden, das jedoch nicht vorgeschrieben ist.',
    'Folgen des Widerrufs: Wenn Sie diesen Vertrag widerrufen, haben wir Ihnen alle Zahlungen, die wir von Ihnen erhalten haben, einschließlich der Lieferkosten, unverzüglich und spätestens binnen vierzehn Tagen ab dem Tag zurückzuzahlen, an dem die Mitteilung über Ihren Widerruf dieses Vertrags bei uns eingegangen ist.',
    'Diese E-Mail wurde automatisch erstellt. Geschäftsführer: siehe Impressum. Registergericht: Amtsgericht, Handelsregister und Umsatzsteuer-Identifikationsnummer finden Sie in unserem Impressum auf der Website.',
  ],
  products: {
    adjectives: ['Leinen-', 'Keramik-', 'Bio-', 'Nussbaum-', 'Merino-', 'Edelstahl-', 'Eichen-', 'Filz-', 'Glas-', 'Messing-'],
    nouns: ['Geschirrtuch', 'Kaffeebecher', 'Duftkerze', 'Schneidebrett', 'Mütze', 'Einkaufstasche', 'Notizbuch', 'Blumentopf', 'Wolldecke', 'Trinkflasche', 'Schreibtischlampe', 'Müslischale'],
  },
  names: { first: ['Jana', 'Lukas', 'Sophie', 'Maximilian', 'Lea', 'Jörg', 'Anna', 'Felix', 'Marie', 'Stefan'], last: ['Müller', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Schäfer', 'Köhler', 'Hoffmann', 'Wagner', 'Brandt'] },
  streets: ['Hauptstraße', 'Gartenweg', 'Lindenallee', 'Bahnhofstraße', 'Schillerplatz', 'Am Mühlbach'],
  shopWords: { first: ['Holz', 'Berg', 'Wald', 'Linden', 'Stern', 'Mahl', 'Feld', 'Licht', 'Ketten', 'Eichen'], second: ['werk', 'laden', 'haus', 'manufaktur', 'kontor', 'gut', 'blick'] },
  sku: 'Art.-Nr.',
};

const FR: Phrases = {
  senders: ['commandes', 'noreply', 'boutique', 'service-client'],
  subjects: [
    (n) => `Confirmation de commande n° ${n}`,
    (n) => `Merci pour votre commande ${n}`,
    (n, s) => `${s} : confirmation de votre commande ${n}`,
    (n) => `Votre commande ${n} est confirmée`,
  ],
  headings: ['Merci pour votre commande !', 'Confirmation de commande', 'Votre commande est confirmée'],
  greeting: (f) => `Bonjour ${f},`,
  intros: [
    'nous avons bien reçu votre commande et nous la préparons avec soin. Vous recevrez un e-mail dès son expédition.',
    'merci pour votre confiance. Voici le récapitulatif de votre commande.',
  ],
  orderNo: 'Numéro de commande',
  orderDate: 'Date de commande',
  item: 'Article',
  qty: 'Quantité',
  price: 'Prix',
  subtotal: 'Sous-total',
  shipping: 'Livraison',
  discount: 'Remise',
  taxAdded: 'TVA ({r} %)',
  vatIncluded: 'dont TVA ({r} %)',
  totals: ['Total TTC', 'Montant total', 'Total'],
  shipTo: 'Adresse de livraison',
  billTo: 'Adresse de facturation',
  shippingMethod: 'Mode de livraison',
  shippingMethods: ['Colissimo à domicile', 'Mondial Relay – Point Relais', 'Chronopost 24h', 'bpost'],
  payment: 'Moyen de paiement',
  payments: ['Carte bancaire', 'PayPal', 'Virement bancaire', 'Bancontact'],
  viewOrder: 'Suivre ma commande',
  help: 'Une question ? Répondez à cet e-mail ou écrivez-nous à',
  cancelNote: 'Vous souhaitez modifier votre commande ? Contactez notre service client dans les 24 heures.',
  recommended: 'Vous aimerez aussi',
  shopNow: 'Découvrir',
  unsubscribe: 'Se désinscrire',
  privacy: 'Politique de confidentialité',
  legal: [
    'Droit de rétractation : conformément aux articles L221-18 et suivants du Code de la consommation, vous disposez d’un délai de quatorze jours à compter de la réception de votre colis pour exercer votre droit de rétractation, sans avoir à justifier de motifs.',
    'Les produits doivent être retournés dans leur emballage d’origine, complets et en parfait état. Les frais de retour restent à votre charge, sauf en cas de produit défectueux ou d’erreur de notre part.',
    'Conformément au règlement général sur la protection des données, vous disposez d’un droit d’accès, de rectification et de suppression des données vous concernant. Pour l’exercer, écrivez à notre délégué à la protection des données.',
    'Cet e-mail a été envoyé automatiquement, merci de ne pas y répondre pour toute demande commerciale. Société par actions simplifiée, RCS et numéro de TVA intracommunautaire disponibles dans nos mentions légales.',
  ],
  products: {
    adjectives: ['en lin', 'en céramique', 'bio', 'en noyer', 'en laine mérinos', 'en grès', 'en laiton', 'en coton', 'en bambou', 'vintage'],
    nouns: ['Torchon', 'Tasse', 'Bougie parfumée', 'Planche à découper', 'Bonnet', 'Sac cabas', 'Carnet', 'Cache-pot', 'Plaid', 'Gourde', 'Lampe de bureau'],
  },
  names: { first: ['Camille', 'Léa', 'Hugo', 'Chloé', 'Louis', 'Inès', 'Théo', 'Manon', 'Gabriel', 'Zoé'], last: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Roux', 'Fontaine', 'Chevalier'] },
  streets: ['rue de la République', 'avenue Jean Jaurès', 'boulevard Saint-Michel', 'rue des Lilas', 'place du Marché'],
  shopWords: { first: ['Atelier', 'Maison', 'Comptoir', 'Les Trois', 'Le Petit', 'La Belle'], second: ['Céladon', 'Pélissier', 'Plumes', 'Lin', 'Sel', 'Tisserand', 'Faïence'] },
  sku: 'Réf.',
};

const ES: Phrases = {
  senders: ['pedidos', 'noreply', 'tienda', 'hola'],
  subjects: [
    (n) => `Confirmación de tu pedido ${n}`,
    (n) => `Gracias por tu pedido #${n}`,
    (n, s) => `${s}: confirmación de pedido n.º ${n}`,
    (n) => `Pedido ${n} confirmado`,
  ],
  headings: ['¡Gracias por tu pedido!', 'Confirmación de pedido', 'Hemos recibido tu pedido'],
  greeting: (f) => `Hola ${f}:`,
  intros: [
    'hemos recibido tu pedido y ya lo estamos preparando. Te avisaremos por correo electrónico cuando salga de nuestro almacén.',
    'gracias por comprar con nosotros. A continuación encontrarás el resumen de tu compra.',
  ],
  orderNo: 'Número de pedido',
  orderDate: 'Fecha del pedido',
  item: 'Artículo',
  qty: 'Cantidad',
  price: 'Precio',
  subtotal: 'Subtotal',
  shipping: 'Envío',
  discount: 'Descuento',
  taxAdded: 'IVA ({r} %)',
  vatIncluded: 'IVA incluido ({r} %)',
  totals: ['Total del pedido', 'Importe total', 'Total'],
  shipTo: 'Dirección de envío',
  billTo: 'Dirección de facturación',
  shippingMethod: 'Método de envío',
  shippingMethods: ['Envío estándar (48-72 h)', 'Correos Express', 'SEUR 24h', 'Estafeta'],
  payment: 'Forma de pago',
  payments: ['Tarjeta de crédito', 'PayPal', 'Bizum', 'Transferencia bancaria', 'OXXO'],
  viewOrder: 'Ver mi pedido',
  help: '¿Tienes alguna pregunta? Responde a este correo o escríbenos a',
  cancelNote: 'Si quieres modificar tu pedido, contacta con atención al cliente en las próximas 24 horas.',
  recommended: 'También te puede gustar',
  shopNow: 'Ver producto',
  unsubscribe: 'Darse de baja',
  privacy: 'Política de privacidad',
  legal: [
    'Derecho de desistimiento: dispones de un plazo de catorce días naturales desde la recepción de tu pedido para desistir del contrato sin necesidad de justificación, de acuerdo con la normativa de consumidores vigente.',
    'Los artículos deben devolverse en su embalaje original y en perfecto estado. Los gastos de devolución corren por tu cuenta salvo que el producto sea defectuoso o no corresponda con lo solicitado.',
    'De conformidad con el Reglamento General de Protección de Datos, puedes ejercer tus derechos de acceso, rectificación, supresión y portabilidad escribiendo a nuestro delegado de protección de datos.',
    'Este mensaje se ha generado automáticamente. Los datos registrales de la sociedad y el CIF están disponibles en el aviso legal de nuestra web.',
  ],
  products: {
    adjectives: ['de lino', 'de cerámica', 'ecológico', 'de nogal', 'de lana merino', 'de gres', 'de latón', 'de algodón', 'de bambú', 'artesanal'],
    nouns: ['Paño de cocina', 'Taza', 'Vela aromática', 'Tabla de cortar', 'Gorro', 'Bolsa de tela', 'Cuaderno', 'Maceta', 'Manta', 'Botella', 'Lámpara de escritorio'],
  },
  names: { first: ['Lucía', 'Martín', 'Sofía', 'Hugo', 'Paula', 'Alejandro', 'Carmen', 'Javier', 'Elena', 'Íñigo'], last: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Núñez', 'Ruiz', 'Ortega'] },
  streets: ['Calle Mayor', 'Avenida de la Constitución', 'Calle del Sol', 'Paseo de Gracia', 'Calle Alcalá'],
  shopWords: { first: ['Casa', 'La Tienda de', 'Taller', 'El Rincón de', 'Mercado'], second: ['Olivo', 'Barro', 'Lana', 'Azahar', 'Esparto', 'Alba'] },
  sku: 'Ref.',
};

const IT: Phrases = {
  senders: ['ordini', 'noreply', 'negozio', 'info'],
  subjects: [
    (n) => `Conferma d'ordine n. ${n}`,
    (n) => `Grazie per il tuo ordine #${n}`,
    (n, s) => `${s} - Conferma ordine ${n}`,
    (n) => `Ordine ${n} confermato`,
  ],
  headings: ['Grazie per il tuo ordine!', "Conferma d'ordine", 'Abbiamo ricevuto il tuo ordine'],
  greeting: (f) => `Ciao ${f},`,
  intros: [
    'abbiamo ricevuto il tuo ordine e lo stiamo preparando. Ti invieremo una e-mail non appena verrà affidato al corriere.',
    'grazie per aver acquistato da noi. Di seguito trovi il riepilogo del tuo ordine.',
  ],
  orderNo: 'Numero ordine',
  orderDate: 'Data ordine',
  item: 'Articolo',
  qty: 'Quantità',
  price: 'Prezzo',
  subtotal: 'Subtotale',
  shipping: 'Spedizione',
  discount: 'Sconto',
  taxAdded: 'IVA ({r}%)',
  vatIncluded: 'di cui IVA ({r}%)',
  totals: ['Totale ordine', 'Importo totale', 'Totale'],
  shipTo: 'Indirizzo di spedizione',
  billTo: 'Indirizzo di fatturazione',
  shippingMethod: 'Metodo di spedizione',
  shippingMethods: ['Corriere espresso BRT', 'Poste Italiane', 'GLS Standard', 'SDA'],
  payment: 'Metodo di pagamento',
  payments: ['Carta di credito', 'PayPal', 'Bonifico bancario', 'Satispay', 'Contrassegno'],
  viewOrder: 'Visualizza il tuo ordine',
  help: 'Hai domande? Rispondi a questa e-mail o scrivici a',
  cancelNote: 'Vuoi modificare il tuo ordine? Contatta il servizio clienti entro 24 ore.',
  recommended: 'Potrebbe piacerti anche',
  shopNow: 'Scopri',
  unsubscribe: 'Annulla iscrizione',
  privacy: 'Informativa sulla privacy',
  legal: [
    'Diritto di recesso: hai diritto di recedere dal contratto, senza indicarne le ragioni, entro quattordici giorni dal giorno in cui tu o un terzo da te designato acquisite il possesso fisico dei beni, ai sensi del Codice del Consumo.',
    'I prodotti devono essere restituiti integri, nella confezione originale e completi di tutti gli accessori. Le spese di restituzione sono a tuo carico salvo prodotti difettosi.',
    'Ai sensi del Regolamento UE 2016/679 puoi esercitare i diritti di accesso, rettifica e cancellazione dei tuoi dati personali scrivendo al nostro responsabile della protezione dei dati.',
    'Questa e-mail è stata generata automaticamente. Ragione sociale, partita IVA e sede legale sono indicate nelle note legali del nostro sito.',
  ],
  products: {
    adjectives: ['in lino', 'in ceramica', 'bio', 'in noce', 'in lana merino', 'in gres', 'in ottone', 'in cotone', 'in bambù', 'artigianale'],
    nouns: ['Strofinaccio', 'Tazza', 'Candela profumata', 'Tagliere', 'Berretto', 'Borsa shopper', 'Quaderno', 'Vaso', 'Plaid', 'Borraccia', 'Lampada da scrivania'],
  },
  names: { first: ['Giulia', 'Marco', 'Chiara', 'Luca', 'Francesca', 'Niccolò', 'Sara', 'Matteo', 'Alessia', 'Davide'], last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Galli'] },
  streets: ['Via Roma', 'Corso Vittorio Emanuele', 'Via Garibaldi', 'Piazza del Duomo', 'Via dei Mille'],
  shopWords: { first: ['Bottega', 'Casa', 'Officina', 'La Via del', 'Il Borgo'], second: ['Lino', 'Ulivo', 'Terracotta', 'Carta', 'Sole', 'Lana'] },
  sku: 'Cod.',
};

const NL: Phrases = {
  senders: ['bestellingen', 'noreply', 'winkel', 'klantenservice'],
  subjects: [
    (n) => `Orderbevestiging ${n}`,
    (n) => `Bedankt voor je bestelling #${n}`,
    (n, s) => `${s} | Orderbevestiging bestelling ${n}`,
    (n) => `Bestelling ${n} is bevestigd`,
  ],
  headings: ['Bedankt voor je bestelling!', 'Orderbevestiging', 'We hebben je bestelling ontvangen'],
  greeting: (f) => `Hoi ${f},`,
  intros: [
    'we hebben je bestelling ontvangen en gaan er meteen mee aan de slag. Je ontvangt een e-mail zodra je pakket onderweg is.',
    'bedankt voor je aankoop. Hieronder vind je een overzicht van je bestelling.',
  ],
  orderNo: 'Bestelnummer',
  orderDate: 'Besteldatum',
  item: 'Artikel',
  qty: 'Aantal',
  price: 'Prijs',
  subtotal: 'Subtotaal',
  shipping: 'Verzendkosten',
  discount: 'Korting',
  taxAdded: 'btw ({r}%)',
  vatIncluded: 'waarvan btw ({r}%)',
  totals: ['Totaalbedrag', 'Totaal'],
  shipTo: 'Bezorgadres',
  billTo: 'Factuuradres',
  shippingMethod: 'Verzendmethode',
  shippingMethods: ['PostNL standaard', 'DHL Parcel', 'DPD Home', 'bpost'],
  payment: 'Betaalmethode',
  payments: ['iDEAL', 'Bancontact', 'PayPal', 'Creditcard', 'Achteraf betalen (Klarna)'],
  viewOrder: 'Bekijk je bestelling',
  help: 'Vragen? Beantwoord deze e-mail of mail ons op',
  cancelNote: 'Wil je iets wijzigen? Neem binnen 24 uur contact op met onze klantenservice.',
  recommended: 'Misschien vind je dit ook leuk',
  shopNow: 'Bekijk',
  unsubscribe: 'Afmelden',
  privacy: 'Privacyverklaring',
  legal: [
    'Herroepingsrecht: je hebt het recht om binnen veertien dagen zonder opgave van redenen de overeenkomst te ontbinden. De herroepingstermijn verstrijkt veertien dagen na de dag waarop jij of een door jou aangewezen derde het product fysiek in bezit krijgt.',
    'Retourneer artikelen ongebruikt en in de originele verpakking. De kosten voor het terugsturen zijn voor eigen rekening, tenzij het artikel beschadigd of verkeerd geleverd is.',
    'Wij verwerken je persoonsgegevens volgens de Algemene verordening gegevensbescherming. Je kunt je gegevens inzien, laten corrigeren of laten verwijderen via onze functionaris voor gegevensbescherming.',
    'Deze e-mail is automatisch verstuurd. KvK-nummer en btw-identificatienummer vind je in de algemene voorwaarden op onze website.',
  ],
  products: {
    adjectives: ['Linnen', 'Keramieken', 'Biologische', 'Notenhouten', 'Merinowollen', 'Stenen', 'Messing', 'Katoenen', 'Bamboe', 'Vintage'],
    nouns: ['theedoek', 'koffiemok', 'geurkaars', 'snijplank', 'muts', 'draagtas', 'notitieboek', 'bloempot', 'plaid', 'drinkfles', 'bureaulamp'],
  },
  names: { first: ['Sanne', 'Daan', 'Lotte', 'Bram', 'Fleur', 'Jesse', 'Eva', 'Thijs', 'Noor', 'Ruben'], last: ['de Vries', 'Jansen', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'de Boer', 'Mulder', 'Peeters', 'Maes'] },
  streets: ['Kerkstraat', 'Dorpsstraat', 'Stationsweg', 'Molenlaan', 'Prinsengracht'],
  shopWords: { first: ['Het Houten', 'De Groene', 'Zilver', 'Duin', 'Polder', 'Tulp'], second: ['Huis', 'Winkel', 'Atelier', 'Loods', 'Kamer'] },
  sku: 'Art.nr.',
};

const PHRASES: Record<Lang, Phrases> = { en: EN, de: DE, fr: FR, es: ES, it: IT, nl: NL };

// Email service providers: who the Return-Path and the first DKIM signature belong to.
interface Esp {
  name: string;
  domain: string;
  returnPath: (shop: string, to: string, r: Rng) => string;
  ip: () => string;
  helo: (shop: string, r: Rng) => string;
  extraHeaders: (r: Rng) => Record<string, string>;
}

const ESPS: Esp[] = [
  {
    name: 'sendgrid', domain: 'sendgrid.net',
    returnPath: (shop, to, r) => `bounces+${r.int(1e7, 9e7)}-${r.hex(4)}-${to.replace('@', '=')}@em${r.int(100, 9999)}.${shop}`,
    ip: () => '149.72.123.24', helo: (shop, r) => `o${r.int(1, 9)}.ptr${r.int(1000, 9999)}.${shop}`,
    extraHeaders: (r) => ({ 'X-SG-EID': r.b64(96), 'X-Entity-ID': r.b64(24) }),
  },
  {
    name: 'mailgun', domain: 'mailgun.org',
    returnPath: (shop, to, r) => `bounce+${r.hex(6)}.${r.hex(6)}-${to.replace('@', '=')}@mg.${shop}`,
    ip: () => '69.72.43.7', helo: (_shop, r) => `m${r.int(10, 99)}-${r.int(100, 250)}.mailgun.net`,
    extraHeaders: (r) => ({ 'X-Mailgun-Sid': r.b64(40), 'X-Mailgun-Tag': 'order-confirmation' }),
  },
  {
    name: 'ses', domain: 'amazonses.com',
    returnPath: (_shop, _to, r) => `0102018f${r.hex(8)}-${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}-000000@eu-west-1.amazonses.com`,
    ip: () => '54.240.4.13', helo: (_shop, r) => `a${r.int(4, 9)}-${r.int(10, 99)}.smtp-out.eu-west-1.amazonses.com`,
    extraHeaders: (r) => ({ 'Feedback-ID': `1.eu-west-1.${r.b64(43)}=:AmazonSES`, 'X-SES-Outgoing': '2026.05.03-54.240.4.13' }),
  },
  {
    name: 'shopify', domain: 'shopifyemail.com',
    returnPath: (_shop, to, r) => `bounces+${r.int(1e7, 9e7)}-${r.int(1000, 9999)}-${to.replace('@', '=')}@shopifyemail.com`,
    ip: () => '23.227.57.5', helo: (_shop, r) => `mail-b${r.int(10, 40)}.shopifyemail.com`,
    extraHeaders: (r) => ({ 'X-Shopify-Mail-Id': `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}`, 'X-Mailer': 'Shopify' }),
  },
  {
    name: 'mandrill', domain: 'mandrillapp.com',
    returnPath: (_shop, _to, r) => `bounce-md_${r.int(1e7, 9e7)}.${r.hex(8)}.v1-${r.hex(32)}@mandrillapp.com`,
    ip: () => '198.2.128.4', helo: (_shop, r) => `mail${r.int(100, 199)}-${r.int(1, 30)}.mcsv.net`,
    extraHeaders: (r) => ({ 'X-Mandrill-User': `md_${r.int(1e7, 9e7)}`, 'X-Report-Abuse': 'Please forward a copy of this message, including all headers, to abuse@mandrill.com' }),
  },
  {
    name: 'postmark', domain: 'mtasv.net',
    returnPath: (shop) => `pm_bounces@pm-bounces.${shop}`,
    ip: () => '50.31.156.6', helo: (_shop, r) => `sc-ord-mta${r.int(100, 199)}.mtasv.net`,
    extraHeaders: (r) => ({ 'X-PM-Message-Id': `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`, 'X-PM-RCPT': `|bTF8${r.b64(40)}|` }),
  },
];

// ---------------------------------------------------------------------------------------------
// The order itself.

interface Line {
  name: string;
  variant: string;
  sku: string;
  qty: number;
  unitCents: number;
  lineCents: number;
  image: string;
  url: string;
}

interface Order {
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

function drawMarket(rng: Rng): Market {
  const sum = MARKET_WEIGHTS.reduce((a, b) => a + b, 0);
  let u = rng.next() * sum;
  for (let i = 0; i < MARKETS.length; i++) {
    u -= MARKET_WEIGHTS[i]!;
    if (u < 0) return MARKETS[i]!;
  }
  return MARKETS[0]!;
}

function slugify(s: string): string {
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

function drawOrder(rng: Rng, maxLines: number): Order {
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

// ---------------------------------------------------------------------------------------------
// Formatting.

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount as a shop of that market prints it; `code` prints "EUR 12,50" style. */
function money(o: Order, cents: number, code = false): string {
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

function printedDate(o: Order): string {
  let f = dateFormats.get(o.market.locale);
  if (!f) {
    f = new Intl.DateTimeFormat(o.market.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    dateFormats.set(o.market.locale, f);
  }
  return f.format(localTime(o));
}

function rfc2822(ms: number, offset: number): string {
  const d = new Date(ms + offset * 60_000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${sign}${p(Math.floor(abs / 60))}${p(abs % 60)}`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function tracked(o: Order, rng: Rng, target: string): string {
  const host = o.esp.name === 'sendgrid' ? `u${rng.int(1000000, 9999999)}.ct.sendgrid.net/ls/click?upn=` :
    o.esp.name === 'mailgun' ? `email.mg.${o.shop.domain}/c/` :
    o.esp.name === 'ses' ? `${rng.hex(8)}.r.eu-west-1.awstrack.me/L0/` :
    o.esp.name === 'mandrill' ? `mandrillapp.com/track/click/${rng.int(1e7, 9e7)}/` : `click.${o.shop.domain}/`;
  const utm = `utm_source=order_confirmation&utm_medium=email&utm_campaign=transactional_${o.market.lang}`;
  return `https://${host}${encodeURIComponent(`${target}?${utm}`).slice(0, 120)}${rng.b64(rng.int(80, 260), true)}`;
}

// ---------------------------------------------------------------------------------------------
// Layouts: each returns HTML and text with a slot for filler (recommendations, legal text).

interface Rendered {
  html: (filler: string) => string;
  text: (filler: string) => string;
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

function totalsRows(o: Order, cell: (label: string, value: string, strong?: boolean) => string): string {
  const t = o.t;
  let rows = cell(t.subtotal, money(o, o.subtotalCents));
  if (o.discountCents > 0) rows += cell(t.discount, `-${money(o, o.discountCents)}`);
  rows += cell(`${t.shipping} (${o.shippingMethod})`, money(o, o.shippingCents));
  if (o.market.vatIncluded === null) rows += cell(t.taxAdded.replace('{r}', '8.25'), money(o, o.taxCents));
  rows += cell(o.totalLabel, money(o, o.totalCents), true);
  if (o.market.vatIncluded !== null) rows += cell(t.vatIncluded.replace('{r}', String(o.market.vatIncluded)), money(o, o.taxCents));
  return rows;
}

function totalsText(o: Order): string {
  const t = o.t;
  const rows: [string, string][] = [[t.subtotal, money(o, o.subtotalCents)]];
  if (o.discountCents > 0) rows.push([t.discount, `-${money(o, o.discountCents)}`]);
  rows.push([t.shipping, money(o, o.shippingCents)]);
  if (o.market.vatIncluded === null) rows.push([t.taxAdded.replace('{r}', '8.25'), money(o, o.taxCents)]);
  rows.push([o.totalLabel, money(o, o.totalCents)]);
  if (o.market.vatIncluded !== null) rows.push([t.vatIncluded.replace('{r}', String(o.market.vatIncluded)), money(o, o.taxCents)]);
  return rows.map(([l, v]) => `${l.padEnd(34)}${v}`).join('\n');
}

function itemsText(o: Order): string {
  return o.lines.map((l) => `${l.qty} x ${l.name}${l.variant ? ` (${l.variant})` : ''}    ${money(o, l.lineCents)}`).join('\n');
}

function addressBlock(o: Order): string {
  const c = o.customer;
  return `${esc(c.first)} ${esc(c.last)}<br>${esc(c.street)}<br>${esc(c.city)}`;
}

function commonText(o: Order, rng: Rng, heading: string, filler: string): string {
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

const LAYOUT_RENDER: Record<LayoutName, (o: Order, rng: Rng) => Rendered> = {
  // Shopify-style: logo, order number top right, item rows with thumbnails, summary, customer info.
  storefront(o, rng) {
    const t = o.t;
    const heading = rng.pick(t.headings);
    const items = o.lines.map((l) => `
<tr class="order-list__item"><td class="order-list__item__cell">
<table><tr><td><img src="${l.image}" align="left" width="60" height="60" class="order-list__product-image"></td>
<td class="order-list__product-description-cell" style="width:100%"><span class="order-list__item-title">${esc(l.name)}&nbsp;&times;&nbsp;${l.qty}</span><br>
${l.variant ? `<span class="order-list__item-variant">${esc(l.variant)}</span>` : ''}</td>
<td class="order-list__price-cell"><p class="order-list__item-price">${money(o, l.lineCents)}</p></td></tr></table>
</td></tr>`).join('');
    const row = (label: string, value: string, strong = false) => `
<tr class="subtotal-line"><td class="subtotal-line__title"><p><span>${esc(label)}</span></p></td>
<td class="subtotal-line__value">${strong ? `<strong>${value} ${o.market.currency}</strong>` : `<strong>${value}</strong>`}</td></tr>`;
    const css = `body,.body{${FONT};margin:0;padding:0}.container{width:560px;text-align:left;margin:0 auto}.order-list__item{width:100%}.order-list__item__cell{padding-top:15px;border-top:1px solid #e5e5e5}.order-list__product-image{margin-right:15px;border:1px solid #e5e5e5;border-radius:8px}.order-list__item-title{font-size:16px;font-weight:600;line-height:1.4;color:#555}.order-list__item-variant{font-size:14px;color:#999}.order-list__price-cell{white-space:nowrap}.subtotal-line__title{padding:2px 0}.subtotal-line__value{text-align:right}.button__cell{background:#1990C6;border-radius:4px;padding:20px 25px;text-align:center}a.button__text{font-size:16px;text-decoration:none;color:#fff}@media (max-width:600px){.container{width:94%!important}.main-action-cell{float:none!important;margin-right:0!important}}`;
    const html = (filler: string) => `<!DOCTYPE html>
<html lang="${o.market.lang}"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="viewport" content="width=device-width">
<title>${esc(heading)}</title><style>${css}</style></head>
<body><table class="body"><tr><td>
<table class="header row"><tr><td class="header__cell"><center><table class="container"><tr><td>
<table class="row"><tr><td class="shop-name__cell"><img src="https://cdn.${o.shop.domain}/files/logo_${rng.hex(8)}.png" alt="${esc(o.shop.name)}" width="180"></td>
<td class="order-number__cell"><span class="order-number__text">#${esc(o.number)}</span></td></tr></table>
</td></tr></table></center></td></tr></table>
<table class="row content"><tr><td class="content__cell"><center><table class="container"><tr><td>
<h2>${esc(heading)}</h2>
<p>${esc(t.greeting(o.customer.first))} ${esc(rng.pick(t.intros))}</p>
<p>${esc(t.orderNo)}: #${esc(o.number)}<br>${esc(t.orderDate)}: ${esc(printedDate(o))}</p>
<table class="row actions"><tr><td class="button__cell"><a href="${tracked(o, rng, `https://${o.shop.domain}/account/orders/${o.number}`)}" class="button__text">${esc(t.viewOrder)}</a></td></tr></table>
<p>${esc(t.cancelNote)}</p>
</td></tr></table></center></td></tr></table>
<table class="row section"><tr><td class="section__cell"><center><table class="container"><tr><td>
<h3>Order summary</h3>
<table class="row"><tr><td><table class="order-list">${items}</table>
<table class="row subtotal-lines"><tr><td class="subtotal-spacer"></td><td><table class="row subtotal-table">${totalsRows(o, row)}</table></td></tr></table>
</td></tr></table></td></tr></table></center></td></tr></table>
<table class="row section"><tr><td class="section__cell"><center><table class="container"><tr><td>
<h3>Customer information</h3>
<table class="row"><tr><td class="customer-info__item"><h4>${esc(t.shipTo)}</h4><p>${addressBlock(o)}</p></td>
<td class="customer-info__item"><h4>${esc(t.billTo)}</h4><p>${addressBlock(o)}</p></td></tr>
<tr><td class="customer-info__item"><h4>${esc(t.shippingMethod)}</h4><p>${esc(o.shippingMethod)}</p></td>
<td class="customer-info__item"><h4>${esc(t.payment)}</h4><p>${esc(o.payment)}</p></td></tr></table>
</td></tr></table></center></td></tr></table>
${filler}
<table class="row footer"><tr><td class="footer__cell"><center><table class="container"><tr><td>
<p class="disclaimer__subtext">${esc(t.help)} <a href="mailto:support@${o.shop.domain}">support@${o.shop.domain}</a></p>
</td></tr></table></center></td></tr></table>
<img src="https://${o.shop.domain}/tools/emails/open/${rng.hex(32)}.gif" alt="" width="1" height="1">
</td></tr></table></body></html>`;
    return { html, text: (filler) => commonText(o, rng, heading, filler) };
  },

  // WooCommerce-style: emogrifier-inlined styles everywhere, "[Order #n] (date)" heading, bordered table.
  woo(o, rng) {
    const t = o.t;
    const heading = rng.pick(t.headings);
    const td = 'style="color:#636363;border:1px solid #e5e5e5;vertical-align:middle;padding:12px;text-align:left"';
    const items = o.lines.map((l) => `
<tr class="order_item"><td class="td" ${td}>${esc(l.name)}${l.variant ? `<ul class="wc-item-meta" style="font-size:small;margin:1em 0 0;padding:0;list-style:none"><li style="margin:0.5em 0 0;padding:0"><strong class="wc-item-meta-label" style="float:left;margin-right:.25em;clear:both">Variant:</strong> <p style="margin:0">${esc(l.variant)}</p></li></ul>` : ''}</td>
<td class="td" ${td}>${l.qty}</td><td class="td" ${td}><span class="woocommerce-Price-amount amount"><bdi>${money(o, l.lineCents)}</bdi></span></td></tr>`).join('');
    const row = (label: string, value: string) => `
<tr><th class="td" scope="row" colspan="2" ${td}>${esc(label)}:</th><td class="td" ${td}><span class="woocommerce-Price-amount amount">${value}</span></td></tr>`;
    const html = (filler: string) => `<!DOCTYPE html>
<html lang="${o.market.locale}"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta content="width=device-width, initial-scale=1.0" name="viewport"><title>${esc(o.shop.name)}</title></head>
<body leftmargin="0" marginwidth="0" topmargin="0" marginheight="0" offset="0" style="padding:0;background-color:#f7f7f7">
<table width="100%" id="outer_wrapper" style="background-color:#f7f7f7"><tr><td></td><td width="600">
<div id="wrapper" dir="ltr" style="margin:0 auto;padding:70px 0;width:100%;max-width:600px">
<table border="0" cellpadding="0" cellspacing="0" height="100%" width="100%"><tr><td align="center" valign="top">
<div id="template_header_image"><p style="margin-top:0"><img src="https://${o.shop.domain}/wp-content/uploads/2025/03/logo-${rng.hex(6)}.png" alt="${esc(o.shop.name)}" style="border:none;display:inline-block;font-size:14px;font-weight:bold;height:auto;outline:none;text-decoration:none;text-transform:capitalize;vertical-align:middle;max-width:100%;margin-left:0;margin-right:0"></p></div>
<table border="0" cellpadding="0" cellspacing="0" width="100%" id="template_container" style="background-color:#fff;border:1px solid #dedede;box-shadow:0 1px 4px rgba(0,0,0,.1);border-radius:3px">
<tr><td align="center" valign="top"><table border="0" cellpadding="0" cellspacing="0" width="100%" id="template_header" style="background-color:#7f54b3;color:#fff;border-bottom:0;font-weight:bold;line-height:100%;vertical-align:middle;${FONT};border-radius:3px 3px 0 0">
<tr><td id="header_wrapper" style="padding:36px 48px;display:block"><h1 style="${FONT};font-size:30px;font-weight:300;line-height:150%;margin:0;text-align:left;text-shadow:0 1px 0 #9976c2;color:#fff;background-color:inherit">${esc(heading)}</h1></td></tr></table></td></tr>
<tr><td align="center" valign="top"><table border="0" cellpadding="0" cellspacing="0" width="100%" id="template_body"><tr><td valign="top" id="body_content" style="background-color:#fff">
<table border="0" cellpadding="20" cellspacing="0" width="100%"><tr><td valign="top" style="padding:48px 48px 32px">
<div id="body_content_inner" style="color:#636363;${FONT};font-size:14px;line-height:150%;text-align:left">
<p style="margin:0 0 16px">${esc(t.greeting(o.customer.first))}</p>
<p style="margin:0 0 16px">${esc(rng.pick(t.intros))}</p>
<h2 style="color:#7f54b3;display:block;${FONT};font-size:18px;font-weight:bold;line-height:130%;margin:0 0 18px;text-align:left">[${esc(t.orderNo)} #${esc(o.number)}] (${esc(printedDate(o))})</h2>
<div style="margin-bottom:40px"><table class="td" cellspacing="0" cellpadding="6" border="1" style="color:#636363;border:1px solid #e5e5e5;vertical-align:middle;width:100%;${FONT}">
<thead><tr><th class="td" scope="col" ${td}>${esc(t.item)}</th><th class="td" scope="col" ${td}>${esc(t.qty)}</th><th class="td" scope="col" ${td}>${esc(t.price)}</th></tr></thead>
<tbody>${items}</tbody><tfoot>${totalsRows(o, row)}${row(t.payment, esc(o.payment))}</tfoot></table></div>
<table id="addresses" cellspacing="0" cellpadding="0" border="0" style="width:100%;vertical-align:top;margin-bottom:40px;padding:0"><tr>
<td valign="top" width="50%" style="text-align:left;${FONT};border:0;padding:0"><h2 style="color:#7f54b3;font-size:18px">${esc(t.billTo)}</h2><address class="address" style="padding:12px;color:#636363;border:1px solid #e5e5e5">${addressBlock(o)}<br><a href="mailto:${o.customer.email}">${o.customer.email}</a></address></td>
<td valign="top" width="50%" style="text-align:left;${FONT};padding:0"><h2 style="color:#7f54b3;font-size:18px">${esc(t.shipTo)}</h2><address class="address" style="padding:12px;color:#636363;border:1px solid #e5e5e5">${addressBlock(o)}</address></td></tr></table>
<p style="margin:0 0 16px">${esc(t.cancelNote)}</p>
${filler}
</div></td></tr></table></td></tr></table></td></tr></table></td></tr></table>
<table border="0" cellpadding="10" cellspacing="0" width="100%" id="template_footer"><tr><td valign="top" style="padding:0;border-radius:6px"><table border="0" cellpadding="10" cellspacing="0" width="100%"><tr><td colspan="2" valign="middle" id="credit" style="border-radius:6px;border:0;color:#8a8a8a;${FONT};font-size:12px;line-height:150%;text-align:center;padding:24px 0">
<p style="margin:0 0 16px">${esc(o.shop.name)} — <a href="https://${o.shop.domain}/">${o.shop.domain}</a></p></td></tr></table></td></tr></table>
</div></td><td></td></tr></table></body></html>`;
    return { html, text: (filler) => commonText(o, rng, heading, filler) };
  },

  // Magento-style: "Your Order #000012345", placed-on line, address columns, SKU column, Grand Total.
  magento(o, rng) {
    const t = o.t;
    const heading = rng.pick(t.headings);
    const items = o.lines.map((l) => `
<tbody><tr><td class="item-info" style="${FONT};vertical-align:top;padding:10px;border-top:1px solid #ccc"><p class="product-name" style="margin-top:0;margin-bottom:5px;font-weight:700">${esc(l.name)}</p><p class="sku" style="margin-top:0;margin-bottom:0">${esc(t.sku)}: ${esc(l.sku)}</p>${l.variant ? `<dl class="item-options"><dt>Option</dt><dd>${esc(l.variant)}</dd></dl>` : ''}</td>
<td class="item-qty" style="${FONT};vertical-align:top;padding:10px;text-align:center;border-top:1px solid #ccc">${l.qty}</td>
<td class="item-price" style="${FONT};vertical-align:top;padding:10px;text-align:right;border-top:1px solid #ccc"><span class="price">${money(o, l.lineCents)}</span></td></tr></tbody>`).join('');
    const row = (label: string, value: string, strong = false) => `
<tr class="${strong ? 'grand_total' : 'subtotal'}"><th colspan="2" scope="row" style="${FONT};text-align:right;padding:5px 10px;background-color:#f2f2f2">${strong ? `<strong>${esc(label)}</strong>` : esc(label)}</th><td data-th="${esc(label)}" style="${FONT};text-align:right;padding:5px 10px;background-color:#f2f2f2">${strong ? `<strong><span class="price">${value}</span></strong>` : `<span class="price">${value}</span>`}</td></tr>`;
    const padded = /^\d+$/.test(o.number) ? o.number.padStart(9, '0') : o.number;
    const html = (filler: string) => `<!doctype html>
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="viewport" content="initial-scale=1.0, width=device-width"><style type="text/css">
body{margin:0;padding:0}img{border:0;height:auto;line-height:100%;outline:none;text-decoration:none}table td{border-collapse:collapse}.wrapper{width:100%}.main{max-width:660px;margin:0 auto;text-align:left}.header{padding:25px}.order-details{width:100%}.order-details .address-details{padding-bottom:25px}.email-items{width:100%}.email-items th{padding:10px;text-align:left}@media only screen and (max-width:639px){.main{width:100%!important}.order-details .address-details,.order-details .method-info{display:block;width:100%!important}}
</style></head>
<body><table class="wrapper" width="100%"><tr><td class="wrapper-inner" align="center"><table class="main" align="center">
<tr><td class="header"><a class="logo" href="${tracked(o, rng, `https://${o.shop.domain}/`)}"><img width="180" height="52" src="https://${o.shop.domain}/static/frontend/Theme/default/${o.market.locale.replace('-', '_')}/images/logo_email.png" alt="${esc(o.shop.name)}" border="0"></a></td></tr>
<tr><td class="main-content">
<table><tr class="email-intro"><td><p class="greeting">${esc(t.greeting(`${o.customer.first} ${o.customer.last}`))}</p>
<p>${esc(rng.pick(t.intros))} <a href="${tracked(o, rng, `https://${o.shop.domain}/customer/account/`)}">${esc(t.viewOrder)}</a>.</p>
<p>${esc(t.help)} <a href="mailto:support@${o.shop.domain}">support@${o.shop.domain}</a>.</p></td></tr>
<tr class="email-summary"><td><h1>${esc(heading)} <span class="no-link">#${esc(padded)}</span></h1>
<p>${esc(t.orderDate)}: <span class="no-link">${esc(printedDate(o))}</span></p></td></tr>
<tr class="email-information"><td><table class="order-details"><tr>
<td class="address-details"><h3>${esc(t.billTo)}</h3><p>${addressBlock(o)}</p></td><td class="address-details"><h3>${esc(t.shipTo)}</h3><p>${addressBlock(o)}</p></td></tr>
<tr><td class="method-info"><h3>${esc(t.payment)}</h3><dl class="payment-method"><dt class="title">${esc(o.payment)}</dt></dl></td>
<td class="method-info"><h3>${esc(t.shippingMethod)}</h3><p>${esc(o.shippingMethod)}</p></td></tr></table>
<table class="email-items"><thead><tr><th class="item-info">${esc(t.item)}</th><th class="item-qty">${esc(t.qty)}</th><th class="item-price">${esc(t.price)}</th></tr></thead>
${items}
<tfoot class="order-totals">${totalsRows(o, row)}</tfoot></table>
</td></tr></table>
${filler}
</td></tr>
<tr><td class="footer"><table><tr><td><p class="closing">${esc(o.shop.name)}</p></td><td><p><a href="https://${o.shop.domain}/privacy-policy">${esc(t.privacy)}</a></p></td></tr></table></td></tr>
</table></td></tr></table></body></html>`;
    return { html, text: (filler) => commonText(o, rng, `${heading} #${padded}`, filler) };
  },

  // Marketplace-style: terse confirmation, then a long tail of recommendations and tracking links.
  marketplace(o, rng) {
    const t = o.t;
    const heading = rng.pick(t.headings);
    const items = o.lines.map((l) => `
<tr><td style="width:90px;padding:8px 0"><a href="${tracked(o, rng, l.url)}"><img src="${l.image}" width="80" height="80" alt="${esc(l.name)}" style="border:0"></a></td>
<td style="padding:8px 12px;font-size:14px;line-height:20px"><a href="${tracked(o, rng, l.url)}" style="color:#0066c0;text-decoration:none">${esc(l.name)}</a><br><span style="color:#565959">${esc(t.qty)}: ${l.qty}</span><br><span style="color:#565959">Sold by: ${esc(o.shop.name)}</span></td>
<td style="padding:8px 0;text-align:right;font-size:14px;white-space:nowrap"><b>${money(o, l.lineCents)}</b></td></tr>`).join('');
    const row = (label: string, value: string, strong = false) => `
<tr><td style="font-size:14px;padding:2px 0;${strong ? 'font-weight:bold;border-top:1px solid #ddd;padding-top:8px' : ''}">${esc(label)}:</td><td style="font-size:14px;text-align:right;${strong ? 'font-weight:bold;border-top:1px solid #ddd;padding-top:8px' : ''}">${value}</td></tr>`;
    const html = (filler: string) => `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0;padding:0;background:#fff;font-family:Arial,sans-serif;color:#0f1111">
<div style="display:none;max-height:0;overflow:hidden">${esc(heading)} ${esc(t.orderNo)} ${esc(o.number)}&#8199;&#65279;&#847;&#8199;&#65279;&#847;&#8199;&#65279;&#847;&#8199;&#65279;&#847;</div>
<table width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center"><table width="640" cellpadding="0" cellspacing="0" border="0" style="max-width:640px">
<tr><td style="padding:14px 18px;border-bottom:4px solid #ff9900"><a href="${tracked(o, rng, `https://${o.shop.domain}/`)}"><img src="https://m.media.${o.shop.domain}/images/G/01/x-locale/common/logo._CB${rng.int(1e8, 9e8)}_.png" width="110" alt="${esc(o.shop.name)}" border="0"></a>
<span style="float:right;font-size:20px;color:#565959">${esc(t.orderNo)}</span></td></tr>
<tr><td style="padding:18px"><h1 style="font-size:24px;font-weight:normal;margin:0 0 8px">${esc(heading)}</h1>
<p style="font-size:14px;margin:0 0 4px">${esc(t.greeting(o.customer.first))}</p><p style="font-size:14px;margin:0 0 12px">${esc(rng.pick(t.intros))}</p>
<table width="100%" style="background:#f0f2f2;border-radius:8px;padding:12px"><tr><td style="font-size:14px">${esc(t.orderNo)}: <b><a href="${tracked(o, rng, `https://${o.shop.domain}/gp/your-account/order-details?orderID=${o.number}`)}" style="color:#0066c0">#${esc(o.number)}</a></b><br>${esc(t.orderDate)}: ${esc(printedDate(o))}<br>${esc(t.shipTo)}: ${esc(o.customer.first)} ${esc(o.customer.last)}, ${esc(o.customer.city)}</td>
<td style="text-align:right"><a href="${tracked(o, rng, `https://${o.shop.domain}/gp/your-account/order-details?orderID=${o.number}`)}" style="display:inline-block;background:#ffd814;border-radius:20px;padding:8px 16px;color:#0f1111;text-decoration:none;font-size:13px">${esc(t.viewOrder)}</a></td></tr></table>
<table width="100%" cellpadding="0" cellspacing="0" style="margin-top:14px">${items}</table>
<table width="100%" cellpadding="0" cellspacing="0" style="margin-top:10px">${totalsRows(o, row)}</table>
<p style="font-size:12px;color:#565959;margin-top:14px">${esc(t.cancelNote)}</p>
</td></tr>
<tr><td style="padding:0 18px">${filler}</td></tr>
<tr><td style="padding:18px;font-size:11px;color:#565959;border-top:1px solid #ddd">${esc(t.help)} support@${o.shop.domain}<br><a href="${tracked(o, rng, `https://${o.shop.domain}/gp/help/customer/display.html`)}" style="color:#0066c0">Help</a> | <a href="https://${o.shop.domain}/privacy" style="color:#0066c0">${esc(t.privacy)}</a><br>
<img width="1" height="1" src="https://www.${o.shop.domain}/gp/r.html?C=${rng.hex(16).toUpperCase()}&amp;M=urn:rtn:msg:${rng.int(1e13, 9e13)}&amp;R=${rng.hex(12).toUpperCase()}&amp;T=O&amp;U=${rng.b64(60, true)}" alt=""></td></tr>
</table></td></tr></table></body></html>`;
    return { html, text: (filler) => commonText(o, rng, heading, filler) };
  },

  // A designed brand email: hero image, big responsive <style>, schema.org Order in JSON-LD.
  boutique(o, rng) {
    const t = o.t;
    const heading = rng.pick(t.headings);
    const iso = new Date(o.placedMs).toISOString().replace('.000Z', 'Z');
    const jsonLd = JSON.stringify({
      '@context': 'http://schema.org', '@type': 'Order',
      merchant: { '@type': 'Organization', name: o.shop.name },
      orderNumber: o.number, orderDate: iso, orderStatus: 'http://schema.org/OrderProcessing',
      priceCurrency: o.market.currency, price: (o.totalCents / 100).toFixed(2),
      acceptedOffer: o.lines.map((l) => ({ '@type': 'Offer', itemOffered: { '@type': 'Product', name: l.name, sku: l.sku }, price: (l.unitCents / 100).toFixed(2), priceCurrency: o.market.currency, eligibleQuantity: { '@type': 'QuantitativeValue', value: l.qty } })),
      url: `https://${o.shop.domain}/account/orders/${o.number}`,
    }, null, 1);
    const items = o.lines.map((l) => `
<tr><td class="mob-stack" style="padding:16px 0;border-bottom:1px solid #ece7e1" width="96"><img src="${l.image}" width="80" style="display:block;border-radius:4px"></td>
<td class="mob-stack" style="padding:16px;border-bottom:1px solid #ece7e1;font:15px/22px Georgia,serif;color:#2b2b2b">${esc(l.name)}<br><span style="font:12px/18px ${FONT.slice(12)};color:#8c8279;letter-spacing:.04em;text-transform:uppercase">${esc(l.variant || l.sku)} · ${esc(t.qty)} ${l.qty}</span></td>
<td style="padding:16px 0;border-bottom:1px solid #ece7e1;text-align:right;font:15px/22px Georgia,serif">${money(o, l.lineCents)}</td></tr>`).join('');
    const row = (label: string, value: string, strong = false) => `
<tr><td style="padding:6px 0;font:${strong ? 'bold 17px' : '14px'}/22px Georgia,serif;color:#2b2b2b">${esc(label)}</td><td style="padding:6px 0;text-align:right;font:${strong ? 'bold 17px' : '14px'}/22px Georgia,serif">${value}</td></tr>`;
    let css = '';
    for (const bp of [480, 600, 720]) {
      css += `@media only screen and (max-width:${bp}px){.wrap{width:100%!important}.mob-stack{display:block!important;width:100%!important}.hero img{width:100%!important;height:auto!important}.pad{padding-left:${Math.round(bp / 40)}px!important;padding-right:${Math.round(bp / 40)}px!important}.h1{font-size:${Math.round(bp / 24)}px!important;line-height:1.2!important}}\n`;
    }
    const html = (filler: string) => `<!DOCTYPE html>
<html lang="${o.market.lang}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta charset="utf-8"><meta name="x-apple-disable-message-reformatting"><meta name="viewport" content="width=device-width,initial-scale=1">
<!--[if mso]><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml><![endif]-->
<script type="application/ld+json">${jsonLd}</script>
<style>:root{color-scheme:light dark}body{margin:0;padding:0;word-spacing:normal;background:#f6f2ee}a{color:#8a5a44}.wrap{width:600px}
${css}@media (prefers-color-scheme:dark){body,.bg{background:#1c1a19!important}.card{background:#262321!important;color:#eee!important}}</style></head>
<body class="bg" style="margin:0;padding:0;background:#f6f2ee">
<div role="article" aria-roledescription="email" lang="${o.market.lang}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 0">
<table role="presentation" class="wrap card" width="600" cellpadding="0" cellspacing="0" style="background:#fff">
<tr><td class="hero" style="padding:0"><a href="${tracked(o, rng, `https://${o.shop.domain}/`)}"><img src="https://${o.shop.domain}/cdn/email/hero-${rng.hex(10)}.jpg" width="600" height="280" alt="${esc(o.shop.name)}" style="display:block;width:600px;height:auto;border:0"></a></td></tr>
<tr><td class="pad" style="padding:40px 48px 8px"><h1 class="h1" style="margin:0 0 12px;font:normal 30px/36px Georgia,serif;color:#2b2b2b">${esc(heading)}</h1>
<p style="margin:0 0 8px;font:15px/24px Georgia,serif;color:#4a4440">${esc(t.greeting(o.customer.first))}</p><p style="margin:0 0 20px;font:15px/24px Georgia,serif;color:#4a4440">${esc(rng.pick(t.intros))}</p>
<p style="margin:0;font:13px/20px Arial,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:#8c8279">${esc(t.orderNo)} <b style="color:#2b2b2b">${esc(o.number)}</b> · ${esc(printedDate(o))}</p></td></tr>
<tr><td class="pad" style="padding:8px 48px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0">${items}</table></td></tr>
<tr><td class="pad" style="padding:8px 48px 24px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0">${totalsRows(o, row)}</table></td></tr>
<tr><td class="pad" style="padding:0 48px 32px;text-align:center"><a href="${tracked(o, rng, `https://${o.shop.domain}/account/orders/${o.number}`)}" style="display:inline-block;padding:14px 32px;background:#2b2b2b;color:#fff;font:bold 13px/1 Arial,sans-serif;letter-spacing:.12em;text-transform:uppercase;text-decoration:none">${esc(t.viewOrder)}</a></td></tr>
<tr><td class="pad" style="padding:0 48px 24px;font:13px/20px Arial,sans-serif;color:#4a4440">${esc(t.cancelNote)}<br>${esc(t.help)} <a href="mailto:hello@${o.shop.domain}">hello@${o.shop.domain}</a></td></tr>
<tr><td class="pad" style="padding:0 48px 24px">${filler}</td></tr>
<tr><td style="padding:24px 48px;background:#efe9e3;text-align:center;font:11px/18px Arial,sans-serif;color:#8c8279">
<a href="${tracked(o, rng, 'https://instagram.com/')}"><img src="https://${o.shop.domain}/cdn/email/ig.png" width="24" alt="Instagram"></a> <a href="${tracked(o, rng, 'https://pinterest.com/')}"><img src="https://${o.shop.domain}/cdn/email/pin.png" width="24" alt="Pinterest"></a><br>
${esc(o.shop.name)} · <a href="https://${o.shop.domain}/unsubscribe?u=${rng.b64(32, true)}">${esc(t.unsubscribe)}</a> · <a href="https://${o.shop.domain}/privacy">${esc(t.privacy)}</a></td></tr>
</table></td></tr></table></div></body></html>`;
    return { html, text: (filler) => commonText(o, rng, heading, filler) };
  },

  // ERP/B2B-style order acknowledgement: net, VAT and gross columns, legal block; always with a PDF.
  invoice(o, rng) {
    const t = o.t;
    const heading = rng.pick(t.headings);
    const cell = 'style="border:1px solid #999;padding:3px 6px;font:12px Arial,Helvetica,sans-serif"';
    const num = 'style="border:1px solid #999;padding:3px 6px;font:12px Arial,Helvetica,sans-serif;text-align:right"';
    const items = o.lines.map((l, i) => `
<tr><td ${num}>${i + 1}</td><td ${cell}>${esc(l.sku)}</td><td ${cell}>${esc(l.name)}${l.variant ? ` – ${esc(l.variant)}` : ''}</td><td ${num}>${l.qty}</td><td ${num}>${money(o, l.unitCents)}</td><td ${num}>${money(o, l.lineCents)}</td></tr>`).join('');
    const row = (label: string, value: string, strong = false) => `
<tr><td colspan="5" ${num}>${strong ? `<b>${esc(label)}</b>` : esc(label)}</td><td ${num}>${strong ? `<b>${value}</b>` : value}</td></tr>`;
    const html = (filler: string) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body style="font:13px Arial,Helvetica,sans-serif;color:#000">
<table width="100%" cellspacing="0" cellpadding="0"><tr><td><b style="font-size:16px">${esc(o.shop.name)}</b><br>${esc(o.t.streets[0]!)} 1<br>${esc(o.market.cities[0]!)}</td>
<td align="right">${esc(t.orderNo)}: <b>${esc(o.number)}</b><br>${esc(t.orderDate)}: ${esc(printedDate(o))}<br>${esc(t.sku)} ${rng.int(10000, 99999)}</td></tr></table>
<h2 style="font-size:18px;margin:18px 0">${esc(heading)}</h2>
<p>${esc(t.greeting(`${o.customer.first} ${o.customer.last}`))}</p><p>${esc(rng.pick(t.intros))}</p>
<table cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%">
<tr><th ${cell}>#</th><th ${cell}>${esc(t.sku)}</th><th ${cell}>${esc(t.item)}</th><th ${cell}>${esc(t.qty)}</th><th ${cell}>${esc(t.price)}</th><th ${cell}>&nbsp;</th></tr>
${items}
${totalsRows(o, row)}
</table>
<p>${esc(t.payment)}: ${esc(o.payment)}<br>${esc(t.shippingMethod)}: ${esc(o.shippingMethod)}</p>
<p><b>${esc(t.shipTo)}</b><br>${addressBlock(o)}</p>
<p>${esc(t.cancelNote)}</p>
<p>${esc(t.help)} <a href="mailto:orders@${o.shop.domain}">orders@${o.shop.domain}</a></p>
${filler}
<hr><p style="font-size:10px;color:#555">${esc(o.shop.name)} · ${o.shop.domain}</p>
</body></html>`;
    return { html, text: (filler) => commonText(o, rng, heading, filler) };
  },

  // A small shop's own mailer: paragraphs and a preformatted block, little markup.
  minimal(o, rng) {
    const t = o.t;
    const heading = rng.pick(t.headings);
    const html = (filler: string) => `<html><body>
<p>${esc(t.greeting(o.customer.first))}</p>
<p><b>${esc(heading)}</b></p>
<p>${esc(rng.pick(t.intros))}</p>
<p>${esc(t.orderNo)}: ${esc(o.number)}<br>
${esc(t.orderDate)}: ${esc(printedDate(o))}</p>
<pre style="font-family:Menlo,Consolas,monospace;font-size:13px">
${esc(itemsText(o))}

${esc(totalsText(o))}
</pre>
<p>${esc(t.shipTo)}:<br>${addressBlock(o)}</p>
<p>${esc(t.payment)}: ${esc(o.payment)}</p>
<p><a href="https://${o.shop.domain}/account/orders/${encodeURIComponent(o.number)}">${esc(t.viewOrder)}</a></p>
<p>${esc(t.cancelNote)}<br>${esc(t.help)} ${o.shop.slug}@${o.shop.domain}</p>
${filler}
<p>-- <br>${esc(o.shop.name)}<br>https://${o.shop.domain}</p>
</body></html>`;
    return { html, text: (filler) => commonText(o, rng, heading, filler) };
  },
};

// Filler: what makes real confirmations long: product recommendations and legal text.
interface Block {
  html: string;
  text: string;
}

function recommendationBlock(o: Order, rng: Rng, first: boolean): Block {
  const t = o.t;
  const cells: string[] = [];
  const texts: string[] = [];
  for (let i = 0; i < 3; i++) {
    const name = `${rng.pick(t.products.adjectives)} ${rng.pick(t.products.nouns)}`;
    const url = `https://${o.shop.domain}/products/${slugify(name)}-${rng.int(10, 99)}`;
    const price = money(o, rng.int(5, 120) * 100 + rng.pick([0, 50, 95, 99]));
    cells.push(`<td width="33%" valign="top" style="padding:8px;text-align:center;font-size:13px"><a href="${tracked(o, rng, url)}"><img src="https://cdn.${o.shop.domain}/products/${slugify(name)}_${rng.hex(10)}_240x240.jpg" width="150" alt="${esc(name)}" style="display:block;margin:0 auto 6px;border:0"></a><a href="${tracked(o, rng, url)}" style="color:#333;text-decoration:none">${esc(name)}</a><br><span style="color:#777">${price}</span><br><a href="${tracked(o, rng, url)}" style="font-size:12px">${esc(t.shopNow)} &rsaquo;</a></td>`);
    texts.push(`${name} - ${price}\n${url}`);
  }
  const title = first ? `<h3 style="font-size:16px;margin:24px 0 8px">${esc(t.recommended)}</h3>` : '';
  return { html: `${title}<table width="100%" cellpadding="0" cellspacing="0"><tr>${cells.join('')}</tr></table>\n`, text: `${first ? `${t.recommended}\n` : ''}${texts.join('\n')}` };
}

function legalBlock(o: Order, i: number): Block {
  const para = o.t.legal[i % o.t.legal.length]!;
  return { html: `<p style="font-size:11px;line-height:16px;color:#888">${esc(para)}</p>\n`, text: para };
}

// ---------------------------------------------------------------------------------------------
// Sizes: rough encoded sizes, so filler can be added until the message reaches its target.

function qpSize(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61) n += 3;
    else if (c === 10) n += 2;
    else if (c < 128) n += 1;
    else n += c < 0x800 ? 6 : 9;
  }
  return Math.round(n * 1.04); // soft line breaks every 76 characters
}

function b64Size(bytes: number): number {
  return Math.ceil(bytes / 3) * 4 * (78 / 76);
}

// ---------------------------------------------------------------------------------------------
// Binary parts.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A real PNG: a soft gradient with noise, so it compresses like a small photo (a few KB). */
export function makePng(rng: Rng, width: number, height: number): Buffer {
  const rowBytes = width * 3 + 1;
  const raw = Buffer.alloc(rowBytes * height);
  const [r0, g0, b0] = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  for (let y = 0; y < height; y++) {
    raw[y * rowBytes] = 0;
    for (let x = 0; x < width; x++) {
      const at = y * rowBytes + 1 + x * 3;
      const noise = rng.int(-24, 24);
      raw[at] = Math.max(0, Math.min(255, r0 + x + noise));
      raw[at + 1] = Math.max(0, Math.min(255, g0 + y + noise));
      raw[at + 2] = Math.max(0, Math.min(255, b0 - x + noise));
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A one-page PDF invoice with the order's lines as text, and an embedded (noise) logo stream. */
function makePdf(o: Order, rng: Rng, logoBytes: number): Buffer {
  const ascii = (s: string) => s.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, '\\$&');
  const lines = [`${o.shop.name}`, `${o.t.orderNo}: ${o.number}`, `${o.t.orderDate}: ${printedDate(o)}`, '',
    ...o.lines.map((l) => `${l.qty} x ${l.name}  ${(l.lineCents / 100).toFixed(2)} ${o.market.currency}`), '',
    `${o.totalLabel}: ${(o.totalCents / 100).toFixed(2)} ${o.market.currency}`];
  const content = `BT /F1 10 Tf 50 790 Td 14 TL\n${lines.map((l) => `(${ascii(l)}) Tj T*`).join('\n')}\nET\nq 120 0 0 40 420 770 cm /Im1 Do Q\n`;
  const logo = deflateSync(Buffer.from(Array.from({ length: logoBytes }, () => rng.int(0, 255))), { level: 0 });
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>'),
    Buffer.from(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`, 'latin1'),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${logoBytes / 3 / 8} /Height 8 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${logo.length} >>\nstream\n`), logo, Buffer.from('\nendstream')]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    at += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /ID [<${rng.hex(32)}> <${rng.hex(32)}>] >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// Headers the servers on the way add, and the message itself.

function fold(name: string, value: string, width = 76): string {
  // Folds at spaces, as RFC 5322 allows; only a signature's b= value is broken inside, as DKIM
  // signers do (whitespace inside b= is ignored by verifiers).
  const out: string[] = [];
  let line = `${name}:`;
  for (const token of value.split(' ')) {
    if (line.length + 1 + token.length > width && line.trim().length > name.length + 1) {
      out.push(line);
      line = '\t';
    }
    let rest = token;
    if (/^b=/.test(rest)) {
      while (line.length + rest.length > width) {
        const take = Math.max(8, width - line.length - 1);
        out.push(`${line}${line.trim() ? ' ' : ''}${rest.slice(0, take)}`);
        line = '\t';
        rest = rest.slice(take);
      }
    }
    line += line === '\t' ? rest : ` ${rest}`;
  }
  out.push(line);
  return out.join('\r\n');
}

function dkim(rng: Rng, domain: string, selector: string, ms: number): string {
  return fold('DKIM-Signature', `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${domain}; s=${selector}; t=${Math.floor(ms / 1000)}; h=from:reply-to:to:subject:date:message-id:mime-version:content-type:list-unsubscribe:list-unsubscribe-post:feedback-id; bh=${rng.b64(43)}=; b=${rng.b64(342)}==`);
}

function traceHeaders(o: Order, rng: Rng, sentMs: number): string {
  const to = o.customer.email;
  const mailbox = to.split('@')[1]!;
  const espHost = o.esp.helo(o.shop.domain, rng);
  const ip = o.esp.ip();
  const date = (plus: number) => rfc2822(sentMs + plus * 1000, o.market.offset);
  const returnPath = o.esp.returnPath(o.shop.domain, to, rng);
  const google = mailbox === 'gmail.com';
  const mx = google ? 'mx.google.com' : `mx${rng.int(0, 3)}.${mailbox}`;
  const lines: string[] = [];
  lines.push(`Delivered-To: ${to}`);
  if (google) {
    lines.push(`Received: by 2002:a05:${rng.hex(4)}:${rng.hex(4)}:b0:${rng.hex(3)}:${rng.hex(4)} with SMTP id ${rng.b64(10)};\r\n        ${date(2)}`);
    lines.push(`X-Google-Smtp-Source: AGHT+IE${rng.b64(80)}`);
    lines.push(`X-Received: by 2002:a17:${rng.hex(3)}:${rng.hex(4)}:b0:${rng.hex(3)}:${rng.hex(4)} with SMTP id ${rng.b64(12)}.${rng.int(10, 99)}.${Math.floor(sentMs / 1000)};\r\n        ${date(2)}`);
    lines.push(fold('ARC-Seal', `i=1; a=rsa-sha256; t=${Math.floor(sentMs / 1000)}; cv=none; d=google.com; s=arc-20240605; b=${rng.b64(342)}==`));
    lines.push(fold('ARC-Message-Signature', `i=1; a=rsa-sha256; c=relaxed/relaxed; d=google.com; s=arc-20240605; h=feedback-id:list-unsubscribe-post:list-unsubscribe:mime-version:subject:message-id:to:reply-to:from:date:dkim-signature:dkim-signature; bh=${rng.b64(43)}=; fh=${rng.b64(43)}=; b=${rng.b64(342)}==`));
    lines.push(fold('ARC-Authentication-Results', `i=1; mx.google.com; dkim=pass header.i=@${o.shop.domain} header.s=s1 header.b=${rng.b64(8)}; dkim=pass header.i=@${o.esp.domain} header.s=smtpapi header.b=${rng.b64(8)}; spf=pass (google.com: domain of ${returnPath} designates ${ip} as permitted sender) smtp.mailfrom="${returnPath}"; dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=${o.shop.domain}`));
  }
  lines.push(`Return-Path: <${returnPath}>`);
  lines.push(`Received: from ${espHost} (${espHost}. [${ip}])\r\n        by ${mx} with ESMTPS id ${rng.b64(12)}.${rng.int(100, 999)}\r\n        for <${to}>\r\n        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);\r\n        ${date(1)}`);
  lines.push(fold('Received-SPF', `pass (${mx}: domain of ${returnPath} designates ${ip} as permitted sender) client-ip=${ip};`));
  lines.push(fold('Authentication-Results', `${mx}; dkim=pass header.i=@${o.shop.domain} header.s=s1 header.b=${rng.b64(8)}; dkim=pass header.i=@${o.esp.domain} header.s=smtpapi header.b=${rng.b64(8)}; spf=pass (${mx}: domain of ${returnPath} designates ${ip} as permitted sender) smtp.mailfrom="${returnPath}"; dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=${o.shop.domain}`));
  const hops = rng.int(1, 3);
  for (let h = 0; h < hops; h++) {
    lines.push(`Received: by ${o.esp.name}-filter-${rng.hex(6)}-${rng.int(1, 99)} with SMTP id ${rng.b64(20)}\r\n        ${date(0)}`);
  }
  lines.push(`Received: from ${o.shop.slug}-app-${rng.int(1, 20)}.internal (unknown [10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}])\r\n        by ${o.esp.name}-relay-${rng.int(1, 9)} (Postfix) with ESMTPSA id ${rng.hex(10).toUpperCase()}\r\n        for <${to}>; ${date(0)}`);
  lines.push(dkim(rng, o.shop.domain, rng.pick(['s1', 'k1', 'mail', 'shop2026', 'google']), sentMs));
  lines.push(dkim(rng, o.esp.domain, rng.pick(['smtpapi', 'pic', 'mx', 'pm', 'mte1']), sentMs));
  return `${lines.join('\r\n')}\r\n`;
}

async function compose(rng: Rng, o: Order, layoutName: LayoutName, shape: Shape, target: number): Promise<{ raw: Buffer; html: string; text: string }> {
  const sentMs = o.placedMs + rng.int(2, 90) * 1000;
  const rendered = LAYOUT_RENDER[layoutName](o, rng);
  const trace = traceHeaders(o, rng, sentMs);

  const attachments: { cid?: string; filename: string; content: Buffer; contentType: string }[] = [];
  if (shape === 'related-image') {
    attachments.push({ cid: `logo-${rng.hex(8)}@${o.shop.domain}`, filename: 'logo.png', content: makePng(rng, rng.int(24, 72), rng.int(16, 40)), contentType: 'image/png' });
  }
  if (shape === 'mixed-pdf') {
    const pdfName = `${o.t.orderNo.replace(/\W+/g, '-')}-${o.number}.pdf`;
    attachments.push({ filename: pdfName, content: makePdf(o, rng, 24 * rng.int(60, 500)), contentType: 'application/pdf' });
  }

  // Filler until the estimated encoded size reaches the target.
  const html0 = rendered.html('');
  const text0 = shape === 'html-base64' ? '' : rendered.text('');
  const encoded = (html: number, text: number) => (shape === 'html-base64' ? b64Size(html) : html + text);
  let size = trace.length + 1800 + encoded(shape === 'html-base64' ? Buffer.byteLength(html0) : qpSize(html0), qpSize(text0)) +
    attachments.reduce((a, x) => a + b64Size(x.content.length) + 300, 0);
  const blocks: Block[] = [];
  let legal = 0;
  let recs = 0;
  while (size < target) {
    const block = legal < o.t.legal.length && rng.chance(0.35) ? legalBlock(o, legal++) : recommendationBlock(o, rng, recs++ === 0);
    blocks.push(block);
    size += shape === 'html-base64' ? b64Size(Buffer.byteLength(block.html)) : qpSize(block.html) + qpSize(block.text);
  }
  const html = rendered.html(blocks.map((b) => b.html).join(''));
  const text = shape === 'html-base64' ? '' : rendered.text(blocks.map((b) => b.text).join('\n\n'));

  const composer = new MailComposer({
    from: { name: o.shop.name, address: `${rng.pick(o.t.senders)}@${o.shop.domain}` },
    replyTo: rng.chance(0.5) ? { name: o.shop.name, address: `support@${o.shop.domain}` } : undefined,
    to: { name: `${o.customer.first} ${o.customer.last}`, address: o.customer.email },
    subject: rng.pick(o.t.subjects)(o.number, o.shop.name),
    date: rfc2822(sentMs, o.market.offset),
    messageId: `<${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}@${o.esp.domain}>`,
    html,
    text: text || undefined,
    attachments,
    encoding: shape === 'html-base64' ? 'base64' : 'quoted-printable',
    baseBoundary: rng.hex(16),
    newline: 'win',
    headers: {
      'List-Unsubscribe': `<https://${o.shop.domain}/unsubscribe?u=${rng.b64(48, true)}>, <mailto:unsubscribe@${o.shop.domain}?subject=unsubscribe>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      ...o.esp.extraHeaders(rng),
    },
  });
  const body = await composer.compile().build();
  return { raw: Buffer.concat([Buffer.from(trace, 'latin1'), body]), html, text };
}
