import { describe, expect, it } from 'vitest';
import { findDates, formatInstant, headerInstant, headerOffset, type DateContext } from '../../src/extract/dates.js';

const ctx = (over: Partial<DateContext>): DateContext => ({
  language: 'en', reference: new Date('2026-04-14T12:00:00Z'), offset: 120, dayFirst: true, ...over,
});
const iso = (text: string, c: DateContext) => {
  const d = findDates(text, c)[0];
  return d ? formatInstant(d.ms, d.offset) : null;
};

describe('reading dates in six languages', () => {
  it.each([
    ['en', 'Placed 14 Apr 2026, 3:05 PM', -420, '2026-04-14T15:05:00-07:00'],
    ['en', 'until 9:00 PM CT on April 14, 2026', 0, '2026-04-14T21:00:00-05:00'],
    ['en', 'April 6, 2026 7:44 PM PDT', 0, '2026-04-06T19:44:00-07:00'],
    ['de', 'bis zum 15.04.2026, 22:00 Uhr', 120, '2026-04-15T22:00:00+02:00'],
    ['fr', 'mercredi 20 mai 2026 à 20h13', 120, '2026-05-20T20:13:00+02:00'],
    ['fr', 'Commande du 20/05/2026 à 20:13', 120, '2026-05-20T20:13:00+02:00'],
    ['es', '14 de abril de 2026, 10:05', 120, '2026-04-14T10:05:00+02:00'],
    ['it', '14/04/2026 alle ore 10:30', 120, '2026-04-14T10:30:00+02:00'],
    ['nl', '14 april 2026 om 10:30', 120, '2026-04-14T10:30:00+02:00'],
    ['en', 'Order placed on 14-Apr-2026 15:05 IST', 0, '2026-04-14T15:05:00+05:30'],
    ['en', 'Placed on 14/04/2026 at 3:05 pm AEST', 0, '2026-04-14T15:05:00+10:00'],
    ['es', '14 de abril de 2026, 3:05 p. m.', -360, '2026-04-14T15:05:00-06:00'],
  ] as const)('%s: %s', (language, text, offset, expected) => {
    expect(iso(text, ctx({ language, offset }))).toBe(expected);
  });

  it('reads 03/05 as 3 May where days come first and as March 5 in the US', () => {
    expect(iso('03/05/2026 16:12', ctx({ dayFirst: true, offset: 60 }))).toBe('2026-05-03T16:12:00+01:00');
    expect(iso('03/05/2026 16:12', ctx({ dayFirst: false, offset: -300 }))).toBe('2026-03-05T16:12:00-05:00');
  });

  it('reads dotted dates day first even in English mail from a month-first context', () => {
    expect(iso('Order date: 04.12.2026 22:47', ctx({ dayFirst: false, offset: 60 }))).toBe('2026-12-04T22:47:00+01:00');
  });

  it('reads a date and time joined by a dash, and a time with a trailing h', () => {
    expect(iso('Fecha del pedido: 11/06/2026 - 10:22h', ctx({ language: 'es', offset: 120 }))).toBe('2026-06-11T10:22:00+02:00');
  });

  it('reads Central European time written out, summer time included', () => {
    expect(iso('le 13 mai 2026 à 22h47 (heure de Paris)', ctx({ language: 'fr', offset: 0 }))).toBe('2026-05-13T22:47:00+02:00');
    expect(iso('hasta las 14:00 h (hora peninsular) del 15/05/2026', ctx({ language: 'es', offset: 0 }))).toBe('2026-05-15T14:00:00+02:00');
  });

  it('reads a time printed before its date in that date\'s summer time, not the mail\'s', () => {
    const november = ctx({ reference: new Date('2026-11-20T15:00:00Z'), offset: -300, dayFirst: false });
    expect(iso('until 11:59 PM ET on March 31, 2027', november)).toBe('2027-03-31T23:59:00-04:00');
    expect(iso('until 12:00 JST on 2026/03/04', november)).toBe('2026-03-04T12:00:00+09:00');
  });

  it('reads English noon before its date, in the date\'s summer time', () => {
    expect(iso('accepted until noon ET on Thursday, March 5', ctx({ language: 'en', reference: new Date('2026-03-03T21:19:07Z'), offset: -300, dayFirst: false }))).toBe('2026-03-05T12:00:00-05:00');
  });

  it('an order number before a date is no time of day: "100512  14.04.2026 09:41 Uhr"', () => {
    expect(iso('100512  14.04.2026 09:41 Uhr  K-20931  PayPal', ctx({ language: 'de', offset: 120 }))).toBe('2026-04-14T09:41:00+02:00');
  });

  it('reads an offset printed among words in parentheses after the time', () => {
    expect(iso('Fecha  10 de abril de 2026, 21:14 h (hora del centro, UTC-6)', ctx({ language: 'es', offset: 0 }))).toBe('2026-04-10T21:14:00-06:00');
  });

  it('reads noon and midnight written as words', () => {
    expect(iso('annulez avant le 12/12/2026 à midi', ctx({ language: 'fr', offset: 60 }))).toBe('2026-12-12T12:00:00+01:00');
    expect(iso('annulla entro il 12/12/2026 a mezzogiorno', ctx({ language: 'it', offset: 60 }))).toBe('2026-12-12T12:00:00+01:00');
  });

  it('says whether a time of day was printed', () => {
    expect(findDates('3 May 2026', ctx({}))[0]?.hasTime).toBe(false);
    expect(findDates('3 May 2026 at 4:12 PM', ctx({}))[0]?.hasTime).toBe(true);
  });

  it('never depends on the machine time zone', () => {
    expect(iso('14.04.2026 09:20', ctx({ language: 'de', offset: 120 }))).toBe('2026-04-14T09:20:00+02:00');
  });
});

describe('Date headers', () => {
  it('keeps the offset the header was written in', () => {
    expect(headerOffset('Tue, 14 Apr 2026 15:06:40 -0700')).toBe(-420);
    expect(headerOffset('Thu, 05 Mar 2026 08:41:10 +1100 (AEDT)')).toBe(660);
    expect(headerOffset('Mon, 9 Feb 2026 11:48:02 GMT')).toBe(0);
    const h = headerInstant('Mon, 16 Nov 2026 11:05:20 +0530')!;
    expect(formatInstant(h.ms, h.offset)).toBe('2026-11-16T11:05:20+05:30');
  });

  it('reads a forwarded header written in prose', () => {
    const h = headerInstant('6 April 2026 at 19:45:02 PDT')!;
    expect(formatInstant(h.ms, h.offset)).toBe('2026-04-06T19:45:02-07:00');
  });
});
