// The owner's own message to a shop, quoting or forwarding its confirmation, is a request: not news
// from the shop. A shop's reply quoting its customer is the everyday opposite and stays what it says.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { parseMessage } from '../../src/mail/parse.js';

async function read(headers: string[], body: string) {
  const raw = [...headers, 'Date: Thu, 7 May 2026 09:12:00 -0500', 'Message-ID: <w1@x.example>', 'Content-Type: text/plain; charset=utf-8', '', body].join('\r\n');
  return extract(await parseMessage(Buffer.from(raw)), { now: new Date('2026-05-07T15:00:00Z') });
}

const CONFIRMATION = [
  'From: Wrenfield Audio <no-reply@wrenfieldaudio.com>',
  'Sent: Wednesday, May 6, 2026 2:47 PM',
  'To: Sam Okafor <sam.okafor@larkmail.net>',
  'Subject: Your Wrenfield Audio order WA-310582',
  '',
  'Thanks for your order, Sam!',
  'Order number: WA-310582',
  'Order total: $349.00',
  'You can cancel until your order ships.',
].join('\n');

describe('a message written to the shop', () => {
  it('the owner asking the shop to cancel, its confirmation quoted below, is no confirmation', async () => {
    const e = await read(
      ['From: Sam Okafor <sam.okafor@larkmail.net>', 'To: <support@wrenfieldaudio.com>', 'Subject: Cancel order WA-310582'],
      `Hello,\nPlease cancel my order WA-310582 placed yesterday. Confirmation below.\nThanks, Sam\n\n-----Original Message-----\n${CONFIRMATION}`,
    );
    expect(e.kind).toBe('other');
    expect(e.merchant.domain).toBe('wrenfieldaudio.com');
    expect(e.orderNumber).toBeNull();
  });

  it('the same confirmation forwarded to the owner\'s partner is the shop\'s order', async () => {
    const e = await read(
      ['From: Sam Okafor <sam.okafor@larkmail.net>', 'To: Alex Okafor <alex@brightmoor-eng.com>', 'Subject: Fwd: Your Wrenfield Audio order WA-310582'],
      `Can you cancel this one? I ordered twice.\n\n---------- Forwarded message ---------\n${CONFIRMATION}`,
    );
    expect(e.kind).toBe('order_confirmation');
    expect(e.merchant.domain).toBe('wrenfieldaudio.com');
  });

  it('the shop answering its customer, the request quoted below, stays the shop\'s answer', async () => {
    const e = await read(
      ['From: Wrenfield Audio Support <support@wrenfieldaudio.com>', 'To: Sam Okafor <sam.okafor@larkmail.net>', 'Subject: Re: Cancel order WA-310582'],
      "Hi Sam,\nWe've cancelled order WA-310582 and refunded $349.00 to your card.\nMarcus\n\n-----Original Message-----\nFrom: Sam Okafor <sam.okafor@larkmail.net>\nSent: Thursday, May 7, 2026 9:10 AM\nTo: support@wrenfieldaudio.com\nSubject: Cancel order WA-310582\n\nPlease cancel my order WA-310582.",
    );
    expect(e.kind).toBe('cancellation_confirmation');
    expect(e.merchant.domain).toBe('wrenfieldaudio.com');
  });
});
