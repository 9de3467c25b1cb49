import { describe, expect, it } from 'vitest';
import { findForwardedHeaders, looksForwarded, newestPart, unquoteLines } from '../../src/extract/forward.js';

describe('forwarded orders', () => {
  it('finds the shop behind an Apple Mail forward', () => {
    const text = unquoteLines('Can you cancel this?\n\nBegin forwarded message:\n\n> From: Cinder & Sage <hello@cinderandsage.com>\n> Subject: Your order CS-3318\n> Date: 6 April 2026 at 19:45:02 PDT\n> To: Jordan <j@postbird.net>\n>\n> Order no.: CS-3318');
    const h = findForwardedHeaders(text)!;
    expect(h.fromAddress).toBe('hello@cinderandsage.com');
    expect(h.fromName).toBe('Cinder & Sage');
    expect(h.date).toBe('6 April 2026 at 19:45:02 PDT');
    expect(h.body).toContain('Order no.: CS-3318');
  });

  it('finds it behind a Gmail and an Outlook forward', () => {
    const gmail = '---------- Forwarded message ---------\nFrom: Harbor Light <orders@harborlight.com>\nDate: Sun, May 3, 2026 at 4:12 PM\nSubject: Order #10234\nTo: <me@example.net>\n\nThanks for your order';
    expect(findForwardedHeaders(gmail)?.fromAddress).toBe('orders@harborlight.com');
    const outlook = 'FYI\nFrom: Kettle & Co [mailto:service@kettleco.co.uk]\nSent: 03 May 2026 16:12\nTo: Me\nSubject: Your order\n\nOrder 5512';
    expect(findForwardedHeaders(outlook)?.fromAddress).toBe('service@kettleco.co.uk');
  });

  it('reads a Spanish Outlook forward, whose date label is "Enviado el"', () => {
    const text = 'Mira esto\nDe: Tienda Sol <pedidos@tiendasol.es>\nEnviado el: martes, 14 de abril de 2026 10:05\nPara: yo@correo.es\nAsunto: Confirmación de tu pedido 5512\n\nGracias por tu pedido';
    const h = findForwardedHeaders(text)!;
    expect(h.fromAddress).toBe('pedidos@tiendasol.es');
    expect(h.date).toBe('martes, 14 de abril de 2026 10:05');
    expect(h.subject).toBe('Confirmación de tu pedido 5512');
  });

  it('reads a Thunderbird forward with French labels', () => {
    const text = '-------- Message transféré --------\nSujet : \tConfirmation de votre commande n° LM-250981\nDate : \tTue, 8 Dec 2026 10:38:12 +0100\nDe : \tLiterie Montclair <commandes@literie-montclair.fr>\nPour : \tclaire@courrielle.fr\n\nMerci pour votre commande !';
    const h = findForwardedHeaders(text)!;
    expect(h.fromAddress).toBe('commandes@literie-montclair.fr');
    expect(h.subject).toBe('Confirmation de votre commande n° LM-250981');
    expect(h.body).toContain('Merci pour votre commande');
  });

  it('the newest part of a help-desk reply stops at its unmarked history', () => {
    expect(newestPart('Bonjour,\nNous avons transmis votre demande.\n##- Veuillez écrire votre réponse au-dessus de cette ligne -##\nMerci pour votre commande')).toBe('Bonjour,\nNous avons transmis votre demande.');
    expect(newestPart('We will get back to you.\nPriya Desai (Thorncroft) 13 May 2026, 11:02\nThanks for your order')).toBe('We will get back to you.');
  });

  it('the newest comment of a Zendesk-style mail is the one under the reply-above marker', () => {
    const text = [
      '##- Please type your reply above this line -##',
      'Your request (48213) has been updated. To add additional comments, reply to this email.',
      '----------------------------------------------',
      'Megan (Larchmont Blinds), Dec 2, 2026, 10:14 NST',
      "Hi Elspeth, we're not able to cancel order LB-66120.",
      '----------------------------------------------',
      'Elspeth Moir, Dec 1, 2026, 21:40 NST',
      'Hello, please cancel my order LB-66120.',
    ].join('\n');
    expect(newestPart(text)).toBe("Hi Elspeth, we're not able to cancel order LB-66120.");
  });

  it('a reply quoting "Original Message" is not a forward', () => {
    expect(looksForwarded('Re: please cancel CS-3318', '-----Original Message-----\nFrom: Robin <r@postbird.net>')).toBe(false);
    expect(looksForwarded('Fwd: Order 1', 'x')).toBe(true);
    expect(looksForwarded('WG: Bestellung', 'x')).toBe(true);
  });

  it('the newest part of a reply stops at its quoted history', () => {
    expect(newestPart('All sorted - cancelled.\nInes\n\nOn Mon, Apr 6, 2026 at 9:12 PM Robin wrote:\n> please cancel')).toBe('All sorted - cancelled.\nInes\n');
  });
});
