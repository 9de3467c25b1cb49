// A very large message is parsed with each text part cut after a few megabytes of its encoded
// bytes, so a huge HTML body cannot take the memory with it; everything else reads as before.
// The limits are shrunk here so that a few kilobytes stand for the megabytes.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS, MessageParseError, parseMessage, type ParseLimits } from '../../src/mail/parse.js';

const SMALL: ParseLimits = { ...DEFAULT_PARSE_LIMITS, largeMessageBytes: 4_000, maxTextPartBytes: 2_000 };

function message(html: string, attachment: Buffer): Buffer {
  return Buffer.from(
    [
      'From: Ridgeway Pantry <orders@ridgewaypantry.com>',
      'To: maren@example.net',
      'Subject: Your order #2291 is confirmed',
      'Date: Tue, 14 Apr 2026 09:20:00 -0400',
      'Message-ID: <2291.confirm@ridgewaypantry.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: multipart/alternative; boundary="alt"',
      '',
      '--alt',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Order #2291 confirmed. Total: $81.00',
      '--alt',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(html).toString('base64').replace(/.{76}/g, '$&\r\n'),
      '--alt--',
      '--outer',
      'Content-Type: application/pdf; name="invoice-2291.pdf"',
      'Content-Disposition: attachment; filename="invoice-2291.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      attachment.toString('base64').replace(/.{76}/g, '$&\r\n'),
      '--outer--',
      '',
    ].join('\r\n'),
  );
}

const hugeHtml = `<p>Thanks for your order #2291.</p>${'<p>Stoneware mug, speckled glaze, 350 ml.</p>'.repeat(400)}`;
const pdf = Buffer.alloc(9_000, 7);

describe('a message larger than largeMessageBytes', () => {
  it('has its HTML part cut after maxTextPartBytes encoded bytes, from a buffer or a stream alike', async () => {
    const raw = message(hugeHtml, pdf);
    expect(raw.length).toBeGreaterThan(SMALL.largeMessageBytes);
    for (const source of [raw, Readable.from([raw.subarray(0, 1_000), raw.subarray(1_000, 5_000), raw.subarray(5_000)])]) {
      const parsed = await parseMessage(source, SMALL);
      expect(parsed.html!.startsWith('<p>Thanks for your order #2291.</p>')).toBe(true);
      // 2,000 base64 characters (line breaks included) decode to at most 1,500 bytes
      expect(parsed.html!.length).toBeLessThanOrEqual(1_500);
      expect(parsed.text).toBe('Order #2291 confirmed. Total: $81.00');
      expect(parsed.subject).toBe('Your order #2291 is confirmed');
      // attachments are streamed by the parser anyway: untouched
      expect(parsed.attachments).toEqual([{ filename: 'invoice-2291.pdf', contentType: 'application/pdf', size: pdf.length }]);
      expect(parsed.bytes).toBe(raw.length);
    }
  });

  it('reads exactly as a small message does when no text part is over the cap', async () => {
    const raw = message('<p>Thanks for your order #2291.</p>', Buffer.alloc(9_000, 3));
    const capped = await parseMessage(raw, SMALL);
    const direct = await parseMessage(raw, DEFAULT_PARSE_LIMITS);
    expect({ ...capped, header: null }).toEqual({ ...direct, header: null });
    expect(capped.header('message-id')).toEqual(direct.header('message-id'));
  });

  it('still rejects a broken MIME structure with a clear error', async () => {
    const raw = Buffer.concat([Buffer.from('From: a@b.example\r\nSubject: x\r\nX-Long: '), Buffer.alloc(2 * 1024 * 1024, 'a'), Buffer.from('\r\n\r\nbody\r\n')]);
    const err = await parseMessage(raw, SMALL).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MessageParseError);
    expect((err as Error).message).toMatch(/^MIME structure: Max header size/);
  });
});
