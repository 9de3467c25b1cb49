// Who the shop is. The From domain is the shop's own in nearly all order mail; what can stand in
// its place is an email service provider or a shop platform, or a personal mailbox (a forward we
// could not unwrap). Then the Reply-To and the links the mail points to name the shop instead.
// A look-alike domain is reported as it is: recognising the brand it imitates is not our job.
import { wordMatches, wordPattern } from './word-start.js';
import { getDomain } from 'tldts';
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

function shopDomain(domain: string | null): string | null {
  return domain && !isInfrastructure(domain) && !isPersonalMailbox(domain) ? domain : null;
}

export function findMerchant(doc: Document, structuredName: string | null): { merchant: Merchant; evidence: string } {
  const fromDomain = shopDomain(registrableDomain(doc.from?.address));
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

function mostLinkedDomain(doc: Document): string | null {
  const counts = new Map<string, number>();
  for (const link of doc.links) {
    // web links, and mail links: a shop sending through a shipping platform still gives its own address
    const mail = /^mailto:[^@?]+@([^?>\s]+)/i.exec(link.href);
    if (!mail && !/^https?:/i.test(link.href)) continue;
    let host: string;
    try {
      host = mail ? mail[1]! : new URL(link.href).hostname;
    } catch {
      continue;
    }
    const d = shopDomain(registrableDomain(host));
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
