// Tracking labels in every language the extractor reads: the long label pattern only runs on text
// that holds one of its label words, so each label must still be found.
import { describe, expect, it } from 'vitest';
import { findTrackingNumber } from '../../src/extract/tracking.js';

const LABELS: [string, string][] = [
  ['Tracking number: 12345678', '12345678'],
  ['TRACK & TRACE: 3SABC1234567', '3SABC1234567'],
  ['Sendungsnummer: 12345678', '12345678'],
  ['PAKETNUMMER 12345678', '12345678'],
  ['Numéro de colis : AB12345678', 'AB12345678'],
  ['N° de suivi : 12345678X', '12345678X'],
  ['Nº de seguimiento  0082600127745010', '0082600127745010'],
  ['Número de envío: 12345678', '12345678'],
  ['Código de seguimiento: 12345678', '12345678'],
  ['Numero di spedizione: 12345678', '12345678'],
  ['Codice di tracciamento: 12345678', '12345678'],
  ['Segnacollo: 12345678', '12345678'],
  ['Zendingnummer: 3SABCD1234567', '3SABCD1234567'],
  ['Volgnummer: 3SABC1234567', '3SABC1234567'],
  ['Waybill: 12345678', '12345678'],
  ['AWB 123-45678901', '123-45678901'],
  ['Consignment number: 12345678', '12345678'],
  ['Shipment ID: 12345678', '12345678'],
  ['Parcel no. 12345678', '12345678'],
  ['Package ID: 12345678', '12345678'],
  ['Spedizione BRT n. 053172640018277', '053172640018277'],
  ['Sendung DHL Nr. 00340434161094027318', '00340434161094027318'],
  ['Tracking no. | NVSGKOPIL000104821', 'NVSGKOPIL000104821'],
  ['N.º de envío: 04321298772104', '04321298772104'],
  ['Lettera di vettura: 6002843917452', '6002843917452'],
  ['Zendingsnummer: 323299901234567890123456', '323299901234567890123456'],
  ['Seguir envío nº 3230041958271630', '3230041958271630'],
  ['Numéro de suivi Colissimo : 6A12345678901', '6A12345678901'],
  ['N. spedizione BRT: 053172640018277', '053172640018277'],
  ['Sendung DHL Nr. 3UW1N72839461 per Kurier', '3UW1N72839461'],
];

describe('findTrackingNumber', () => {
  it.each(LABELS)('%s', (line, value) => {
    expect(findTrackingNumber(`Hello,\n${line}\nThanks`, [])?.value).toBe(value);
  });

  it('finds nothing without a label, a carrier shape or a tracking link', () => {
    expect(findTrackingNumber('Order 12345678 total $19.99', [])).toBeNull();
  });
  it('reads a number after a verb or a carrier name', () => {
    expect(findTrackingNumber('Ihre Sendungsnummer lautet 1034890123456701.', [])?.value).toBe('1034890123456701');
    expect(findTrackingNumber('Codice di tracciamento BRT: 05811029384756', [])?.value).toBe('05811029384756');
    expect(findTrackingNumber('Numero spedizione BRT  062710049387215', [])?.value).toBe('062710049387215');
  });

  it('reads a Swiss Post number with its dots after "N° d\'envoi", and a number after dotted leaders', () => {
    expect(findTrackingNumber("Transporteur  La Poste Suisse\nN° d'envoi  99.60.482731.10477365", [])?.value).toBe('99.60.482731.10477365');
    expect(findTrackingNumber('Bestellnummer ........ 2026.03.15.204\nGLS-Paketnummer ...... 57283910447', [])?.value).toBe('57283910447');
  });

  it('reads the number under a Tracking Number column', () => {
    const text = 'Tracking Information\nProvider  |  Tracking Number  |  Date\nAustralia Post  |  36LPR0418827  |  May 20, 2026  |  Track';
    expect(findTrackingNumber(text, [])?.value).toBe('36LPR0418827');
  });

  it('reads the number a carrier link carries as code=', () => {
    const link = { text: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A21874400213', href: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A21874400213', before: '' };
    expect(findTrackingNumber('Vous pouvez suivre votre colis.', [link as never])?.value).toBe('6A21874400213');
  });

  it('reads a DHL parcel number by its shape, the number under a "Codice spedizione" column, and DHL\'s piececode link', () => {
    expect(findTrackingNumber('Ihre Sendung 00340434166019284753 liegt in der Packstation 112.', [])?.value).toBe('00340434166019284753');
    expect(findTrackingNumber('Spedizione n. 000011290 per l\'ordine n. 000018734\nCorriere  Codice spedizione\nPoste Italiane – Poste Delivery Business  3UW1N72839461', [])?.value).toBe('3UW1N72839461');
    expect(findTrackingNumber('Sendung verfolgen', [{ text: 'Sendung verfolgen', href: 'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434188205316427', before: '' }])?.value).toBe('00340434188205316427');
  });
});
