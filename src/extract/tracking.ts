// The carrier's tracking number: after a tracking label, else a number of a well-known carrier
// shape (UPS 1Z…, S10 postal codes like RR123456789GB), else the number a tracking link carries.
import { wordMatches, wordPattern } from './word-start.js';
import type { Link } from './html.js';
import { snippet } from './order-number.js';
import { sentencesMatching } from './sentences.js';

const TRACKING_WORD = /tracking\s+(?:number|no\.?|code|id)|sendungsnummer|sendungsverfolgung|num[ée]ro\s+de\s+suivi|n[úu]mero\s+de\s+seguimiento|numero\s+di\s+tracciamento|track\s*(?:&|en)\s*trace/giu;

// Shipment labels that LABEL and LABEL_WORD share: "Spedizione BRT n.", "Sendung DHL Nr.", and
// "Codice spedizione", "Código de envío", "envío nº".
const NUMBERED_SHIPMENT = String.raw`(?:spedizione|sendung|envoi|env[ií]o|zending|shipment|parcel|colis|paket|pacco)\s+[A-Z]{2,8}\s+(?:n[.°º]|nr\.|no\.)`;
const SHIPMENT_CODE = String.raw`codice\s+(?:di\s+)?spedizione|c[óo]digo\s+de\s+env[ií]o|env[ií]o\s+n\.?[º°o]`;

const LABEL = wordPattern(
  String.raw`(?:tracking\s*(?:number|no\.?|#|id|code)?|n[°º]\s*d['’]\s*envoi|(?:n[ºo°.]|n\.º|n[úu]mero)\s*de\s+expedici[óo]n|num[ée]ro\s+d['’]\s*envoi|track(?:ing)?\s*&\s*trace|tracking|sendungs(?:nummer|verfolgungsnummer|-nr\.?)|paketnummer|trackingnummer|num[ée]ro\s+de\s+(?:suivi|colis)|n°\s*de\s*suivi|suivi|n[úu]mero\s+de\s+(?:seguimiento|env[ií]o|rastreo)|c[óo]digo\s+de\s+seguimiento|numero\s+di\s+(?:tracciamento|spedizione|tracking)|codice\s+di\s+tracciamento|track\s*(?:&|en)\s*trace(?:[\s-]*code)?|segnacollo|(?:numero|n\.)\s*(?:di\s+)?spedizione|trackingcode|zendings?nummer|volgnummer|lettera\s+di\s+vettura|n\.?[º°o]\s*de\s+(?:env[ií]o|seguimiento|rastreo)|waybill|awb|consignment\s*(?:number|no\.?)|shipment\s*(?:number|id)|(?:parcel|package)\s*(?:number|no\.?|id)|${NUMBERED_SHIPMENT}|${SHIPMENT_CODE})(?:\s*\([^)]{1,30}\))?(?:\s+[A-Z]{2,12}(?=\s*:)|\s+[A-Z]{3,12}(?=\s+\d))?(?:\s*\.{2,}\s*|\s*[:#|]?\s*)(?:(?:is|lautet|ist|est|es|è)\s+)?(?<num>[A-Z0-9](?:[A-Z0-9]|[ -](?=[A-Z0-9]{3})|\.(?=\d{2})){7,34})(?![\p{L}\d])`,
  'giu',
);
// Every label LABEL reads holds one of these words (same flags, so the same letters match): text
// without any of them is not searched with the long pattern.
const LABEL_WORD = new RegExp(String.raw`track|d['’]\s*envoi|expedici|sendungs|paketnummer|num[ée]ro|n\.\s*(?:di\s+)?spedizione|n[úu]mero|suivi|seguimiento|tracciamento|segnacollo|zendings?nummer|volgnummer|vettura|de\s+env[ií]o|waybill|awb|consignment|shipment|parcel|package|${NUMBERED_SHIPMENT}|${SHIPMENT_CODE}`, 'iu');
// UPS, S10 postal (RR123456789GB), USPS, DHL Paket (20 digits from DHL's GS1 prefix 340434)
const CARRIER_SHAPES = [/\b1Z[0-9A-Z]{16}\b/, /\b[A-Z]{2}\d{9}[A-Z]{2}\b/, /\b(?:94|93|92|95)\d{20}\b/, /\b00340434\d{12}\b/];

const COLUMN_HEADER = /^(?:tracking\s*(?:number|no\.?|#|id|code)?|sendungsnummer|trackingnummer|num[ée]ro\s+de\s+suivi|n[úu]mero\s+de\s+seguimiento|numero\s+di\s+tracciamento|codice\s+(?:di\s+)?spedizione|c[óo]digo\s+de\s+env[ií]o|track\s*(?:&|en)\s*trace(?:[\s-]*code)?)$/iu;
const TRACKING_SHAPE = /^(?=[A-Z0-9]*\d[A-Z0-9]*\d[A-Z0-9]*\d[A-Z0-9]*\d[A-Z0-9]*\d)[A-Z0-9]{8,34}$/;

/** "Provider | Tracking Number | Date" over "Australia Post | 36LPR0418827 | May 20": the cell under the header. */
function fromTableColumn(text: string): { value: string; evidence: string } | null {
  if (!LABEL_WORD.test(text)) return null;
  const lines = text.split('\n');
  const cells = (line: string) => line.split(/\s*\|\s*|\s{2,}|\t/).map((c) => c.trim()).filter((c) => c !== '');
  for (let i = 0; i < lines.length - 1; i++) {
    const header = cells(lines[i]!);
    if (header.length < 2) continue;
    const at = header.findIndex((c) => COLUMN_HEADER.test(c));
    if (at < 0) continue;
    for (const row of lines.slice(i + 1, i + 4)) {
      const cell = cells(row)[at];
      if (cell && TRACKING_SHAPE.test(cell)) return { value: cell, evidence: `${lines[i]!.trim()} / ${row.trim()}` };
    }
  }
  return null;
}

export function findTrackingNumber(text: string, links: Link[]): { value: string; evidence: string } | null {
  for (const m of LABEL_WORD.test(text) ? wordMatches(text, LABEL) : []) {
    // The pattern ignores case to find its labels, so the number may run on into a word ("000011290 per"): stop there.
    const value = trimWords(m.groups!.num!);
    if (value === null) continue;
    if (/\d{5}/.test(value.replace(/\D/g, '')) && value.length >= 8) return { value, evidence: snippet(text, m.index!, m[0].length) };
  }
  // "here is the tracking number so you can keep an eye on it: 7316042811905523"
  for (const sentence of sentencesMatching(text, TRACKING_WORD)) {
    const m = /(?<![\p{L}\d])([A-Z]{0,4}\d{10,30}[A-Z]{0,4})(?![\p{L}\d])/u.exec(sentence.text);
    if (m) return { value: m[1]!, evidence: sentence.text };
  }
  const column = fromTableColumn(text);
  if (column) return column;
  for (const shape of CARRIER_SHAPES) {
    const m = shape.exec(text);
    if (m) return { value: m[0], evidence: snippet(text, m.index, m[0].length) };
  }
  for (const link of links) {
    const m = /[?&#](?:tn|tracknum|tracking(?:_?number)?|trackingnumber|tLabels|tracknumbers|id|barcode|parcelnumber|code|itemCode|segOnlineIdentificador|(?:tracing\.)?letteraVettura|piececode|tracking-number|shippingNumber)=([A-Z0-9]{8,34})(?:&|$)/i.exec(link.href);
    if (m && /\d{6}/.test(m[1]!) && /track|suivi|suivre|sendung|seguim|seguir|traccia|tracing|volg|vettura|segOnline/i.test(link.href + link.text)) {
      return { value: m[1]!, evidence: link.href };
    }
  }
  return null;
}

/** A carrier number: its groups up to the first one holding a lower-case letter; null when the first does. */
function trimWords(raw: string): string | null {
  const groups: string[] = [];
  for (const group of raw.split(/\s+/)) {
    if (/[a-z]/.test(group)) break;
    groups.push(group);
  }
  return groups.length > 0 ? groups.join('') : null;
}
