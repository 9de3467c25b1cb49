// Shipping notices for planned orders, in the order's language and from the shop that confirmed
// it, with a carrier and a tracking number: order mail that must merge into the confirmed order.
import type { OrderTruth } from '../generate-orders.js';
import { escapeHtml } from '../escape-html.js';
import { messageId, rfc2822Date, subjectHeader } from '../headers.js';
import { htmlLeaf, message, textLeaf } from '../mime.js';
import { drawSize, type Rng } from '../rng.js';
import { ip, trace } from './fastmail-trace.js';
import type { Confirmation } from './plan.js';
import { PRODUCTS } from './products.js';

const SHIPPING_TEXT: Record<OrderTruth['language'], { subjects: ((n: string) => string)[]; heading: string; body: string; carrier: string; tracking: string; track: string; help: string }> = {
  en: { subjects: [(n) => `Your order #${n} has shipped`, (n) => `A shipment from order #${n} is on the way`, (n) => `Shipped! Order ${n} is on its way`], heading: 'Your order is on its way', body: 'Good news: your package has left our warehouse and is on its way to you.', carrier: 'Carrier', tracking: 'Tracking number', track: 'Track your package', help: 'Questions about your delivery? Reply to this email.' },
  de: { subjects: [(n) => `Ihre Bestellung ${n} wurde versandt`, (n) => `Versandbestätigung zu Ihrer Bestellung ${n}`], heading: 'Ihre Bestellung ist unterwegs', body: 'Gute Nachrichten: Ihr Paket hat unser Lager verlassen und ist auf dem Weg zu Ihnen.', carrier: 'Versanddienstleister', tracking: 'Sendungsnummer', track: 'Sendung verfolgen', help: 'Fragen zur Lieferung? Antworten Sie einfach auf diese E-Mail.' },
  fr: { subjects: [(n) => `Votre commande ${n} a été expédiée`, (n) => `Expédition de votre commande n° ${n}`], heading: 'Votre commande est en route', body: 'Bonne nouvelle : votre colis a quitté notre entrepôt et est en route.', carrier: 'Transporteur', tracking: 'Numéro de suivi', track: 'Suivre mon colis', help: 'Une question sur votre livraison ? Répondez à cet e-mail.' },
  es: { subjects: [(n) => `Tu pedido ${n} ha sido enviado`, (n) => `Tu pedido #${n} ya está en camino`], heading: 'Tu pedido está en camino', body: 'Buenas noticias: tu paquete ha salido de nuestro almacén y va de camino.', carrier: 'Transportista', tracking: 'Número de seguimiento', track: 'Seguir mi envío', help: '¿Dudas sobre la entrega? Responde a este correo.' },
  it: { subjects: [(n) => `Il tuo ordine ${n} è stato spedito`, (n) => `Spedizione del tuo ordine n. ${n}`], heading: 'Il tuo ordine è in viaggio', body: 'Buone notizie: il tuo pacco ha lasciato il nostro magazzino ed è in viaggio.', carrier: 'Corriere', tracking: 'Numero di tracking', track: 'Traccia la spedizione', help: 'Domande sulla consegna? Rispondi a questa email.' },
  nl: { subjects: [(n) => `Je bestelling ${n} is verzonden`, (n) => `Verzendbevestiging voor bestelling ${n}`], heading: 'Je bestelling is onderweg', body: 'Goed nieuws: je pakket heeft ons magazijn verlaten en is onderweg.', carrier: 'Vervoerder', tracking: 'Trackingnummer', track: 'Volg je pakket', help: 'Vragen over de levering? Beantwoord deze e-mail.' },
};
const CARRIERS: Record<OrderTruth['language'], { name: string; number: (r: Rng) => string; url: string }[]> = {
  en: [{ name: 'UPS', number: (r) => `1Z${r.hex(6).toUpperCase()}${r.int(10_000_000, 99_999_999)}${r.int(10, 99)}`, url: 'https://www.ups.com/track?tracknum=' }, { name: 'USPS', number: (r) => `9400${r.int(1e9, 9e9)}${r.int(1e7, 9e7)}`, url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=' }, { name: 'Royal Mail', number: (r) => `${String.fromCharCode(65 + r.int(0, 25))}${String.fromCharCode(65 + r.int(0, 25))}${r.int(1e8, 9e8)}GB`, url: 'https://www.royalmail.com/track-your-item#/tracking-results/' }],
  de: [{ name: 'DHL', number: (r) => `${r.int(1e9, 9e9)}${r.int(10, 99)}`, url: 'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=' }, { name: 'Hermes', number: (r) => `H${r.int(1e9, 9e9)}${r.int(1e9, 9e9)}`, url: 'https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation/#' }],
  fr: [{ name: 'Colissimo', number: (r) => `6A${r.int(1e9, 9e9)}${r.int(100, 999)}`, url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=' }],
  es: [{ name: 'Correos Express', number: (r) => `PQ${r.int(1e9, 9e9)}`, url: 'https://s.correosexpress.com/search?shippingNumber=' }],
  it: [{ name: 'BRT', number: (r) => `${r.int(1e9, 9e9)}${r.int(1e4, 9e4)}`, url: 'https://vas.brt.it/vas/sped_det_show.hsm?nspediz=' }],
  nl: [{ name: 'PostNL', number: (r) => `3S${r.hex(4).toUpperCase()}${r.int(1e8, 9e8)}`, url: 'https://jouw.postnl.nl/track-and-trace/' }],
};

export function shippingNotice(rng: Rng, conf: Confirmation, ms: number): Buffer {
  const t = SHIPPING_TEXT[conf.truth.language];
  const carrier = rng.pick(CARRIERS[conf.truth.language]);
  const tracking = carrier.number(rng);
  const n = conf.truth.orderNumber;
  const domain = conf.truth.merchantDomain;
  const subject = rng.pick(t.subjects)(n);
  const from = conf.from.replace(/<[^>]*>/, `<${rng.pick(['shipping', 'orders', 'noreply'])}@${domain}>`);
  const trackUrl = `${carrier.url}${tracking}`;
  const orderUrl = `https://${domain}/account/orders/${encodeURIComponent(n)}?utm_source=shipping&utm_medium=email`;
  let html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#f5f5f5"><table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center"><table width="600" style="background:#ffffff;font-family:Helvetica,Arial,sans-serif;color:#222">` +
    `<tr><td style="padding:24px"><img src="https://cdn.${domain}/email/logo.png" width="160" alt=""></td></tr>` +
    `<tr><td style="padding:0 24px"><h1 style="font-size:24px">${escapeHtml(t.heading)}</h1><p>${escapeHtml(t.body)}</p>` +
    `<p>#${escapeHtml(n)}</p><p>${escapeHtml(t.carrier)}: ${carrier.name}<br>${escapeHtml(t.tracking)}: <b>${tracking}</b></p>` +
    `<p><a href="${trackUrl}" style="display:inline-block;background:#222;color:#fff;padding:12px 24px;text-decoration:none">${escapeHtml(t.track)}</a></p>` +
    `<p><a href="${orderUrl}">#${escapeHtml(n)}</a></p><p style="font-size:13px;color:#666">${escapeHtml(t.help)}</p></td></tr>`;
  let text = `${t.heading}\n\n${t.body}\n\n#${n}\n${t.carrier}: ${carrier.name}\n${t.tracking}: ${tracking}\n${t.track}: ${trackUrl}\n\n${orderUrl}\n\n${t.help}\n`;
  const target = drawSize(rng, 16_000, 0.4, 6_000, 40_000);
  while (html.length + text.length < target) {
    const p = rng.pick(PRODUCTS);
    const href = `https://${domain}/products/${p.toLowerCase().replace(/[^a-z]+/g, '-')}?utm_source=shipping&utm_medium=email&utm_content=${rng.hex(12)}`;
    html += `<tr><td style="padding:8px 24px;font-size:13px"><a href="${href}"><img src="https://cdn.${domain}/p/${rng.hex(12)}.jpg" width="120" alt=""></a> ${escapeHtml(p)}</td></tr>`;
    text += `${p}: ${href}\n`;
  }
  html += `<tr><td style="padding:24px;font-size:11px;color:#999"><a href="https://${domain}/unsubscribe">Unsubscribe</a> · ${escapeHtml(domain)}</td></tr></table></td></tr></table></body></html>`;
  return message(
    trace(rng, ms, `o${rng.int(1, 30)}.ptr${rng.int(1000, 9999)}.${domain}`, ip(rng), `bounce-${rng.hex(10)}@mail.${domain}`, [domain]),
    [
      ['From', from],
      ['To', conf.to],
      ['Date', rfc2822Date(ms, 0)],
      ['Subject', subjectHeader(subject)],
      ['Message-ID', messageId(rng, `mail.${domain}`)],
      ['List-Unsubscribe', `<https://${domain}/unsubscribe?u=${rng.b64(40, true)}>`],
    ],
    { type: 'multipart/alternative', boundary: `----=_Part_${rng.int(1e5, 9e5)}_${rng.int(1e8, 9e8)}.${ms}`, parts: [textLeaf(text), htmlLeaf(html)] },
  );
}
