import { describe, expect, it } from 'vitest';
import { findOrderNumber, orderSection } from '../../src/extract/order-number.js';

const find = (subject: string, body: string) => findOrderNumber(subject, body, null)?.value ?? null;

describe('the order number', () => {
  it.each([
    ['Receipt from Ridgeway Pantry - #2291', 'Receipt #2291', '2291'],
    ['Your order', 'Order number: 112-4839201-5518263', '112-4839201-5518263'],
    ['Sales Order SO-48817 acknowledgement / Invoice INV-22107', 'Customer: Robin (Acct 30-5512)\nSales order: SO-48817\nInvoice: INV-22107', 'SO-48817'],
    ['Bestellbestätigung', 'Kundennummer: 448812\nBestellnummer: 100045872\nRechnungsnummer: RE-2026-1', '100045872'],
    ['Confirmation de commande', 'N° de commande : FR-2026-0042', 'FR-2026-0042'],
    ['¡Tu compra está en camino!', 'marta_vintage84 ha enviado tu compra.\nCompra: SG-88412093\nTotal pagado: 86,40 €', 'SG-88412093'],
    ['Order confirmed: 4417 2093 8815', 'Thank you! Order 4417 2093 8815 is confirmed.\nOCR reference: 44172093881506', '4417 2093 8815'],
    ['Your order', 'Order 1042 2026-04-14 09:12\nOrder 1042 250 g coffee', '1042'],
    ['Confirmación de pedido', 'Número de pedido: ES48213', 'ES48213'],
    ['Conferma ordine', 'Ordine n. 000123456 del 14/04/2026', '000123456'],
    ['Orderbevestiging', 'Bestelnummer: NL-88231', 'NL-88231'],
    ['Thanks!', 'Order W123456789 placed', 'W123456789'],
    ['Colis en cours d\'acheminement', 'Votre commande ayant la référence MPLDQZTRH est en cours d\'acheminement.', 'MPLDQZTRH'],
    ['Acquisto confermato', 'Codice prenotazione (PNR): K7QX2M', 'K7QX2M'],
    ['Shop: Order Confirmation', 'Order #: 5501-AB', '5501-AB'],
    ['Bestelling', 'Ordernummer: 1234567', '1234567'],
    ['Danke', 'Ihre Auftragsnummer lautet 4500123.', '4500123'],
  ])('%s', (subject, body, expected) => {
    expect(find(subject, body)).toBe(expected);
  });

  it('a marketplace subject\'s #number that the body calls the item number is not the order number', () => {
    expect(find("You've paid for: Vintage brass fly reel, boxed #285519038821", 'Vintage brass fly reel\nItem number: 285519038821\nOrder number: 04-13829-55102')).toBe('04-13829-55102');
  });

  it('a receipt\'s own number gives way to the order number printed beside it', () => {
    expect(find('Your receipt from Juniper & Finch Letterpress [#1931-4408]', 'Receipt #1931-4408\nOrder reference (Juniper & Finch): JF-2026-0117')).toBe('JF-2026-0117');
    expect(find('Your receipt', 'Receipt #1931-4408\nAmount paid $12.00')).toBe('1931-4408');
  });

  it('a payment service prints the shop\'s number as the merchant\'s', () => {
    expect(find('Ihr Zahlungsbeleg', 'Beleg-Nr.  KW-88-402113\nBestellnummer des Händlers  HB-26-0311')).toBe('HB-26-0311');
    expect(find('Ricevuta', 'ID transazione SaldoPay  SP-3F9A-22K7-0041\nNumero ordine del negozio  BFC/0419')).toBe('BFC/0419');
  });

  it('an amount after an order word is not an order number: "Totale ordine (IVA inclusa) 206,01 €"', () => {
    expect(find('Conferma ordine', 'Ordine n. 2026/VA/1187\nTotale ordine (IVA inclusa)  206,01 €')).toBe('2026/VA/1187');
  });

  it('is never a date, an amount, a year or a word', () => {
    expect(find('Order update', 'Order date: 14.04.2026\nOrder total 12.50\nOrder 2026\nOrder placed')).toBeNull();
  });

  it('prefers the number the subject and the body agree on', () => {
    expect(find('Order CS-3318 confirmed', 'Reference: 77120\nOrder CS-3318\nOrder no.: CS-3318')).toBe('CS-3318');
  });

  it('one mail, two orders: the section of each runs from its number to the next order\'s', () => {
    const text = 'Placed June 2, 2026\nOrder GM-55012 · ships from Denver\nPack  $149.00\nOrder total  $189.40\nOrder GM-55013 · ships direct\nPoles  $109.95\nOrder total  $122.78\nCharged: $312.18';
    expect(orderSection(text, 'GM-55012')).toBe('Order GM-55012 · ships from Denver\nPack  $149.00\nOrder total  $189.40\n');
    expect(orderSection('Order 1042\nTotal  $12.00', '1042')).toBe('Order 1042\nTotal  $12.00');
  });
});
