// Where a cancellation request may go. An email can lie about where to write, so the owner's data
// goes only to the address the owner listed for that shop (ORDERWATCH_MERCHANTS), or to an address
// on the shop's own domain learned from an email that the shop's domain vouched for (a DKIM
// signature or a DMARC pass, see src/mail/authenticity.ts). Anything else is the owner's call.
// Pure: no I/O; the verified domains and the directory are arguments.
import { isInfrastructure, isPersonalMailbox, registrableDomain } from '../extract/merchant.js';

/** The part of the merchant directory this decision needs (src/merchants.ts provides it). */
export interface MerchantLookup {
  lookup(domain: string): { contactEmail: string } | null;
}

export interface TrustInput {
  /** The customer-service address the email gave; null when it gave none. */
  contactEmail: string | null;
  /** The shop's registrable domain, as extracted. */
  merchantDomain: string | null;
  /** Domains that vouch for the email the contact was learned from (DKIM/DMARC passes). */
  verifiedDomains: readonly string[];
  directory?: MerchantLookup | null;
}

export type TrustBasis = 'directory' | 'authenticated';

export interface TrustedContact {
  /** Where a cancellation request may be sent; null: nowhere, the owner acts by hand. */
  address: string | null;
  basis: TrustBasis | null;
  /** Why, in words for the owner. */
  reason: string;
}

const ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

export function trustedContact(input: TrustInput): TrustedContact {
  const shop = registrableDomain(input.merchantDomain);
  const listed = shop ? input.directory?.lookup(shop) ?? null : null;
  if (listed) {
    return {
      address: listed.contactEmail.toLowerCase(),
      basis: 'directory',
      reason: `${listed.contactEmail.toLowerCase()} is the address you listed for ${shop} in your merchants file (ORDERWATCH_MERCHANTS).`,
    };
  }

  const refuse = (reason: string): TrustedContact => ({ address: null, basis: null, reason });
  if (!shop) return refuse('The email does not show which shop it comes from, so there is no shop domain to check an address against.');
  if (isPersonalMailbox(shop) || isInfrastructure(shop)) {
    return refuse(`${shop} is a mail or service provider that anyone can use, not a shop's own domain, so no address there is trusted unless you list the shop in your merchants file (ORDERWATCH_MERCHANTS).`);
  }

  const contact = input.contactEmail?.trim().toLowerCase() ?? null;
  if (!contact) return refuse(`The email from ${shop} gives no customer-service address to write to.`);
  if (!ADDRESS.test(contact) || contact.length > 254) return refuse(`"${contact.slice(0, 80)}" is not a usable email address.`);

  const contactDomain = registrableDomain(contact);
  if (contactDomain !== shop) {
    return refuse(
      `The email asks you to write to ${contact}, which is on ${contactDomain ?? 'an unknown domain'}, not on ${shop}. ` +
        `Addresses on other domains, however similar they look, are not trusted for ${shop}.`,
    );
  }

  const verified = [...new Set(input.verifiedDomains.map((d) => d.toLowerCase().replace(/\.$/, '')))];
  if (verified.some((d) => d === shop || d.endsWith(`.${shop}`))) {
    return { address: contact, basis: 'authenticated', reason: `${contact} is on ${shop}, and the email was verified as sent by ${shop}.` };
  }
  if (verified.length === 0) {
    return refuse(
      `The email could not be verified as sent by ${shop} (no valid DKIM signature or DMARC pass), so its address ${contact} might not be the shop's.`,
    );
  }
  return refuse(
    `The email was verified only for ${verified.join(', ')}, not for ${shop}: it may have come through a mailing service ` +
      `anyone can use, so its address ${contact} might not be the shop's.`,
  );
}
