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

  it('reads "entro 1 ora dall’acquisto"', () => {
    expect(deadline('Puoi annullare l’ordine entro 1 ora dall’acquisto: Annulla ordine', { ...ctx, language: 'it', dayFirst: true })).toBe('2026-04-14T16:05:00-07:00');
  });

  it('reads "innerhalb der nächsten 24 Stunden" and "durante 24 horas"', () => {
    expect(deadline('Kostenlose Stornierung innerhalb der nächsten 24 Stunden.', { ...ctx, language: 'de', dayFirst: true })).toBe('2026-04-15T15:05:00-07:00');
    expect(deadline('Puedes cancelar gratis durante 24 horas.', { ...ctx, language: 'es', dayFirst: true })).toBe('2026-04-15T15:05:00-07:00');
  });

  it('a subscription is ended rather than cancelled: "kündigen", "résilier", "disdire", "opzeggen"', () => {
    const de = { ...ctx, language: 'de' as const, dayFirst: true };
    expect(deadline('Sie können die Verlängerung innerhalb von 14 Tagen kündigen und erhalten den vollen Betrag zurück.', de)).toBe('2026-04-28T15:05:00-07:00');
    expect(deadline('Vous pouvez résilier votre abonnement dans les 14 jours suivant le renouvellement.', { ...de, language: 'fr' })).toBe('2026-04-28T15:05:00-07:00');
    expect(deadline('Puoi disdire il rinnovo entro 14 giorni con rimborso completo.', { ...de, language: 'it' })).toBe('2026-04-28T15:05:00-07:00');
    expect(deadline('Je kunt de verlenging binnen 14 dagen opzeggen.', { ...de, language: 'nl' })).toBe('2026-04-28T15:05:00-07:00');
  });

  it('until the shop ships it is until shipped, in the shop\'s own words', () => {
    for (const [language, text] of [
      ['es', 'Podés cancelar tu compra sin costo hasta que la despachemos, desde Mis compras.'],
      ['de', 'Sie können die Bestellung stornieren, bis wir sie versenden.'],
      ['fr', "Vous pouvez annuler jusqu'à ce que nous l'expédiions."],
      ['it', 'Puoi annullare l’ordine finché non lo spediamo.'],
      ['nl', 'Je kunt annuleren totdat we het verzenden.'],
    ] as const) expect(findCancelPolicy(text, placed, { ...ctx, language, dayFirst: true }).untilShipped).toBe(true);
  });

  it('a time without a day is the next such time after the order', () => {
    expect(deadline('Je kunt je bestelling tot 22:00 annuleren via Mijn Account.', { ...ctx, language: 'nl', dayFirst: true })).toBe('2026-04-14T22:00:00-07:00');
    expect(deadline('You can cancel until 3 PM.')).toBe('2026-04-15T15:00:00-07:00');
  });

  it('a cancel offer without its own deadline takes the deadline for changes of its paragraph', () => {
    const text = 'Changes can be made until 11:59 PM on April 16. After that your box is packed and the charge is final. Skip, swap recipes or cancel this box here: https://x.example/edit';
    expect(deadline(text)).toBe('2026-04-16T23:59:00-07:00');
    expect(deadline('Changes can be made until 11:59 PM on April 16.\n\nTo cancel your subscription, visit your account.')).toBeNull();
  });

  it('until the courier collects it is until shipped', () => {
    expect(findCancelPolicy('Orders can be cancelled until they have been collected by the courier.', placed, ctx).untilShipped).toBe(true);
  });

  it('a time "am Tag nach Ihrer Bestellung" stands on the next day, whatever day a parser gives it', () => {
    expect(deadline('Sie können Ihre Bestellung bis 23:59 Uhr am Tag nach Ihrer Bestellung kostenlos stornieren.', { ...ctx, language: 'de', dayFirst: true })).toBe('2026-04-15T23:59:00-07:00');
  });

  it('counts back from a film or a concert the mail books', () => {
    const text = 'Saturday 18 April 2026 · 19:45 · Screen 4\nYou can cancel this booking for a full refund up to 1 hour before the film starts.';
    expect(deadline(text)).toBe('2026-04-18T18:45:00-07:00');
  });

  it('until the order leaves the warehouse is until shipped', () => {
    expect(findCancelPolicy('Eine Stornierung ist möglich, bis die Ware unser Lager verlässt.', placed, { ...ctx, language: 'de' }).untilShipped).toBe(true);
    expect(findCancelPolicy("Annulez avant que votre commande ne quitte notre entrepôt.", placed, { ...ctx, language: 'fr' }).untilShipped).toBe(true);
    expect(findCancelPolicy('Annuleren kan totdat je bestelling ons magazijn verlaat.', placed, { ...ctx, language: 'nl' }).untilShipped).toBe(true);
  });

  it('a window open while the seller has not shipped is until-shipped, with the pronoun between', () => {
    expect(findCancelPolicy('Puedes cancelar tu compra mientras el vendedor no la haya enviado.', placed, { ...ctx, language: 'es' }).untilShipped).toBe(true);
    expect(findCancelPolicy("Vous pouvez annuler tant que le vendeur ne l'a pas expédiée.", placed, { ...ctx, language: 'fr' }).untilShipped).toBe(true);
    expect(findCancelPolicy("Puoi annullare finché il venditore non l'ha spedito.", placed, { ...ctx, language: 'it' }).untilShipped).toBe(true);
  });

  it('reads "en las 2 horas siguientes" and "tot het moment van verzending"', () => {
    const es: DateContext = { language: 'es', reference: new Date(placed.ms), offset: -420, dayFirst: true };
    expect(deadline('Puedes cancelar tu pedido en las 2 horas siguientes a la compra.', es)).toBe('2026-04-14T17:05:00-07:00');
    expect(findCancelPolicy('Annuleren kan tot het moment van verzending.', placed, { ...ctx, language: 'nl' }).untilShipped).toBe(true);
    // "p. m." does not end the sentence: "de hoy" still belongs to it
    expect(deadline('Puedes cancelar tu pedido sin costo hasta las 6:00 p. m.\nde hoy: https://x.example/c', es)).toBe('2026-04-14T18:00:00-07:00');
  });

  it('reads an absolute deadline in its printed zone, daylight saving included', () => {
    expect(deadline('Edits and cancellations close at 9:00 PM CT on April 14, 2026.')).toBe('2026-04-14T21:00:00-05:00');
    // hard-wrapped plain text: a line that ends on "until" goes on with the next
    expect(deadline('Cancellations are accepted until\n9:00 PM CT on April 14, 2026.\nThanks for shopping with us.')).toBe('2026-04-14T21:00:00-05:00');
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
    'Podemos cancelar tu pedido mientras no haya salido del taller.',
    "You can cancel items that haven't shipped yet from Your Orders.",
    'You can cancel free of charge until it is handed over to the carrier.',
    'You can cancel until the seller marks it as dispatched.',
    'Sie können die Bestellung stornieren, solange sie noch nicht versendet wurde.',
    'We can stop your order any time before it leaves our Halifax workshop.',
    'Eine Stornierung ist bis zur Übergabe an den Versanddienstleister möglich.',
  ])('"%s" means cancellable until shipped, with no deadline', (text) => {
    const p = findCancelPolicy(text, placed, ctx);
    expect(p.untilShipped).toBe(true);
    expect(p.deadline).toBeNull();
  });

  it.each([
    ['Annuleren kan tot 1 uur na het plaatsen van je bestelling.', '2026-04-14T16:05:00-07:00'],
    ['You have a 2 hour window to cancel from your account.', '2026-04-14T17:05:00-07:00'],
    ['You can cancel free within 60 seconds of placing the order.', '2026-04-14T15:06:00-07:00'],
  ])('"%s" is a window however the number stands', (text, expected) => {
    expect(deadline(text)).toBe(expected);
  });

  it.each([
    ['Du hast 14 Minuten Zeit, deine Bestellung zu ändern oder zu stornieren.', '2026-04-14T15:19:00-07:00'],
    ['Vous disposez de 30 minutes pour annuler votre commande.', '2026-04-14T15:35:00-07:00'],
  ])('"%s": the time you have', (text, expected) => {
    expect(deadline(text)).toBe(expected);
  });

  it('until midnight is the end of the day', () => {
    expect(deadline('Je kunt je bestelling tot middernacht kosteloos annuleren.')).toBe('2026-04-15T00:00:00-07:00');
  });

  it('the end of the day is its midnight, and "dans l\'heure" is one hour', () => {
    expect(deadline('Cancel by end of day today.')).toBe('2026-04-15T00:00:00-07:00');
    expect(deadline('You can cancel it yourself until end of day – 23:59 tonight – under My page.')).toBe('2026-04-14T23:59:00-07:00');
    expect(deadline("Orders can be cancelled until 11:59 p.m. PT on the day they're placed.")).toBe('2026-04-14T23:59:00-07:00');
    expect(deadline("Vous pouvez annuler dans l'heure qui suit votre commande.", { ...ctx, language: 'fr' })).toBe('2026-04-14T16:05:00-07:00');
  });

  it('an automatic cancellation by the shop is not the owner\'s window', () => {
    expect(deadline("If we don't hear back by 11:59 PM ET on April 15, 2026, the order will be cancelled automatically.")).toBeNull();
  });

  it('a question about cancelling is answered by the next sentence', () => {
    expect(deadline('Need to cancel this first box? You can do it free of charge until 11:59pm on April 19, 2026.')).toBe('2026-04-19T23:59:00-07:00');
  });

  it('"tonight" is the order day', () => {
    expect(deadline('Cancel by 11:59pm PT tonight from your account.')).toBe('2026-04-14T23:59:00-07:00');
  });

  it('an item that cannot be cancelled has no window, whatever the footer says about orders in general', () => {
    const text = 'Because this item is personalized, the shop doesn\'t accept cancellations.\n\nMost sellers accept cancellation requests within 24 hours of purchase.';
    expect(findCancelPolicy(text, placed, ctx)).toEqual({ deadline: null, untilShipped: false, evidence: null });
    expect(deadline('Tickets cannot be cancelled or changed after purchase. Merchandise orders can be cancelled within 24 hours.')).toBeNull();
  });

  it('a rule with a condition does not cancel the window it bounds', () => {
    expect(deadline('You can cancel within 2 hours. After that, orders cannot be cancelled.')).toBe('2026-04-14T17:05:00-07:00');
    expect(deadline('Cancel within 2 hours of ordering; once shipped, orders cannot be cancelled.')).toBe('2026-04-14T17:05:00-07:00');
    const it_: DateContext = { language: 'it', reference: new Date(placed.ms), offset: 60, dayFirst: true };
    expect(deadline("L'ordine può essere annullato gratuitamente entro 24 ore dall'acquisto. Trascorso questo termine iniziamo il taglio e l'ordine non può più essere annullato.", it_)).toBe('2026-04-15T15:05:00-07:00');
  });

  describe('counted from another day than the order\'s', () => {
    const de: DateContext = { language: 'de', reference: new Date(placed.ms), offset: 60, dayFirst: true };
    const at = (text: string, c: DateContext = ctx) => {
      const p = findCancelPolicy(text, placed, c);
      return p.deadline ? formatInstant(p.deadline.ms, p.deadline.offset) : null;
    };

    it('a time the day before the booked delivery', () => {
      expect(at('Delivery slot: Saturday 18 April 2026, 8:00am - 9:00am\nYou can change or cancel your order until 22:00 the day before your delivery.')).toBe('2026-04-17T22:00:00-07:00');
    });

    it('hours before the delivery slot starts', () => {
      expect(at('Liefertermin: Freitag, 17.04.2026, Zeitfenster 08:00-12:00 Uhr\nStornierung kostenlos bis 24 Stunden vor Lieferung.', de)).toBe('2026-04-16T08:00:00+01:00');
    });

    it('hours before the start of the delivery slot: "tot 24 uur voor het begin van je bezorgmoment"', () => {
      const nl: DateContext = { language: 'nl', reference: new Date(placed.ms), offset: 120, dayFirst: true };
      expect(at('Bezorgmoment  zaterdag 18 april 2026, 10:00 – 12:00\nJe kunt je bestelling annuleren tot 24 uur voor het begin van je bezorgmoment.', nl)).toBe('2026-04-17T10:00:00+02:00');
    });

    it('hours before a booked pick-up or check-in', () => {
      const es: DateContext = { language: 'es', reference: new Date(placed.ms), offset: 60, dayFirst: true };
      expect(at('Recogida  jueves, 7 de enero de 2027, 10:30\nCancelación gratuita hasta 48 horas antes de la hora de recogida.', es)).toBe('2027-01-05T10:30:00+01:00');
      expect(at('Check-in: Friday 24 April 2026, 15:00\nFree cancellation up to 24 hours before check-in.')).toBe('2026-04-23T15:00:00-07:00');
    });

    it('a weekday and a time: the first such weekday after the order (placed on a Tuesday)', () => {
      const tuesday = { ms: Date.parse('2026-04-14T15:05:00+02:00'), offset: 120 };
      const on = (text: string, language: DateContext['language']) => {
        const p = findCancelPolicy(text, tuesday, { language, reference: new Date(tuesday.ms), offset: 120, dayFirst: language !== 'en' });
        return p.deadline ? formatInstant(p.deadline.ms, p.deadline.offset) : null;
      };
      expect(on('You can cancel until 5pm on Friday.', 'en')).toBe('2026-04-17T17:00:00+02:00');
      expect(on('Sie können bis Montag, 12 Uhr stornieren.', 'de')).toBe('2026-04-20T12:00:00+02:00');
      expect(on("Vous pouvez annuler jusqu'à vendredi 17h.", 'fr')).toBe('2026-04-17T17:00:00+02:00');
      expect(on('Puedes cancelar hasta el viernes a las 17:00.', 'es')).toBe('2026-04-17T17:00:00+02:00');
      expect(on('Puoi annullare entro venerdì alle 17:00.', 'it')).toBe('2026-04-17T17:00:00+02:00');
      expect(on('Annuleren kan tot vrijdag 17:00 uur.', 'nl')).toBe('2026-04-17T17:00:00+02:00');
      // the order's own weekday, later that day; and a weekday alone says no time
      expect(on('You can cancel until 6pm on Tuesday.', 'en')).toBe('2026-04-14T18:00:00+02:00');
      expect(on('You can cancel until Friday.', 'en')).toBeNull();
    });

    it('a time on the next day: "hasta las 14:00 del día siguiente", "tot morgen 12.00 uur"', () => {
      expect(at('Puedes cancelar tu pedido hasta las 14:00 del día siguiente.', { ...ctx, language: 'es', dayFirst: true })).toBe('2026-04-15T14:00:00-07:00');
      expect(at('Annuleren kan tot morgen 12.00 uur via je account.', { ...ctx, language: 'nl', dayFirst: true })).toBe('2026-04-15T12:00:00-07:00');
    });

    it('no booked delivery, no deadline', () => {
      expect(at('You can cancel up to 48 hours before delivery.')).toBeNull();
    });

    it('a time on the next working day (the order was placed on a Friday)', () => {
      const friday = { ms: Date.parse('2026-04-17T22:47:00+02:00'), offset: 120 };
      const p = findCancelPolicy('Orders can be cancelled until 14:00 (Norwegian time) the next working day.', friday, { ...ctx, offset: 120 });
      expect(p.deadline ? formatInstant(p.deadline.ms, p.deadline.offset) : null).toBe('2026-04-20T14:00:00+02:00');
    });
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

  it('reads a return period in weeks as days', () => {
    expect(findReturnWindow('Unwound, unused yarn can be returned within 4 weeks of delivery.')?.days).toBe(28);
    expect(findReturnWindow('Rücksendung innerhalb von 2 Wochen.')?.days).toBe(14);
  });

  it('reads "30-tägiges Rückgaberecht"', () => {
    expect(findReturnWindow('Sie haben ein 30-tägiges Rückgaberecht ab Erhalt der Ware.')?.days).toBe(30);
  });

  it('the right of withdrawal is the return window when the mail states no return period of its own', () => {
    expect(findReturnWindow('Widerrufsrecht: Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen.')?.days).toBe(14);
    expect(findReturnWindow('Diritto di recesso: hai 14 giorni per recedere dal contratto a partire dal giorno della consegna.')?.days).toBe(14);
    expect(findReturnWindow('Vous disposez d’un délai de rétractation de 14 jours à compter de la réception.')?.days).toBe(14);
    expect(findReturnWindow('You may withdraw from the contract without giving a reason within 14 days of receiving the parcel.')?.days).toBe(14);
    // a return period of the shop's own wins over the statutory one
    expect(findReturnWindow('Widerrufsrecht: binnen vierzehn Tagen.\nRückgabe: 30 Tage kostenlos.')?.days).toBe(30);
  });

  it('does not take the legal refund deadline of a withdrawal notice for a return window', () => {
    expect(findReturnWindow('Te devolveremos todos los pagos recibidos, incluidos los gastos de entrega, a más tardar 14 días naturales a partir de la fecha en la que se nos informe de tu decisión.')).toBeNull();
  });

  it('the customer\'s days to send goods back count even when the same sentence promises the money back', () => {
    expect(findReturnWindow('Cuando lo recibas, tienes 14 días naturales para devolvernos los libros si no los quieres; en cuanto nos lleguen te devolvemos el importe.')?.days).toBe(14);
  });

  it('reads a return sentence wrapped before its number of days', () => {
    expect(findReturnWindow('Lieferfrist: ca. 3-5 Arbeitstage.\nRückgabe: Ungetragene Uhren mit unversehrtem Schutzfilm nehmen wir innert\n30 Tagen zurück.')?.days).toBe(30);
  });

  it('a return period beats an exchange and a deposit\'s deadline; the period nearest the return word counts', () => {
    expect(findReturnWindow('Altteilpfand: Senden Sie den alten Bremssattel innerhalb von 6 Wochen an uns zurück – dann erstatten wir Ihnen das Pfand.\nRückgabe: Nicht eingebaute Teile können Sie innerhalb von 30 Tagen zurückgeben.')?.days).toBe(30);
    expect(findReturnWindow('Échange de taille de cadre gratuit sous 30 jours. Retours : 14 jours à compter de la réception.')?.days).toBe(14);
    expect(findReturnWindow('il cambio taglia del telaio è gratuito entro 30 giorni; altrimenti puoi restituirla entro 14 giorni dalla consegna con reso gratuito.')?.days).toBe(14);
    // "la taglia" is no "a tag" (one day)
    expect(findReturnWindow('se la taglia non va bene, puoi restituirla con reso gratuito.')).toBeNull();
  });

  it('does not take a refund processing time for a return window', () => {
    expect(findReturnWindow('Your refund will be processed within 5 business days.')).toBeNull();
  });
});
