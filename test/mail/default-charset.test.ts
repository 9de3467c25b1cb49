// Text parts that declare no charset: UTF-8 when their bytes are UTF-8, else windows-1252.
import { describe, expect, it } from 'vitest';
import { withDefaultCharset } from '../../src/mail/default-charset.js';
import { parseMessage } from '../../src/mail/parse.js';

const cp1252 = (s: string) => Buffer.from(s, 'latin1');
const HEAD = 'From: Fynbos & Fig <orders@fynbosfig.co.za>\r\nTo: lerato@example.net\r\nSubject: Order FF-20931\r\nDate: Tue, 14 Apr 2026 09:12:00 +0000\r\nMessage-ID: <ff-20931@fynbosfig.co.za>\r\nMIME-Version: 1.0\r\n';

describe('text without a declared charset', () => {
  it('reads windows-1252 bytes as windows-1252: accents, non-breaking spaces and the euro sign survive', async () => {
    const raw = cp1252(`${HEAD}Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\nCaf\xe9 au lait \xd7 2\r\nTOTAL  R1\xa0249,90 \x80\r\n`);
    const m = await parseMessage(raw);
    expect(m.text).toContain('Café au lait × 2');
    expect(m.text).toContain('R1\u00a0249,90 €');
  });

  it('keeps UTF-8 text that declares nothing as UTF-8', async () => {
    const raw = Buffer.from(`${HEAD}Content-Type: text/plain\r\n\r\nCafé au lait – R1\u00a0249,90\r\n`, 'utf8');
    expect((await parseMessage(raw)).text).toContain('Café au lait – R1\u00a0249,90');
  });

  it('never overrides a declared charset', async () => {
    const raw = cp1252(`${HEAD}Content-Type: text/html; charset=iso-8859-1\r\n\r\n<p>Caf\xe9</p>\r\n`);
    expect(withDefaultCharset(raw)).toBeNull();
    expect((await parseMessage(raw)).html).toContain('Café');
  });

  it('declares the fallback on every text part without a charset, folded headers included, and on a message with no Content-Type', () => {
    const multipart = `${HEAD}Content-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain;\r\n\tformat=flowed\r\n\r\nx\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\ny\r\n--b--\r\n`;
    const patched = withDefaultCharset(Buffer.from(multipart))!.toString('latin1');
    expect(patched).toContain('Content-Type: text/plain;\r\n\tformat=flowed; charset=windows-1252');
    expect(patched).toContain('Content-Type: text/html; charset=utf-8\r\n');
    expect(withDefaultCharset(Buffer.from(`${HEAD}\r\nhello\r\n`))!.toString('latin1')).toMatch(/^Content-Type: text\/plain; charset=windows-1252\r\nFrom:/);
  });
});
