// The owner's own message to a shop ("Please cancel my order WA-310582. Confirmation below."),
// seen in a mailbox that keeps sent mail: it quotes or forwards the shop's confirmation, but it is a
// request, not news from the shop. Told by its recipients: the message goes to the very shop whose
// mail it carries, from another domain.
import type { Document } from './document.js';
import { findForwardedHeaders } from './forward.js';
import { registrableDomain, shopDomain } from './merchant.js';

export interface ShopAddressed {
  domain: string;
  name: string | null;
}

/**
 * The shop a message is written to, when it is the shop whose mail it carries; else null. A reply
 * quoting the other side is the everyday case of a shop answering its customer: only a quote under
 * a newest part that shows no order of its own (`newestShowsOrder`) is the customer's, and then only
 * when the mail would otherwise pass for the shop's confirmation.
 */
export function writtenToShop(doc: Document, readsAsConfirmation: boolean, newestShowsOrder: boolean): ShopAddressed | null {
  if (!doc.forwarded && (!readsAsConfirmation || newestShowsOrder)) return null;
  const delivered = doc.envelope;
  const sender = registrableDomain(delivered.from?.address);
  const recipients = new Map<string, string | null>();
  for (const to of delivered.to) {
    const domain = shopDomain(registrableDomain(to.address));
    if (domain && domain !== sender) recipients.set(domain, to.name || null);
  }
  if (recipients.size === 0) return null;
  // The shop's mail it carries: the forward unwrapped, else a quoted header block ("-----Original Message-----").
  const quoted = doc.forwarded ? doc.from : quotedSender(doc.text);
  const shop = registrableDomain(quoted?.address);
  if (!shop || shop === sender || !recipients.has(shop)) return null;
  return { domain: shop, name: quoted?.name || recipients.get(shop) || null };
}

function quotedSender(text: string): { name: string | null; address: string } | null {
  const block = findForwardedHeaders(text);
  return block?.fromAddress ? { name: block.fromName, address: block.fromAddress } : null;
}
