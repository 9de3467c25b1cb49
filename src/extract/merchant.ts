// Who the shop is. The From domain is the shop's own in nearly all order mail; what can stand in
// its place is an email service provider or a shop platform, or a personal mailbox (a forward we
// could not unwrap). Then the Reply-To and the links the mail points to name the shop instead.
// A look-alike domain is reported as it is: recognising the brand it imitates is not our job.
import { wordMatches, wordPattern } from './word-start.js';
import { getDomain, getDomainWithoutSuffix } from 'tldts';
import type { Document } from './document.js';
import type { Merchant } from './extraction.js';

/** Sending and tracking infrastructure: never a merchant. */
const INFRASTRUCTURE = new Set([
  'sendgrid.net', 'sendgrid.com', 'mailgun.org', 'mailgun.net', 'amazonses.com', 'mandrillapp.com', 'mcsv.net',
  'mailchimp.com', 'mailchimpapp.net', 'list-manage.com', 'klaviyo.com', 'klaviyomail.com', 'klclick.com',
  'klclick1.com', 'postmarkapp.com', 'pmbounces.com', 'sparkpostmail.com', 'sparkpost.com', 'shopify.com',
  'shopifyemail.com', 'myshopify.com', 'shopifycdn.com', 'squarespace.com', 'squarespace-mail.com', 'bigcommerce.com',
  'wix.com', 'wixemails.com', 'ecwid.com', 'exacttarget.com', 'salesforce.com', 'sfmc-content.com', 'hubspotemail.net',
  'hubspot.com', 'hs-sites.com', 'sendinblue.com', 'brevo.com', 'constantcontact.com', 'createsend.com', 'cmail19.com',
  'cmail20.com', 'customeriomail.com', 'customer.io', 'iterable.com', 'braze.com', 'rsgsv.net', 'ctct.net',
  'mailjet.com', 'mjt.lu', 'emarsys.net', 'responsys.net', 'bounce.email', 'cloudfront.net', 'amazonaws.com',
  'googleusercontent.com', 'gstatic.com', 'google.com', 'doubleclick.net', 'w3.org', 'schema.org', 'litmus.com',
  'tracking-domain.com', 'emltrk.com', 'ct.sendgrid.net', 'awstrack.me', 'urldefense.com', 'safelinks.protection.outlook.com',
  'stripe.com', 'paypal.com', 'klarna.com', 'afterpay.com', 'judge.me', 'yotpo.com', 'trustpilot.com', 'zendesk.com',
  'gorgias.com', 'freshdesk.com', 'aftership.com', 'narvar.com', 'route.com', 'sendcloud.sc', 'sendcloud.com', 'shipping-portal.com', 'parcellab.com', 'parcelperform.com', 'ups.com', 'usps.com', 'fedex.com',
  'dhl.com', 'dhl.de', 'royalmail.com', 'canadapost.ca', 'canadapost-postescanada.ca', 'auspost.com.au', 'laposte.fr',
  'colissimo.fr', 'chronopost.fr', 'correos.es', 'poste.it', 'postnl.nl', 'dpd.com', 'dpd.de', 'gls-group.eu', 'hermesworld.com',
  'myhermes.de', 'evri.com', 'parcelforce.com', 'purolator.com', 'nzpost.co.nz', 'bluedart.com', 'delhivery.com',
  'facebook.com', 'instagram.com', 'twitter.com', 'x.com', 'pinterest.com', 'youtube.com', 'tiktok.com', 'linkedin.com',
  'apple.com', 'play.google.com',
]);

/** Personal mailbox providers: a sender there is a person, not a shop. */
const PERSONAL = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'ymail.com', 'outlook.com', 'hotmail.com', 'live.com',
  'msn.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net',
  'web.de', 't-online.de', 'orange.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'libero.it', 'virgilio.it', 'ziggo.nl',
  'kpnmail.nl', 'telefonica.net', 'fastmail.com', 'zoho.com', 'mail.com', 'postbird.net',
]);

export function registrableDomain(hostOrAddress: string | null | undefined): string | null {
  if (!hostOrAddress) return null;
  const host = hostOrAddress.includes('@') ? hostOrAddress.slice(hostOrAddress.lastIndexOf('@') + 1) : hostOrAddress;
  return getDomain(host.toLowerCase().replace(/\.$/, '')) ?? null;
}

export function isInfrastructure(domain: string | null): boolean {
  return domain !== null && INFRASTRUCTURE.has(domain);
}

export function isPersonalMailbox(domain: string | null): boolean {
  return domain !== null && PERSONAL.has(domain);
}

/** The domain when it can be a shop's: neither sending infrastructure nor a personal mailbox provider. */
export function shopDomain(domain: string | null): string | null {
  return domain && !isInfrastructure(domain) && !isPersonalMailbox(domain) ? domain : null;
}

export function findMerchant(doc: Document, structuredName: string | null): { merchant: Merchant; evidence: string } {
  const fromDomain = shopDomain(registrableDomain(doc.from?.address));
  const payee = fromDomain ? payeeOf(doc, fromDomain) : null;
  if (payee) return { merchant: { name: structuredName ?? payee.name, domain: payee.domain }, evidence: payee.evidence };
  if (fromDomain && !namesItselfAsPlatform(doc.text, fromDomain)) {
    return {
      merchant: { name: structuredName ?? displayName(doc.from?.name ?? null, fromDomain), domain: fromDomain },
      evidence: `From: ${doc.from?.name ? `${doc.from.name} ` : ''}<${doc.from?.address}>`,
    };
  }
  const replyTo = doc.replyTo.map((a) => shopDomain(registrableDomain(a.address))).find((d) => d);
  const domain = replyTo ?? mostLinkedDomain(doc);
  return {
    merchant: { name: structuredName ?? displayName(doc.from?.name ?? null, domain), domain },
    evidence: replyTo ? `Reply-To: ${doc.replyTo.map((a) => a.address).join(', ')}` : `links to ${domain ?? 'no shop'}`,
  };
}

// "Tienda creada con Vendaval" in mail from vendaval.shop: the sender is the shop's platform, which
// signs its own name; the shop is the one replies and links go to. A look-alike sender never says so.
const POWERED_BY =
  wordPattern(String.raw`(?:powered\s+by|created\s+with|built\s+with|made\s+with|hosted\s+by|erstellt\s+mit|betrieben\s+von|propuls[ée]\s+par|cr[ée]{2}e?\s+avec|creada\s+con|desarrollada\s+con|creato\s+con|realizzato\s+con|gemaakt\s+met|mogelijk\s+gemaakt\s+door)\s+([\p{L}\d][\p{L}\d.&'-]{1,30})`, 'giu');

function namesItselfAsPlatform(text: string, fromDomain: string): boolean {
  const label = fromDomain.split('.')[0]!.replace(/[^a-z0-9]/g, '');
  if (label.length < 3) return false;
  for (const m of wordMatches(text.slice(-4_000), POWERED_BY)) {
    if (m[1]!.toLowerCase().replace(/\.[a-z]{2,}$/, '').replace(/[^a-z0-9]/g, '') === label) return true;
  }
  return false;
}

// "Paywren processes payments on behalf of Harrow & Hive", "Je hebt betaald aan Tuinhuis Koppen":
// a payment service writes for the shop it collects for, and a shop platform under the shop's name.
// The shop is then the domain, among those the mail gives (Reply-To, addresses, links), that
// carries that name; without one, or when the sender's domain imitates it, the sender stands.
const PAYEE = wordPattern(
  // a carrier writes about the shop's parcel: "Sent by KETTLEWORTH APPLIANCES", "your item from FERROW ELECTRICAL"
  String.raw`(?:(?<!(?:e-?mail|message|newsletter)\s+(?:was\s+|is\s+|has\s+been\s+)?)(?:sent|shipped)\s+by|shipper|retailer|(?:parcel|item|shipment|package)\s+from|contact\s+the\s+(?:sender|shipper|retailer),?|(?:paket|sendung)\s+von|absender|versender|(?:colis|envoi)\s+de|exp[ée]diteur|(?:paquete|env[ií]o)\s+de|remitente|pacco\s+di|mittente|(?:pakket|zending)\s+van|afzender|`
    + String.raw`on\s+behalf\s+of|receipt\s+from|payment\s+to|you\s+paid|paid\s+to|namens|betaald\s+aan|im\s+auftrag\s+von|zahlung\s+an|haben\s+an|hast\s+an|pour\s+le\s+compte\s+de|paiement\s+[àa]|en\s+nombre\s+de|pago\s+a|per\s+conto\s+di|pagamento\s+a)[ \t]+([^\n.,;:!?()]{2,60})`,
  'giu',
);

function payeeOf(doc: Document, fromDomain: string): { name: string; domain: string; evidence: string } | null {
  const fromLabel = getDomainWithoutSuffix(fromDomain) ?? fromDomain;
  const names: { name: string; evidence: string; sender?: true }[] = [];
  // "Holzmanufaktur Brenner über Kassenwerk": the sender's own name says for whom it writes
  const acting = ACTING_FOR.exec(doc.from?.name ?? '');
  if (acting && namesLabel(acting[2]!, fromLabel)) names.push({ name: acting[1]!.trim(), evidence: `From: ${doc.from!.name}` });
  // "Marrow & Pine <store+80431@mail.tillstack.com>": a shop platform sends under the shop's name
  // (a sender named after its own domain, the usual case, is passed over at once)
  else if (doc.from?.name && !namesLabel(doc.from.name, fromLabel)) names.push({ name: doc.from.name.replace(/["']/g, '').trim(), evidence: `From: ${doc.from.name} <${doc.from.address}>`, sender: true });
  for (const m of wordMatches(doc.text, PAYEE)) {
    const words = m[1]!.trim().split(/\s+/);
    // the name is the run of capitalised words (and joiners like "&", "and", "und") after the phrase
    let end = 0;
    while (end < words.length && end < 6 && /^(?:[\p{Lu}\d]|&$|and$|und$|et$|y$|e$|en$|of$|de$)/u.test(words[end]!)) end++;
    while (end > 0 && !/^[\p{Lu}\d]/u.test(words[end - 1]!)) end--;
    if (end > 0) names.push({ name: words.slice(0, end).join(' '), evidence: snippetAround(doc.text, m.index) });
  }
  if (names.length === 0) return null;
  // a payee that is the sender settles it ("sent by ReviewNest on behalf of Thornbury Garden Tools", from thornburytools.co.uk)
  if (names.some(({ name, sender }) => !sender && namesLabel(name, fromLabel))) return null;
  const candidates = namedDomains(doc);
  for (const { name, evidence } of names) {
    for (const [label, domain] of candidates) {
      if (label === fromLabel || !namesLabel(name, label)) continue;
      // "moonridgeoutfitters-billing" or "m00nridge" writing for "moonridgeoutfitters": a look-alike, reported as itself
      if (resembles(fromLabel, label)) return null;
      return { name, domain, evidence };
    }
  }
  return null;
}

/** Whether one label imitates the other: one holds the other, or they share a run of 5 letters (half the shorter one's, if shorter). */
function resembles(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/[^a-z0-9]/g, '');
  const y = b.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (x.includes(y) || y.includes(x)) return true;
  const need = Math.min(5, Math.ceil(Math.min(x.length, y.length) / 2));
  for (let i = 0; i + need <= x.length; i++) if (y.includes(x.slice(i, i + need))) return true;
  return false;
}

const ACTING_FOR = /^(.{2,60}?)\s+(?:via|über|tramite|through|namens|por\s+medio\s+de)\s+(.{2,40})$/iu;

/**
 * Whether a domain label spells the name: its words, or the start or end of them, in order
 * ("juniperfinchpress" for "Juniper & Finch Letterpress", "holz-brenner" for "Holzmanufaktur Brenner").
 */
export function namesLabel(name: string, label: string): boolean {
  const target = label.toLowerCase().replace(/[^a-z0-9]/g, '');
  const words = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/&/g, ' and ').split(/[^a-z0-9]+/).filter(Boolean);
  if (target.length < 4 || words.length === 0) return false;
  const seen = new Set<string>();
  const from = (at: number, word: number): boolean => {
    if (at === target.length) return true;
    const key = `${at}:${word}`;
    if (seen.has(key)) return false;
    seen.add(key);
    // the label starts with the name's first or second word
    for (let j = word; j < words.length && (at > 0 || j < 2); j++) {
      const w = words[j]!;
      const pieces = new Set([w]);
      for (let n = 3; n < w.length; n++) pieces.add(w.slice(0, n)).add(w.slice(w.length - n));
      for (const piece of pieces) if (target.startsWith(piece, at) && from(at + piece.length, j + 1)) return true;
    }
    return false;
  };
  return from(0, 0);
}

/** The shop domains the mail names, by their label (the domain without its suffix). */
function namedDomains(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  const add = (hostOrAddress: string | null | undefined) => {
    const d = shopDomain(registrableDomain(hostOrAddress));
    if (d) out.set(getDomainWithoutSuffix(d) ?? d, d);
  };
  for (const a of doc.replyTo) add(a.address);
  for (const address of doc.text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []) add(address);
  for (const link of doc.links) add(linkedHost(link.href));
  return out;
}

function snippetAround(text: string, index: number): string {
  return text.slice(Math.max(0, index - 20), index + 80).replace(/\s+/g, ' ').trim();
}

/**
 * The host a link points to: a web page's, or a mail link's domain (a shop sending through a
 * shipping platform still gives its own address). Null for anything else or a broken address.
 */
function linkedHost(href: string): string | null {
  const mail = /^mailto:[^@?]+@([^?>\s]+)/i.exec(href);
  if (mail) return mail[1]!;
  if (!/^https?:/i.test(href)) return null;
  try {
    return new URL(href).hostname;
  } catch {
    return null;
  }
}

function mostLinkedDomain(doc: Document): string | null {
  const counts = new Map<string, number>();
  for (const link of doc.links) {
    const d = shopDomain(registrableDomain(linkedHost(link.href)));
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [d, n] of counts) if (best === null || n > counts.get(best)!) best = d;
  return best;
}

/** "Ines | Cinder & Sage" -> "Cinder & Sage"; "Orders at Acme" -> "Acme"; a bare address -> the domain's name. */
export function displayName(name: string | null, domain: string | null): string | null {
  let n = (name ?? '').replace(/["']/g, '').trim();
  if (n.includes('|')) n = n.split('|').pop()!.trim();
  const inParens = /^[^()]+\(([^()]{3,})\)$/.exec(n);
  if (inParens) n = inParens[1]!.trim();
  n = n.replace(/\s+via\s+.+$/i, '').replace(/^(?:orders?|sales|support|customer service|team|news|info|hello)\s+(?:at|from|@)\s+/i, '');
  n = n.replace(/\s+(?:orders?|order desk|customer service|support|team|shop|store|billing|notifications?)$/i, (m, _g, off) =>
    off > 0 && /^(?:\s+(?:orders?|order desk|notifications?|billing))$/i.test(m) ? '' : m,
  );
  if (n && !n.includes('@')) return n;
  return domain ? domain.split('.')[0]! : null;
}
