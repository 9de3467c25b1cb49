// Email service providers the shops send through: who the Return-Path and one of the two DKIM
// signatures belong to, the hosts the mail leaves from and the headers each adds.
import type { Rng } from '../rng.js';

export interface Esp {
  name: string;
  domain: string;
  returnPath: (shop: string, to: string, r: Rng) => string;
  ip: () => string;
  helo: (shop: string, r: Rng) => string;
  extraHeaders: (r: Rng) => Record<string, string>;
}

export const ESPS: Esp[] = [
  {
    name: 'sendgrid', domain: 'sendgrid.net',
    returnPath: (shop, to, r) => `bounces+${r.int(1e7, 9e7)}-${r.hex(4)}-${to.replace('@', '=')}@em${r.int(100, 9999)}.${shop}`,
    ip: () => '149.72.123.24', helo: (shop, r) => `o${r.int(1, 9)}.ptr${r.int(1000, 9999)}.${shop}`,
    extraHeaders: (r) => ({ 'X-SG-EID': r.b64(96), 'X-Entity-ID': r.b64(24) }),
  },
  {
    name: 'mailgun', domain: 'mailgun.org',
    returnPath: (shop, to, r) => `bounce+${r.hex(6)}.${r.hex(6)}-${to.replace('@', '=')}@mg.${shop}`,
    ip: () => '69.72.43.7', helo: (_shop, r) => `m${r.int(10, 99)}-${r.int(100, 250)}.mailgun.net`,
    extraHeaders: (r) => ({ 'X-Mailgun-Sid': r.b64(40), 'X-Mailgun-Tag': 'order-confirmation' }),
  },
  {
    name: 'ses', domain: 'amazonses.com',
    returnPath: (_shop, _to, r) => `0102018f${r.hex(8)}-${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}-000000@eu-west-1.amazonses.com`,
    ip: () => '54.240.4.13', helo: (_shop, r) => `a${r.int(4, 9)}-${r.int(10, 99)}.smtp-out.eu-west-1.amazonses.com`,
    extraHeaders: (r) => ({ 'Feedback-ID': `1.eu-west-1.${r.b64(43)}=:AmazonSES`, 'X-SES-Outgoing': '2026.05.03-54.240.4.13' }),
  },
  {
    name: 'shopify', domain: 'shopifyemail.com',
    returnPath: (_shop, to, r) => `bounces+${r.int(1e7, 9e7)}-${r.int(1000, 9999)}-${to.replace('@', '=')}@shopifyemail.com`,
    ip: () => '23.227.57.5', helo: (_shop, r) => `mail-b${r.int(10, 40)}.shopifyemail.com`,
    extraHeaders: (r) => ({ 'X-Shopify-Mail-Id': `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}`, 'X-Mailer': 'Shopify' }),
  },
  {
    name: 'mandrill', domain: 'mandrillapp.com',
    returnPath: (_shop, _to, r) => `bounce-md_${r.int(1e7, 9e7)}.${r.hex(8)}.v1-${r.hex(32)}@mandrillapp.com`,
    ip: () => '198.2.128.4', helo: (_shop, r) => `mail${r.int(100, 199)}-${r.int(1, 30)}.mcsv.net`,
    extraHeaders: (r) => ({ 'X-Mandrill-User': `md_${r.int(1e7, 9e7)}`, 'X-Report-Abuse': 'Please forward a copy of this message, including all headers, to abuse@mandrill.com' }),
  },
  {
    name: 'postmark', domain: 'mtasv.net',
    returnPath: (shop) => `pm_bounces@pm-bounces.${shop}`,
    ip: () => '50.31.156.6', helo: (_shop, r) => `sc-ord-mta${r.int(100, 199)}.mtasv.net`,
    extraHeaders: (r) => ({ 'X-PM-Message-Id': `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`, 'X-PM-RCPT': `|bTF8${r.b64(40)}|` }),
  },
];
