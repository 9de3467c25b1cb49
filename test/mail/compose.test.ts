// composeMail: the bytes of an outgoing email, read back with mailparser as a mail client would.
import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMail } from '../../src/mail/compose.js';
import type { OutgoingMail } from '../../src/orders/outgoing.js';

const NOW = new Date('2026-04-14T22:05:07.450Z');
const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//orderwatch//EN', 'METHOD:PUBLISH', 'BEGIN:VEVENT', 'UID:2291-cancel@orderwatch.test', 'DTSTAMP:20260414T220507Z', 'DTSTART:20260414T230500Z', 'SUMMARY:Last chance to cancel order 2291', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

function reminder(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    kind: 'reminder',
    orderId: 'ord-2291',
    messageId: '<reminder.2291.k7f3q9@orderwatch.test>',
    from: { name: 'orderwatch', address: 'orderwatch@example.net' },
    to: [{ name: 'Robin Müller', address: 'robin@example.net' }],
    replyTo: { name: null, address: 'robin+orderwatch@example.net' },
    subject: 'Ridgeway Pantry order #2291: cancel within 60 minutes — until 16:05',
    text: 'Your order #2291 at Ridgeway Pantry can be cancelled until 16:05.\nReply "cancel" to have orderwatch write to the shop.\n',
    html: '<p>Your order <b>#2291</b> at Ridgeway Pantry can be cancelled until 16:05.</p>',
    inReplyTo: '<order-2291@ridgewaypantry.example>',
    references: ['<welcome-1@ridgewaypantry.example>', '<order-2291@ridgewaypantry.example>'],
    calendar: { filename: 'cancel-order-2291.ics', content: ICS },
    keepInSent: false,
    ...overrides,
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): Array<{ name: string; address: string | undefined }> {
  return [field ?? []].flat().flatMap((a) => a.value.map((v) => ({ name: v.name, address: v.address })));
}

describe('composeMail', () => {
  it('writes the given Message-ID, the Date from now, the addresses and the thread headers', async () => {
    const raw = await composeMail(reminder(), NOW);
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe('<reminder.2291.k7f3q9@orderwatch.test>');
    expect(parsed.date?.toISOString()).toBe('2026-04-14T22:05:07.000Z'); // the header has whole seconds
    expect(parsed.subject).toBe('Ridgeway Pantry order #2291: cancel within 60 minutes — until 16:05');
    expect(addresses(parsed.from)).toEqual([{ name: 'orderwatch', address: 'orderwatch@example.net' }]);
    expect(addresses(parsed.to)).toEqual([{ name: 'Robin Müller', address: 'robin@example.net' }]);
    expect(addresses(parsed.replyTo)).toEqual([{ name: '', address: 'robin+orderwatch@example.net' }]);
    expect(parsed.inReplyTo).toBe('<order-2291@ridgewaypantry.example>');
    expect(parsed.references).toEqual(['<welcome-1@ridgewaypantry.example>', '<order-2291@ridgewaypantry.example>']);
  });

  it('carries text and html as alternatives and the calendar as a text/calendar attachment, method PUBLISH', async () => {
    const raw = await composeMail(reminder(), NOW);
    const parsed = await simpleParser(raw);
    expect(parsed.text?.trim()).toBe(reminder().text.trim());
    expect(parsed.html).toContain('<b>#2291</b>');
    expect(raw.toString('latin1')).toMatch(/Content-Type: multipart\/alternative/);
    expect(parsed.attachments).toHaveLength(1);
    const ics = parsed.attachments[0]!;
    expect(ics.filename).toBe('cancel-order-2291.ics');
    expect(ics.contentType).toBe('text/calendar');
    expect(ics.contentDisposition).toBe('attachment');
    expect(ics.content.toString('utf8')).toBe(ICS);
    expect(raw.toString('latin1')).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH/);
  });

  it('is a plain text message when there is no html, calendar or thread', async () => {
    const raw = await composeMail(reminder({ html: null, calendar: null, inReplyTo: null, references: [], replyTo: null }), NOW);
    const text = raw.toString('latin1');
    const header = text.slice(0, text.indexOf('\r\n\r\n'));
    expect(header).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    expect(header).not.toMatch(/^(In-Reply-To|References|Reply-To):/im);
    const parsed = await simpleParser(raw);
    expect(parsed.attachments).toHaveLength(0);
    expect(parsed.html).toBe(false);
  });

  it('gives the same bytes for the same mail and time, with CRLF line ends and no X-Mailer', async () => {
    const a = await composeMail(reminder(), NOW);
    const b = await composeMail(reminder(), NOW);
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(a.toString('latin1')).not.toMatch(/^X-Mailer:/im);
    const other = await composeMail(reminder({ subject: 'another subject' }), NOW);
    const boundary = (raw: Buffer) => /boundary="([^"]+)"/.exec(raw.toString('latin1'))?.[1];
    expect(boundary(other)).not.toBe(boundary(a));
  });

  it('keeps line breaks in names and subjects from becoming headers', async () => {
    const raw = await composeMail(reminder({ subject: 'Order 2291\r\nBcc: someone@elsewhere.example', from: { name: 'orderwatch\r\nBcc: x@elsewhere.example', address: 'orderwatch@example.net' } }), NOW);
    const parsed = await simpleParser(raw);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.subject).toBe('Order 2291 Bcc: someone@elsewhere.example');
  });

  it('refuses an invalid date', async () => {
    await expect(composeMail(reminder(), new Date(Number.NaN))).rejects.toThrow(/invalid date/);
  });
});
