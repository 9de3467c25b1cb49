import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MerchantDirectory, MerchantsFileError, loadMerchantDirectory, parseCancelWindow, parseMerchantDirectory } from '../../src/merchants.js';
import { trustedContact, type TrustInput } from '../../src/orders/trust.js';

const decide = (over: Partial<TrustInput>) =>
  trustedContact({ contactEmail: 'help@shop.com', merchantDomain: 'shop.com', verifiedDomains: [], directory: null, ...over });

describe('where a cancellation request may go', () => {
  it('an address on the shop\'s domain, from an email the shop\'s domain signed', () => {
    expect(decide({ verifiedDomains: ['shop.com'] })).toEqual({
      address: 'help@shop.com',
      basis: 'authenticated',
      reason: 'help@shop.com is on shop.com, and the email was verified as sent by shop.com.',
    });
  });

  it('a signature by a subdomain of the shop counts for the shop; so does an address on a subdomain', () => {
    expect(decide({ verifiedDomains: ['mail.shop.com'] })).toMatchObject({ address: 'help@shop.com', basis: 'authenticated' });
    expect(decide({ contactEmail: 'Care@Support.Shop.com', verifiedDomains: ['shop.com'] })).toMatchObject({ address: 'care@support.shop.com', basis: 'authenticated' });
  });

  it('multi-label public suffixes: shop.co.uk is not vouched for by co.uk or by another shop there', () => {
    const uk = { merchantDomain: 'shop.co.uk', contactEmail: 'help@shop.co.uk' };
    expect(decide({ ...uk, verifiedDomains: ['em.shop.co.uk'] })).toMatchObject({ basis: 'authenticated' });
    expect(decide({ ...uk, verifiedDomains: ['co.uk', 'othershop.co.uk'] })).toMatchObject({ address: null });
  });

  it('signed only by the email service provider: not trusted, and the owner is told why', () => {
    const t = decide({ verifiedDomains: ['sendgrid.net'] });
    expect(t).toMatchObject({ address: null, basis: null });
    expect(t.reason).toContain('verified only for sendgrid.net, not for shop.com');
  });

  it('not verified at all: not trusted', () => {
    const t = decide({ verifiedDomains: [] });
    expect(t).toMatchObject({ address: null, basis: null });
    expect(t.reason).toContain('could not be verified as sent by shop.com');
  });

  it('a look-alike domain is never trusted for the shop, even when it signed its own mail', () => {
    const t = decide({ contactEmail: 'support@shop-billing.com', verifiedDomains: ['shop-billing.com', 'shop.com'] });
    expect(t).toMatchObject({ address: null, basis: null });
    expect(t.reason).toContain('support@shop-billing.com, which is on shop-billing.com, not on shop.com');
    // nor does a look-alike's signature vouch for the shop's own domain
    expect(decide({ verifiedDomains: ['shop-billing.com', 'shop.com.evil.example', 'myshop.com'] })).toMatchObject({ address: null });
    // nor a domain that merely starts with the shop's name
    expect(decide({ contactEmail: 'help@shop.com.evil.example', verifiedDomains: ['shop.com.evil.example'] })).toMatchObject({ address: null });
  });

  it('the directory wins: its address, whatever the email says and whoever signed it', () => {
    const directory = parseMerchantDirectory(JSON.stringify([{ domain: 'shop.com', contactEmail: 'Orders@Shop.com' }]), 'test');
    expect(decide({ directory, contactEmail: 'support@shop-billing.com', verifiedDomains: [] })).toEqual({
      address: 'orders@shop.com',
      basis: 'directory',
      reason: 'orders@shop.com is the address you listed for shop.com in your merchants file (ORDERWATCH_MERCHANTS).',
    });
    expect(decide({ directory, merchantDomain: 'mail.shop.com', contactEmail: null })).toMatchObject({ address: 'orders@shop.com', basis: 'directory' });
    // a shop not in the directory falls back to the email's authentication
    expect(decide({ directory, merchantDomain: 'other.com', contactEmail: 'hi@other.com', verifiedDomains: ['other.com'] })).toMatchObject({ basis: 'authenticated' });
  });

  it('no address, no shop, an address that is not one', () => {
    expect(decide({ contactEmail: null, verifiedDomains: ['shop.com'] })).toMatchObject({ address: null, reason: expect.stringContaining('gives no customer-service address') });
    expect(decide({ merchantDomain: null, verifiedDomains: ['shop.com'] })).toMatchObject({ address: null, reason: expect.stringContaining('does not show which shop') });
    expect(decide({ contactEmail: 'help at shop.com', verifiedDomains: ['shop.com'] })).toMatchObject({ address: null, reason: expect.stringContaining('not a usable email address') });
  });

  it('a mail provider or sending service is never "the shop\'s own domain"', () => {
    expect(decide({ merchantDomain: 'gmail.com', contactEmail: 'seller123@gmail.com', verifiedDomains: ['gmail.com'] })).toMatchObject({ address: null });
    expect(decide({ merchantDomain: 'myshopify.com', contactEmail: 'x@myshopify.com', verifiedDomains: ['myshopify.com'] })).toMatchObject({ address: null });
  });
});

describe('the merchants file', () => {
  const dir = mkdtemp(join(tmpdir(), 'orderwatch-merchants-'));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));
  const parse = (value: unknown) => parseMerchantDirectory(JSON.stringify(value), '/etc/orderwatch/merchants.json');
  const error = (value: unknown) => {
    try {
      parse(value);
    } catch (err) {
      expect(err).toBeInstanceOf(MerchantsFileError);
      return (err as Error).message;
    }
    throw new Error('expected an error');
  };

  it('the shipped example loads', async () => {
    const d = await loadMerchantDirectory(join(import.meta.dirname, '..', '..', 'fixtures', 'merchants.example.json'));
    expect(d.size).toBe(3);
    expect(d.lookup('ridgewaypantry.com')).toEqual({
      domain: 'ridgewaypantry.com',
      name: 'Ridgeway Pantry',
      contactEmail: 'pantry@ridgewaypantry.com',
      cancelWindow: '1h',
      cancelWindowMs: 3_600_000,
      cancelUntilShipped: null,
      notes: 'Answers within the day; the cancel link in the receipt works too.',
    });
    expect(d.lookup('KestrelAndQuill.co.uk.')?.contactEmail).toBe('shop@kestrelandquill.co.uk');
    expect(d.lookup('harborlightcandle.com')?.cancelUntilShipped).toBe(true);
  });

  it('an array of entries, or an object keyed by domain; lookup by any host under the domain', () => {
    const a = parse([{ domain: 'Shop.com', contactEmail: ' help@shop.com ', cancelWindow: '2h', cancelUntilShipped: false }]);
    const o = parse({ $comment: 'ignored', 'shop.com': { contactEmail: 'help@shop.com', cancelWindow: '2h', cancelUntilShipped: false } });
    expect(a.entries()).toEqual(o.entries());
    expect(a.lookup('mail.shop.com')).toMatchObject({ domain: 'shop.com', contactEmail: 'help@shop.com', cancelWindowMs: 7_200_000, cancelUntilShipped: false });
    expect(a.lookup('shop-billing.com')).toBeNull();
    expect(MerchantDirectory.empty().lookup('shop.com')).toBeNull();
  });

  it('errors name the file, the entry and the field', () => {
    expect(error([{ domain: 'shop.com', contactEmail: 'help@shop.com' }, { domain: 'b.com', contactEmail: 'nope' }])).toBe(
      'merchants file /etc/orderwatch/merchants.json: entry 2: contactEmail: an email address like support@shop.com',
    );
    expect(error({ 'shop.com': { contactEmail: 'help@shop.com', cancelWindow: 'two hours' } })).toBe(
      'merchants file /etc/orderwatch/merchants.json: entry "shop.com": cancelWindow: a duration like 30m, 2h, 14d or 1w',
    );
    expect(error([{ domain: 'shop.com', contactemail: 'help@shop.com' }])).toContain('entry 1: contactEmail:');
    expect(error([{ domain: 'shop.com', contactEmail: 'help@shop.com', note: 'x' }])).toContain('entry 1: unknown field "note"');
    expect(error([{ contactEmail: 'help@shop.com' }])).toContain('entry 1: domain: required');
    expect(error([{ domain: 'mail.shop.com', contactEmail: 'help@shop.com' }])).toContain('should be the shop\'s registrable domain "shop.com"');
    expect(error([{ domain: 'shop.com', contactEmail: 'a@shop.com' }, { domain: 'SHOP.com', contactEmail: 'b@shop.com' }])).toContain(
      'entry 2 (shop.com): shop.com is listed twice (also entry 1)',
    );
    expect(error({ 'shop.com': { domain: 'other.com', contactEmail: 'a@shop.com' } })).toContain('domain "other.com" differs from its key');
    expect(error({ 'not a domain': { contactEmail: 'a@shop.com' } })).toContain('the key must be a domain');
    expect(error([{ domain: 'shop.com', contactEmail: 'a@shop.com', cancelUntilShipped: 'yes' }])).toContain('entry 1: cancelUntilShipped:');
    expect(error('shop.com')).toContain('expected a JSON array of merchants');
  });

  it('a file that is missing or not JSON', async () => {
    const bad = join(await dir, 'bad.json');
    await writeFile(bad, '[{"domain": "shop.com",}]');
    await expect(loadMerchantDirectory(bad)).rejects.toThrow(/^merchants file .*bad\.json: not valid JSON/);
    await expect(loadMerchantDirectory(join(await dir, 'missing.json'))).rejects.toThrow(/^merchants file .*missing\.json: cannot be read \(ENOENT\)$/);
  });

  it('cancellation windows', () => {
    expect([parseCancelWindow('30m'), parseCancelWindow('2h'), parseCancelWindow('14d'), parseCancelWindow('1w')]).toEqual([1_800_000, 7_200_000, 1_209_600_000, 604_800_000]);
    expect(parseCancelWindow('2 hours')).toBeNull();
  });
});
