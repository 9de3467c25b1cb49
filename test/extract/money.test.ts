import { describe, expect, it } from 'vitest';
import { currencyMentioned, findAmounts, parseNumber, resolveCurrency } from '../../src/extract/money.js';

describe('reading amounts', () => {
  it.each([
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1 234,56', 1234.56],
    ["1'234.50", 1234.5],
    ['6,248', 6248],
    ['12,800', 12800],
    ['54.9', 54.9],
    ['0,99', 0.99],
    ['1.000', 1000],
  ])('%s is %d', (raw, value) => {
    expect(parseNumber(raw)).toBe(value);
  });

  it('reads the currency from a symbol or code on either side', () => {
    const found = findAmounts('Paid $81.00 · 20,70 € · EUR 12,90 · CHF 1’234.50 · ¥12,800 · ₹6,248.00 · 1 249 kr', 'shop.se');
    expect(found.map((a) => [a.amount, a.currency])).toEqual([
      [81, 'USD'], [20.7, 'EUR'], [12.9, 'EUR'], [1234.5, 'CHF'], [12800, 'JPY'], [6248, 'INR'], [1249, 'SEK'],
    ]);
  });

  it('reads a bare "$" through the shop country', () => {
    expect(resolveCurrency('$', 'paddles.ca')).toBe('CAD');
    expect(resolveCurrency('$', 'gum.com.au')).toBe('AUD');
    expect(resolveCurrency('$', 'shop.com')).toBe('USD');
    expect(resolveCurrency('$', 'tiendapampa.com.ar')).toBe('ARS');
    expect(resolveCurrency('$', 'cordillera.cl')).toBe('CLP');
    expect(resolveCurrency('$', 'threadpress.co')).toBe('USD');
    expect(findAmounts('Total: $ 186.450,00', 'tiendapampa.com.ar').map((a) => [a.amount, a.currency])).toEqual([[186450, 'ARS']]);
    expect(findAmounts('CA$477.99 and A$20.00 and NZ$5.00', 'shop.com').map((a) => a.currency)).toEqual(['CAD', 'AUD', 'NZD']);
  });

  it('takes a bare number only with its cents, never a date or a quantity', () => {
    expect(findAmounts('TOTAL (USD)  196.44', null).map((a) => a.amount)).toEqual([196.44]);
    expect(findAmounts('Qty 10 on 14.04.2026', null)).toEqual([]);
  });

  it('finds a currency named apart from its number', () => {
    expect(currencyMentioned('TOTAL (USD)')).toBe('USD');
    expect(currencyMentioned('Total in €')).toBe('EUR');
    expect(currencyMentioned('Total')).toBeNull();
  });
});
