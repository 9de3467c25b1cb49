import { generateKeyPairSync } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { dkimSign } from 'mailauth/lib/dkim/sign.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { passingDomains } from '../../src/extract/authentication-results.js';
import { verifiedDomains, type DnsResolver } from '../../src/mail/authenticity.js';
import { parseMessage } from '../../src/mail/parse.js';

// Keys made here, served by a resolver made here: no network, no DNS.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ed = generateKeyPairSync('ed25519');
const RSA_PRIVATE = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const ED_PRIVATE = ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
// p= for RSA is the SubjectPublicKeyInfo; for Ed25519 the bare 32-byte key (RFC 8463).
const RSA_P = rsa.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const ED_P = ed.publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64');

const KEYS: Record<string, string> = {
  's1._domainkey.shop.example': `v=DKIM1; k=rsa; p=${RSA_P}`,
  'ed1._domainkey.mail.shop.example': `v=DKIM1; k=ed25519; p=${ED_P}`,
  's1._domainkey.esp-mail.example': `v=DKIM1; k=rsa; p=${RSA_P}`,
};

const lookups: string[] = [];
const resolver: DnsResolver = async (name, type) => {
  lookups.push(`${type} ${name}`);
  const record = type === 'TXT' ? KEYS[name.toLowerCase()] : undefined;
  if (record === undefined) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  return [[record]];
};

const MESSAGE = [
  'From: Shop Orders <orders@shop.example>',
  'To: robin@owner.example',
  'Subject: Your order #1042',
  'Date: Tue, 14 Apr 2026 15:05:00 -0700',
  'Message-ID: <1042@shop.example>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Thanks for your order #1042. To cancel, write to help@shop.example.',
  '',
].join('\r\n');

const SIGN_TIME = new Date('2026-04-14T22:05:00Z');
const NOW = new Date('2026-04-15T08:00:00Z');

interface SignWith {
  signingDomain: string;
  selector: string;
  privateKey?: string;
  algorithm?: string;
  maxBodyLength?: number;
  /** Colon-separated, as mailauth reads it (its typings say string[], which it ignores). */
  headerList?: string;
  expires?: Date;
}

// mailauth 4 signs only what is in signatureData; top-level signingDomain/selector/privateKey
// (as its typings suggest) are silently ignored and yield no signature at all.
async function sign(message: string, w: SignWith): Promise<string> {
  const { signatures, errors } = await dkimSign(message, {
    signTime: SIGN_TIME,
    ...(w.expires ? { expires: w.expires } : {}),
    ...(w.headerList ? { headerList: w.headerList as unknown as string[] } : {}),
    signatureData: [
      {
        signingDomain: w.signingDomain,
        selector: w.selector,
        privateKey: w.privateKey ?? RSA_PRIVATE,
        ...(w.algorithm ? { algorithm: w.algorithm } : {}),
        ...(w.maxBodyLength !== undefined ? { maxBodyLength: w.maxBodyLength } : {}),
      },
    ],
  } as Parameters<typeof dkimSign>[1]);
  expect(errors).toEqual([]);
  expect(signatures).toMatch(/^DKIM-Signature: /);
  return signatures + message;
}

async function check(raw: string, options: Partial<Parameters<typeof verifiedDomains>[2]> = {}) {
  const buffer = Buffer.from(raw);
  return verifiedDomains(buffer, await parseMessage(buffer), { authservId: 'mx.owner.example', resolver, now: NOW, ...options });
}

describe('DKIM signatures verified here', () => {
  let signed: string;
  beforeAll(async () => {
    signed = await sign(MESSAGE, { signingDomain: 'shop.example', selector: 's1' });
  });

  it('an RSA signature by the shop\'s domain verifies', async () => {
    lookups.length = 0;
    const a = await check(signed);
    expect(a.domains).toEqual(['shop.example']);
    expect(a.how).toEqual(['dkim-verified']);
    expect(a.detail).toContain('DKIM verified: d=shop.example');
    expect(lookups).toEqual(['TXT s1._domainkey.shop.example']);
  });

  it('an Ed25519 signature by a subdomain verifies, as that subdomain', async () => {
    const raw = await sign(MESSAGE, { signingDomain: 'mail.shop.example', selector: 'ed1', privateKey: ED_PRIVATE, algorithm: 'ed25519-sha256' });
    expect((await check(raw)).domains).toEqual(['mail.shop.example']);
  });

  it('a tampered body fails', async () => {
    const a = await check(signed.replace('help@shop.example', 'help@shop-billing.example'));
    expect(a.domains).toEqual([]);
    expect(a.how).toEqual([]);
    expect(a.detail).toContain('body hash did not verify');
  });

  it('a tampered signed header fails', async () => {
    const a = await check(signed.replace('Subject: Your order #1042', 'Subject: Your order #1043'));
    expect(a.domains).toEqual([]);
    expect(a.detail).toMatch(/d=shop\.example fail/);
  });

  it('an email service provider\'s signature vouches for the provider only', async () => {
    const raw = await sign(MESSAGE, { signingDomain: 'esp-mail.example', selector: 's1' });
    expect((await check(raw)).domains).toEqual(['esp-mail.example']);
  });

  it('both signatures of a doubly signed message', async () => {
    const esp = await sign(MESSAGE, { signingDomain: 'esp-mail.example', selector: 's1' });
    const both = await sign(esp, { signingDomain: 'mail.shop.example', selector: 'ed1', privateKey: ED_PRIVATE, algorithm: 'ed25519-sha256' });
    expect((await check(both)).domains.sort()).toEqual(['esp-mail.example', 'mail.shop.example']);
  });

  it('a signature that leaves From unsigned does not count', async () => {
    const raw = await sign(MESSAGE, { signingDomain: 'shop.example', selector: 's1', headerList: 'Subject:Date:Message-ID' });
    const a = await check(raw);
    expect(a.domains).toEqual([]);
    expect(a.detail).toContain('From not signed');
  });

  it('an l= signature with text appended after the signed part does not count', async () => {
    const bodyStart = MESSAGE.indexOf('\r\n\r\n') + 4;
    const raw = await sign(MESSAGE, { signingDomain: 'shop.example', selector: 's1', maxBodyLength: 20 });
    expect(raw.slice(raw.indexOf('\r\n\r\n') + 4)).toBe(MESSAGE.slice(bodyStart));
    const a = await check(raw);
    expect(a.domains).toEqual([]);
    expect(a.detail).toContain('unsigned');
  });

  it('an expired signature does not count', async () => {
    const raw = await sign(MESSAGE, { signingDomain: 'shop.example', selector: 's1', expires: new Date('2026-04-15T00:00:00Z') });
    expect((await check(raw)).domains).toEqual([]);
    expect((await check(raw, { now: new Date('2026-04-14T23:00:00Z') })).domains).toEqual(['shop.example']);
  });

  it('no key published: not verified', async () => {
    const raw = await sign(MESSAGE, { signingDomain: 'shop.example', selector: 'gone' });
    const a = await check(raw);
    expect(a.domains).toEqual([]);
    expect(a.detail).toContain('no key');
  });

  it('a DNS failure is "not verified", not an exception', async () => {
    const failing: DnsResolver = async () => {
      throw Object.assign(new Error('queryTxt ECONNREFUSED'), { code: 'ECONNREFUSED' });
    };
    const a = await check(signed, { resolver: failing });
    expect(a).toMatchObject({ domains: [], how: [] });
    expect(a.detail).toContain('DNS failure');
  });

  it('a resolver that throws synchronously or returns junk is "not verified" too', async () => {
    const sync = (() => {
      throw new Error('boom');
    }) as unknown as DnsResolver;
    expect((await check(signed, { resolver: sync })).domains).toEqual([]);
    const junk: DnsResolver = async () => [['v=DKIM1; p=not*base64']];
    expect((await check(signed, { resolver: junk })).domains).toEqual([]);
  });

  it('DNS that never answers gives up after the timeout', async () => {
    const silent: DnsResolver = () => new Promise(() => {});
    const a = await check(signed, { resolver: silent, timeoutMs: 50 });
    expect(a.domains).toEqual([]);
    expect(a.detail).toContain('no answer within 50 ms');
  });

  it('an unsigned message asks DNS nothing', async () => {
    lookups.length = 0;
    const a = await check(MESSAGE);
    expect(a).toMatchObject({ domains: [], how: [] });
    expect(a.detail).toContain('no DKIM signature');
    expect(lookups).toEqual([]);
  });
});

describe('the owner\'s server\'s Authentication-Results, with DKIM', () => {
  const withHeaders = (headers: string[], message = MESSAGE) => headers.map((h) => `Authentication-Results: ${h}\r\n`).join('') + message;

  it('a pass stamped by the owner\'s server counts without any signature', async () => {
    const a = await check(withHeaders(['mx.owner.example;\r\n dkim=pass header.i=@shop.example header.s=s1;\r\n dmarc=pass (p=REJECT) header.from=shop.example']));
    expect(a.domains).toEqual(['shop.example']);
    expect(a.how).toEqual(['authentication-results']);
    expect(a.detail).toContain('Authentication-Results of mx.owner.example: dkim=pass shop.example, dmarc=pass shop.example');
  });

  it('a pass the sender stamped under another id is ignored, and said so', async () => {
    const a = await check(withHeaders(['mx.owner.example; dkim=none', 'mx.shop-billing.example; dkim=pass header.d=shop.example']));
    expect(a.domains).toEqual([]);
    expect(a.detail).toContain('ignored Authentication-Results of mx.shop-billing.example');
  });

  it('no authserv-id configured: every Authentication-Results header is ignored', async () => {
    const a = await check(withHeaders(['mx.owner.example; dkim=pass header.d=shop.example']), { authservId: null });
    expect(a.domains).toEqual([]);
    expect(a.detail).toContain('no authserv-id configured');
  });

  it('for one domain: DKIM is not checked when the owner\'s server already vouches for it', async () => {
    const signed = await sign(MESSAGE, { signingDomain: 'shop.example', selector: 's1' });
    lookups.length = 0;
    const a = await check(withHeaders(['mx.owner.example; dkim=pass header.d=shop.example'], signed), { forDomain: 'shop.example' });
    expect(a).toMatchObject({ domains: ['shop.example'], how: ['authentication-results'] });
    expect(lookups).toEqual([]);
  });

  it('for one domain: a message signed only by someone else is not hashed, and says why', async () => {
    const raw = await sign(MESSAGE, { signingDomain: 'esp-mail.example', selector: 's1' });
    lookups.length = 0;
    const a = await check(raw, { forDomain: 'shop.example' });
    expect(a.domains).toEqual([]);
    expect(a.detail).toContain('DKIM not checked: no signature by shop.example (d=esp-mail.example)');
    expect(lookups).toEqual([]);
  });

  it('for one domain: a signature by a subdomain of it is checked', async () => {
    const raw = await sign(MESSAGE, { signingDomain: 'mail.shop.example', selector: 'ed1', privateKey: ED_PRIVATE, algorithm: 'ed25519-sha256' });
    expect((await check(raw, { forDomain: 'shop.example' })).domains).toEqual(['mail.shop.example']);
  });

  it('the union of both, each named once', async () => {
    const signed = await sign(MESSAGE, { signingDomain: 'shop.example', selector: 's1' });
    const a = await check(withHeaders(['mx.owner.example; dkim=pass header.d=shop.example; dkim=pass header.d=esp-mail.example'], signed));
    expect(a.domains).toEqual(['shop.example', 'esp-mail.example']);
    expect(a.how).toEqual(['authentication-results', 'dkim-verified']);
  });
});

// Every fixture email: their signatures are made up and no key is published for them, so DKIM adds
// nothing, and the fixture's own receiving server (its first Authentication-Results) is believed.
const fixtureRoot = join(import.meta.dirname, '..', '..', 'fixtures');
const emlIn = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.eml')).map((n) => join(dir, n));
const fixtureFiles = (await Promise.all([fixtureRoot, join(fixtureRoot, 'corpus')].map(emlIn))).flat().sort();

describe('every fixture email', () => {
  it('there are fixtures to read', () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(100);
  });

  it.each(fixtureFiles.map((f) => [f.slice(fixtureRoot.length + 1), f] as const))('%s', async (_name, path) => {
    const raw = await readFile(path);
    const message = await parseMessage(raw);
    const ar = message.header('authentication-results');
    const authservId = /^\s*([^\s;]+)\s*;/.exec(ar[0] ?? '')?.[1] ?? null;
    const a = await verifiedDomains(raw, message, { authservId, resolver, now: NOW });
    expect(a.domains).toEqual(authservId ? passingDomains(ar, authservId) : []);
    expect(a.how).toEqual(a.domains.length > 0 ? ['authentication-results'] : []);
  });
});
