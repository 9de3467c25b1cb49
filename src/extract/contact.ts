// The customer-service address a cancellation request should go to. The body's support address
// wins; "just reply to this email" points at Reply-To; a person answering from the shop is the
// contact. A no-reply sender, a newsletter or privacy address, or the owner's own is never one.
import type { Document } from './document.js';
import { isInfrastructure, registrableDomain } from './merchant.js';
import { snippet } from './order-number.js';

const EMAIL = /(?<![\w.+-])[a-z0-9](?:[a-z0-9._%+-]{0,63})@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}(?![\w-])/gi;
const NO_REPLY = /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|noreply|no-responder|nepasrepondre|ne-pas-repondre|keine-antwort|noantwortadresse|niet-beantwoorden|mailer-daemon|bounces?|postmaster)(?:[-_.+@]|$)/i;
const NOT_SUPPORT = /^(?:news(?:letter)?s?|marketing|promo(?:tions?)?|offers|deals|unsubscribe|abmelden|privacy|dpo|datenschutz|gdpr|rgpd|privacidad|press|presse|prensa|stampa|jobs|careers|karriere|recrutement|affiliates?|partners?|wholesale|investors?|ir|legal|abuse|marketplace|feedback|reviews?)(?:[-_.+@]|$)/i;
const SUPPORT_LOCAL = /^(?:support|help|care|service|services|customer|customerservice|customercare|cs|contact|kontakt|kundenservice|kundendienst|hilfe|info|hello|hallo|bonjour|hola|ciao|hi|team|orders?|bestellung|commandes?|pedidos?|ordini|bestellingen|sav|servicio|assistenza|klantenservice)/i;
const SUPPORT_CONTEXT = /contact|question|help|support|write|email us|reach|get in touch|customer service|kontakt|fragen|hilfe|schreib|kundenservice|contactez|questions?|[ée]crivez|aide|service client|contacta|preguntas|ayuda|escr[ií]benos|contatta|domande|aiuto|scrivi|vragen|mail ons|klantenservice|cancel|storn|annul/i;
const JUST_REPLY = /(?:just|simply)\s+(?:hit\s+)?reply|reply\s+to\s+this\s+(?:e-?mail|message)|antworte(?:n\s+sie)?\s+(?:einfach\s+)?auf\s+diese|einfach\s+antworten|r[ée]pond(?:ez|s)\s+(?:simplement\s+)?[àa]\s+(?:cet|ce)|responde\s+a\s+este|rispondi\s+(?:semplicemente\s+)?a\s+questa|beantwoord\s+deze|antwoord\s+op\s+deze/i;

export interface FoundContact {
  address: string;
  evidence: string;
}

export function findContact(doc: Document, merchantDomain: string | null, ownerAddresses: string[]): FoundContact | null {
  const owners = new Set(ownerAddresses.map((a) => a.toLowerCase()));
  const usable = (address: string) =>
    !owners.has(address) && !NO_REPLY.test(address) && !NOT_SUPPORT.test(address) && !isInfrastructure(registrableDomain(address));

  const candidates = new Map<string, { score: number; evidence: string }>();
  const consider = (raw: string, context: string, bonus: number) => {
    const address = raw.toLowerCase().replace(/^mailto:/, '').split('?')[0]!;
    if (!usable(address)) return;
    const local = address.split('@')[0]!;
    let score = bonus;
    if (merchantDomain && registrableDomain(address) === merchantDomain) score += 3;
    if (SUPPORT_CONTEXT.test(context)) score += 2;
    if (SUPPORT_LOCAL.test(local)) score += 1;
    const prev = candidates.get(address);
    if (!prev || score > prev.score) candidates.set(address, { score, evidence: context });
  };

  for (const link of doc.links) if (/^mailto:/i.test(link.href)) consider(link.href, `${link.before} ${link.text}`.trim(), 0);
  const text = doc.text;
  for (const m of text.matchAll(EMAIL)) consider(m[0], snippet(text, m.index!, m[0].length), 0);

  let best: [string, { score: number; evidence: string }] | null = null;
  for (const entry of candidates) if (!best || entry[1].score > best[1].score) best = entry;
  if (best) return { address: best[0], evidence: best[1].evidence };

  // Nothing in the body: the mail's own sender, if it is one a person can write to.
  const replyTo = doc.replyTo.find((a) => usable(a.address));
  if (replyTo && JUST_REPLY.test(text)) return { address: replyTo.address, evidence: `Reply-To: ${replyTo.address}` };
  if (doc.from && usable(doc.from.address) && registrableDomain(doc.from.address) === merchantDomain) {
    return { address: doc.from.address, evidence: `From: ${doc.from.address}` };
  }
  if (replyTo) return { address: replyTo.address, evidence: `Reply-To: ${replyTo.address}` };
  return null;
}
