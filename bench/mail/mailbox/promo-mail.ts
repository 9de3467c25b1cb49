// Newsletters and promotions: large HTML with product grids and tracked links, some subjects
// saying "order now", "free shipping" or "sale"; a third come from shops the owner ordered from.
import { escapeHtml } from '../escape-html.js';
import { displayAddress, messageId, rfc2822Date, subjectHeader } from '../headers.js';
import { htmlLeaf, message, textLeaf } from '../mime.js';
import { drawSize, type Rng } from '../rng.js';
import { ip, trace } from './fastmail-trace.js';
import { OWNER } from './people.js';
import { PRODUCTS } from './products.js';
import { sentences } from './sentences.js';

const PROMO_SUBJECTS_NEUTRAL = [
  'New arrivals just landed', 'Our best sellers this month', 'The {brand} journal: {topic}', 'Weekend reads: {topic}', 'Your weekly digest', 'Back in stock: {product}',
  'Members save more this week', 'Gift ideas under 50', 'Meet the makers behind {product}', 'Spring lookbook is here', 'Ten ways to style {product}', 'What we are loving right now',
  'Neu eingetroffen: {product}', 'Unsere Bestseller im Überblick', 'Nouveautés : {product}', 'Novedades de la semana', 'Nuovi arrivi', 'Nieuw binnen: {product}',
];
const PROMO_SUBJECTS_ORDERISH = [
  'Order now: 20% off everything until midnight', 'Free shipping on all orders this weekend', 'Last chance to order before the holidays', 'Pre-order the new {product} today',
  'Your exclusive offer: 15% off your next order', 'Flash sale ends tonight', 'Spring sale: up to 50% off', 'Order by Friday for delivery by Sunday',
  'Sale ends soon', 'Jetzt bestellen und 20 % sparen', 'Kostenloser Versand nur bis Sonntag', 'SALE: bis zu 50 % Rabatt', 'Soldes : jusqu’à -50 %', 'Livraison offerte ce week-end',
  'Rebajas: hasta -50 %', 'Envío gratis este fin de semana', 'Saldi fino al 50%', 'Spedizione gratuita solo per oggi', 'Uitverkoop: tot 50% korting', 'Gratis verzending dit weekend',
];
const BRAND_A = ['North', 'Blue', 'Urban', 'Little', 'Wild', 'Golden', 'Silver', 'Green', 'Happy', 'Modern', 'Coastal', 'Alpine', 'Maple', 'Fox', 'Oak', 'River'];
const BRAND_B = ['Threads', 'Kitchen', 'Outdoors', 'Books', 'Home', 'Beauty', 'Pets', 'Tech', 'Garden', 'Coffee', 'Sports', 'Kids', 'Wine', 'Studio', 'Travel', 'Audio'];
const BRAND_TLD = ['com', 'com', 'com', 'co.uk', 'de', 'fr', 'es', 'it', 'nl', 'eu', 'shop'];
const TOPICS = ['how to care for linen', 'our new recycled packaging', 'a day at the roastery', 'five summer recipes', 'the story of our founder', 'choosing the right size', 'behind the scenes at the workshop'];
const ESPS = [
  { name: 'sendgrid', domain: 'sendgrid.net', bounce: (d: string, r: Rng) => `bounces+${r.int(1e6, 9e6)}-${r.hex(4)}@em${r.int(100, 9999)}.${d}` },
  { name: 'mailchimp', domain: 'mcsv.net', bounce: (_d: string, r: Rng) => `bounce-mc.us${r.int(1, 21)}_${r.int(1e7, 9e7)}.${r.int(1e5, 9e5)}@mail${r.int(10, 250)}.suw${r.int(10, 99)}.mcdlv.net` },
  { name: 'klaviyo', domain: 'klaviyomail.com', bounce: (d: string, r: Rng) => `bounce-${r.hex(12)}@send.${d}` },
  { name: 'ses', domain: 'amazonses.com', bounce: (_d: string, r: Rng) => `0102018${r.hex(9)}-${r.hex(8)}-${r.hex(4)}-000000@eu-west-1.amazonses.com` },
];

function brand(rng: Rng, shops: string[]): { name: string; domain: string } {
  // A third of the promotions come from shops the owner has ordered from.
  if (shops.length > 0 && rng.chance(0.33)) {
    const domain = rng.pick(shops);
    const word = domain.split('.')[0]!;
    return { name: word.charAt(0).toUpperCase() + word.slice(1), domain };
  }
  const a = rng.pick(BRAND_A);
  const b = rng.pick(BRAND_B);
  return { name: `${a} ${b}`, domain: `${a}${b}`.toLowerCase() + `.${rng.pick(BRAND_TLD)}` };
}

export function promoMail(rng: Rng, ms: number, shops: string[]): Buffer {
  const b = brand(rng, shops);
  const esp = rng.pick(ESPS);
  const product = rng.pick(PRODUCTS);
  const subject = (rng.chance(0.35) ? rng.pick(PROMO_SUBJECTS_ORDERISH) : rng.pick(PROMO_SUBJECTS_NEUTRAL)).replace('{brand}', b.name).replace('{product}', product).replace('{topic}', rng.pick(TOPICS));
  const target = drawSize(rng, 48_000, 0.5, 18_000, 160_000);
  const link = () => `https://click.${b.domain}/ls/click?upn=${rng.b64(rng.int(120, 260), true)}`;
  const img = () => `https://cdn.${b.domain}/email/2026/${rng.hex(8)}/${rng.hex(16)}.jpg`;
  const cell = 'style="font-family:Helvetica,Arial,sans-serif;font-size:14px;line-height:20px;color:#333333;padding:8px 12px"';
  let html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title><style>@media only screen and (max-width:600px){.col{display:block!important;width:100%!important}.hide{display:none!important}}a{color:#1a73e8}</style></head><body style="margin:0;padding:0;background:#f4f4f4">` +
    `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(sentences(rng, 'en', 1, 2))}</div><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center"><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="background:#ffffff">` +
    `<tr><td align="center" style="padding:24px"><a href="${link()}"><img src="${img()}" width="180" alt="${escapeHtml(b.name)}" style="display:block;border:0"></a></td></tr>` +
    `<tr><td><a href="${link()}"><img src="${img()}" width="600" alt="" style="display:block;border:0;width:100%"></a></td></tr>` +
    `<tr><td align="center" ${cell}><h1 style="font-size:28px;line-height:34px;margin:16px 0">${escapeHtml(subject)}</h1><p>${escapeHtml(sentences(rng, 'en', 2, 4))}</p><a href="${link()}" style="display:inline-block;background:#111111;color:#ffffff;padding:14px 28px;text-decoration:none;border-radius:4px">Shop now</a></td></tr>`;
  let text = `${b.name}\n\n${subject}\n\n${sentences(rng, 'en', 2, 4)}\n\nShop now: ${link()}\n`;
  const footer = `<tr><td align="center" ${cell}><p style="font-size:12px;color:#888888">You are receiving this email because you signed up at ${escapeHtml(b.domain)}. ${escapeHtml(sentences(rng, 'en', 1, 2))}</p><p style="font-size:12px"><a href="${link()}">Unsubscribe</a> · <a href="${link()}">Preferences</a> · <a href="${link()}">View in browser</a></p><p style="font-size:11px;color:#aaaaaa">${escapeHtml(b.name)} Ltd, ${rng.int(1, 200)} Market Street, ${rng.pick(['London', 'Berlin', 'Paris', 'Madrid', 'Amsterdam', 'Portland'])}</p></td></tr></table></td></tr></table></body></html>`;
  while (html.length * 1.08 + text.length < target) {
    if (rng.chance(0.6)) {
      let row = '<tr><td><table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>';
      for (let k = 0; k < 3; k++) {
        const p = rng.pick(PRODUCTS);
        const price = `${rng.int(9, 240)}.${rng.pick(['00', '95', '99'])}`;
        row += `<td class="col" width="200" valign="top" ${cell}><a href="${link()}"><img src="${img()}" width="176" alt="${escapeHtml(p)}" style="display:block;border:0"></a><p style="margin:8px 0 2px;font-weight:bold">${escapeHtml(p)}</p><p style="margin:0;color:#666666">${price}</p></td>`;
        text += `${p} - ${price}\n${link()}\n`;
      }
      html += `${row}</tr></table></td></tr>`;
    } else {
      const p = sentences(rng, 'en', 3, 7);
      html += `<tr><td ${cell}><h2 style="font-size:20px;margin:12px 0">${escapeHtml(rng.pick(TOPICS))}</h2><p>${escapeHtml(p)}</p><a href="${link()}">Read more</a></td></tr>`;
      text += `\n${p}\nRead more: ${link()}\n`;
    }
  }
  html += footer;
  const base64 = rng.chance(0.25);
  const bounce = esp.bounce(b.domain, rng);
  return message(
    trace(rng, ms, `o${rng.int(1, 30)}.${esp.domain}`, ip(rng), bounce, [b.domain, esp.domain]),
    [
      ['From', displayAddress(b.name, `${rng.pick(['news', 'hello', 'newsletter', 'info'])}@${b.domain}`)],
      ['Date', rfc2822Date(ms, 0)],
      ['Subject', subjectHeader(subject)],
      ['To', OWNER.address],
      ['Message-ID', messageId(rng, esp.domain)],
      ['List-Unsubscribe', `<https://${b.domain}/unsubscribe?u=${rng.b64(48, true)}>, <mailto:unsubscribe-${rng.hex(16)}@${b.domain}>`],
      ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
      ['List-Id', rng.chance(0.3) ? `${b.name} <${rng.hex(10)}.list-id.${esp.domain}>` : null],
      ['Precedence', rng.chance(0.5) ? 'bulk' : null],
      ['Feedback-ID', `${rng.int(1e6, 9e6)}:${rng.int(1e6, 9e6)}:${esp.name}`],
      ['X-Campaign', `${rng.hex(20)}`],
    ],
    { type: 'multipart/alternative', boundary: `----=_Part_${rng.int(1e5, 9e5)}_${rng.int(1e8, 9e8)}.${ms}`, parts: [textLeaf(text), htmlLeaf(html, base64)] },
  );
}
