// Malformed, hostile and oversized messages, built in memory from a seed: what parsing and
// extraction must survive without hanging, crashing or eating memory. The bad-input test asserts
// what becomes of each; the bad-input benchmark prints the time and memory each costs. Nothing
// here is stored as a file, so a 60 MB case costs no repository space.
import { createRng, generateOrderParts, type GeneratedOrderParts, type OrderTruth, type Rng } from './mail/generate-orders.js';

export const BAD_INPUT_NAMES = [
  'empty',
  'random-64k',
  'attachment-60mb',
  'html-body-60mb',
  'nested-divs-10k',
  'unknown-charset',
  'invalid-utf8',
  'parts-5000',
  'header-block-2mb',
  'header-field-2mb',
  'headers-only',
  'truncated-mime',
  'long-body-line-100k',
  'long-header-line-100k',
] as const;
export type BadInputName = (typeof BAD_INPUT_NAMES)[number];

export interface BadInput {
  name: BadInputName;
  /** One line on what it is. */
  what: string;
  raw: Buffer;
  /** The order inside, when a real order email was wrapped or damaged to make it. */
  order: OrderTruth | null;
}

const SEED = 404;
const CRLF = '\r\n';

/** The ordinary order email every damaged case starts from (a storefront layout, text and HTML). */
export function baseOrder(): Promise<GeneratedOrderParts> {
  return generateOrderParts(11, { seed: SEED, layout: 'storefront', shape: 'alternative-qp', targetBytes: 30_000 });
}

export async function buildBadInput(name: BadInputName): Promise<BadInput> {
  const rng = createRng(SEED + BAD_INPUT_NAMES.indexOf(name));
  switch (name) {
    case 'empty':
      return { name, what: 'a file of 0 bytes', raw: Buffer.alloc(0), order: null };

    case 'random-64k':
      return { name, what: '64 KB of seeded random bytes', raw: randomBytes(rng, 64 * 1024), order: null };

    case 'attachment-60mb': {
      // The order's own multipart/alternative becomes the first part of a multipart/mixed.
      const o = await baseOrder();
      const { head, body } = split(o.raw);
      const inner = /boundary="([^"]+)"/.exec(head)![1]!;
      const outer = `mixed-${rng.hex(16)}`;
      const raw = Buffer.concat([
        Buffer.from(`${withoutMimeHeaders(head)}${CRLF}MIME-Version: 1.0${CRLF}Content-Type: multipart/mixed; boundary="${outer}"${CRLF}${CRLF}`),
        Buffer.from(`--${outer}${CRLF}Content-Type: multipart/alternative; boundary="${inner}"${CRLF}${CRLF}`),
        body,
        Buffer.from(`${CRLF}--${outer}${CRLF}Content-Type: application/zip; name="photos.zip"${CRLF}Content-Transfer-Encoding: base64${CRLF}Content-Disposition: attachment; filename="photos.zip"${CRLF}${CRLF}`),
        base64Lines(randomBytes(rng, 45 * 1024 * 1024)),
        Buffer.from(`${CRLF}--${outer}--${CRLF}`),
      ]);
      return { name, what: 'the order email plus a 60 MB base64 attachment (multipart/mixed)', raw, order: o.truth };
    }

    case 'html-body-60mb': {
      // One text/html part: the order's HTML with a 60 MB data: URI image before </body>, as some
      // mailers embed pictures; quoted-printable, so every line stays within 76 characters.
      const o = await baseOrder();
      const at = o.html.lastIndexOf('</body>');
      const image = randomBytes(rng, 44 * 1024 * 1024).toString('base64');
      const raw = Buffer.concat([
        Buffer.from(`${withoutMimeHeaders(split(o.raw).head)}${CRLF}MIME-Version: 1.0${CRLF}Content-Type: text/html; charset=utf-8${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}`),
        Buffer.from(quotedPrintable(Buffer.from(`${o.html.slice(0, at)}<p><img alt="" width="600" src="data:image/jpeg;base64,`))),
        Buffer.from(`=${CRLF}`),
        softBreakLines(image),
        Buffer.from(`=${CRLF}`),
        Buffer.from(quotedPrintable(Buffer.from(`"></p>\n${o.html.slice(at)}`))),
      ]);
      return { name, what: 'a single 60 MB text/html body (the order, then a data: URI image)', raw, order: o.truth };
    }

    case 'nested-divs-10k': {
      const o = await baseOrder();
      const html = o.html.replace(/<body[^>]*>/, (m) => `${m}${'<div>'.repeat(10_000)}`).replace('</body>', `${'</div>'.repeat(10_000)}</body>`);
      return { name, what: 'the order HTML inside 10,000 nested <div> elements', raw: singlePart(o, 'text/html; charset=utf-8', 'quoted-printable', Buffer.from(html)), order: o.truth };
    }

    case 'unknown-charset': {
      const o = await baseOrder();
      return { name, what: 'the order HTML declared charset=x-broken-charset', raw: singlePart(o, 'text/html; charset=x-broken-charset', 'quoted-printable', Buffer.from(o.html)), order: o.truth };
    }

    case 'invalid-utf8': {
      // Bad sequences after every table row: a lone continuation byte, a truncated 3-byte
      // sequence, an overlong slash, a UTF-16 surrogate, bytes never valid in UTF-8.
      const o = await baseOrder();
      const bad = [Buffer.from([0x80]), Buffer.from([0xe2, 0x82]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xfe, 0xff])];
      const pieces = o.html.split('</tr>');
      const body = Buffer.concat(pieces.flatMap((p, i) => (i === pieces.length - 1 ? [Buffer.from(p)] : [Buffer.from(p), bad[i % bad.length]!, Buffer.from('</tr>')])));
      return { name, what: 'the order HTML as 8bit utf-8 with invalid byte sequences', raw: singlePart(o, 'text/html; charset=utf-8', '8bit', body), order: o.truth };
    }

    case 'parts-5000': {
      const o = await baseOrder();
      const b = `parts-${rng.hex(12)}`;
      const chunks: string[] = [
        `${withoutMimeHeaders(split(o.raw).head)}${CRLF}MIME-Version: 1.0${CRLF}Content-Type: multipart/mixed; boundary="${b}"${CRLF}${CRLF}`,
        `--${b}${CRLF}Content-Type: text/html; charset=utf-8${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}${quotedPrintable(Buffer.from(o.html))}${CRLF}`,
      ];
      for (let i = 1; i < 5000; i++) {
        chunks.push(`--${b}${CRLF}Content-Type: text/plain; charset=us-ascii; name="note-${i}.txt"${CRLF}Content-Disposition: attachment; filename="note-${i}.txt"${CRLF}${CRLF}note ${i}${CRLF}`);
      }
      chunks.push(`--${b}--${CRLF}`);
      return { name, what: 'multipart/mixed with 5,000 parts (the order HTML first)', raw: Buffer.from(chunks.join('')), order: o.truth };
    }

    case 'header-block-2mb': {
      // A mail loop: about 19,000 Received headers above the real ones.
      const o = await baseOrder();
      const lines: string[] = [];
      for (let size = 0, hop = 0; size < 2 * 1024 * 1024; hop++) {
        const line = `Received: from relay${hop % 7}.loop.example (relay${hop % 7}.loop.example [192.0.2.${hop % 250}]) by relay${(hop + 1) % 7}.loop.example with ESMTP id ${rng.hex(12)};${CRLF}\tSun, 03 May 2026 16:12:48 -0400`;
        lines.push(line);
        size += line.length + 2;
      }
      return { name, what: '2 MB header block (19,000 Received lines of a mail loop) above the order', raw: Buffer.concat([Buffer.from(lines.join(CRLF) + CRLF), o.raw]), order: o.truth };
    }

    case 'header-field-2mb': {
      // One header field of 2 MB, folded into continuation lines.
      const o = await baseOrder();
      const value = rng.b64(2 * 1024 * 1024).match(/.{1,76}/g)!.join(`${CRLF}\t`);
      return { name, what: 'one 2 MB header field (folded) above the order', raw: Buffer.concat([Buffer.from(`X-Campaign-Data: ${value}${CRLF}`), o.raw]), order: o.truth };
    }

    case 'headers-only': {
      const o = await baseOrder();
      return { name, what: 'the order email\'s headers, no blank line, no body', raw: Buffer.from(`${split(o.raw).head}${CRLF}`), order: null };
    }

    case 'truncated-mime': {
      // A PDF-carrying order cut off inside its attachment: no closing boundary, half a PDF.
      const o = await generateOrderParts(12, { seed: SEED, layout: 'invoice', shape: 'mixed-pdf', targetBytes: 40_000 });
      const pdf = o.raw.indexOf('Content-Type: application/pdf');
      const cut = pdf + Math.floor((o.raw.length - pdf) / 2);
      return { name, what: 'a multipart order cut off inside its PDF part (boundary never closed)', raw: o.raw.subarray(0, cut), order: o.truth };
    }

    case 'long-body-line-100k': {
      // A text/plain body that is one line of 100,000 characters: the order's text with its line
      // breaks gone, then product listings, as a broken template would send it.
      const o = await baseOrder();
      let line = o.text.replace(/\s*\n\s*/g, ' ');
      while (line.length < 100_000) line += ` Stoneware Mug ${rng.int(1, 99)},${rng.int(10, 99)} EUR art. ${rng.int(10000, 99999)} in stock`;
      line = line.slice(0, 100_000);
      return { name, what: 'a text/plain body that is one 100,000-character line', raw: singlePart(o, 'text/plain; charset=utf-8', '8bit', Buffer.from(line)), order: o.truth };
    }

    case 'long-header-line-100k': {
      // An unfolded Subject of 100,000 characters on one line.
      const o = await baseOrder();
      const { head, body } = split(o.raw);
      const subject = `Subject: Order #${o.truth.orderNumber} confirmed ${'and thank you '.repeat(8000)}`.slice(0, 100_000);
      const raw = Buffer.concat([Buffer.from(head.replace(/^Subject:[^\r\n]*(?:\r\n[ \t][^\r\n]*)*/im, subject)), Buffer.from(CRLF + CRLF), body]);
      return { name, what: 'a Subject header that is one 100,000-character line', raw, order: o.truth };
    }
  }
}

// ---------------------------------------------------------------------------------------------

function split(raw: Buffer): { head: string; body: Buffer } {
  const end = raw.indexOf('\r\n\r\n');
  return { head: raw.subarray(0, end).toString('latin1'), body: raw.subarray(end + 4) };
}

/** The header block without its top-level MIME fields (folded continuations included). */
function withoutMimeHeaders(head: string): string {
  return head.replace(/^(?:content-type|content-transfer-encoding|mime-version):[^\r\n]*(?:\r\n[ \t][^\r\n]*)*\r\n?/gim, '').replace(/\r\n$/, '');
}

function singlePart(o: GeneratedOrderParts, contentType: string, encoding: 'quoted-printable' | '8bit', body: Buffer): Buffer {
  const head = `${withoutMimeHeaders(split(o.raw).head)}${CRLF}MIME-Version: 1.0${CRLF}Content-Type: ${contentType}${CRLF}Content-Transfer-Encoding: ${encoding}${CRLF}${CRLF}`;
  const encoded = encoding === '8bit' ? Buffer.from(body.toString('latin1').replace(/\r?\n/g, CRLF), 'latin1') : Buffer.from(quotedPrintable(body));
  return Buffer.concat([Buffer.from(head), encoded]);
}

export function randomBytes(rng: Rng, n: number): Buffer {
  const words = new Uint32Array(Math.ceil(n / 4));
  for (let i = 0; i < words.length; i++) words[i] = (rng.next() * 4294967296) >>> 0;
  return Buffer.from(words.buffer, 0, n);
}

function base64Lines(data: Buffer): Buffer {
  return softLines(Buffer.from(data.toString('base64')), 76, CRLF);
}

/** Quoted-printable soft breaks through a long run of characters that need no escaping. */
function softBreakLines(ascii: string): Buffer {
  return softLines(Buffer.from(ascii), 75, `=${CRLF}`);
}

function softLines(src: Buffer, width: number, sep: string): Buffer {
  const lines = Math.ceil(src.length / width);
  const out = Buffer.allocUnsafe(src.length + (lines - 1) * sep.length);
  let o = 0;
  for (let i = 0; i < src.length; i += width) {
    if (i > 0) o += out.write(sep, o, 'latin1');
    o += src.copy(out, o, i, Math.min(src.length, i + width));
  }
  return out;
}

/** Quoted-printable (RFC 2045) of bytes whose line breaks are LF or CRLF. */
export function quotedPrintable(bytes: Buffer): string {
  const out: string[] = [];
  let line = '';
  const hex = (b: number) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] === 0x0a)) {
      if (b === 0x0d) i++;
      if (line.endsWith(' ') || line.endsWith('\t')) line = line.slice(0, -1) + hex(line.charCodeAt(line.length - 1));
      out.push(line, CRLF);
      line = '';
      continue;
    }
    const token = (b >= 33 && b <= 126 && b !== 61) || b === 32 || b === 9 ? String.fromCharCode(b) : hex(b);
    if (line.length + token.length > 75) {
      out.push(line, `=${CRLF}`);
      line = '';
    }
    line += token;
  }
  out.push(line);
  return out.join('');
}
