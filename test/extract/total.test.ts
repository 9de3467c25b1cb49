import { describe, expect, it } from 'vitest';
import { findRefundAmount, findTotal } from '../../src/extract/total.js';

const total = (text: string, domain: string, currency: string) => {
  const t = findTotal(text, domain, currency);
  return t ? `${t.total.amount} ${t.total.currency}` : null;
};

describe('the grand total', () => {
  it('is the grand total line, never the subtotal, a discount or a tax line', () => {
    expect(total('Items  $80.00\nTax  $6.40\nTotal before tax  $80.00\nGrand Total  $86.40', 'shop.example', 'USD')).toBe('86.4 USD');
    expect(total('Zwischensumme  120,00 €\nGutschein  -20,00 €\nGesamtsumme  100,00 €', 'shop.de', 'EUR')).toBe('100 EUR');
    expect(total('Total TTC  89,90 €\ndont TVA  14,98 €', 'shop.fr', 'EUR')).toBe('89.9 EUR');
  });

  it('Swiss "Gesamttotal" under a "Zwischentotal"', () => {
    expect(total('Zwischentotal  CHF 1\'249.00\nClick & Collect  CHF 0.00\nGesamttotal  CHF 1\'249.00\ninkl. 8.1% MWST  CHF 93.91', 'elektrion.ch', 'CHF')).toBe('1249 CHF');
  });

  it('an order updated after a substitution: the new total, not the previous one', () => {
    expect(total('Subtotale  54,20 €\nSpedizione refrigerata  9,90 €\nNuovo totale  64,10 €\nTotale precedente: 66,50 €. La differenza di 2,40 € non ti verrà addebitata.', 'bottegasanfelice.it', 'EUR')).toBe('64.1 EUR');
    expect(total('Previous total: $66.50\nNew total: $64.10', 'shop.example', 'USD')).toBe('64.1 USD');
  });

  it('"Total IVA incluido (21 %): 245,39 €  1.413,90 €": the total, not the tax it includes', () => {
    expect(total('Envío  25,00 €\nTotal IVA incluido (21 %): 245,39 €  1.413,90 €', 'bicisierranorte.es', 'EUR')).toBe('1413.9 EUR');
  });

  it('a row of values under a row of labels: the total label\'s own column', () => {
    expect(total('Samenvatting\nArtikelen  Verzending  Korting (LENTE10)  Totaal\n€ 64,85  € 4,95  − € 6,49  € 63,31', 'lindeboom.nl', 'EUR')).toBe('63.31 EUR');
  });

  it('without a total line, the amount "charged to card" in a short text', () => {
    expect(total('Basil&Bay: order #BB40217 confirmed. $63.18 charged to card ending 4411. Delivery Sat 7/11, 2-4pm.', 'basilandbay.com', 'USD')).toBe('63.18 USD');
  });

  it('"Montant de la commande CHF 389.–" on a shipping notice', () => {
    expect(total('Commande  GE/2026/0331\nMontant de la commande  CHF 389.–\nTransporteur  La Poste Suisse', 'atelier-lemanique.ch', 'CHF')).toBe('389 CHF');
  });

  it('the amount finally charged after substitutions, not the estimate at ordering', () => {
    expect(total('Geschat bedrag bij bestelling  € 87,45\nDefinitief afgeschreven bedrag  € 84,06', 'versvlot.nl', 'EUR')).toBe('84.06 EUR');
    // prose about a final total to come is no line of the bill
    expect(total('Estimated order total (incl. GST)  NZ$181.71\nYour final total may change a little. We placed an authorisation of $199.88 on your card.', 'kererufresh.co.nz', 'NZD')).toBe('181.71 NZD');
  });

  it('an updated order\'s total is the new total, not the difference charged today', () => {
    expect(total('New order total  CA$1,239.61\nPreviously charged  CA$1,150.34\nAdditional amount charged today  CA$89.27', 'shop.ca', 'CAD')).toBe('1239.61 CAD');
    // "Totaal betaald" is no "al betaald"
    expect(total('Totaal betaald  € 1.149,00', 'shop.nl', 'EUR')).toBe('1149 EUR');
  });

  it('a receipt that lost its line breaks: the total label\'s own neighbourhood decides, not the whole line', () => {
    const line = `Thanks for your order! Order number: EN-2026-095223 1 x Waxed Canvas Apron  £141.00 Subtotal  £141.00 Shipping  £0.00 Order total  £141.00 Includes VAT (20%)  £23.50 ${'You might also like Brass Coffee Mug - £50.95 '.repeat(10)}`;
    expect(total(line, 'embergoods.co.uk', 'GBP')).toBe('141 GBP');
  });

  it('a refund said as money back on the account: "staat binnen 3 werkdagen weer op je rekening"', () => {
    expect(findRefundAmount('Het volledige bedrag van € 54,90\nstaat binnen 3 werkdagen weer op je rekening.', 'studioklaproos.nl')?.total).toEqual({ amount: 54.9, currency: 'EUR' });
  });

  it('reads French "Montant TTC" and "Net à payer"', () => {
    expect(total('Sous-total  50,00 €\nMontant TTC  59,95 €', 'shop.fr', 'EUR')).toBe('59.95 EUR');
    expect(total('Net à payer  59,95 €', 'shop.fr', 'EUR')).toBe('59.95 EUR');
  });

  it('a payment receipt\'s bare "Amount:" or "Bedrag:" counts when no total line stands', () => {
    expect(total('Bestelnummer: TK-20931\nBedrag: € 239,00', 'shop.nl', 'EUR')).toBe('239 EUR');
    expect(total('Amount: $40.00\nTotal  $52.50', 'shop.example', 'USD')).toBe('52.5 USD');
  });

  it('reads local formats: thousands with spaces, apostrophes or dots, no decimals', () => {
    expect(total("Total: CHF 1'234.50", 'shop.ch', 'CHF')).toBe('1234.5 CHF');
    expect(total('Total  DKK 1.299,00', 'shop.dk', 'DKK')).toBe('1299 DKK');
    expect(total('Total  ¥3,480', 'shop.jp', 'JPY')).toBe('3480 JPY');
    expect(total('Totale ordine  € 1.249,00', 'shop.it', 'EUR')).toBe('1249 EUR');
  });

  it('knows total labels of Nordic, Polish and Czech receipts, as whole words only', () => {
    expect(total('Summa  1 249 kr\nFrakt  49 kr\nTotalt  1 298 kr', 'shop.se', 'SEK')).toBe('1298 SEK');
    expect(total('Razem do zapłaty: 1 234,56 zł', 'shop.pl', 'PLN')).toBe('1234.56 PLN');
    expect(total('Celkem k úhradě: 2 490 Kč', 'shop.cz', 'CZK')).toBe('2490 CZK');
    expect(total('Totalt å betale  kr 899,-', 'shop.no', 'NOK')).toBe('899 NOK');
    expect(total('Specialty blend  $12.00', 'shop.example', 'USD')).toBeNull();
  });

  it('reads Indian lakh grouping and the South African rand on a .za shop', () => {
    expect(total('Order total (incl. GST)  ₹1,24,999.00', 'vayu.in', 'INR')).toBe('124999 INR');
    expect(total('TOTAL  R1 249,90', 'fynbosfig.co.za', 'ZAR')).toBe('1249.9 ZAR');
  });

  it('reads Shopware\'s "Gesamtkosten Brutto" and a refund "rücküberwiesen"', () => {
    expect(total('Zwischensumme  59,90 €\nVersandkosten  4,90 €\nGesamtkosten Netto  56,60 €\nGesamtkosten Brutto  67,35 €', 'shop.de', 'EUR')).toBe('67.35 EUR');
  });
});
