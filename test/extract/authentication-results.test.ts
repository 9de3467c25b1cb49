import { describe, expect, it } from 'vitest';
import {
  parseAuthenticationResults,
  passingDomains,
  trustedPasses,
  judgeAuthenticationResults,
} from '../../src/extract/authentication-results.js';

// Shaped after headers these servers write (values as they appear after "Authentication-Results:").
const GMAIL = [
  'mx.google.com;',
  '       dkim=pass header.i=@mail.shop.com header.s=s1 header.b=Ab3d+Ef9;',
  '       dkim=pass header.i=@sendgrid.info header.s=smtpapi header.b=kL0m/NoP;',
  '       spf=pass (google.com: domain of bounces+1234@em123.shop.com designates 167.89.1.2 as permitted sender) smtp.mailfrom="bounces+1234@em123.shop.com";',
  '       dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=shop.com',
].join('\r\n');

const OUTLOOK = [
  'spf=pass (sender IP is 40.107.22.11)',
  ' smtp.mailfrom=shop.com; dkim=pass (signature was verified)',
  ' header.d=shop.com;dmarc=pass action=none header.from=shop.com;compauth=pass',
  ' reason=100',
].join('\r\n');

const FASTMAIL = [
  'mx4.messagingengine.com;',
  '    arc=none (no signatures found);',
  '    dkim=pass (2048-bit rsa key sha256) header.d=shop.com header.i=@shop.com header.b=XyZ12345 header.a=rsa-sha256 header.s=s1 x-bits=2048;',
  '    dmarc=pass policy.published-domain-policy=quarantine policy.applied-disposition=none policy.evaluated-disposition=none (p=quarantine,d=none,d.eval=none) policy.policy-from=p header.from=shop.com;',
  '    iprev=pass smtp.remote-ip=203.0.113.9 (mail.shop.com);',
  '    spf=pass smtp.mailfrom=orders@shop.com smtp.helo=mail.shop.com;',
  '    x-aligned-from=pass (Address match);',
  '    x-me-sender=none',
].join('\r\n');

// Postfix with the OpenDKIM, OpenDMARC and policyd-spf milters, delivering to Dovecot: one header each.
const OPENDKIM = 'mail.owner.example;\r\n\tdkim=pass (2048-bit key; unprotected) header.d=shop.com header.i=@shop.com header.a=rsa-sha256 header.s=s1 header.b="AbCdEfGh";\r\n\tdkim-atps=neutral';
const OPENDMARC = 'mail.owner.example; dmarc=pass (p=none dis=none) header.from=shop.com';
const SPF_MILTER = 'mail.owner.example; spf=pass (sender SPF authorized) smtp.mailfrom=orders@shop.com';

describe('parsing Authentication-Results', () => {
  it('Gmail: folded, comments, several methods, header.i instead of header.d', () => {
    const h = parseAuthenticationResults(GMAIL)!;
    expect(h.authservId).toBe('mx.google.com');
    expect(h.results.map((r) => `${r.method}=${r.result}`)).toEqual(['dkim=pass', 'dkim=pass', 'spf=pass', 'dmarc=pass']);
    expect(h.results[0]!.properties).toEqual({ 'header.i': '@mail.shop.com', 'header.s': 's1', 'header.b': 'Ab3d+Ef9' });
    expect(h.results[2]!.properties['smtp.mailfrom']).toBe('bounces+1234@em123.shop.com');
    expect(h.results[3]!.properties['header.from']).toBe('shop.com');
  });

  it('Microsoft 365: no authserv-id, no space after ";", action= and reason=', () => {
    const h = parseAuthenticationResults(OUTLOOK)!;
    expect(h.authservId).toBeNull();
    expect(h.results).toEqual([
      { method: 'spf', result: 'pass', reason: null, properties: { 'smtp.mailfrom': 'shop.com' } },
      { method: 'dkim', result: 'pass', reason: null, properties: { 'header.d': 'shop.com' } },
      { method: 'dmarc', result: 'pass', reason: null, properties: { action: 'none', 'header.from': 'shop.com' } },
      { method: 'compauth', result: 'pass', reason: '100', properties: {} },
    ]);
  });

  it('Fastmail: vendor methods and policy.* properties', () => {
    const h = parseAuthenticationResults(FASTMAIL)!;
    expect(h.authservId).toBe('mx4.messagingengine.com');
    expect(h.results.map((r) => r.method)).toEqual(['arc', 'dkim', 'dmarc', 'iprev', 'spf', 'x-aligned-from', 'x-me-sender']);
    expect(h.results[1]!.properties['header.d']).toBe('shop.com');
    expect(h.results[2]!.properties['header.from']).toBe('shop.com');
    expect(h.results[2]!.properties['policy.published-domain-policy']).toBe('quarantine');
  });

  it('OpenDKIM: quoted values, tab folding', () => {
    const h = parseAuthenticationResults(OPENDKIM)!;
    expect(h.authservId).toBe('mail.owner.example');
    expect(h.results[0]!.properties['header.b']).toBe('AbCdEfGh');
    expect(h.results[1]).toMatchObject({ method: 'dkim-atps', result: 'neutral' });
  });

  it('the field name, a version, nested comments, ";" inside a comment or quotes, spaces around "="', () => {
    const h = parseAuthenticationResults(
      'Authentication-Results: Example.ORG 1; dkim/1 = pass (good (really); signature) header.d=Shop.Com; auth=pass reason="user; authenticated" smtp.auth=robin',
    )!;
    expect(h.authservId).toBe('example.org');
    expect(h.results).toEqual([
      { method: 'dkim', result: 'pass', reason: null, properties: { 'header.d': 'Shop.Com' } },
      { method: 'auth', result: 'pass', reason: 'user; authenticated', properties: { 'smtp.auth': 'robin' } },
    ]);
  });

  it('"no results" and garbage', () => {
    expect(parseAuthenticationResults('mx.owner.example; none')).toEqual({ authservId: 'mx.owner.example', results: [] });
    expect(parseAuthenticationResults('dmarc=pass(p=REJECT) header.from=shop.com')!.results[0]!.properties['header.from']).toBe('shop.com');
    expect(parseAuthenticationResults('')).toBeNull();
    expect(parseAuthenticationResults(' ; ; ')).toBeNull();
  });
});

describe('passing domains from the owner\'s server only', () => {
  it('Gmail: DKIM by header.i domain (subdomain kept), the ESP\'s signature too, DMARC by header.from', () => {
    expect(passingDomains([GMAIL], 'mx.google.com')).toEqual(['mail.shop.com', 'sendgrid.info', 'shop.com']);
    expect(trustedPasses([GMAIL], 'MX.Google.COM').map((p) => `${p.method}:${p.domain}`)).toEqual([
      'dkim:mail.shop.com',
      'dkim:sendgrid.info',
      'dmarc:shop.com',
    ]);
  });

  it('Fastmail and a milter stack (one header per method, same authserv-id)', () => {
    expect(passingDomains([FASTMAIL], 'mx4.messagingengine.com')).toEqual(['shop.com']);
    expect(trustedPasses([OPENDKIM, OPENDMARC, SPF_MILTER], 'mail.owner.example').map((p) => p.method)).toEqual(['dkim', 'dmarc']);
  });

  it('several ids: a list, or a comma-separated string', () => {
    expect(passingDomains([FASTMAIL], ['mx1.messagingengine.com', 'mx4.messagingengine.com'])).toEqual(['shop.com']);
    expect(passingDomains([FASTMAIL], 'mx1.messagingengine.com, mx4.messagingengine.com')).toEqual(['shop.com']);
  });

  it('a header the sender wrote itself, under its own id, is ignored', () => {
    const forged = 'shop-billing.example; dkim=pass header.d=shop.com; dmarc=pass header.from=shop.com';
    const mine = 'mail.owner.example; dkim=fail (bad signature) header.d=shop.com; dmarc=fail header.from=shop.com';
    expect(passingDomains([mine, forged], 'mail.owner.example')).toEqual([]);
    expect(judgeAuthenticationResults([mine, forged], 'mail.owner.example')).toEqual({ passes: [], trustedHeaders: 1, ignoredAuthservIds: ['shop-billing.example'] });
  });

  it('a header with no authserv-id (Microsoft 365\'s) is never believed', () => {
    expect(passingDomains([OUTLOOK], 'mail.owner.example')).toEqual([]);
    expect(judgeAuthenticationResults([OUTLOOK], 'mail.owner.example').ignoredAuthservIds).toEqual(['(no authserv-id)']);
  });

  it('no configured id: nothing is believed', () => {
    expect(passingDomains([GMAIL], '')).toEqual([]);
    expect(passingDomains([GMAIL], [])).toEqual([]);
  });

  it('only pass counts; SPF alone never does', () => {
    const h = 'mx.owner.example; dkim=neutral (body hash did not verify) header.d=shop.com; dkim=policy header.d=weak.example; spf=pass smtp.mailfrom=shop.com; dmarc=bestguesspass header.from=shop.com';
    expect(passingDomains([h], 'mx.owner.example')).toEqual([]);
  });

  it('header.i with a local part, quoted and upper-case values, a trailing dot; junk domains dropped', () => {
    const h = 'mx.owner.example; dkim=pass header.i="Orders@Mail.Shop.COM."; dmarc=pass header.from=orders@shop.com; dkim=pass header.d=not_a_domain';
    expect(passingDomains([h], 'mx.owner.example')).toEqual(['mail.shop.com', 'shop.com']);
  });
});
