import { describe, expect, it } from 'vitest';
import { formatInstant, type DateContext } from '../../src/extract/dates.js';
import { findCancelPolicy, findReturnWindow } from '../../src/extract/policy.js';

const placed = { ms: Date.parse('2026-04-14T15:05:00-07:00'), offset: -420 };
const ctx: DateContext = { language: 'en', reference: new Date(placed.ms), offset: -420, dayFirst: false };
const deadline = (text: string, c: DateContext = ctx) => {
  const p = findCancelPolicy(text, placed, c);
  return p.deadline ? formatInstant(p.deadline.ms, p.deadline.offset) : null;
};

describe('the cancellation window', () => {
  it.each([
    ['Orders can be cancelled for 60 minutes after checkout.', '2026-04-14T16:05:00-07:00'],
    ['Second thoughts? Cancel within 2 hours: https://x.example/cancel', '2026-04-14T17:05:00-07:00'],
    ["You've got 24 hours to change or cancel.", '2026-04-15T15:05:00-07:00'],
    ['You may cancel your order within thirty minutes of placing it.', '2026-04-14T15:35:00-07:00'],
    ['Cancellation allowed within 6 hours of ordering — cancel here.', '2026-04-14T21:05:00-07:00'],
  ])('"%s" runs from the order time', (text, expected) => {
    expect(deadline(text)).toBe(expected);
  });

  it('reads an absolute deadline in its printed zone, daylight saving included', () => {
    expect(deadline('Edits and cancellations close at 9:00 PM CT on April 14, 2026.')).toBe('2026-04-14T21:00:00-05:00');
  });

  it('reads a deadline without a zone in the Date header offset', () => {
    const de: DateContext = { language: 'de', reference: new Date(placed.ms), offset: 120, dayFirst: true };
    expect(deadline('Sie können Ihre Bestellung bis zum 15.04.2026, 22:00 Uhr kostenlos stornieren.', de)).toBe('2026-04-15T22:00:00+02:00');
  });

  it.each([
    'You can cancel any time until your order ships.',
    'Need to change something? Cancel before it ships from My Account.',
    'Sie können bis zum Versand jederzeit stornieren.',
    "Vous pouvez annuler jusqu'à l'expédition.",
    'Annulation possible jusqu’à l’expédition : depuis votre compte.',
    'Puedes cancelar tu pedido hasta que se envíe.',
    'Puoi annullare fino alla spedizione.',
    'Je kunt annuleren tot verzending.',
  ])('"%s" means cancellable until shipped, with no deadline', (text) => {
    const p = findCancelPolicy(text, placed, ctx);
    expect(p.untilShipped).toBe(true);
    expect(p.deadline).toBeNull();
  });

  it('ignores dates that are not about cancelling', () => {
    expect(deadline('Sale ends April 20 at midnight. Use code SPRING by April 18.')).toBeNull();
    expect(deadline('Unsubscribe within 10 days to stop these mails.')).toBeNull();
  });
});

describe('the return window', () => {
  it.each([
    ['Unopened items can come back within 14 days.', 14],
    ['Returns accepted within 60 days with an RMA number.', 60],
    ['30-day returns on everything.', 30],
    ['Sie haben ein 30 Tage Rückgaberecht.', 30],
    ['Retour gratuit sous 14 jours.', 14],
    ['Devolución gratuita en 30 días.', 30],
    ['Reso gratuito entro 14 giorni.', 14],
    ['Je hebt 30 dagen bedenktijd.', 30],
  ])('"%s" -> %d days', (text, days) => {
    expect(findReturnWindow(text)?.days).toBe(days);
  });

  it('does not take a refund processing time for a return window', () => {
    expect(findReturnWindow('Your refund will be processed within 5 business days.')).toBeNull();
  });
});
