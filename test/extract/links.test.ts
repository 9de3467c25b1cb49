import { describe, expect, it } from 'vitest';
import type { Link } from '../../src/extract/html.js';
import { findOrderLink } from '../../src/extract/links.js';
import { linksInText } from '../../src/extract/document.js';

const link = (text: string, href: string): Link => ({ text, href, before: '' });

describe('the order link', () => {
  it('a cancel link wins over a view-order link', () => {
    const links = [
      link('View order', 'https://shop.example/account/orders/1042'),
      link('Cancel order', 'https://shop.example/orders/1042/cancel?t=1'),
    ];
    expect(findOrderLink(links, '1042')?.href).toBe('https://shop.example/orders/1042/cancel?t=1');
  });

  it('a link the words before it give to another order is not this order\'s', () => {
    const text = "We've cancelled the duplicate, order #2207, and refunded the full £52.00.\nOrder #2206 is unchanged and will be dispatched on Monday. You can keep an\neye on it here:\nhttps://candles.example/61839201/orders/a8b3c9/authenticate?key=3d0f";
    const links = [link('eye on it here:', 'https://candles.example/61839201/orders/a8b3c9/authenticate?key=3d0f')];
    expect(findOrderLink(links, '2207', text)).toBeNull();
    expect(findOrderLink(links, '2206', text)?.href).toBe('https://candles.example/61839201/orders/a8b3c9/authenticate?key=3d0f');
  });

  it('a rating star or a live map is not the order\'s link; a "ref" parameter that carries the number is kept', () => {
    expect(findOrderLink([link('★', 'https://go.shop.example/c/valuta?o=FV-20260522-1187&voto=5')], 'FV-20260522-1187')).toBeNull();
    expect(findOrderLink([link('Follow Dario on the map', 'https://links.shop.example/live/FF-8K2P-4471')], 'FF-8K2P-4471')).toBeNull();
    expect(findOrderLink([link('add a second driver here:', 'https://www.carhire.example/manage-booking?ref=GW-DUB-57721&surname=Brennan')], 'GW-DUB-57721')?.href).toBe('https://www.carhire.example/manage-booking?ref=GW-DUB-57721&surname=Brennan');
  });

  it('tracking, shop-again, cart, unsubscribe and account-home links never count', () => {
    const links = [
      link('Track your package', 'https://www.ups.com/track?tracknum=1Z999'),
      link('Track', 'https://shop.example/pages/track?tn=784512903366'),
      link('Shop again', 'https://shop.example/collections/all'),
      link('Return to your cart', 'https://shop.example/cart/abc'),
      link('Unsubscribe', 'https://shop.example/unsubscribe?u=1'),
      link('My account', 'https://shop.example/account'),
    ];
    expect(findOrderLink(links, '1042')).toBeNull();
  });

  it('a delivery to manage is the order\'s link: "Levering beheren", "Lieferung verwalten"', () => {
    expect(findOrderLink([link('Levering beheren', 'https://mijn.shop.example/levering/88213')], '88213')?.href).toBe('https://mijn.shop.example/levering/88213');
    expect(findOrderLink([link('Lieferung verwalten', 'https://shop.example/lieferung?id=4471')], '4471')?.href).toBe('https://shop.example/lieferung?id=4471');
  });

  it('a contact or help page is where to ask, not the order\'s link', () => {
    const links = [link('https://harrowandhive.com/contact', 'https://harrowandhive.com/contact'), link('Hilfe zu Ihrer Bestellung', 'https://shop.example/hilfe/')];
    expect(findOrderLink(links, '1742-9930')).toBeNull();
  });

  it('a link that offers to cancel counts even when it also offers tracking', () => {
    const href = 'https://platterly.co.uk/order/PLT-7F3K9Q?src=email_confirm&utm_campaign=order_placed';
    expect(findOrderLink([link('Track or cancel order', href)], 'PLT-7F3K9Q')?.href).toBe(href);
  });

  it('campaign parameters and unsubscribe labels in any language do not make a cancel link', () => {
    expect(findOrderLink([link('Verder shoppen', 'https://www.despaak.nl/?utm_source=transactional&utm_campaign=order_cancelled')], 'DS-20977')).toBeNull();
    expect(findOrderLink([link("Annulla l'iscrizione", 'https://www.librerialeone.it/recensioni/disiscrivi?u=c2Fu&t=rv')], '77120')).toBeNull();
    expect(findOrderLink([link('Cancelar suscripción', 'https://tienda.example/newsletter/baja?u=1')], null)).toBeNull();
  });

  it('legal withdrawal pages, pay-again buttons and order history are never the order\'s link', () => {
    expect(findOrderLink([link('Widerrufsbelehrung', 'https://shop.example/widerrufsbelehrung')], null)).toBeNull();
    expect(findOrderLink([link('Opnieuw betalen', 'https://shop.example/afrekenen/order-pay/4417/?pay_for_order=true&key=wc_1')], '4417')).toBeNull();
    expect(findOrderLink([link('Historique des commandes', 'https://shop.example/historique-commandes')], null)).toBeNull();
  });

  it('an order-status or manage-booking button is the order\'s link', () => {
    expect(findOrderLink([link("Visualizza lo stato dell'ordine", 'https://shop.example/negozio/#!/~/orderStatus/orderId=2K9FH&key=e1b7')], null)).not.toBeNull();
    expect(findOrderLink([link('Gestisci il tuo viaggio', 'https://treni.example/viaggi/K7QX2M')], null)).not.toBeNull();
  });

  it('keeps a tracking redirect exactly as written', () => {
    const href = 'https://click.mail.shop.example/ls/click?upn=abc&amp;x=1';
    expect(findOrderLink([link('Manage your order', href)], null)?.href).toBe(href);
  });

  it('understands order links in other languages', () => {
    expect(findOrderLink([link('Bestellung ansehen', 'https://shop.example/konto/x')], null)).not.toBeNull();
    expect(findOrderLink([link('Voir ma commande', 'https://shop.example/compte/x')], null)).not.toBeNull();
    expect(findOrderLink([link('Bestelling annuleren', 'https://shop.example/x')], null)).not.toBeNull();
    expect(findOrderLink([link("Vai all'ordine", 'https://shop.example/x')], null)).not.toBeNull();
    expect(findOrderLink([link('Naar mijn bestelling', 'https://shop.example/x')], null)).not.toBeNull();
  });

  it('a meal kit\'s "Manage this delivery" and German "… verwalten" buttons are the order\'s link', () => {
    expect(findOrderLink([link('Manage this delivery', 'https://url4471.kitchen.example/ls/click?upn=u001.x')], null)).not.toBeNull();
    expect(findOrderLink([link('Subskription verwalten', 'https://mandrillapp.com/track/click/3105/www.wein.example?p=x')], null)).not.toBeNull();
    expect(findOrderLink([link('Buchung verwalten', 'https://hotel.example/b/x')], null)).not.toBeNull();
  });

  it('an order-detail button, a link naming the order number, and a "follow my order" button count', () => {
    expect(findOrderLink([link('Dettaglio ordine', 'https://x.musvc2.net/e/t?q=a')], null)).not.toBeNull();
    expect(findOrderLink([link('My page › Orders › 700412', 'https://ctrk.klclick1.com/l/01JW')], '700412')).not.toBeNull();
    expect(findOrderLink([link('Suivre ma commande', 'https://u7.r.sp1-brevo.net/mk/cl/f/sh/2wh')], null)).not.toBeNull();
    expect(findOrderLink([link('Suivre mon colis', 'https://shop.example/suivi')], null)).toBeNull();
  });

  it('the Italian "Cancellati" is an unsubscribe link, never the cancel link', () => {
    expect(findOrderLink([link('Cancellati', 'https://x.musvc2.net/e/t?q=j9')], null)).toBeNull();
  });

  it('in a text-only mail, a URL on a line that continues a sentence is named by that sentence', () => {
    const links = linksInText('Total  $1,284.50 MXN\n¿Te equivocaste? Puedes cancelar tu pedido sin costo hasta las 6:00 p. m.\nde hoy: https://x.example/c/1\nVer mi pedido: https://x.example/p/1');
    expect(links[0]!.text).toMatch(/Puedes cancelar tu pedido .* de hoy:$/);
    expect(links[1]!.text).toBe('Ver mi pedido:');
    expect(findOrderLink(links, null)?.href).toBe('https://x.example/c/1');
  });

  it('reads PrestaShop order-detail pages, single-page shops\' #/orders routes, and a link that shows its own address', () => {
    expect(findOrderLink([link('Voir le détail de cette commande', 'https://shop.example/index.php?controller=order-detail&id_order=4812')], null)).not.toBeNull();
    expect(findOrderLink([link('Mis pedidos', 'https://www.shop.example/account#/orders/1487260512345-01')], '1487260512345-01')).not.toBeNull();
    expect(findOrderLink([link('https://shop.example/account/order/8f3a2c', 'https://in.mailjet.example/lnk/AVk')], null)).not.toBeNull();
    expect(findOrderLink([link('Seguimiento de su pedido', 'https://shop.example/seguimiento-pedido-invitado?order_reference=HZQWMTJLB')], null)).not.toBeNull();
  });
});
