import { describe, expect, it } from 'vitest';
import { classify, type KindSignals } from '../../src/extract/kind.js';

const signals = (over: Partial<KindSignals>): KindSignals => ({
  subject: '', opening: '', body: '', hasOrderNumber: true, hasTrackingNumber: false, hasTotal: true, totalInOpening: true,
  hasStructuredOrder: false, structuredStatus: null, ...over,
});
const kindOf = (over: Partial<KindSignals>) => classify(signals(over)).kind;

describe('what an email is about', () => {
  it('an order confirmation says so and names a number and a charge', () => {
    expect(kindOf({ subject: 'Order #1042 confirmed', opening: 'Thanks for your order!' })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Ihre Bestellung 100045872', opening: 'Vielen Dank für Ihre Bestellung' })).toBe('order_confirmation');
  });

  it('without an order number or a charge it is not an order', () => {
    expect(kindOf({ subject: 'Thanks for your order', hasOrderNumber: false })).toBe('other');
    expect(kindOf({ subject: 'Thanks for your order', hasTotal: false })).toBe('other');
  });

  it('promotions are other, whatever they say about ordering', () => {
    expect(kindOf({ subject: 'Wild ramps are back - order now, they go fast', opening: 'Order now: 20% off', hasOrderNumber: false })).toBe('other');
    expect(kindOf({ subject: 'You left something in your cart', opening: 'Complete your purchase', hasOrderNumber: false })).toBe('other');
    expect(kindOf({ subject: 'Rate your recent order #1042', opening: 'How did we do?' })).toBe('other');
  });

  it('a refusal to cancel is cancellation_denied, even though it speaks of cancelling', () => {
    expect(kindOf({ subject: "We couldn't stop VO-2026-11873 in time", opening: 'Your cancellation request arrived too late.' })).toBe('cancellation_denied');
    expect(kindOf({ subject: 'Ihre Stornierung', opening: 'Ihre Bestellung konnte leider nicht mehr storniert werden.' })).toBe('cancellation_denied');
  });

  it('a confirmed cancellation, a delivery and a shipment are told apart', () => {
    expect(kindOf({ subject: 'Order NP-5120 cancelled - refund on the way' })).toBe('cancellation_confirmation');
    expect(kindOf({ subject: 'Delivered: VO-2026-11873' })).toBe('delivery_notification');
    expect(kindOf({ subject: 'Your order has shipped', hasTrackingNumber: true })).toBe('shipping_notification');
    expect(kindOf({ subject: 'Votre commande a été expédiée' })).toBe('shipping_notification');
  });

  it('an order confirmation that promises shipping is still an order confirmation', () => {
    expect(kindOf({ subject: 'Order #1042 confirmed', opening: "Thanks! We'll let you know when it has shipped." })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Your Cnoc Árd order CA-20558', opening: "Thanks for your order! We'll let you know as soon as it's on its way." })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Ihre Bestellung 100045872', opening: 'Vielen Dank! Sobald Ihre Ware unsere Werkstatt verlässt, senden wir Ihnen eine Versandbestätigung mit Sendungsnummer.' })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Order 1042', opening: "Thank you for your order. You'll receive a shipping confirmation with tracking." })).toBe('order_confirmation');
  });

  it('a review request names a delivered order but is other, in any language', () => {
    expect(kindOf({ subject: "Sanne, com'è andato il tuo ordine n. 77120?", opening: 'il tuo ordine n. 77120 è stato consegnato. Lascia una recensione' })).toBe('other');
    expect(kindOf({ subject: 'Wie zufrieden sind Sie mit Bestellung 4711?', opening: 'Ihre Bestellung wurde zugestellt.' })).toBe('other');
    expect(kindOf({ subject: 'Laissez un avis sur votre commande 5521', opening: 'Votre commande a été livrée.' })).toBe('other');
    expect(kindOf({ subject: '¿Qué tal fue tu pedido 3390?', opening: 'Tu pedido ha sido entregado.' })).toBe('other');
    expect(kindOf({ subject: 'Wat vond je van bestelling 8812?', opening: 'Je bestelling is bezorgd.' })).toBe('other');
    expect(kindOf({ subject: 'Il tuo ordine n. 88213 è pronto per la recensione', opening: 'Scrivi la recensione' })).toBe('other');
  });

  it('notices in the shop\'s own word order are read', () => {
    expect(kindOf({ subject: '¡Entregado! Tu pedido 2026-0913 ya está en casa', opening: 'Tu pedido se entregó hoy a las 12:41.' })).toBe('delivery_notification');
    expect(kindOf({ subject: 'Ihre Bestellung 30517', opening: 'Ihre Bestellung 30517 vom 2. Dezember haben wir storniert.' })).toBe('cancellation_confirmation');
    expect(kindOf({ subject: 'Commande 5521', opening: 'Nous avons annulé votre commande 5521 comme demandé.' })).toBe('cancellation_confirmation');
  });

  it('a returned parcel received is other, not an order', () => {
    expect(kindOf({ subject: 'Votre retour FN-30721', opening: 'Bonne nouvelle : votre retour pour la commande FN-30721 est bien arrivé dans notre atelier.' })).toBe('other');
    expect(kindOf({ subject: 'Return received for order 1042', opening: "We've received your return and issued your refund." })).toBe('other');
  });

  it('an order marked complete with its parcel\'s tracking number is a shipping notice', () => {
    expect(kindOf({ subject: 'Your Corella Cycles order is now complete', opening: 'We have finished processing your order.', hasTrackingNumber: true })).toBe('shipping_notification');
    expect(kindOf({ subject: 'Your Corella Cycles order is now complete', opening: 'We have finished processing your order.', hasTrackingNumber: false })).not.toBe('shipping_notification');
  });

  it('a help desk\'s reply is read for what it says, not for the thread\'s subject', () => {
    expect(kindOf({ subject: 'Re: Your Pebblecombe order #PB-40712 is confirmed', opening: "Your parcel had already been dispatched, so it's no longer possible to cancel order #PB-40712." })).toBe('cancellation_denied');
    expect(kindOf({ subject: 'R: Conferma ordine n. 2026-0418', opening: "Gentile cliente, abbiamo annullato l'ordine n. 2026-0418." })).toBe('cancellation_confirmation');
  });

  it('refusals and confirmations in help-desk wording', () => {
    expect(kindOf({ subject: 'AW: Stornierung 100238', opening: 'Die Bestellung ist damit storniert.' })).toBe('cancellation_confirmation');
    expect(kindOf({ subject: 'AW: Bestellung 55120', opening: 'Ihre Bestellung wurde bereits gestern versandt, eine Stornierung ist daher nicht mehr möglich.' })).toBe('cancellation_denied');
    expect(kindOf({ subject: 'Re: Commande SC-8841', opening: "Elle a déjà été expédiée ce matin : nous ne pouvons donc plus l'annuler." })).toBe('cancellation_denied');
    expect(kindOf({ subject: 'Re: Pedido MX-2219', opening: 'Listo: cancelamos tu pedido #MX-2219.' })).toBe('cancellation_confirmation');
    expect(kindOf({ subject: 'Re: Bestelling TB10377', opening: 'Je pakket is al verzonden, dus annuleren lukt niet meer.' })).toBe('cancellation_denied');
  });

  it('a failed payment is other: nothing was bought yet', () => {
    expect(kindOf({ subject: 'Betaling voor bestelling #4417 mislukt', opening: 'Helaas is de betaling voor je bestelling #4417 niet gelukt.' })).toBe('other');
    expect(kindOf({ subject: 'Payment declined for order #5521', opening: 'Your payment for order #5521 was declined.' })).toBe('other');
  });

  it('bookings and tickets are confirmed in their own words', () => {
    expect(kindOf({ subject: 'Acquisto confermato - PNR K7QX2M', opening: 'Grazie per aver acquistato con Rotaia Veloce.' })).toBe('order_confirmation');
  });

  it('PrestaShop\'s "en cours d\'acheminement" is a shipping notice', () => {
    expect(kindOf({ subject: 'Colis en cours d\'acheminement', opening: 'Votre commande ayant la référence MPLDQZTRH est en cours d\'acheminement.' })).toBe('shipping_notification');
  });

  it('Italian and Dutch shipping in everyday words: "è partito", "affidato al corriere", "is verstuurd"', () => {
    expect(kindOf({ subject: 'Il tuo ordine è partito', opening: "L'ordine 5512 è stato affidato al corriere.", hasTrackingNumber: true })).toBe('shipping_notification');
    expect(kindOf({ subject: 'Spedizione 1 di 2 per il tuo ordine 5512', opening: 'Il pacco è partito oggi con BRT.', hasTrackingNumber: true })).toBe('shipping_notification');
    expect(kindOf({ subject: 'Je bestelling is verstuurd', opening: 'Bestelling 5512 is verstuurd met PostNL.', hasTrackingNumber: true })).toBe('shipping_notification');
  });

  it('a refusal told in the past tense: "war nicht mehr möglich", "nous n\'avons pas pu l\'annuler"', () => {
    expect(kindOf({ subject: 'AW: Stornierung', opening: 'Leider war die Bestellung 5512 bereits versandt, eine Stornierung war nicht mehr möglich.' })).toBe('cancellation_denied');
    expect(kindOf({ subject: 'RE: annulation', opening: "Malheureusement la commande 5512 était déjà partie, nous n'avons pas pu l'annuler." })).toBe('cancellation_denied');
    expect(kindOf({ subject: 'Antw: annuleren', opening: 'Helaas was bestelling 5512 al verzonden; annuleren was niet meer mogelijk.' })).toBe('cancellation_denied');
  });

  it('a pre-order confirmed with its price but charged only at dispatch is an order; a priced receipt without a total is not', () => {
    expect(kindOf({ subject: 'Deine Vorbestellung VB-2026-000734', opening: 'Vielen Dank für Deine Vorbestellung! Preis: 89,90 €', hasTotal: false, pricedInOpening: true })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Your donation receipt KRT-2026-03318', opening: 'Thank you for your gift. Receipt no. KRT-2026-03318. Amount NZ$150.00', hasTotal: false, pricedInOpening: true })).toBe('other');
  });

  it('a rule followed by its condition is a policy, not a refusal', () => {
    expect(kindOf({ subject: 'Your Kumo Type order KT-260702-0193', opening: 'Thank you for your order. Font licences are delivered digitally and cannot be cancelled or refunded once the files have been issued.' })).toBe('order_confirmation');
  });

  it('an updated order is confirmed again, and "non è ancora stato spedito" is no shipping news', () => {
    expect(kindOf({ subject: 'Ordine DV-77431 aggiornato: abbiamo abbassato il prezzo', opening: "CONFERMA D'ORDINE AGGIORNATA. Il tuo ordine non è ancora stato spedito: puoi annullarlo fino alla spedizione." })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Your order #4471 has been updated', opening: 'We swapped the tent colour as requested.' })).toBe('order_confirmation');
  });

  it('a backorder or delay notice is other, whatever it says of the parcel', () => {
    expect(kindOf({ subject: 'Lieferverzögerung zu Ihrer Bestellung 4471', opening: 'Ein Artikel ist erst ab dem 20.04. wieder verfügbar; der Rest ist bereits auf dem Weg.' })).toBe('other');
    expect(kindOf({ subject: 'Your order CK-88120 is delayed', opening: 'One item is on backorder; we will ship it as soon as it arrives.' })).toBe('other');
  });

  it('asking how the customer likes the goods is a review request: other', () => {
    expect(kindOf({ subject: 'How are you finding your candles?', opening: 'Your order #5512 arrived last week.' })).toBe('other');
    expect(kindOf({ subject: 'Ti piace il tuo nuovo zaino?', opening: "L'ordine 5512 è stato consegnato." })).toBe('other');
    expect(kindOf({ subject: 'Bevalt je nieuwe lamp?', opening: 'Je bestelling 5512 is bezorgd.' })).toBe('other');
  });

  it('a parcel the shop can no longer stop is a refusal, in six languages', () => {
    expect(kindOf({ subject: 'AW: Stornierung Bestellung LB-778201', opening: 'Ihre Bestellung wurde bereits an GLS übergeben und ist auf dem Weg zu Ihnen – in diesem Stadium können wir sie leider nicht mehr zurückholen.' })).toBe('cancellation_denied');
    expect(kindOf({ subject: 'Richiesta di annullamento – ordine CS-2026-3390', opening: 'Il pacco è già partito ieri: una volta affidato al corriere, non siamo più in grado di fermarlo.' })).toBe('cancellation_denied');
    expect(kindOf({ subject: 'Re: cancel order 4471', opening: "It left our warehouse this morning, so we're no longer able to stop it." })).toBe('cancellation_denied');
    expect(kindOf({ subject: 'Re: annuleren 5520', opening: 'Het pakket is al onderweg; we kunnen het helaas niet meer tegenhouden.' })).toBe('cancellation_denied');
  });

  it('"after that" the order can no longer be cancelled is the policy\'s other half, in every language', () => {
    expect(kindOf({ subject: 'Tu pedido n.º 5081', opening: 'Gracias por tu compra. Puedes cancelar tu pedido durante las primeras 2 horas. Después ya no es posible cancelarlo.' })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Ihre Bestellung 4471', opening: 'Vielen Dank für Ihre Bestellung. Stornieren Sie binnen 1 Stunde; anschließend ist eine Stornierung nicht mehr möglich.' })).toBe('order_confirmation');
  });

  it.each([
    ['Your subscription has been renewed', 'Your annual plan renewed today and we charged your card ending 4417.'],
    ['Ihr Abonnement wurde verlängert', 'Ihr Jahresabonnement wurde am 01.05.2026 verlängert und Ihrer Kreditkarte belastet.'],
    ['Votre abonnement a été renouvelé', 'Merci de votre fidélité !'],
    ['Tu suscripción se ha renovado', 'Hemos cargado el importe en tu tarjeta.'],
    ['Il tuo abbonamento è stato rinnovato', 'Abbiamo addebitato l’importo sulla tua carta.'],
    ['Je abonnement is verlengd', 'We hebben het bedrag afgeschreven.'],
  ])('a subscription renewed and charged is bought again: "%s"', (subject, opening) => {
    expect(kindOf({ subject, opening })).toBe('order_confirmation');
    // announced, not yet charged: no total, no order
    expect(kindOf({ subject, opening, hasTotal: false })).toBe('other');
  });

  it('a renewal still to come is no order', () => {
    expect(kindOf({ subject: 'Your subscription will renew on June 1', opening: 'Your plan renews automatically for $121.77.' })).toBe('other');
  });

  it('a receipt a payment service sends for a shop confirms the order', () => {
    expect(kindOf({ subject: 'Betalingsbewijs voor je bestelling bij Tuinhuis Koppen', opening: 'Je hebt betaald aan Tuinhuis Koppen.' })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Ihr Zahlungsbeleg für Holzmanufaktur Brenner', opening: 'Sie haben an Holzmanufaktur Brenner gezahlt' })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Ricevuta del pagamento a Bottega Ferri Cuoio', opening: 'SaldoPay · Ricevuta di pagamento' })).toBe('order_confirmation');
  });

  it('a cancellation a person confirms in a thread, verb first: "heb ik bestelling #KL-1193 daarom helemaal geannuleerd"', () => {
    expect(kindOf({ subject: 'Re: Wijziging bestelling #KL-1193', opening: 'Zoals je voorstelde heb ik bestelling #KL-1193 daarom helemaal geannuleerd.' })).toBe('cancellation_confirmation');
  });

  it('a cancellation a person confirms in a thread: "el pedido #7712 queda cancelado"', () => {
    expect(kindOf({ subject: 'RE: Cancelar pedido #7712', opening: 'Hecho, el pedido #7712 queda cancelado.' })).toBe('cancellation_confirmation');
  });

  it('a policy that no order can be cancelled is not a refusal', () => {
    expect(kindOf({ subject: 'Your order is confirmed! 1482930571', opening: 'You can cancel free within 60 seconds of placing the order. After that, the restaurant starts preparing your food and the order can no longer be cancelled.' })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Ticket purchase complete: order 7731', opening: 'Orders cannot be cancelled or changed after purchase, except when the event is cancelled.' })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Order 7731', opening: 'Unfortunately your order can no longer be cancelled: it has left our warehouse.' })).toBe('cancellation_denied');
  });

  it('a German or English subject that confirms the order outweighs shipping words in the body', () => {
    expect(kindOf({ subject: 'Bestätigung Ihrer Bestellung 100045872', opening: 'Ihre Bestellung ist auf dem Weg zu unserer Werkstatt.' })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Confirmation of your order 1042', opening: 'Your order is in transit to our packing team.' })).toBe('order_confirmation');
  });

  it('pre-orders and German compound orders are orders', () => {
    expect(kindOf({ subject: 'Ihre Subskriptionsbestellung R-2026-04471', opening: 'Herzlichen Dank für Ihre Subskriptionsbestellung.' })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Confirmación de preventa #TLQ-10488', opening: '¡Gracias por tu preventa, Rodrigo!' })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Thimbleweed Press', opening: 'Thank you for your pre-order! Order #TW-2211' })).toBe('order_confirmation');
  });

  it('an order named by its number in any of the six languages counts as mentioned', () => {
    expect(kindOf({ subject: 'Jugueteria Tlacuache', opening: 'Pedido #TLQ-10488\nTotal $2,048.00 MXN' })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Atelier', opening: 'Commande n° 55120\nTotal 42,00 €' })).toBe('order_confirmation');
  });

  it('a reply confirms an order only when it shows the charge itself, not when it quotes it', () => {
    expect(kindOf({ subject: 'Re: Oak serving board', opening: "I've raised it as an order:\nOrder TW-0263\nTotal charged £107.00", totalInOpening: true })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Re: Commande GL-30566', opening: 'Je voudrais annuler la commande GL-30566.', totalInOpening: false })).toBe('other');
  });

  it('"en cours de livraison" and a parcel handed to a named carrier are shipping notices', () => {
    expect(kindOf({ subject: '[Ombelle] En cours de livraison', hasTrackingNumber: true })).toBe('shipping_notification');
    expect(kindOf({ subject: 'Ombelle', opening: 'Votre commande OB1187 a été remise à Colissimo le 01/12/2026.', hasTrackingNumber: true })).toBe('shipping_notification');
  });

  it('an Italian "cancellazione" confirmed is a cancellation', () => {
    expect(kindOf({ subject: 'Cancellazione confermata – prenotazione LDG-55170', opening: 'confermiamo la cancellazione gratuita della Sua prenotazione.' })).toBe('cancellation_confirmation');
    expect(kindOf({ subject: 'Locanda', opening: 'La Sua prenotazione è stata cancellata.' })).toBe('cancellation_confirmation');
  });

  it('"once it has been sent it can no longer be cancelled" is a condition, not a refusal', () => {
    expect(kindOf({ subject: 'Your eGift card order SPK-30517 is scheduled', opening: 'Hi Tobias, thanks for your order. You can cancel until 23 October. Once the card has been sent it can no longer be cancelled.' })).toBe('order_confirmation');
  });

  it.each([
    ['order_confirmation', 'Your booking is confirmed'], ['order_confirmation', 'Ihre Buchung ist bestätigt'], ['order_confirmation', 'Votre réservation est confirmée'],
    ['order_confirmation', 'Tu reserva está confirmada'], ['order_confirmation', 'La tua prenotazione è confermata'], ['order_confirmation', 'Je reservering is bevestigd'],
    ['shipping_notification', 'Ihre Sendung wird heute zugestellt'], ['shipping_notification', 'Votre colis sera livré aujourd’hui'], ['shipping_notification', 'Tu paquete se entregará hoy'],
    ['shipping_notification', 'Il tuo pacco sarà consegnato oggi'], ['shipping_notification', 'Je pakket wordt vandaag bezorgd'],
    ['delivery_notification', 'Votre commande est arrivée'], ['delivery_notification', 'Tu pedido ha llegado'], ['delivery_notification', 'Il tuo pacco è arrivato'],
    ['cancellation_confirmation', 'Stornierung bestätigt'], ['cancellation_confirmation', 'Cancelación confirmada'], ['cancellation_confirmation', 'Annulering bevestigd'],
    ['cancellation_denied', 'Lamentablemente no hemos podido cancelar tu pedido'], ['cancellation_denied', "Sorry, we weren't able to cancel order 5521"],
    ['shipping_notification', 'Order #4471 confirmed and shipped'],
    ['delivery_notification', 'Votre colis a été remis à votre voisin'], ['delivery_notification', 'Tu pedido ya está esperándote en el Citypaq'], ['delivery_notification', 'Je pakket is vanmorgen afgeleverd'],
    ['shipping_notification', 'Je pakket komt eraan'], ['shipping_notification', 'Je bestelling is vandaag meegegeven aan PostNL'], ['shipping_notification', 'Je pakket is aangemeld bij PostNL'], ['shipping_notification', 'Je pakket wordt donderdag bezorgd'],
    ['shipping_notification', 'Ihr Paket kommt morgen'], ['shipping_notification', 'Votre colis arrive bientôt'], ['shipping_notification', 'Il tuo ordine è stato affidato a BRT'], ['shipping_notification', 'Your order is on the move'], ['shipping_notification', 'Your parcel has been handed to Royal Mail'],
    ['cancellation_confirmation', "Bonjour, j'ai bien annulé la commande 3307."], ['cancellation_confirmation', 'Ich habe Ihre Bestellung 3307 storniert.'], ['cancellation_denied', 'Purtroppo non è stato possibile annullare il tuo ordine'],
  ] as const)('%s: "%s", as the subject or the opening', (kind, words) => {
    const known = { hasTrackingNumber: true };
    expect(kindOf({ ...known, subject: words })).toBe(kind);
    expect(kindOf({ ...known, subject: 'Shop', opening: words })).toBe(kind);
  });

  it.each([
    'mi dispiace davvero, ma non posso annullare l’ordine: la lampada è partita stamattina.',
    'Désolée, je ne peux plus annuler la commande, elle est partie ce matin.',
    'Lo siento, no puedo cancelar el pedido porque ya salió.',
    'Sorry, ik kan je bestelling niet meer annuleren, hij is al verzonden.',
  ])('a maker answering in the first person refuses too: "%s"', (opening) => {
    expect(kindOf({ subject: 'Re: Richiesta di annullamento', opening, hasTrackingNumber: true, hasTotal: false })).toBe('cancellation_denied');
  });

  it('groceries delivered are a delivery: "Je boodschappen zijn om 18:41 bezorgd"', () => {
    expect(kindOf({ subject: 'Versvlot', opening: 'je boodschappen voor bestelling 40271935 zijn om 18:41 bezorgd door Ruben.' })).toBe('delivery_notification');
  });

  it('an auction won and paid for is an order; a payment received without an order number is not', () => {
    expect(kindOf({ subject: 'Hai vinto! Pagamento ricevuto: Giradischi vintage', opening: "Complimenti, hai vinto l'asta! Abbiamo ricevuto il tuo pagamento." })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Payment received - thank you', opening: 'We have received your payment for invoice INV-2231.', hasOrderNumber: false })).toBe('other');
  });

  it('an order number with slashes in a confirming subject; "se ha enviado desde una dirección" is the mail, not a parcel', () => {
    const opening = 'Gracias por tu compra. Hemos recibido tu pedido. Por favor, no respondas a este correo: se ha enviado desde una dirección que no admite respuestas.';
    expect(kindOf({ subject: '¡Pedido CDT/26/118402 confirmado!', opening })).toBe('order_confirmation');
    expect(kindOf({ subject: 'Cerámicas del Tajo', opening })).toBe('order_confirmation');
  });

  it('"your refund is on its way" is money, not a parcel; a cancelled event is a cancellation', () => {
    expect(kindOf({ subject: 'Event cancelled – your refund for The Copper Lanterns is on its way', opening: 'The concert has been cancelled by the event organizer. Your order has been cancelled and you will receive a full refund.' })).toBe('cancellation_confirmation');
  });

  it('"Deine erste Box ist bestellt" confirms an order', () => {
    expect(kindOf({ subject: 'Deine erste Gabelglück-Box ist bestellt (GG-20260419-3317)', opening: 'Hier sind die Details zu deiner ersten Box.' })).toBe('order_confirmation');
  });

  it('a mail that says it is no order is none: a pledge, a proforma, an invoice copy', () => {
    expect(kindOf({ subject: "You're a backer! Pledge PLG-77-30418", opening: 'No money has been taken. This is a pledge, not an order. You will receive a separate order confirmation if the campaign is funded.' })).toBe('other');
    expect(kindOf({ subject: 'Factura proforma PF-2026-0334 - pendiente de pago', opening: 'IMPORTANTE: este documento NO es una factura ni una confirmación de pedido. Todavía no existe ningún pedido.' })).toBe('other');
    expect(kindOf({ subject: 'Rechnungskopie zu Ihrer Bestellung 10048213', opening: 'wie von Ihnen angefragt erhalten Sie anbei eine Kopie der Rechnung zu Ihrer Bestellung 10048213.' })).toBe('other');
     // a shop named "Lino" before "Numero ordine … Conferma d'ordine" says no "no"
    expect(kindOf({ subject: "Conferma d'ordine n. 184311729", opening: "Conferma d'ordine Numero ordine 184311729\nCasa Lino  Numero ordine\nConferma d'ordine\nCiao Chiara, abbiamo ricevuto il tuo ordine." })).toBe('order_confirmation');
  });

  it('a cancellation request received is not yet a cancellation', () => {
    const opening = "This is an automatic note to let you know we've received your request to cancel order 4015582917. We'll review it and confirm by email within one business day.";
    expect(kindOf({ subject: '[Request #58817] We received your cancellation request', opening, hasTotal: false })).toBe('other');
    expect(kindOf({ subject: 'Your cancellation request has been processed', opening: 'Order 4015582917 is cancelled.', hasTotal: false })).toBe('cancellation_confirmation');
  });

  it('a subject with the parcel\'s news decides over a refusal the opening adds unasked', () => {
    const opening = 'Tu pedido CR-2026-07715 ya está en camino. Como tu pedido ya ha salido de nuestro almacén, ya no se puede cancelar.';
    expect(kindOf({ subject: 'Tu pedido CR-2026-07715 ya está en camino', opening, hasTrackingNumber: true })).toBe('shipping_notification');
    // a reply to the owner's request is a refusal, whatever else it reports
    expect(kindOf({ subject: 'Re: Cancel order KW-3390-0812', opening: "I'm sorry, but we aren't able to cancel this order. The range is already on its way to you.", hasTrackingNumber: true })).toBe('cancellation_denied');
    // and a subject that reports the cancellation is not outweighed by "refund on the way"
    expect(kindOf({ subject: 'Order NP-5120 cancelled - refund on the way', opening: 'Order NP-5120 has been cancelled' })).toBe('cancellation_confirmation');
  });

  it('an order ready for pick-up is a shipping notice: it has left the shop', () => {
    expect(kindOf({ subject: 'Ihre Bestellung 5008831274 ist abholbereit' })).toBe('shipping_notification');
    expect(kindOf({ subject: 'Shop', opening: 'Your order 4411 is ready for pickup at our Leeds store.' })).toBe('shipping_notification');
    expect(kindOf({ subject: 'Shop', opening: 'Votre commande 4411 est prête à être retirée.' })).toBe('shipping_notification');
  });

  it.each([
    'Your parcel is waiting for you at your chosen pickup point.',
    'Your package was delivered to the parcel locker at Station Road.',
    'Ihre Sendung liegt ab sofort in der Packstation 118 zur Abholung bereit.',
    'Ihr Paket wartet im GLS PaketShop auf Sie',
    'Votre colis est disponible dans votre Point Relais depuis ce matin.',
    'Tu paquete está disponible en el punto de recogida que elegiste.',
    'Il tuo pacco è disponibile presso il punto di ritiro scelto.',
    'Je pakket ligt klaar bij het PostNL-punt.',
    'Je pakket ligt klaar in je bpost-punt',
  ])('a parcel at the carrier\'s pick-up point has arrived: "%s"', (opening) => {
    expect(kindOf({ subject: 'Shop', opening, hasTrackingNumber: true })).toBe('delivery_notification');
  });

  it('a delivery mentioned in a relative clause or a survey is not news of the delivery', () => {
    expect(kindOf({ subject: 'Your invoice RE-3318 for order FH-4417', opening: 'please find attached the invoice for your order FH-4417, which was delivered on 07.12.2026.', hasTrackingNumber: false })).not.toBe('delivery_notification');
    expect(kindOf({ subject: 'Quick question about order BW-6620184', opening: 'Your order BW-6620184 was delivered on Tuesday 1 December.' })).toBe('other');
  });

  it('a negated shipping phrase is not news: "zodra je bestelling nog niet is verzonden"', () => {
    expect(kindOf({ subject: 'Re: annuleren bestelling 5521', opening: 'We annuleren je bestelling zodra het magazijn bevestigt dat die nog niet is verzonden.', hasTrackingNumber: false })).not.toBe('shipping_notification');
  });

  it('a review request whose subject asks what you think is other, whatever its opening says of the delivery', () => {
    expect(kindOf({ subject: 'Camille, que pensez-vous de votre savon ?', opening: 'Votre commande LV-7731 vous a été livrée il y a une semaine. Laissez un avis !' })).toBe('other');
  });

  it.each([
    ['cancellation_confirmation', "I've gone ahead and cancelled order 4411 for you."], ['cancellation_confirmation', 'We have processed the cancellation of order 4411.'],
    ['cancellation_confirmation', 'Hemos procedido a cancelar tu pedido 4411.'], ['cancellation_confirmation', "Abbiamo provveduto ad annullare l'ordine 4411."],
    ['cancellation_confirmation', 'Il tuo ordine 4411 risulta annullato.'], ['cancellation_confirmation', 'We hebben je bestelling 4411 geannuleerd.'],
    ['cancellation_confirmation', 'De annulering van bestelling 4411 is verwerkt.'], ['cancellation_denied', 'We kunnen bestelling 4411 helaas niet meer annuleren.'],
  ] as const)('a help desk answers in a thread: %s, "%s"', (kind, words) => {
    expect(kindOf({ subject: 'Re: Order 4411', opening: words, totalInOpening: false })).toBe(kind);
  });

  it('a promotion that names a code like an order, and a payment still to verify, are other', () => {
    expect(kindOf({ subject: 'Last chance: 30% off ends tonight', opening: 'Order now and get free shipping on orders over $50. Order #SALE30' })).toBe('other');
    expect(kindOf({ subject: 'Your order is on hold – verify your payment', opening: 'We could not process your payment for order 4411. Verify your card within 24 hours.' })).toBe('other');
    // a receipt's own discount line is no promotion
    expect(kindOf({ subject: 'Order KP-1043: thank you!', opening: 'Order KP-1043\nSpring kiln sale (15% off)  −$27.60\nTotal charged  $182.28' })).toBe('order_confirmation');
  });
});
