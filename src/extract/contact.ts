// The customer-service address a cancellation request should go to. The body's support address
// wins; "just reply to this email" points at Reply-To; a person answering from the shop is the
// contact. A no-reply sender, a newsletter or privacy address, or the owner's own is never one.
import type { Document } from './document.js';
import { isInfrastructure, registrableDomain } from './merchant.js';
import { snippet } from './order-number.js';

const EMAIL = /(?<![\w.+-])[a-z0-9](?:[a-z0-9._%+-]{0,63})@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}(?![\w-])/gi;
// automated notices too: "verzendbevestiging@", "shipping-confirmation@", "order-updates@"
const NO_REPLY = /^(?:no[-_.]?reply|auto[-_.]?confirm\w*|(?:shipping|shipment|ship|dispatch|delivery|order)[-_.]?(?:confirm\w*|updates?|notif\w*|status)|confirmations?|verzendbevestiging|bestelbevestiging|orderbevestiging|versandbest(?:ae|ä)tigung|bestellbest(?:ae|ä)tigung|auftragsbest(?:ae|ä)tigung|tracking|notifications?|notify|alerts?|automated|mailer|system|do[-_.]?not[-_.]?reply|donotreply|noreply|no-responder|nepasrepondre|ne-pas-repondre|keine-antwort|noantwortadresse|niet-beantwoorden|mailer-daemon|bounces?|postmaster)(?:[-_.+@]|$)/i;
const NOT_SUPPORT = /^(?:news(?:letter)?s?|marketing|promo(?:tions?)?|offers|deals|unsubscribe|abmelden|privacy|dpo|datenschutz|gdpr|rgpd|privacidad|press|presse|prensa|stampa|jobs|careers|karriere|recrutement|affiliates?|partners?|wholesale|investors?|ir|legal|abuse|marketplace|feedback|reviews?)(?:[-_.+@]|$)/i;
const SUPPORT_LOCAL = /^(?:support|help|care|service|services|customer|customerservice|customercare|cs|contact|kontakt|kundenservice|kundendienst|hilfe|info|hello|hallo|bonjour|hola|ciao|hi|team|orders?|bestellung|commandes?|pedidos?|ordini|bestellingen|sav|servicio|assistenza|klantenservice)/i;
const SUPPORT_CONTEXT = /contact|question|help|support|write|email us|reach|get in touch|customer service|kontakt|fragen|hilfe|schreib|kundenservice|contactez|questions?|[ée]crivez|aide|service client|contacta|preguntas|ayuda|escr[ií]benos|contatta|domande|aiuto|scrivi|vragen|mail ons|klantenservice|cancel|storn|annul/i;
const JUST_REPLY = /(?:just|simply)\s+(?:hit\s+)?reply|reply\s+(?:directly\s+)?to\s+this\s+(?:e-?mail|message)|antworte(?:n\s+sie)?\s+(?:einfach\s+)?auf\s+diese|einfach\s+antworten|r[ée]pond(?:ez|s|re)\s+(?:simplement\s+|directement\s+)?[àa]\s+(?:cet|ce)|responde\s+(?:directamente\s+)?a\s+este|rispondi\s+(?:semplicemente\s+|direttamente\s+)?a\s+questa|beantwoord\s+(?:gewoon\s+|simpelweg\s+)?deze|antwoord\s+(?:gewoon\s+)?op\s+deze/i;

const DO_NOT_REPLY = /(?:do\s+not|don['’]t|please\s+don['’]t)\s+reply|cannot\s+(?:accept|receive)\s+(?:incoming\s+)?(?:e-?mail|replies)|notification[-\s]only|isn['’]t\s+(?:read|monitored)|not\s+monitored|nicht\s+(?:auf\s+diese\s+(?:e-?mail|nachricht)\s+)?antworten|ne\s+(?:pas\s+)?r[ée]pondre|no\s+respond(?:as|a)|non\s+rispondere|niet\s+(?:op\s+deze\s+e-?mail\s+)?(?:beantwoorden|reageren)/i;

/**
 * The addresses in `text`, as EMAIL finds them. An address holds its "@" at most 64 characters
 * from its start, so each search starts just before the next "@": text without one is not scanned.
 */
function* addressesIn(text: string): Generator<RegExpExecArray> {
  for (let from = 0; from < text.length; ) {
    const at = text.indexOf('@', from);
    if (at < 0) return;
    EMAIL.lastIndex = Math.max(from, at - 64);
    const m = EMAIL.exec(text);
    if (!m) return;
    from = m.index + m[0].length;
    yield m;
  }
}

function isReply(doc: Document): boolean {
  return /^\s*(?:re|aw|sv|rif|r|antw|vs)\s*:/i.test(doc.subject) || doc.envelope.header('in-reply-to').length > 0;
}

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

  // A person answering in a thread is the contact, unless what they wrote names another address:
  // addresses in the quoted history below belong to earlier messages.
  const personalReply = isReply(doc) && doc.from !== null && usable(doc.from.address) && registrableDomain(doc.from.address) === merchantDomain;
  const text = personalReply ? doc.newest : doc.text;
  if (!personalReply) for (const link of doc.links) if (/^mailto:/i.test(link.href)) consider(link.href, `${link.before} ${link.text}`.trim(), 0);
  for (const m of addressesIn(text)) consider(m[0], snippet(text, m.index!, m[0].length), 0);
  if (personalReply && candidates.size === 0) return { address: doc.from!.address, evidence: `From: ${doc.from!.address} (a reply from the shop)` };

  let best: [string, { score: number; evidence: string }] | null = null;
  for (const entry of candidates) if (!best || entry[1].score > best[1].score) best = entry;
  if (best) return { address: best[0], evidence: best[1].evidence };

  // Nothing in the body: the mail's own sender, if it is one a person can write to.
  if (DO_NOT_REPLY.test(text)) return null;
  const replyTo = doc.replyTo.find((a) => usable(a.address));
  // Where replies go is where the shop reads: its Reply-To, else a sender a person can write to.
  if (replyTo) return { address: replyTo.address, evidence: `Reply-To: ${replyTo.address}${JUST_REPLY.test(text) ? ' ("just reply")' : ''}` };
  if (doc.from && usable(doc.from.address) && registrableDomain(doc.from.address) === merchantDomain) {
    return { address: doc.from.address, evidence: `From: ${doc.from.address}` };
  }
  return null;
}
