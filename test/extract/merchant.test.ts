// The merchant is the shop's own registrable domain: the sender's, unless the sender is a platform
// that signs the mail with its own name; a look-alike sender is reported as itself.
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/extract/document.js';
import { findMerchant } from '../../src/extract/merchant.js';
import { parseMessage } from '../../src/mail/parse.js';

async function merchantOf(headers: string[], body: string) {
  const raw = [...headers, 'Subject: Pedido 40211 confirmado', 'Date: Thu, 3 Dec 2026 10:00:00 +0100', 'Message-ID: <m1@x.example>', 'Content-Type: text/plain; charset=utf-8', '', body].join('\r\n');
  return findMerchant(buildDocument(await parseMessage(Buffer.from(raw))), null).merchant;
}

describe('the merchant', () => {
  it('a shop platform that signs the mail with its own name is not the merchant: the shop it replies for is', async () => {
    const m = await merchantOf(
      ['From: Alfarería Tres Hornos <tienda+40211@mail.vendaval.shop>', 'Reply-To: hola@treshornos.es'],
      '¡Gracias por tu pedido 40211!\nTotal: 86,50 €\nhttps://treshornos.es/pedido/40211\n\nTienda creada con Vendaval',
    );
    expect(m).toEqual({ name: 'Alfarería Tres Hornos', domain: 'treshornos.es' });
  });

  it('a payment service writing for a shop: the shop is the domain that carries the payee\'s name', async () => {
    const receipt = await merchantOf(
      ['From: Paywren Receipts <receipts@paywren.com>'],
      'Receipt from Harrow & Hive\nAmount paid: $86.40\nQuestions? Contact Harrow & Hive at hello@harrowandhive.com\nPaywren processes payments on behalf of Harrow & Hive.\nhttps://paywren.com/receipts/r_9kd02',
    );
    expect(receipt).toEqual({ name: 'Harrow & Hive', domain: 'harrowandhive.com' });
    // the sender's own name says for whom it writes; the domain spells the name in part
    const viaName = await merchantOf(
      ['From: Holzmanufaktur Brenner über Kassenwerk <beleg@kassenwerk.de>', 'Reply-To: Holzmanufaktur Brenner <kontakt@holz-brenner.de>'],
      'Bestellnummer des Händlers  HB-26-0311\nGesamt  1.234,56 EUR',
    );
    expect(viaName.domain).toBe('holz-brenner.de');
  });

  it('a shop platform sending under the shop\'s name: the shop is the domain that spells it', async () => {
    const m = await merchantOf(
      ['From: Marrow & Pine <store+80431@mail.tillstack.com>', 'Reply-To: Marrow & Pine <hello@marrowandpine.com>'],
      'Thank you for your purchase!\nTotal  $73.02\nQuestions? hello@marrowandpine.com',
    );
    expect(m.domain).toBe('marrowandpine.com');
    // a shop's own second domain that carries its name is a look-alike of nothing: the sender stands
    const own = await merchantOf(['From: Kornblume Naturkost <shop@kornblume-versand.de>'], 'Danke! https://kornblume.de/konto');
    expect(own.domain).toBe('kornblume-versand.de');
  });

  it('a look-alike sender that says it collects for the brand is still reported as itself', async () => {
    const m = await merchantOf(
      ['From: Moonridge Outfitters Billing <billing@moonridgeoutfitters-billing.com>'],
      'Receipt from Moonridge Outfitters\nAmount paid: $749.00\nQuestions? support@moonridgeoutfitters.com',
    );
    expect(m.domain).toBe('moonridgeoutfitters-billing.com');
    // a typo-squatting sender that links to the brand it imitates
    const squat = await merchantOf(['From: Moonridge Outfitters <orders@m00nridge.com>'], 'Your order is on hold.\nVerify: https://moonridgeoutfitters.com/account');
    expect(squat.domain).toBe('m00nridge.com');
  });

  it('a carrier writing about a shop\'s parcel: the shop it names, with a domain the mail gives, is the merchant', async () => {
    const shipped = await merchantOf(
      ['From: Maplelink Parcel <notifications@maplelinkparcel.ca>'],
      'A shipment is on its way to you.\nSent by  KETTLEWORTH APPLIANCES (kettleworth.ca)\nTracking number  7023118455902210\nQuestions about returns or cancellations? Contact the shipper directly: care@kettleworth.ca',
    );
    expect(shipped.domain).toBe('kettleworth.ca');
    const delivered = await merchantOf(
      ['From: Albion Post <no-reply@albionpost.co.uk>'],
      'Your item from FERROW ELECTRICAL was delivered today at 13:12.\nFor refunds or returns, please contact the sender, Ferrow Electrical: help@ferrow.co.uk.',
    );
    expect(delivered.domain).toBe('ferrow.co.uk');
  });

  it('"this email was sent by" names the mail\'s service, not the shop; a payee that is the sender settles it', async () => {
    const m = await merchantOf(
      ['From: Thornbury Garden Tools <reviews@thornburytools.co.uk>'],
      'How did we do with order TG-55102?\nhttps://reviewnest.io/r/abc\nThis email was sent by ReviewNest on behalf of Thornbury Garden Tools.',
    );
    expect(m.domain).toBe('thornburytools.co.uk');
  });

  it('a payee with no domain of its own in the mail leaves the sender as the merchant', async () => {
    const m = await merchantOf(['From: Paywren Receipts <receipts@paywren.com>'], 'Receipt from Harrow & Hive\nAmount paid: $86.40\nhttps://paywren.com/help');
    expect(m.domain).toBe('paywren.com');
  });

  it('a look-alike sender stays the merchant, whatever its Reply-To and links say', async () => {
    const m = await merchantOf(
      ['From: Tres Hornos <pedidos@treshornos-es.com>', 'Reply-To: hola@treshornos.es'],
      'Gracias por tu pedido 40211. Total: 86,50 €\nhttps://treshornos.es/pedido/40211\nPowered by Shopify',
    );
    expect(m.domain).toBe('treshornos-es.com');
  });
});
