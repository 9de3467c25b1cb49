import { describe, expect, it } from 'vitest';
import { transactional, triage, worthFetching } from '../../src/extract/triage.js';

const m = (subject: string, headers: Record<string, string> = {}) => ({ subject, from: 'x@shop.example', headers });

describe('which messages are worth downloading', () => {
  it.each([
    'Receipt from Ridgeway Pantry - #2291', 'Your order has shipped', 'Bestellbestätigung 100045872', 'Votre commande BM-10452 est enregistrée',
    'Confirmación de tu pedido', 'Il tuo ordine è stato spedito', 'Je bestelling is onderweg', 'Delivered: VO-2026-11873', 'AT-77310 has left the building',
    'Orderbevestiging W774122', 'Bestelbevestiging 88213', 'Verzendbevestiging van je pakket', 'Lieferbestätigung 4471',
    'Je pakket van De Kikker Speelgoed is onderweg', 'Dein Paket ist unterwegs', 'Tu paquete está en camino', 'Il tuo pacco è in arrivo', 'Your parcel is with the courier',
  ])('order mail: %s', (subject) => {
    expect(worthFetching(m(subject))).toBe(true);
  });

  it.each([
    'Buchungsbestätigung DK-26-0417 - Wohnung Strandhafer', 'Deine Buchungsbestätigung – Berlin → Hamburg am 05.05.2026',
    'Your trip confirmation: QZ7K4M | Boston to Savannah', 'Appointment confirmed - Fri Mar 20, 2:30 PM with Marco',
    'Booking confirmed: Wheel Throwing for Beginners (Sat 18 April)', 'Votre voyage Rennes → Saint-Malo du 20/06 est confirmé (XKJ4TZ)',
    'Réservation confirmée : Pâtes fraîches maison', 'Conferma prenotazione IB4Q7R - Piombino > Portoferraio', 'Tu reserva en Casa Rural El Almendral',
    'Bevestiging van je boeking', 'Ihre Terminbestätigung für Dienstag', 'Your e-tickets for Gumleaf Live',
  ])('a booking is an order too: %s', (subject) => {
    expect(triage(m(subject))).toBe('order-like');
  });

  it.each([
    'Ihr Zahlungsbeleg für Holzmanufaktur Brenner (1.234,56 EUR)', 'Ricevuta del pagamento a Bottega Ferri Cuoio – 1.192,00 €',
    'Betaalbewijs: EUR 42,85 aan Zeepziederij Het Wad', 'Tu recibo de Tienda Olmo', 'Votre reçu Atelier Lune',
    'Hai vinto! Pagamento ricevuto: Giradischi vintage Lumetta GD-70', 'You won! Vintage turntable - payment received',
  ])('a receipt from a payment service is order mail: %s', (subject) => {
    expect(triage(m(subject))).toBe('order-like');
  });

  it('a reply in a thread, whatever its subject', () => {
    expect(worthFetching(m('Re: quick question'))).toBe(true);
    expect(worthFetching(m('thanks!', { 'in-reply-to': '<a@b>' }))).toBe(true);
  });

  it.each([
    'Lunch on Friday?', 'Your weekly digest', 'Photos from the weekend', 'Meeting notes', 'Your monthly statement is ready',
    'Your verification code 482913', 'Confirm your email', 'Noise-Cancelling headphones 30% off', 'ORDER BY clause question',
    'Return values in Go', 'Intel AX210 driver', 'Order now and save 20%', 'Payment received - thank you', 'Zahlung erhalten',
  ])('not order mail: %s', (subject) => {
    expect(worthFetching(m(subject))).toBe(false);
  });

  const campaign = { 'list-unsubscribe': '<https://shop.example/u/r0b1n>' };
  it.each([
    'Free shipping on all orders this weekend', 'Last chance to order before the holidays', 'Your exclusive offer: 15% off your next order',
    'Pre-order the new Espresso Grinder today', 'Kostenloser Versand nur bis Sonntag', 'Jetzt bestellen und 20 % sparen', 'Livraison offerte ce week-end',
    'Envío gratis este fin de semana', 'Spedizione gratuita solo per oggi', 'Gratis verzending dit weekend', 'Winter sale: every order ships in time for the holidays',
    'Book now: 20% off weekend stays', 'Jetzt buchen: Frühbucher-Rabatt auf alle Reservierungen', 'Réservez votre séjour d\'été',
  ])('a campaign that sells with order words is not order mail: %s', (subject) => {
    expect(triage(m(subject, campaign))).toBe('skip');
  });

  it.each([
    'Your order #4471 has shipped - free shipping next time', 'Thanks for your order! Enjoy 10% off your next one', 'Bestellbestätigung – 20 % Rabatt auf die nächste',
    'Votre commande est confirmée', 'Order 5521 confirmed', 'Votre commande a été livrée', '☀️ Je pakketje is onderweg + 10% op je volgende bestelling',
  ])('a campaign-looking mail that names an order of the owner\'s is still read: %s', (subject) => {
    expect(triage(m(subject, campaign))).toBe('order-like');
  });

  it('the same selling words without campaign headers are read: a shop\'s own mail errs on the side of fetching', () => {
    expect(triage(m('Free shipping on all orders this weekend'))).toBe('order-like');
  });

  it('a number on a mailing list is not an order reference', () => {
    expect(triage(m('[repo] Fix parser (PR #1234)', { 'list-id': '<repo.github.com>' }))).toBe('skip');
    expect(triage(m('Your parcel #784512 is on its way', { 'list-id': '<x>' }))).toBe('order-like');
  });

  it('tells campaigns from transactional mail', () => {
    expect(transactional(m('Vos bocaux ont quitté Uzès'))).toBe(true);
    expect(transactional(m('Spring sale', { 'list-unsubscribe': '<mailto:u@shop.example>' }))).toBe(false);
  });
});
