import { describe, expect, it } from 'vitest';
import { worthFetching } from '../../src/extract/triage.js';

const m = (subject: string, headers: Record<string, string> = {}) => ({ subject, from: 'x@shop.example', headers });

describe('which messages are worth downloading', () => {
  it.each([
    'Receipt from Ridgeway Pantry - #2291', 'Your order has shipped', 'Bestellbestätigung 100045872', 'Votre commande BM-10452 est enregistrée',
    'Confirmación de tu pedido', 'Il tuo ordine è stato spedito', 'Je bestelling is onderweg', 'Delivered: VO-2026-11873', 'AT-77310 has left the building',
  ])('order mail: %s', (subject) => {
    expect(worthFetching(m(subject))).toBe(true);
  });

  it('a reply in a thread, whatever its subject', () => {
    expect(worthFetching(m('Re: quick question'))).toBe(true);
    expect(worthFetching(m('thanks!', { 'in-reply-to': '<a@b>' }))).toBe(true);
  });

  it.each(['Lunch on Friday?', 'Your weekly digest', 'Photos from the weekend', 'Meeting notes'])('not order mail: %s', (subject) => {
    expect(worthFetching(m(subject))).toBe(false);
  });
});
