import { describe, expect, it } from 'vitest';
import { transactional, triage, worthFetching } from '../../src/extract/triage.js';

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

  it.each([
    'Lunch on Friday?', 'Your weekly digest', 'Photos from the weekend', 'Meeting notes', 'Your monthly statement is ready',
    'Your verification code 482913', 'Confirm your email', 'Noise-Cancelling headphones 30% off', 'ORDER BY clause question',
    'Return values in Go', 'Intel AX210 driver', 'Order now and save 20%',
  ])('not order mail: %s', (subject) => {
    expect(worthFetching(m(subject))).toBe(false);
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
